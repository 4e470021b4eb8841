/**
 * A candidate's joint review (`/cadres/reviews/:id`): the candidate and the proposed post, each unit's opinion
 * (无异议, or 有问题 with its reasons, in red), the state (stopped in red with the stopping units' reasons), the
 * action bar (the county records a unit clearing or stopping) and the timeline.
 */
import { Alert, Card, Col, Descriptions, Row, Space, Table, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { CADRE_REVIEW_FLOW, cadrePostLabel, REVIEW_STATUSES, REVIEW_UNITS, REVIEW_VERDICTS } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { useFeedback } from '../../../components/feedback';
import { Timeline } from '../../../components/Timeline';
import { WorkflowActionBar } from '../../../components/WorkflowActionBar';
import { DetailHead, detailGate, useRecordDetail } from '../../residents/common/DetailParts';
import { REVIEW_COLOR, REVIEW_EVENT_KINDS, type ReviewDetail } from './cadreModel';

type Opinion = ReviewDetail['opinions'][number];

/** The review's page. */
export default function ReviewDetailPage() {
  const t = useT();
  const lbl = useLabel();
  const { message } = useFeedback();
  const id = Number(useParams().id);
  const { q, changed, qc } = useRecordDetail<ReviewDetail>('cadre-review', 'cadres/reviews', id);
  const r = q.data;
  usePageCrumb(r ? t(`${r.cadreName}的联审`, `Review of ${r.cadreName}`) : undefined);
  const gate = detailGate(q);
  if (gate || !r) return gate;
  const post = cadrePostLabel(r.committee, r.post);
  const pending = r.opinions
    .filter((o) => !o.verdict)
    .map((o) => ({ value: o.unit, label: lbl(REVIEW_UNITS, o.unit) }));
  const stops = r.opinions.filter((o) => o.verdict === 'stop');
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <DetailHead
          testId="review-title"
          title={t(`${r.cadreName}任前联审`, `Joint review of ${r.cadreName}`)}
          tags={
            <Tag color={REVIEW_COLOR[r.status]} data-testid="review-status">
              {lbl(REVIEW_STATUSES, r.status)}
            </Tag>
          }
          actions={
            <WorkflowActionBar
              actions={r.deletedAt ? [] : r.actions}
              moves={CADRE_REVIEW_FLOW.actions}
              skip={['open']}
              primary={['clear']}
              danger={['stop']}
              note="none"
              fields={{
                unit: { label: { zh: '联审单位', en: 'Unit' }, input: 'select', options: pending },
                reason: { label: { zh: '存在的问题', en: 'Reasons' }, input: 'textarea' },
              }}
              fieldOfCode={{ 'cadres.unit_not_asked': 'unit', 'cadres.unit_done': 'unit' }}
              run={(move, input) => api.post(`/api/cadres/reviews/${id}/${move}`, input)}
              onDone={(_m, next) => {
                if (next) qc.setQueryData(['cadre-review', id], next);
                message.success(t('已保存', 'Saved'));
                changed();
              }}
            />
          }
        />
        {r.status === 'stopped' ? (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="review-stopped"
            title={t('联审未通过，不宜提名', 'Stopped: not to be nominated')}
            description={stops.map((o) => `${lbl(REVIEW_UNITS, o.unit)}：${o.reason ?? ''}`).join('；')}
          />
        ) : r.status === 'cleared' ? (
          <Alert
            type="success"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('各联审单位均无异议', 'Every unit cleared the candidate')}
          />
        ) : null}
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('人选', 'Candidate')}>
            <Link to={`/cadres/${r.cadreId}`}>{r.cadreName}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('村（社区）', 'Village')}>
            {r.orgName}
            {r.townshipName ? `（${r.townshipName}）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('拟任职务', 'Proposed post')}>
            {t(`${r.term}年换届 ${post.zh}`, `${post.en}, ${r.term} term`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('联审进度', 'Progress')}>
            {t(`${r.cleared} / ${r.units.length} 个单位无异议`, `${r.cleared} of ${r.units.length} clear`)}
          </Descriptions.Item>
          {r.note ? (
            <Descriptions.Item label={t('备注', 'Note')} span={2}>
              {r.note}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('各单位意见', "The units' opinions")}>
            <Table<Opinion>
              size="small"
              rowKey="unit"
              pagination={false}
              data-testid="review-opinions"
              dataSource={r.opinions}
              columns={[
                {
                  title: t('联审单位', 'Unit'),
                  dataIndex: 'unit',
                  width: 180,
                  render: (v: string) => lbl(REVIEW_UNITS, v),
                },
                {
                  title: t('意见', 'Opinion'),
                  dataIndex: 'verdict',
                  render: (v: string | null, o) =>
                    v ? (
                      <Space size={4} wrap>
                        <Tag color={v === 'stop' ? 'red' : 'green'}>{lbl(REVIEW_VERDICTS, v)}</Tag>
                        {o.reason ? (
                          <span style={v === 'stop' ? { color: '#b3141f' } : undefined}>{o.reason}</span>
                        ) : null}
                      </Space>
                    ) : (
                      <span className="dj-muted">{t('待反馈', 'Awaited')}</span>
                    ),
                },
                { title: t('日期', 'On'), dataIndex: 'on', width: 110, render: (v: string | null) => v ?? '—' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('联审过程', 'History')}>
            <Timeline events={r.events} kinds={REVIEW_EVENT_KINDS} states={REVIEW_STATUSES} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
