/** The parts of a meeting record beyond attendance: votes of a general meeting, grades of a member review. */
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { REVIEW_GRADES } from '@dangjian/contracts';
import { useEnumOptions, useT } from '../../../app/i18n';
import { useFeedback } from '../../../components/feedback';
import { excellentCap, type Meeting } from './model';
import type { SaveMeeting } from './AttendanceCard';
import { ErrorAlert } from '../../../components/form/ErrorAlert';

interface MotionDraft {
  key: number;
  title: string;
  yes: number;
  no: number;
  abstain: number;
}

let nextKey = 1;
const draftsOf = (m: Meeting): MotionDraft[] =>
  m.motions.map((x) => ({ key: nextKey++, title: x.title, yes: x.yes, no: x.no, abstain: x.abstain }));
const sameMotion = (d: MotionDraft, s: Meeting['motions'][number] | undefined) =>
  !!s && d.title === s.title && d.yes === s.yes && d.no === s.no && d.abstain === s.abstain;

/**
 * Motions of a general meeting: title and yes/no/abstain; the server answers the entitled, present voting, quorum
 * and result.
 */
export function MotionsCard({ meeting, canWrite, save }: { meeting: Meeting; canWrite: boolean; save: SaveMeeting }) {
  const t = useT();
  const { message } = useFeedback();
  const [drafts, setDrafts] = useState<MotionDraft[]>(() => draftsOf(meeting));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const saved = meeting.motions;
  useEffect(() => setDrafts(draftsOf(meeting)), [meeting.updatedAt]); // eslint-disable-line react-hooks/exhaustive-deps
  const editable = canWrite && !meeting.deletedAt;
  const dirty = drafts.length !== saved.length || drafts.some((d, i) => !sameMotion(d, saved[i]));
  // Before the first save the figures come from the attendance: full members present may vote.
  const presentVoting =
    saved[0]?.presentVoting ??
    meeting.attendance.filter((a) => a.status === 'present' && a.memberStatus === 'full').length;
  const entitled = saved[0]?.entitled;

  function change(key: number, patch: Partial<MotionDraft>) {
    setDrafts((prev) => prev.map((d) => (d.key === key ? { ...d, ...patch } : d)));
  }

  async function submit() {
    if (drafts.some((d) => !d.title.trim())) {
      setError(t('请填写每项表决事项的名称', 'Every motion needs a title'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await save({ motions: drafts.map((d) => ({ title: d.title.trim(), yes: d.yes, no: d.no, abstain: d.abstain })) });
      message.success(t('表决结果已保存', 'Votes saved'));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const num = (d: MotionDraft, k: 'yes' | 'no' | 'abstain', label: string) =>
    editable ? (
      <InputNumber
        size="small"
        min={0}
        max={9999}
        precision={0}
        aria-label={`${d.title || t('表决事项', 'Motion')} ${label}`}
        value={d[k]}
        onChange={(v) => change(d.key, { [k]: Number(v ?? 0) })}
        style={{ width: 72 }}
      />
    ) : (
      d[k]
    );

  return (
    <Card title={t('表决事项', 'Motions')} data-testid="motions-card">
      <div className="mt-counts">
        <span>
          {t('有表决权的正式党员', 'Full members entitled to vote')} <b>{entitled ?? '—'}</b>
        </span>
        <span>
          {t('到会有表决权', 'Present and entitled')} <b>{presentVoting}</b>
        </span>
        {entitled != null ? (
          <span>
            {t('法定人数', 'Quorum')} <b>{saved[0]?.quorumMet ? t('已达到', 'met') : t('未达到', 'not met')}</b>
            <span className="dj-muted">{t('（超过应到正式党员半数）', ' (more than half of the full members)')}</span>
          </span>
        ) : null}
      </div>
      <ErrorAlert error={error} testId="motions-error" />
      <Table<MotionDraft>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={drafts}
        locale={{ emptyText: t('没有表决事项', 'No motions') }}
        columns={[
          {
            title: t('表决事项', 'Motion'),
            dataIndex: 'title',
            render: (v: string, d) =>
              editable ? (
                <Input
                  size="small"
                  count={{ show: true, max: 200 }}
                  aria-label={t('表决事项名称', 'Motion title')}
                  value={v}
                  onChange={(e) => change(d.key, { title: e.target.value })}
                />
              ) : (
                v
              ),
          },
          { title: t('赞成', 'Yes'), width: 90, render: (_, d) => num(d, 'yes', t('赞成', 'yes')) },
          { title: t('反对', 'No'), width: 90, render: (_, d) => num(d, 'no', t('反对', 'no')) },
          { title: t('弃权', 'Abstain'), width: 90, render: (_, d) => num(d, 'abstain', t('弃权', 'abstain')) },
          {
            title: t('结果', 'Result'),
            width: 150,
            render: (_, d, i) => {
              const s = saved[i];
              if (d.yes + d.no + d.abstain > presentVoting)
                return (
                  <span className="mt-over">{t('票数超过到会有表决权人数', 'More votes than voters present')}</span>
                );
              if (!sameMotion(d, s)) return <span className="dj-muted">{t('保存后计算', 'Computed on save')}</span>;
              return s.passed ? (
                <Tag color="success">{t('通过', 'Passed')}</Tag>
              ) : (
                <Tag color="error">{s.quorumMet ? t('未通过', 'Not passed') : t('未达法定人数', 'No quorum')}</Tag>
              );
            },
          },
          ...(editable
            ? [
                {
                  title: <span className="sr-only">{t('操作', 'Actions')}</span>,
                  width: 50,
                  render: (_: unknown, d: MotionDraft) => (
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('删除此项', 'Remove this motion')}
                      onClick={() => setDrafts((prev) => prev.filter((x) => x.key !== d.key))}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      {editable ? (
        <Space style={{ marginTop: 12 }}>
          <Button
            icon={<PlusOutlined />}
            onClick={() => setDrafts((prev) => [...prev, { key: nextKey++, title: '', yes: 0, no: 0, abstain: 0 }])}
            disabled={drafts.length >= 50}
          >
            {t('添加表决事项', 'Add a motion')}
          </Button>
          <Button type="primary" disabled={!dirty} loading={busy} onClick={submit} data-testid="save-motions">
            {t('保存表决结果', 'Save votes')}
          </Button>
        </Space>
      ) : null}
    </Card>
  );
}

/** Grades of a democratic review, with the live count of excellent against its cap (one third of those graded). */
export function ReviewsCard({ meeting, canWrite, save }: { meeting: Meeting; canWrite: boolean; save: SaveMeeting }) {
  const t = useT();
  const opts = useEnumOptions();
  const { message } = useFeedback();
  const initial = useMemo(
    () => new Map(meeting.reviews.map((r) => [r.memberId, r.grade as string])),
    [meeting.reviews],
  );
  const [grades, setGrades] = useState<Map<number, string>>(initial);
  useEffect(() => setGrades(initial), [initial]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editable = canWrite && !meeting.deletedAt;
  const people = meeting.attendance.map((a) => ({ memberId: a.memberId, name: a.name }));
  for (const r of meeting.reviews)
    if (!people.some((p) => p.memberId === r.memberId)) people.push({ memberId: r.memberId, name: r.name });
  const graded = [...grades.values()].filter(Boolean).length;
  const excellent = [...grades.values()].filter((g) => g === 'excellent').length;
  const cap = excellentCap(graded);
  const dirty = grades.size !== initial.size || [...grades].some(([k, v]) => initial.get(k) !== v);

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      await save({ reviews: [...grades].filter(([, g]) => g).map(([memberId, grade]) => ({ memberId, grade })) });
      message.success(t('评议结果已保存', 'Grades saved'));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('民主评议结果', 'Review grades')} data-testid="reviews-card">
      <div className="mt-counts" aria-live="polite">
        <span data-testid="excellent-counter" className={excellent > cap ? 'mt-over' : undefined}>
          {t('优秀', 'Excellent')} <b>{excellent}</b> / {t('上限', 'at most')} <b>{cap}</b>
          <span className="dj-muted">{t(`（已评 ${graded} 人的三分之一）`, ` (a third of the ${graded} graded)`)}</span>
        </span>
      </div>
      {excellent > cap ? (
        <Alert
          type="warning"
          showIcon
          title={t(
            '评定为优秀的党员不能超过参评党员的三分之一',
            'No more than one third of members may be graded excellent',
          )}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <ErrorAlert error={error} testId="reviews-error" />
      <Table
        rowKey="memberId"
        size="small"
        pagination={people.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
        dataSource={people}
        columns={[
          { title: '#', width: 50, render: (_, __, i) => i + 1 },
          { title: t('姓名', 'Name'), dataIndex: 'name', width: 140 },
          {
            title: t('评定等次', 'Grade'),
            render: (_, p) =>
              editable ? (
                <Select
                  size="small"
                  allowClear
                  aria-label={t(`${p.name}的评定等次`, `Grade of ${p.name}`)}
                  placeholder={t('未评定', 'Not graded')}
                  value={grades.get(p.memberId) || undefined}
                  options={opts(REVIEW_GRADES)}
                  onChange={(g?: string) =>
                    setGrades((prev) => {
                      const next = new Map(prev);
                      if (g) next.set(p.memberId, g);
                      else next.delete(p.memberId);
                      return next;
                    })
                  }
                  style={{ width: 140 }}
                />
              ) : (
                (opts(REVIEW_GRADES).find((o) => o.value === grades.get(p.memberId))?.label ?? '—')
              ),
          },
        ]}
      />
      {editable ? (
        <Button
          type="primary"
          style={{ marginTop: 12 }}
          disabled={!dirty}
          loading={busy}
          onClick={submit}
          data-testid="save-reviews"
        >
          {t('保存评议结果', 'Save grades')}
        </Button>
      ) : null}
    </Card>
  );
}
