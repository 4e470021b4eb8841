/**
 * A problem in full (`/problems/:id`): what was found and where it came from (linked back to its record), the
 * notice to print once assigned, the measures (措施清单), the evidence photos, the timeline, and the moves the
 * server allows this user now — assign with a notice, claim the fix, verify and close or send back, the follow-up
 * check that holds or reopens it. Who claimed the fix cannot verify it: the page says so in words.
 */
import { Alert, Button, Card, Col, Descriptions, Row, Space, Tag } from 'antd';
import { EditOutlined, PrinterOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { PROBLEM_FLOW, PROBLEM_OPEN_STATUSES, PROBLEM_SOURCES, PROBLEM_STATUSES } from '@dangjian/contracts';
import { api, messageOf } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { hasCap, useMe } from '../../../app/session';
import { DateField } from '../../../components/DateField';
import { useFeedback } from '../../../components/feedback';
import { Timeline, chinaDateTime } from '../../../components/Timeline';
import { WorkflowActionBar } from '../../../components/WorkflowActionBar';
import { DetailHead, detailGate, useRecordDetail } from '../../residents/common/DetailParts';
import { MeasuresCard } from './MeasuresCard';
import { EvidenceCard } from './EvidenceCard';
import { RecycleButton } from './parts';
import {
  moveCall,
  PROBLEM_EVENT_KINDS,
  type ProblemDetail,
  STATUS_COLORS,
  sourcePagePath,
  useCategories,
} from './problemModel';

/** The problem detail page. */
export default function ProblemDetailPage() {
  const t = useT();
  const lbl = useLabel();
  const navigate = useNavigate();
  const { message } = useFeedback();
  const { data: me } = useMe();
  const categories = useCategories();
  const id = Number(useParams().id);
  const { q, changed, qc } = useRecordDetail<ProblemDetail>('problem', 'problems', id);
  const r = q.data;
  usePageCrumb(r ? r.title : undefined);
  const gate = detailGate(q);
  if (gate || !r) return gate;
  const deleted = !!r.deletedAt;
  const d = (v: string | null | undefined) => v || '—';
  const open = !deleted && r.status !== 'closed';
  const canWrite = hasCap(me, 'problems.write') && open;
  // A fix claimed: the bar leaves out verification for whom the server refuses it; the page says why.
  const verifyBarred = r.status === 'claimed' && !deleted && !r.actions.includes('verify');
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <DetailHead
          testId="problem-title"
          title={r.title}
          tags={
            <>
              <Tag color={STATUS_COLORS[r.status]} data-testid="problem-status">
                {lbl(PROBLEM_STATUSES, r.status)}
              </Tag>
              {r.overdue ? <Tag color="red">{t('已逾期', 'Overdue')}</Tag> : null}
              <Tag>{categories.name(r.category) || r.categoryName}</Tag>
              <span className="dj-muted">{lbl(PROBLEM_SOURCES, r.source)}</span>
              {r.reopened ? (
                <Tag color="volcano">{t(`回头看重新整改 ${r.reopened} 次`, `Reopened ${r.reopened}×`)}</Tag>
              ) : null}
            </>
          }
          actions={
            <>
              <WorkflowActionBar
                actions={deleted ? [] : r.actions}
                moves={PROBLEM_FLOW.actions}
                primary={['assign', 'claim', 'verify', 'followUp']}
                danger={['reject', 'reopen']}
                fields={{
                  responsibleName: { label: { zh: '整改责任人', en: 'Responsible person' }, input: 'text' },
                  dueOn: { label: { zh: '整改期限', en: 'Due date' }, render: () => <DateField /> },
                  claimNote: { label: { zh: '整改情况', en: 'What was done' }, input: 'textarea' },
                  reason: { label: { zh: '验收不通过原因', en: 'Why it fails' }, input: 'textarea' },
                  result: { label: { zh: '回头看情况', en: 'Follow-up findings' }, input: 'textarea' },
                }}
                fieldOfCode={{
                  'problems.due_in_past': 'dueOn',
                  'problems.due_before_found': 'dueOn',
                  'problems.member_outside': 'responsibleName',
                }}
                run={(move, input) => api.post(...moveCall(id, move, input))}
                onDone={(_m, next) => {
                  if (next && typeof next === 'object' && 'id' in next) qc.setQueryData(['problem', id], next);
                  message.success(t('已保存', 'Saved'));
                  changed();
                }}
              />
              {canWrite && (PROBLEM_OPEN_STATUSES as readonly string[]).includes(r.status) ? (
                <Button icon={<EditOutlined />} onClick={() => navigate(`/problems/${id}/edit`)}>
                  {t('修改', 'Edit')}
                </Button>
              ) : null}
              {r.noticeNo ? (
                <Button
                  icon={<PrinterOutlined />}
                  onClick={() => navigate(`/problems/${id}/notice`)}
                  data-testid="print-notice"
                >
                  {t('打印交办单', 'Print the notice')}
                </Button>
              ) : null}
              {hasCap(me, 'accountability.write') && !deleted ? (
                <Button
                  icon={<SafetyCertificateOutlined />}
                  onClick={() => navigate(`/accountability/new?problem=${id}`)}
                  data-testid="hold-to-account"
                >
                  {t('登记问责', 'Record accountability')}
                </Button>
              ) : null}
              <RecycleButton
                path={`/api/problems/${id}`}
                capability="problems.write"
                deleted={deleted}
                confirm={t('删除这条误录的问题？', 'Delete this mistaken problem?')}
                onChanged={changed}
              />
            </>
          }
          deletedNote={
            deleted ? t(`已于 ${chinaDateTime(r.deletedAt)} 删除`, `Deleted on ${chinaDateTime(r.deletedAt)}`) : null
          }
        />
        {r.status === 'assigned' && r.rejectReason ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('验收未通过：', 'Verification failed: ') + r.rejectReason}
          />
        ) : null}
        {verifyBarred ? (
          <Alert
            type={hasCap(me, 'problems.verify') ? 'warning' : 'info'}
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="verify-barred"
            title={
              hasCap(me, 'problems.verify')
                ? t('不能由您验收：', 'Not yours to verify: ') + messageOf('problems.verifier_is_fixer')
                : t(
                    '已报整改完成，待乡镇（街道）或县级验收销号；报整改完成的人不能自己验收。',
                    'The fix is claimed and awaits verification by the township or the county; ' +
                      'whoever claimed it cannot verify it.',
                  )
            }
          />
        ) : null}
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('责任组织', 'Responsible organization')}>{r.orgName}</Descriptions.Item>
          <Descriptions.Item label={t('问题来源', 'Source')}>
            {lbl(PROBLEM_SOURCES, r.source)}
            {r.sourceLink ? (
              <>
                {' · '}
                {sourcePagePath(r.sourceLink.path) ? (
                  <Link to={sourcePagePath(r.sourceLink.path)!} data-testid="source-link">
                    {r.sourceLink.label}
                  </Link>
                ) : (
                  r.sourceLink.label
                )}
              </>
            ) : null}
          </Descriptions.Item>
          <Descriptions.Item label={t('发现日期', 'Found on')}>{r.foundOn}</Descriptions.Item>
          <Descriptions.Item label={t('发现人', 'Found by')}>{d(r.foundBy)}</Descriptions.Item>
          <Descriptions.Item label={t('交办单编号', 'Notice number')}>{d(r.noticeNo)}</Descriptions.Item>
          <Descriptions.Item label={t('交办日期', 'Assigned on')}>{d(r.assignedOn)}</Descriptions.Item>
          <Descriptions.Item label={t('整改责任人', 'Responsible person')}>{d(r.responsibleName)}</Descriptions.Item>
          <Descriptions.Item label={t('整改期限', 'Due')}>
            <span className={r.overdue ? 'pb-overdue' : undefined}>{d(r.dueOn)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('报整改完成', 'Fix claimed')}>
            {r.claimedOn ? `${r.claimedOn} · ${d(r.claimedBy)}` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('验收销号', 'Verified and closed')}>
            {r.closedOn ? `${r.closedOn} · ${d(r.verifiedBy)}` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('回头看', 'Follow-up')}>
            {r.followedUpOn
              ? t(`${r.followedUpOn} 已回头看`, `Followed up on ${r.followedUpOn}`)
              : r.followUpDue
                ? t(`应于 ${r.followUpDue} 前回头看`, `Due by ${r.followUpDue}`)
                : '—'}
          </Descriptions.Item>
        </Descriptions>
        <Descriptions bordered size="small" column={1} style={{ marginTop: 12 }}>
          <Descriptions.Item label={t('问题描述', 'Description')}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{d(r.description)}</span>
          </Descriptions.Item>
          {r.claimNote ? (
            <Descriptions.Item label={t('整改情况', 'What was done')}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{r.claimNote}</span>
            </Descriptions.Item>
          ) : null}
          {r.followUpResult ? (
            <Descriptions.Item label={t('回头看情况', 'Follow-up findings')}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{r.followUpResult}</span>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <MeasuresCard problemId={id} measures={r.measures} canWrite={canWrite} onChanged={changed} />
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <EvidenceCard problemId={id} photos={r.photoList} canWrite={canWrite} onChanged={changed} />
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('办理过程', 'Timeline')}>
            <Timeline events={r.events} kinds={PROBLEM_EVENT_KINDS} states={PROBLEM_STATUSES} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
