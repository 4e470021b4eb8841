/**
 * A secretary's filing (`/cadres/filings/:id`): who, which village and term, when appointed and filed, the state
 * (acknowledged, or returned with its reason in red), the action bar (the county acknowledges or returns; the
 * township files again) and the timeline.
 */
import { Alert, Card, Col, Descriptions, Row, Space, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { CADRE_FILING_FLOW, FILING_STATUSES } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { useFeedback } from '../../../components/feedback';
import { Timeline } from '../../../components/Timeline';
import { WorkflowActionBar } from '../../../components/WorkflowActionBar';
import { DetailHead, detailGate, useRecordDetail } from '../../residents/common/DetailParts';
import { FILING_COLOR, FILING_EVENT_KINDS, type FilingDetail } from './cadreModel';

/** The filing's page. */
export default function FilingDetailPage() {
  const t = useT();
  const lbl = useLabel();
  const { message } = useFeedback();
  const id = Number(useParams().id);
  const { q, changed, qc } = useRecordDetail<FilingDetail>('cadre-filing', 'cadres/filings', id);
  const f = q.data;
  usePageCrumb(f ? t(`${f.cadreName}的备案`, `Filing of ${f.cadreName}`) : undefined);
  const gate = detailGate(q);
  if (gate || !f) return gate;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <DetailHead
          testId="filing-title"
          title={t(`${f.orgName}党组织书记${f.cadreName}备案`, `Filing of ${f.cadreName}, ${f.orgName}`)}
          tags={
            <Tag color={FILING_COLOR[f.status]} data-testid="filing-status">
              {lbl(FILING_STATUSES, f.status)}
            </Tag>
          }
          actions={
            <WorkflowActionBar
              actions={f.deletedAt ? [] : f.actions}
              moves={CADRE_FILING_FLOW.actions}
              skip={['file']}
              primary={['acknowledge', 'refile']}
              danger={['return']}
              fields={{ reason: { label: { zh: '退回原因', en: 'Reason' }, input: 'textarea' } }}
              run={(move, input) => api.post(`/api/cadres/filings/${id}/${move}`, input)}
              onDone={(_m, next) => {
                if (next) qc.setQueryData(['cadre-filing', id], next);
                message.success(t('已保存', 'Saved'));
                changed();
              }}
            />
          }
        />
        {f.status === 'returned' && f.returnReason ? (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('县委组织部退回', 'Returned by the county')}
            description={f.returnReason}
            data-testid="filing-return-reason"
          />
        ) : null}
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('书记', 'Secretary')}>
            <Link to={`/cadres/${f.cadreId}`}>{f.cadreName}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('村（社区）', 'Village')}>
            {f.orgName}
            {f.townshipName ? `（${f.townshipName}）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('届次', 'Term')}>{t(`${f.term}年换届`, `${f.term} term`)}</Descriptions.Item>
          <Descriptions.Item label={t('任职日期', 'Appointed on')}>{f.appointedOn}</Descriptions.Item>
          <Descriptions.Item label={t('报备日期', 'Filed on')}>{f.filedOn}</Descriptions.Item>
          <Descriptions.Item label={t('确认备案日期', 'Acknowledged on')}>{f.acknowledgedOn ?? '—'}</Descriptions.Item>
          {f.note ? (
            <Descriptions.Item label={t('备注', 'Note')} span={3}>
              {f.note}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title={t('备案过程', 'History')}>
            <Timeline events={f.events} kinds={FILING_EVENT_KINDS} states={FILING_STATUSES} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
