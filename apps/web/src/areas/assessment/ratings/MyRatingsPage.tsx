/**
 * A branch's own stars (`/ratings/mine`, 我的星级): this year's rating — its state, what is asked of the branch now
 * (自评, or an objection while it is published) and the way to the sheet — and the stars of the years before.
 * Phone friendly: cards, one column.
 */
import { Alert, Button, Card, Col, Empty, List, Row, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { RATING_OUTCOMES, RATING_STATUSES } from '@dangjian/contracts';
import { api } from '../../../api/client';
import type { ListAnswer } from '../../../api/types';
import { useLabel, useT } from '../../../app/i18n';
import { useMe } from '../../../app/session';
import { ErrorResult } from '../../../components/States';
import { chinaYear, type RatingItem, STATUS_COLORS } from './ratingModel';
import { Stars } from './Stars';

/** What the branch is asked to do now about a result, in words. */
function nextStep(r: RatingItem, t: (zh: string, en: string) => string): string {
  switch (r.status) {
    case 'draft':
      return t('请填写自评并提交。', 'Fill in and submit the self-score.');
    case 'self_scored':
      return t('自评已提交，等待乡镇（街道）考核评分。', 'Self-score submitted; the township scores next.');
    case 'scored':
      return t('已考核评分，等待公示。', 'Scored; to be published.');
    case 'published':
      return t(
        `公示中，至 ${r.objectionUntil ?? '—'}；对结果有异议可在公示期内提出。`,
        `Published until ${r.objectionUntil ?? '—'}; objections may be lodged until then.`,
      );
    default:
      return t(`评定结果已于 ${r.finalOn ?? '—'} 确定。`, `Final since ${r.finalOn ?? '—'}.`);
  }
}

/** The branch's own stars. */
export default function MyRatingsPage() {
  const t = useT();
  const lbl = useLabel();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const org = me?.orgId ?? undefined;
  const q = useQuery({
    queryKey: ['ratings', 'mine', org],
    queryFn: ({ signal }) =>
      api.get<ListAnswer<RatingItem>>('/api/ratings', { org, subject: 'org', pageSize: 100 }, signal),
    enabled: !!org,
  });
  if (q.error) return <ErrorResult error={q.error} onRetry={() => q.refetch()} />;
  const own = (q.data?.items ?? []).filter((r) => r.orgId === org);
  const year = chinaYear();
  const current = own.filter((r) => r.year >= year).sort((a, b) => b.year - a.year);
  const past = own.filter((r) => r.year < year).sort((a, b) => b.year - a.year);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 760 }}>
      <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
        {t('我的星级', 'Our stars')}
        {me?.orgName ? <span className="dj-muted" style={{ fontSize: 14 }}>{` · ${me.orgName}`}</span> : null}
      </Typography.Title>
      <Card title={t(`${year} 年度评定`, `${year}`)} loading={q.isPending} data-testid="mine-current">
        {current.length ? (
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            {current.map((r) => (
              <div key={r.id} data-testid={`mine-${r.id}`}>
                <Row gutter={[12, 8]} align="middle">
                  <Col xs={24} sm={14}>
                    <div>
                      <b>{r.schemeName}</b>
                    </div>
                    <Space size={4} wrap style={{ marginTop: 4 }}>
                      <Tag color={STATUS_COLORS[r.status]} data-testid="mine-status">
                        {lbl(RATING_STATUSES, r.status)}
                      </Tag>
                      {r.outcome !== 'none' ? (
                        <Tag color={r.outcome === 'commended' ? 'gold' : 'volcano'}>
                          {lbl(RATING_OUTCOMES, r.outcome)}
                        </Tag>
                      ) : null}
                    </Space>
                  </Col>
                  <Col xs={24} sm={10} style={{ fontSize: 22 }}>
                    {['published', 'final'].includes(r.status) ? (
                      <Stars stars={r.stars} max={r.mode === 'items' ? 10 : 5} testId="mine-stars" />
                    ) : (
                      <span className="dj-muted" style={{ fontSize: 14 }}>
                        {t('结果公示后显示星级', 'Stars show once published')}
                      </span>
                    )}
                    {r.total != null && ['published', 'final'].includes(r.status) ? (
                      <div className="dj-muted" style={{ fontSize: 13 }}>
                        {t(`总分 ${r.total}`, `Total ${r.total}`)}
                      </div>
                    ) : null}
                  </Col>
                </Row>
                <Alert
                  type={r.status === 'draft' ? 'warning' : 'info'}
                  showIcon
                  style={{ marginTop: 8 }}
                  title={nextStep(r, t)}
                />
                <Button
                  type={r.status === 'draft' ? 'primary' : 'default'}
                  style={{ marginTop: 8 }}
                  onClick={() => navigate(`/ratings/${r.id}`)}
                  data-testid="mine-open"
                >
                  {r.status === 'draft' ? t('去自评', 'Self-score') : t('查看评分表', 'Open the sheet')}
                </Button>
              </div>
            ))}
          </Space>
        ) : (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={t('本年度的星级评定尚未启动', 'This year’s rating has not started yet')}
          />
        )}
      </Card>
      <Card title={t('往年星级', 'Stars of the years before')} loading={q.isPending} data-testid="mine-past">
        {past.length ? (
          <List
            dataSource={past}
            rowKey="id"
            renderItem={(r) => (
              <List.Item
                onClick={() => navigate(`/ratings/${r.id}`)}
                style={{ cursor: 'pointer' }}
                extra={<Stars stars={r.stars} max={r.mode === 'items' ? 10 : 5} />}
              >
                <List.Item.Meta
                  title={t(`${r.year} 年`, `${r.year}`)}
                  description={
                    <Space size={4} wrap>
                      <span>{r.schemeName}</span>
                      {r.outcome !== 'none' ? (
                        <Tag color={r.outcome === 'commended' ? 'gold' : 'volcano'}>
                          {lbl(RATING_OUTCOMES, r.outcome)}
                        </Tag>
                      ) : null}
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        ) : (
          <Typography.Text type="secondary">{t('还没有往年的评定结果', 'No rating of earlier years')}</Typography.Text>
        )}
      </Card>
    </Space>
  );
}
