/**
 * A meeting in full (`/meetings/:id`): the record, attendance, votes or grades, photos, sign-in, delete and restore,
 * and a print view.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Skeleton, Space } from 'antd';
import { EditOutlined, PrinterOutlined, QrcodeOutlined, UndoOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { ATTENDANCE_STATUSES, LECTURER_ROLES, MEETING_KIND_LABELS } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { hasCap, useMe } from '../../../app/session';
import { useFeedback } from '../../../components/feedback';
import { ErrorResult } from '../../../components/States';
import { chinaTime, type CheckinOpenAnswer, type Meeting } from './model';
import { KindTag, RecordFlags, useMissingText } from './parts';
import { AttendanceCard } from './AttendanceCard';
import { PhotosCard } from './PhotosCard';
import { MotionsCard, ReviewsCard } from './RecordCards';
import { CheckinPanel, readCheckinCache, writeCheckinCache } from './CheckinPanel';
import './meetings.css';
import { ConfirmDelete } from '../../../components/form/ConfirmDelete';

const POLL_MS = 5_000;

/** The paper form of the record (纪实), shown only when printing. */
function PrintView({ m }: { m: Meeting }) {
  const t = useT();
  const lbl = useLabel();
  const by = (s: string) => m.attendance.filter((a) => a.status === s);
  // Before the meeting nobody is absent: the paper lists those expected instead.
  const notMarked = m.upcoming ? 'expected' : 'absent';
  const names = (s: string) =>
    by(s)
      .map((a) => (s === 'leave' && a.leaveReason ? `${a.name}（${a.leaveReason}）` : a.name))
      .join('、') || t('无', 'none');
  return (
    <div className="mt-print" aria-hidden>
      <h1>{t(`${lbl(MEETING_KIND_LABELS, m.kind)}记录`, `${lbl(MEETING_KIND_LABELS, m.kind)} record`)}</h1>
      <p className="mt-print-sub">{m.orgName}</p>
      <table>
        <tbody>
          <tr>
            <th>{t('会议议题', 'Topic')}</th>
            <td colSpan={3}>{m.topic}</td>
          </tr>
          <tr>
            <th>{t('时间', 'Time')}</th>
            <td>
              {m.heldOn} {m.startTime}
              {m.endTime ? `–${m.endTime}` : ''}
            </td>
            <th>{t('地点', 'Place')}</th>
            <td>{m.place ?? ''}</td>
          </tr>
          <tr>
            <th>{t('主持人', 'Host')}</th>
            <td>{m.hostName ?? ''}</td>
            <th>{t('记录人', 'Recorder')}</th>
            <td>{m.recorderName ?? ''}</td>
          </tr>
          {m.kind === 'party_lecture' ? (
            <tr>
              <th>{t('授课人', 'Lecturer')}</th>
              <td colSpan={3}>
                {m.lecturerName ?? ''} {m.lecturerRole ? `（${lbl(LECTURER_ROLES, m.lecturerRole)}）` : ''}
              </td>
            </tr>
          ) : null}
          <tr>
            <th>{t('应到人数', 'Expected')}</th>
            <td>{m.expected}</td>
            <th>{t('实到人数', 'Present')}</th>
            <td>
              {m.present}
              {m.upcoming
                ? t(`（请假 ${m.leave}，会议尚未开始）`, ` (${m.leave} on leave; not yet held)`)
                : t(`（请假 ${m.leave}，缺席 ${m.absent}）`, ` (${m.leave} on leave, ${m.absent} absent)`)}
            </td>
          </tr>
          <tr>
            <th>{lbl(ATTENDANCE_STATUSES, 'present')}</th>
            <td colSpan={3}>{names('present')}</td>
          </tr>
          <tr>
            <th>{lbl(ATTENDANCE_STATUSES, 'leave')}</th>
            <td colSpan={3}>{names('leave')}</td>
          </tr>
          <tr>
            <th>{lbl(ATTENDANCE_STATUSES, notMarked)}</th>
            <td colSpan={3}>{names(notMarked)}</td>
          </tr>
          <tr>
            <th>{t('会议内容', 'Minutes')}</th>
            <td colSpan={3} className="mt-print-minutes">
              {m.minutes ?? ''}
            </td>
          </tr>
          {m.motions.length ? (
            <tr>
              <th>{t('表决情况', 'Votes')}</th>
              <td colSpan={3}>
                {m.motions.map((x) => (
                  <div key={x.id}>
                    {x.title}：
                    {t(
                      `赞成 ${x.yes}，反对 ${x.no}，弃权 ${x.abstain}，`,
                      `yes ${x.yes}, no ${x.no}, abstain ${x.abstain}, `,
                    )}
                    {x.passed ? t('通过', 'passed') : t('未通过', 'not passed')}
                  </div>
                ))}
              </td>
            </tr>
          ) : null}
          <tr>
            <th>{t('决定事项', 'Decisions')}</th>
            <td colSpan={3} style={{ whiteSpace: 'pre-wrap' }}>
              {m.decisions ?? ''}
            </td>
          </tr>
          <tr className="mt-print-sign">
            <th>{t('主持人签字', 'Host signature')}</th>
            <td />
            <th>{t('记录人签字', 'Recorder signature')}</th>
            <td />
          </tr>
          <tr className="mt-print-sign tall">
            <th>{t('参会人员签到', 'Attendees sign')}</th>
            <td colSpan={3} />
          </tr>
        </tbody>
      </table>
      <p style={{ marginTop: 8, fontSize: '10pt' }}>
        {t(`录入时间：${chinaTime(m.enteredAt)}`, `Entered: ${chinaTime(m.enteredAt)}`)}
        {m.lateEntry ? t('（补录）', ' (late entry)') : ''}
      </p>
    </div>
  );
}

/** The meeting detail page. */
export default function MeetingDetailPage() {
  const t = useT();
  const lbl = useLabel();
  const missingText = useMissingText();
  const { message } = useFeedback();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const { data: me } = useMe();
  const canWrite = hasCap(me, 'meetings.write');
  const [panel, setPanel] = useState(false);
  const [answer, setAnswer] = useState<CheckinOpenAnswer | null>(() => readCheckinCache(id));
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setAnswer(readCheckinCache(id));
    setPanel(false);
  }, [id]);
  const q = useQuery({
    queryKey: ['meeting', id],
    queryFn: ({ signal }) => api.get<Meeting>(`/api/meetings/${id}`, undefined, signal),
    // While sign-in is open (or its panel shown) the attendance refreshes every 5 seconds.
    refetchInterval: (query) => (panel || query.state.data?.checkin ? POLL_MS : false),
    refetchIntervalInBackground: true,
  });
  const m = q.data;
  usePageCrumb(m?.topic);

  async function save(patch: Record<string, unknown>): Promise<Meeting> {
    const next = await api.patch<Meeting>(`/api/meetings/${id}`, patch);
    qc.setQueryData(['meeting', id], next);
    qc.invalidateQueries({ queryKey: ['meetings'] });
    qc.invalidateQueries({ queryKey: ['compliance'] });
    return next;
  }

  /** Opens sign-in for its usual window, or with `now` starts it at once (立即开始签到, audited as early). */
  async function openCheckin(now?: boolean) {
    setBusy(true);
    try {
      const a = await api.post<CheckinOpenAnswer>(`/api/meetings/${id}/checkin/open`, now ? { now } : {});
      writeCheckinCache(id, a);
      setAnswer(a);
      setPanel(true);
      await q.refetch();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function endCheckin() {
    setBusy(true);
    try {
      await api.post(`/api/meetings/${id}/checkin/close`, {});
      writeCheckinCache(id, null);
      setAnswer(null);
      setPanel(false);
      await q.refetch();
      message.success(t('签到已结束', 'Sign-in ended'));
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    try {
      await api.del(`/api/meetings/${id}`);
      qc.invalidateQueries({ queryKey: ['meetings'] });
      qc.invalidateQueries({ queryKey: ['compliance'] });
      await q.refetch();
      message.success(t('已移入回收站', 'Moved to the recycle bin'));
    } catch (e) {
      message.error((e as Error).message);
    }
  }

  async function restore() {
    try {
      const next = await api.post<Meeting>(`/api/meetings/${id}/restore`);
      qc.setQueryData(['meeting', id], next);
      qc.invalidateQueries({ queryKey: ['meetings'] });
      qc.invalidateQueries({ queryKey: ['compliance'] });
      message.success(t('已恢复', 'Restored'));
    } catch (e) {
      message.error((e as Error).message);
    }
  }

  if (q.isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (q.error || !m) return <ErrorResult error={q.error} onRetry={() => q.refetch()} />;
  const deleted = !!m.deletedAt;

  return (
    <>
      <div className="mt-screen">
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card>
            <div className="mt-head">
              <div>
                <h1 data-testid="meeting-topic">{m.topic}</h1>
                <Space wrap size={8}>
                  <KindTag kind={m.kind} />
                  <span className="dj-muted">
                    {m.orgName} · {m.heldOn} {m.startTime}
                    {m.endTime ? `–${m.endTime}` : ''}
                  </span>
                  <RecordFlags m={m} />
                </Space>
              </div>
              <div className="mt-head-actions">
                <Space wrap>
                  {canWrite && !deleted ? (
                    <>
                      <Button
                        type="primary"
                        icon={<QrcodeOutlined />}
                        loading={busy && !panel}
                        onClick={() => (m.checkin ? setPanel(true) : openCheckin())}
                        data-testid="open-checkin"
                      >
                        {m.checkin ? t('显示签到码', 'Show sign-in') : t('开启签到', 'Open sign-in')}
                      </Button>
                      <Button icon={<EditOutlined />} onClick={() => navigate(`/meetings/${id}/edit`)}>
                        {t('编辑', 'Edit')}
                      </Button>
                    </>
                  ) : null}
                  <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print">
                    {t('打印', 'Print')}
                  </Button>
                  {canWrite ? (
                    deleted ? (
                      <Button icon={<UndoOutlined />} onClick={restore} data-testid="restore-meeting">
                        {t('恢复', 'Restore')}
                      </Button>
                    ) : (
                      <ConfirmDelete
                        title={t('删除这次会议记录？', 'Delete this meeting record?')}
                        description={t(
                          '可在回收站恢复；删除后不计入落实情况',
                          'It can be restored; until then it does not count as held',
                        )}
                        onConfirm={remove}
                        testId="delete-meeting"
                      />
                    )
                  ) : null}
                </Space>
              </div>
            </div>
            {deleted ? (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 16 }}
                title={t(
                  `此记录已于 ${chinaTime(m.deletedAt)} 删除，不计入落实情况。`,
                  `Deleted on ${chinaTime(m.deletedAt)}; it does not count as held.`,
                )}
              />
            ) : null}
            {!m.complete && !deleted && !m.upcoming ? (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 16 }}
                title={t(`纪实不完整：${missingText(m.missing)}`, `Incomplete record: ${missingText(m.missing)}`)}
                data-testid="incomplete-alert"
              />
            ) : null}
            <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }}>
              <Descriptions.Item label={t('党组织', 'Organization')}>{m.orgName}</Descriptions.Item>
              <Descriptions.Item label={t('会议类型', 'Kind')}>{lbl(MEETING_KIND_LABELS, m.kind)}</Descriptions.Item>
              <Descriptions.Item label={t('时间', 'Time')}>
                {m.heldOn} {m.startTime}
                {m.endTime ? `–${m.endTime}` : ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('地点', 'Place')}>{m.place ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('主持人', 'Host')}>{m.hostName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('记录人', 'Recorder')}>{m.recorderName ?? '—'}</Descriptions.Item>
              {m.kind === 'party_lecture' ? (
                <Descriptions.Item label={t('授课人', 'Lecturer')}>
                  {m.lecturerName ?? '—'}
                  {m.lecturerRole ? `（${lbl(LECTURER_ROLES, m.lecturerRole)}）` : ''}
                </Descriptions.Item>
              ) : null}
              <Descriptions.Item label={t('出席', 'Attendance')}>
                {m.upcoming
                  ? t(
                      `应到 ${m.expected}，已签到 ${m.present}，请假 ${m.leave}（会议尚未开始）`,
                      `${m.expected} expected, ${m.present} signed in, ${m.leave} on leave (not yet held)`,
                    )
                  : t(
                      `应到 ${m.expected}，实到 ${m.present}，请假 ${m.leave}，缺席 ${m.absent}`,
                      `${m.expected} expected, ${m.present} present, ${m.leave} on leave, ${m.absent} absent`,
                    )}
              </Descriptions.Item>
              <Descriptions.Item label={t('录入时间', 'Entered')}>
                {chinaTime(m.enteredAt)}
                {m.lateEntry ? t('（补录）', ' (late entry)') : ''}
              </Descriptions.Item>
            </Descriptions>
            <Descriptions bordered size="small" column={1} style={{ marginTop: 12 }} styles={{ label: { width: 110 } }}>
              <Descriptions.Item label={t('会议记录', 'Minutes')}>
                {m.minutes ? (
                  <p className="mt-pre">{m.minutes}</p>
                ) : (
                  <span className="dj-muted">{t('未填写', 'Not recorded')}</span>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('决定事项', 'Decisions')}>
                {m.decisions ? <p className="mt-pre">{m.decisions}</p> : '—'}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <AttendanceCard meeting={m} canWrite={canWrite} save={save} />
          {m.kind === 'general_meeting' ? <MotionsCard meeting={m} canWrite={canWrite} save={save} /> : null}
          {m.kind === 'member_review' ? <ReviewsCard meeting={m} canWrite={canWrite} save={save} /> : null}
          <PhotosCard meeting={m} canWrite={canWrite} onChanged={() => void q.refetch()} />
        </Space>
        {panel ? (
          <CheckinPanel
            meeting={m}
            answer={answer}
            open={panel}
            busy={busy}
            onHide={() => setPanel(false)}
            onReopen={() => openCheckin()}
            onStartNow={() => openCheckin(true)}
            onEnd={endCheckin}
          />
        ) : null}
      </div>
      <PrintView m={m} />
    </>
  );
}
