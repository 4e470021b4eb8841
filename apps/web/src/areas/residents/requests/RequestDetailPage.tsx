/**
 * A request in full (`/requests/:id`): the record, its timeline, the moves the server allows (RequestMoves),
 * the cards to print, delete and restore.
 */
import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Row, Space } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import { REQUEST_CHANNELS, REQUEST_STATUSES, requestTitle } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { hasCap, useMe } from '../../../app/session';
import { useFeedback } from '../../../components/feedback';
import { chinaDateTime, daysLate, type RequestDetail } from './requestModel';
import { EventTimeline, LevelTag, RatingTag, RequestStatusTag } from './RequestParts';
import { RequestMoves } from './RequestMoves';
import { DeleteRestoreButton, DetailHead, detailGate, useRecordDetail } from '../common/DetailParts';

/** The request detail page. */
export default function RequestDetailPage() {
  const t = useT();
  const lbl = useLabel();
  const { message } = useFeedback();
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const { data: me } = useMe();
  const [fullPhone, setFullPhone] = useState<string | null>(null);
  const { q, changed, qc } = useRecordDetail<RequestDetail>('request', 'requests', id);
  const r = q.data;
  const title = r ? requestTitle(r) : null;
  usePageCrumb(title ? t(title.zh, title.en) : undefined);

  const gate = detailGate(q);
  if (gate || !r) return gate;
  const deleted = !!r.deletedAt;
  const closed = r.status === 'closed';
  const late = daysLate(r.dueAt);
  const card = (type: 'commitment' | 'feedback') =>
    window.open(`/api/requests/${r.id}/card?type=${type}`, '_blank', 'noopener');

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <DetailHead
          testId="request-title"
          title={title ? t(title.zh, title.en) : null}
          tags={
            <>
              <LevelTag level={r.level} />
              <RequestStatusTag status={r.status} overdue={r.overdue} />
              <span className="dj-muted">
                {r.orgName} · {t('受理于', 'accepted')} {chinaDateTime(r.acceptedAt)}
              </span>
            </>
          }
          actions={
            <>
              <RequestMoves
                r={r}
                onDone={(next) => {
                  if (next) qc.setQueryData(['request', id], { ...r, ...next, events: next.events ?? r.events });
                  message.success(t('已保存', 'Saved'));
                  changed();
                }}
              />
              <Button icon={<PrinterOutlined />} onClick={() => card('commitment')} data-testid="card-commitment">
                {t('承诺卡', 'Commitment card')}
              </Button>
              {closed ? (
                <Button icon={<PrinterOutlined />} onClick={() => card('feedback')} data-testid="card-feedback">
                  {t('反馈卡', 'Feedback card')}
                </Button>
              ) : null}
              <DeleteRestoreButton
                path={`/api/requests/${id}`}
                deleted={deleted}
                confirm={t('删除这条诉求？', 'Delete this request?')}
                description={t('可在回收站恢复', 'It can be restored from the recycle bin')}
                testIds={{ delete: 'delete-request', restore: 'restore-request' }}
                onChanged={changed}
              />
            </>
          }
          deletedNote={
            deleted
              ? t(`此诉求已于 ${chinaDateTime(r.deletedAt)} 删除`, `Deleted on ${chinaDateTime(r.deletedAt)}`)
              : null
          }
        />
        {r.overdue && !deleted ? (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={t(`已超过办结时限 ${late} 天`, `Past its deadline by ${late} day${late === 1 ? '' : 's'}`)}
            data-testid="overdue-alert"
          />
        ) : null}
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('反映人', 'Resident')}>
            {r.residentName ?? t('匿名', 'Anonymous')}
          </Descriptions.Item>
          <Descriptions.Item label={t('联系电话', 'Phone')}>
            {fullPhone ?? r.phone ?? '—'}
            {r.phone && !fullPhone && hasCap(me, 'residents.reveal') ? (
              <Button
                type="link"
                size="small"
                onClick={async () => {
                  try {
                    setFullPhone(
                      (await api.post<{ phone: string }>(`/api/requests/${id}/reveal`, { fields: ['phone'] })).phone,
                    );
                  } catch (e) {
                    message.error((e as Error).message);
                  }
                }}
              >
                {t('查看完整号码', 'Show in full')}
              </Button>
            ) : null}
          </Descriptions.Item>
          <Descriptions.Item label={t('来源渠道', 'Channel')}>{lbl(REQUEST_CHANNELS, r.channel)}</Descriptions.Item>
          <Descriptions.Item label={t('受理组织', 'Accepted by')}>{r.originOrgName}</Descriptions.Item>
          <Descriptions.Item label={t('承办组织', 'Handled by')}>
            {r.orgName}
            {r.escalations ? t(`（已上移 ${r.escalations} 次）`, ` (escalated ${r.escalations}×)`) : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('责任人 / 部门', 'Owner / department')}>
            {[r.ownerName, r.department].filter(Boolean).join(' · ') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('办结时限', 'Due')}>
            <span className={r.overdue ? 'sv-due-late' : undefined}>{r.dueAt ? chinaDateTime(r.dueAt) : '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('办结时间', 'Closed')}>
            {r.closedAt ? chinaDateTime(r.closedAt) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('群众评价', 'Rating')}>
            <RatingTag rating={r.rating} />
            {r.reopened ? <span className="dj-muted">{t('（曾重新办理）', ' (reopened once)')}</span> : null}
          </Descriptions.Item>
        </Descriptions>
        <Descriptions bordered size="small" column={1} style={{ marginTop: 12 }} styles={{ label: { width: 110 } }}>
          <Descriptions.Item label={t('诉求内容', 'Request')}>
            <p style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{r.description}</p>
          </Descriptions.Item>
          <Descriptions.Item label={t('办理结果', 'Result')}>
            {r.result ? <p style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{r.result}</p> : '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card title={t('办理过程', 'Timeline')}>
            <EventTimeline events={r.events} states={REQUEST_STATUSES} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
