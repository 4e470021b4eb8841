/**
 * The annual guiding plan (`/development/plans?org=&year=&tab=`): the quota table of the year with inline edits
 * for the organizations below, the plan figures with a chart and the Excel export, the quarterly supervision list
 * with its marks, and the marked organizations (the interview list).
 */
import { Button, Card, InputNumber, Space, Tabs, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { withQuery } from '../../../api/client';
import { useT } from '../../../app/i18n';
import { useScope } from '../../../app/scope';
import { FigureHeading, Loaded, useFigureQuery } from '../../../components/Figures';
import { useOrg } from '../../life/meetings/parts';
import { chinaYearNow, type PlanFiguresT } from './planModel';
import { PlanTable } from './PlanTable';
import { SupervisionTab } from './SupervisionTab';
import { MarksTab } from './MarksTab';

/** The plans page. */
export default function PlansPage() {
  const t = useT();
  const { org } = useScope();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || chinaYearNow();
  const orgId = Number(params.get('org')) || org?.id;
  const tab = params.get('tab') ?? 'plan';
  const here = useOrg(orgId ?? null);
  const query = { org: orgId, year };
  const q = useFigureQuery<PlanFiguresT>('development-plan', '/api/development/plans/figures', query);
  const set = (patch: Record<string, string | number | null | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v == null || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    setParams(next);
  };

  return (
    <Card>
      <FigureHeading
        title={
          <>
            {t('发展计划', 'Development plan')}
            <span className="dj-muted" style={{ fontSize: 15, fontWeight: 400 }}>
              {' '}
              · {here.data?.name ?? q.data?.org.name ?? ''}
            </span>
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
          <Space wrap style={{ marginLeft: 'auto' }}>
            <InputNumber
              aria-label={t('年度', 'Year')}
              min={2000}
              max={2100}
              value={year}
              onChange={(v) => v && set({ year: v })}
              suffix={t('年', '')}
              style={{ width: 110 }}
              data-testid="plan-year"
            />
            <Button
              icon={<DownloadOutlined />}
              href={withQuery('/api/development/plans/figures/export', query)}
              download
              data-testid="plan-export"
            >
              {t('导出 Excel', 'Export Excel')}
            </Button>
          </Space>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => set({ tab: k === 'plan' ? null : k })}
        items={[
          {
            key: 'plan',
            label: t('计划与执行', 'Quotas and progress'),
            children: (
              <Loaded q={q}>{(f) => <PlanTable f={f} year={year} onDrill={(id) => set({ org: id })} />}</Loaded>
            ),
          },
          {
            key: 'supervision',
            label: t('季度督查', 'Quarterly supervision'),
            children: <SupervisionTab org={orgId} year={year} />,
          },
          { key: 'marks', label: t('约谈名单', 'Interview list'), children: <MarksTab org={orgId} year={year} /> },
        ]}
      />
    </Card>
  );
}
