/**
 * A pledge (`/pledges/:id`): what was pledged, by whom, its state, the action bar (the moves the server allows this
 * user now), progress with photos, the fulfilment and the problems solved, the evaluations with the residents'
 * link (a QR code to print or show), and the timeline.
 */
import { useState } from 'react';
import { Button, Card, Col, Descriptions, Empty, Image, List, QRCode, Row, Space, Tag, Typography } from 'antd';
import { EditOutlined, FileDoneOutlined, LikeOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import {
  PLEDGE_CATEGORIES,
  PLEDGE_EVALUATORS,
  PLEDGE_FLOW,
  PLEDGE_KINDS,
  PLEDGE_RATINGS,
  PLEDGE_STATUSES,
} from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { useFeedback } from '../../../components/feedback';
import { chinaDateTime, Timeline } from '../../../components/Timeline';
import { WorkflowActionBar } from '../../../components/WorkflowActionBar';
import { DeleteRestoreButton, DetailHead, detailGate, useRecordDetail } from '../../residents/common/DetailParts';
import { EvaluateDialog, ProgressDialog, ReportDialog } from './PledgeDialogs';
import { PLEDGE_EVENT_KINDS, type PledgeDetail, STATUS_COLOR, satisfiedShare } from './pledgeModel';

const RATING_COLOR: Record<string, string> = { satisfied: 'green', fair: 'gold', dissatisfied: 'red' };

/** The pledge page. */
export default function PledgeDetailPage() {
  const t = useT();
  const lbl = useLabel();
  const navigate = useNavigate();
  const { message } = useFeedback();
  const id = Number(useParams().id);
  const { q, changed, qc } = useRecordDetail<PledgeDetail>('pledge', 'pledges', id);
  const [dialog, setDialog] = useState<'progress' | 'report' | 'evaluate' | null>(null);
  const r = q.data;
  usePageCrumb(r ? r.title : undefined);
  const gate = detailGate(q);
  if (gate || !r) return gate;
  const deleted = !!r.deletedAt;
  const saved = (next: PledgeDetail) => {
    qc.setQueryData(['pledge', id], next);
    setDialog(null);
    message.success(t('已保存', 'Saved'));
    changed();
  };
  const share = satisfiedShare(r.ratings);
  const link = r.publicToken ? `${window.location.origin}/m/pledge/${r.publicToken}` : null;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <DetailHead
          testId="pledge-title"
          title={r.title}
          tags={
            <>
              <Tag color={STATUS_COLOR[r.status]} data-testid="pledge-status">
                {lbl(PLEDGE_STATUSES, r.status)}
              </Tag>
              <Tag>{lbl(PLEDGE_KINDS, r.kind)}</Tag>
              <Tag>{lbl(PLEDGE_CATEGORIES, r.category)}</Tag>
            </>
          }
          actions={
            <>
              <WorkflowActionBar
                actions={deleted ? [] : r.actions}
                moves={PLEDGE_FLOW.actions}
                skip={['report']}
                primary={['submit', 'approve', 'publish', 'accept', 'close']}
                danger={['return', 'reject']}
                fields={{
                  reason: { label: { zh: '退回原因', en: 'Reason' }, input: 'textarea' },
                }}
                run={(move, input) => api.post(`/api/pledges/${id}/${move}`, input)}
                onDone={(_m, next) => {
                  if (next) qc.setQueryData(['pledge', id], next);
                  message.success(t('已保存', 'Saved'));
                  changed();
                }}
              />
              {r.canProgress && r.status === 'published' ? (
                <Button
                  type="primary"
                  icon={<FileDoneOutlined />}
                  onClick={() => setDialog('report')}
                  data-testid="pledge-report"
                >
                  {t('提交践诺情况', 'Report the fulfilment')}
                </Button>
              ) : null}
              {r.canProgress ? (
                <Button icon={<PlusOutlined />} onClick={() => setDialog('progress')} data-testid="pledge-progress">
                  {t('记录进展', 'Record progress')}
                </Button>
              ) : null}
              {r.canEvaluate ? (
                <Button icon={<LikeOutlined />} onClick={() => setDialog('evaluate')} data-testid="pledge-evaluate">
                  {t('评诺', 'Evaluate')}
                </Button>
              ) : null}
              {r.canEdit ? (
                <Button
                  icon={<EditOutlined />}
                  onClick={() => navigate(`/pledges/${id}/edit`)}
                  data-testid="pledge-edit"
                >
                  {t('修改', 'Edit')}
                </Button>
              ) : null}
              {r.canEdit || deleted ? (
                <DeleteRestoreButton
                  path={`/api/pledges/${id}`}
                  deleted={deleted}
                  capability="pledges.make"
                  confirm={t('删除这项承诺草稿？', 'Delete this draft?')}
                  description={t('可在回收站恢复', 'It can be restored from the recycle bin')}
                  onChanged={changed}
                />
              ) : null}
            </>
          }
          deletedNote={
            deleted ? t(`已于 ${chinaDateTime(r.deletedAt)} 删除`, `Deleted on ${chinaDateTime(r.deletedAt)}`) : null
          }
        />
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('承诺人', 'By')}>{r.kind === 'org' ? r.orgName : r.memberName}</Descriptions.Item>
          <Descriptions.Item label={t('党组织', 'Organization')}>{r.orgName}</Descriptions.Item>
          <Descriptions.Item label={t('年度', 'Year')}>{r.year}</Descriptions.Item>
          <Descriptions.Item label={t('完成时限', 'Due on')}>{r.dueOn}</Descriptions.Item>
          <Descriptions.Item label={t('践诺日期', 'Fulfilled on')}>{r.fulfilledOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('评诺截止', 'Evaluation until')}>{r.evaluationEndsOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('承诺内容', 'Content')} span={3}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{r.content}</span>
          </Descriptions.Item>
          {r.returnReason && r.status === 'returned' ? (
            <Descriptions.Item label={t('退回原因', 'Returned because')} span={3}>
              {r.returnReason}
            </Descriptions.Item>
          ) : null}
          {r.fulfilment ? (
            <Descriptions.Item label={t('践诺情况', 'Fulfilment')} span={3}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{r.fulfilment}</span>
            </Descriptions.Item>
          ) : null}
          {r.fulfilment ? (
            <Descriptions.Item label={t('解决问题', 'Problems solved')} span={3}>
              {t(`${r.problemsSolved} 个`, `${r.problemsSolved}`)}
              {r.problemsText ? `：${r.problemsText}` : ''}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={t('践诺进展', 'Progress')} style={{ marginBottom: 16 }}>
            {r.progress.length ? (
              <List
                size="small"
                dataSource={r.progress}
                renderItem={(p) => (
                  <List.Item>
                    <List.Item.Meta
                      title={
                        <Space>
                          <span>{p.reportedOn}</span>
                          {p.kind === 'fulfilment' ? <Tag color="purple">{t('践诺情况', 'Fulfilment')}</Tag> : null}
                          <span className="dj-muted">{p.authorName ?? ''}</span>
                        </Space>
                      }
                      description={<span style={{ whiteSpace: 'pre-wrap' }}>{p.text}</span>}
                    />
                  </List.Item>
                )}
              />
            ) : (
              <Empty description={t('尚未记录进展', 'No progress yet')} />
            )}
            {r.photos.length ? (
              <Image.PreviewGroup>
                <Space wrap style={{ marginTop: 12 }}>
                  {r.photos.map((p) => (
                    <Image
                      key={p.id}
                      src={p.url}
                      width={96}
                      height={96}
                      style={{ objectFit: 'cover' }}
                      alt={t('践诺照片', 'Photo')}
                    />
                  ))}
                </Space>
              </Image.PreviewGroup>
            ) : null}
          </Card>
          <Card
            title={t('评诺', 'Evaluations')}
            extra={
              share == null ? null : (
                <span data-testid="pledge-satisfaction">{t(`满意率 ${share}%`, `${share}% satisfied`)}</span>
              )
            }
          >
            {r.evaluations.length ? (
              <List
                size="small"
                data-testid="pledge-evaluations"
                dataSource={r.evaluations}
                renderItem={(e) => (
                  <List.Item>
                    <Space wrap>
                      <Tag color={RATING_COLOR[e.rating]}>{lbl(PLEDGE_RATINGS, e.rating)}</Tag>
                      <span>{e.evaluatorName ?? lbl(PLEDGE_EVALUATORS, e.evaluator)}</span>
                      <span className="dj-muted">{e.comment ?? ''}</span>
                    </Space>
                  </List.Item>
                )}
              />
            ) : (
              <Empty description={t('尚无评价', 'No evaluation yet')} />
            )}
            {link ? (
              <Space align="start" style={{ marginTop: 12 }}>
                <QRCode value={link} size={112} />
                <div>
                  <p className="dj-muted" style={{ margin: 0 }}>
                    {t('群众扫码或打开链接即可评诺（无需登录）：', 'Residents scan or open the link to evaluate:')}
                  </p>
                  <Typography.Text copyable={{ text: link }} data-testid="pledge-public-link">
                    {t('复制评诺链接', 'Copy the link')}
                  </Typography.Text>
                </div>
              </Space>
            ) : null}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('承诺过程', 'History')}>
            <Timeline events={r.events} kinds={PLEDGE_EVENT_KINDS} states={PLEDGE_STATUSES} />
          </Card>
        </Col>
      </Row>
      {dialog === 'progress' ? <ProgressDialog pledge={r} onSaved={saved} onClose={() => setDialog(null)} /> : null}
      {dialog === 'report' ? <ReportDialog pledge={r} onSaved={saved} onClose={() => setDialog(null)} /> : null}
      {dialog === 'evaluate' ? <EvaluateDialog pledge={r} onSaved={saved} onClose={() => setDialog(null)} /> : null}
    </Space>
  );
}
