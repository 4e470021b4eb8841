/**
 * 考核激励总览 (`/assessment/overview`): a year's assessment work of the scope — star ratings per level and the share
 * at ≥ 3 stars against the multi-year target (seed 002: every branch at ≥ 3 stars within 3 years), points, pledges,
 * secretaries' annual reports, selections and cadres in retraining — as cards (each a link to its list, filtered),
 * and a table per organization right below (each row drills into it).
 */
import { Button, Card, Progress, Select, Space, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { type AssessmentCountsT, type AssessmentOverviewT, chinaToday } from '@dangjian/contracts';
import { withQuery } from '../../../api/client';
import { useT } from '../../../app/i18n';
import { useScope } from '../../../app/scope';
import { FigureHeading, Loaded, StatGrid, useFigureQuery } from '../../../components/Figures';
import { percent } from '../../life/meetings/model';
import { useOrg } from '../../life/meetings/parts';
import { assessmentLinks } from './links';

type Key = keyof AssessmentCountsT;

/** The figures as the page shows them: zh, en, the key. */
const CARDS: readonly [string, string, Key][] = [
  ['已评星级组织', 'Organizations rated', 'rated'],
  ['三星及以上', 'At ≥ 3 stars', 'atLeast3'],
  ['表彰（四星及以上）', 'Commended (≥ 4 stars)', 'commended'],
  ['提醒整改（二星及以下）', 'Reminded (≤ 2 stars)', 'reminded'],
  ['有积分党员', 'Members with points', 'pointsMembers'],
  ['人均积分', 'Average points', 'pointsAverage'],
  ['党员承诺', 'Pledges made', 'pledgesMade'],
  ['已践诺', 'Pledges fulfilled', 'pledgesFulfilled'],
  ['已评诺', 'Pledges evaluated', 'pledgesEvaluated'],
  ['践诺解决问题', 'Problems solved', 'problemsSolved'],
  ['书记应述职', 'Reports due', 'reportsDue'],
  ['述职已评议', 'Reports graded', 'reportsGraded'],
  ['评选表彰', 'Selections', 'selections'],
  ['表彰人选', 'Winners', 'winners'],
  ['停职整训干部', 'Cadres suspended', 'cadresSuspended'],
  ['整训中', 'In retraining', 'cadresInRetraining'],
  ['整训后恢复履职', 'Reinstated', 'cadresReinstated'],
  ['调整罢免', 'Removed', 'cadresRemoved'],
];
const TABLE: readonly Key[] = [
  'rated',
  'atLeast3Share',
  'commended',
  'reminded',
  'pointsAverage',
  'pledgesMade',
  'pledgesFulfilled',
  'reportsGraded',
  'cadresInRetraining',
];
const COLUMN_TITLES: Partial<Record<Key, [string, string]>> = { atLeast3Share: ['三星及以上占比', 'Share ≥ 3 stars'] };

const shown = (key: Key, v: number, rated = 1) =>
  key === 'atLeast3Share'
    ? rated
      ? percent(v)
      : '—'
    : key === 'pointsAverage'
      ? v.toFixed(1)
      : v.toLocaleString('en-US');

/** The overview page; `?org=` drills into an organization of the table, `?year=` is the year. */
export default function AssessmentOverviewPage() {
  const t = useT();
  const { org } = useScope();
  const [params, setParams] = useSearchParams();
  const thisYear = Number(chinaToday().slice(0, 4));
  const year = Number(params.get('year')) || thisYear;
  const orgId = params.get('org') ? Number(params.get('org')) : org?.id;
  const here = useOrg(params.get('org') ? orgId : null);
  const query = { org: orgId, year };
  const q = useFigureQuery<AssessmentOverviewT>('assessment-overview', '/api/assessment/overview', query);
  const set = (patch: Record<string, string | null | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) v ? next.set(k, v) : next.delete(k);
    setParams(next, { replace: true });
  };
  const title = (key: Key) => {
    const c = COLUMN_TITLES[key] ?? CARDS.find(([, , k]) => k === key);
    return c ? t(c[0], c[1]) : key;
  };
  return (
    <Card>
      <FigureHeading
        title={
          <>
            {t('考核激励总览', 'Assessment overview')}
            {q.data ? (
              <span className="dj-muted" style={{ fontSize: 15, fontWeight: 400 }}>
                {' '}
                · {q.data.orgName}
              </span>
            ) : null}
          </>
        }
        extra={
          params.get('org') ? (
            <Tag closable onClose={() => set({ org: null })}>
              {t('下钻：', 'Drilled into: ')}
              {here.data?.name ?? '…'}
            </Tag>
          ) : null
        }
        actions={
          <div style={{ marginLeft: 'auto' }}>
            <Space wrap>
              <Select
                aria-label={t('年度', 'Year')}
                value={year}
                style={{ width: 120 }}
                onChange={(v) => set({ year: String(v) })}
                options={Array.from({ length: 5 }, (_, i) => thisYear - i).map((y) => ({
                  value: y,
                  label: t(`${y} 年`, String(y)),
                }))}
                data-testid="assessment-year"
              />
              <Button
                icon={<DownloadOutlined />}
                href={withQuery('/api/assessment/overview/export', query)}
                download
                data-testid="assessment-export"
              >
                {t('导出 Excel', 'Export Excel')}
              </Button>
            </Space>
          </div>
        }
      />
      <Loaded q={q}>
        {(o) => {
          const links = assessmentLinks(params.get('org') ? orgId : undefined, o.year);
          const levels = [...o.starsByLevel].sort((a, b) => b.stars - a.stars);
          const most = Math.max(1, ...levels.map((l) => l.count));
          return (
            <>
              <div className="dj-grid-charts">
                <section className="dj-card" data-testid="assessment-stars" aria-label={t('星级分布', 'Stars')}>
                  <h2 className="dj-card-title">{t(`${o.year} 年星级分布`, `Stars of ${o.year}`)}</h2>
                  {levels.length ? (
                    levels.map((l) => (
                      <div key={l.stars} data-stars={l.stars} style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
                        <span style={{ width: 64 }}>{t(`${l.stars} 星`, `${l.stars}★`)}</span>
                        <Progress
                          percent={(l.count / most) * 100}
                          showInfo={false}
                          style={{ flex: 1, margin: 0 }}
                          aria-label={t(`${l.stars} 星`, `${l.stars} stars`)}
                        />
                        <b style={{ width: 48, textAlign: 'right' }}>{l.count}</b>
                      </div>
                    ))
                  ) : (
                    <p className="dj-empty">{t('本年度尚无已公示的星级评定', 'No star rating published this year')}</p>
                  )}
                </section>
                <section className="dj-card" data-testid="assessment-target" aria-label={t('三年目标', 'Target')}>
                  <h2 className="dj-card-title">{t('星级目标', 'Star target')}</h2>
                  <p>
                    {t('三星及以上占比', 'Share at ≥ 3 stars')}{' '}
                    <b>{o.total.rated ? percent(o.total.atLeast3Share) : '—'}</b>
                  </p>
                  {o.target ? (
                    <>
                      <Progress
                        percent={Math.round(o.target.actual * 1000) / 10}
                        status={o.target.met ? 'success' : 'active'}
                      />
                      <p className="dj-muted">
                        {t(
                          `目标：${o.target.byYear} 年前 ${percent(o.target.share)} 的组织达到 ${o.target.minStars} 星及以上`,
                          `Target: ${percent(o.target.share)} at ≥ ${o.target.minStars} stars by ${o.target.byYear}`,
                        )}
                      </p>
                    </>
                  ) : (
                    <p className="dj-empty">{t('未设定多年目标', 'No multi-year target set')}</p>
                  )}
                </section>
              </div>
              <StatGrid
                testId="assessment-cards"
                items={CARDS.map(([zh, en, key]) => ({
                  testId: `as-${key}`,
                  title: t(zh, en),
                  value: key === 'pointsAverage' ? shown(key, o.total[key]) : o.total[key],
                  href: links[key],
                }))}
              />
              <h2 className="dj-h1 dj-section-title">{t('下级组织', 'Organizations below')}</h2>
              <Table
                rowKey="orgId"
                size="middle"
                dataSource={o.rows}
                pagination={o.rows.length > 50 ? { pageSize: 50 } : false}
                data-testid="assessment-by-org"
                scroll={{ x: 1100 }}
                locale={{ emptyText: t('没有下级组织', 'No organizations below') }}
                columns={[
                  {
                    title: t('组织', 'Organization'),
                    dataIndex: 'orgName',
                    fixed: 'left',
                    width: 200,
                    render: (v: string, r) => (
                      <Link to={withQuery('/assessment/overview', { org: r.orgId, year })}>{v}</Link>
                    ),
                  },
                  ...TABLE.map((key) => ({
                    title: title(key),
                    dataIndex: key,
                    align: 'right' as const,
                    width: 104,
                    sorter: (a: AssessmentCountsT, b: AssessmentCountsT) => a[key] - b[key],
                    render: (v: number, r: AssessmentCountsT) => shown(key, v, r.rated),
                  })),
                ]}
              />
            </>
          );
        }}
      </Loaded>
    </Card>
  );
}
