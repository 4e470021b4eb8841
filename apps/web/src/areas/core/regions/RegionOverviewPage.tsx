/**
 * 省市概览 (`/regions?unit=<kind>:<id>&year=YYYY`): a unit's figures (members, organizations, organizational life,
 * serving residents), the way down to it from the account's own unit, its children (each drills down) and its months.
 * The unit and the year are the URL's, so the back button goes up again and a link shows the same view.
 */
import { Alert, Breadcrumb, Button, Card, Select, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { chinaDateTime, chinaYear, REGION_UNIT_KINDS, type RegionOverviewT } from '@dangjian/contracts';
import { withQuery } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { FigureHeading, Loaded, useFigureQuery } from '../../../components/Figures';
import { RegionFigureCards } from './RegionFigures';
import { RegionChildren } from './RegionChildren';
import { RegionTrend } from './RegionTrend';
import { unitHref, unitParam } from './regionLinks';
import './regions.css';

const UNIT = /^(province|prefecture|county|township):[0-9]+$/;

/** The way down from the account's unit; each unit above this one is a link up. */
function Trail({ o, year, thisYear }: { o: RegionOverviewT; year: number; thisYear: number }) {
  const t = useT();
  const lbl = useLabel();
  const trail = o.trail.some((u) => u.kind === o.unit.kind && u.id === o.unit.id) ? o.trail : [...o.trail, o.unit];
  return (
    <nav aria-label={t('层级', 'Levels')} data-testid="rg-trail" style={{ marginBottom: 12 }}>
      <Breadcrumb
        items={trail.map((u, i) => ({
          key: unitParam(u),
          title:
            i === trail.length - 1 ? (
              <span aria-current="page">
                {u.name} <span className="dj-muted">（{lbl(REGION_UNIT_KINDS, u.kind)}）</span>
              </span>
            ) : (
              <Link to={unitHref(u, year, thisYear)}>{u.name}</Link>
            ),
        }))}
      />
    </nav>
  );
}

/** The stated lag of the figures, and the counties not counted yet. */
function Freshness({ o }: { o: RegionOverviewT }) {
  const t = useT();
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%', marginBottom: 16 }}>
      <Typography.Text type="secondary" data-testid="rg-as-of">
        {o.asOf
          ? t(
              `数据截至 ${chinaDateTime(o.asOf)}（每分钟更新）`,
              `Figures as of ${chinaDateTime(o.asOf)} (updated every minute)`,
            )
          : t('数据尚未汇总（每分钟更新）', 'Not summed yet (updated every minute)')}
        {' · '}
        {t(`统计期间 ${o.period.from} 至 ${o.period.to}`, `Period ${o.period.from} to ${o.period.to}`)}
      </Typography.Text>
      {o.pending > 0 ? (
        <Alert
          type="warning"
          showIcon
          data-testid="rg-pending"
          message={t(
            `${o.pending} 个县（市、区）的数据尚未汇总，暂按 0 计`,
            `${o.pending} ${o.pending === 1 ? 'county is' : 'counties are'} not counted yet (shown as 0 until then)`,
          )}
        />
      ) : null}
    </Space>
  );
}

/** The region overview page of a region account (its home) and of a county admin (its county and townships). */
export default function RegionOverviewPage() {
  const t = useT();
  const lbl = useLabel();
  const [params, setParams] = useSearchParams();
  const thisYear = chinaYear(Date.now());
  const unitRaw = params.get('unit');
  const unit = unitRaw && UNIT.test(unitRaw) ? unitRaw : undefined;
  const yearRaw = Number(params.get('year'));
  const year = Number.isInteger(yearRaw) && yearRaw >= 2000 && yearRaw <= thisYear ? yearRaw : thisYear;
  const query = { unit, year };
  const q = useFigureQuery<RegionOverviewT>('region-overview', '/api/regions/overview', query);
  const setYear = (y: number) => {
    const next = new URLSearchParams(params);
    if (y === thisYear) next.delete('year');
    else next.set('year', String(y));
    setParams(next);
  };
  const years = Array.from({ length: 8 }, (_, i) => thisYear - i);
  const o = q.data;
  return (
    <Card>
      <FigureHeading
        title={
          <>
            {t('省市概览', 'Region overview')}
            {o ? (
              <span className="dj-muted" style={{ fontSize: 15, fontWeight: 400 }} data-testid="rg-unit">
                {' '}
                · {o.unit.name}（{lbl(REGION_UNIT_KINDS, o.unit.kind)}）
              </span>
            ) : null}
          </>
        }
        actions={
          <div style={{ marginLeft: 'auto' }}>
            <Space wrap>
              <Select
                aria-label={t('年度', 'Year')}
                value={year}
                onChange={setYear}
                style={{ width: 110 }}
                data-testid="rg-year"
                options={years.map((y) => ({ value: y, label: t(`${y}年`, String(y)) }))}
              />
              <Button
                icon={<DownloadOutlined />}
                href={withQuery('/api/regions/overview/export', { unit: o ? unitParam(o.unit) : unit, year })}
                download
                data-testid="rg-export"
              >
                {t('导出 Excel', 'Export Excel')}
              </Button>
            </Space>
          </div>
        }
      />
      <Loaded q={q}>
        {(d) => (
          <>
            <Trail o={d} year={year} thisYear={thisYear} />
            <Freshness o={d} />
            <RegionFigureCards f={d.unit.figures} />
            <div className="dj-grid-charts" style={{ marginBottom: 16 }}>
              <RegionTrend months={d.months} />
            </div>
            <h2 className="dj-card-title">
              {t('下级单位', 'Units below')}
              {d.children.length ? <span className="dj-muted"> · {d.children.length}</span> : null}
            </h2>
            <RegionChildren rows={d.children} unitKind={d.unit.kind} year={year} thisYear={thisYear} />
          </>
        )}
      </Loaded>
    </Card>
  );
}
