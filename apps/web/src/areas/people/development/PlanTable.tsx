/**
 * The quota table of a year: each organization below with its quota (edited inline by those who set plans, saved
 * together), what is split from it, admitted, due by now, remaining, outside the plan and its state; the totals as
 * number cards, and a chart of quota against admitted.
 */
import { Suspense, lazy, useMemo, useState } from 'react';
import { Alert, Button, InputNumber, Space, Table, Tag } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { PLAN_STATUSES } from '@dangjian/contracts';
import { useLabel, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { StatGrid } from '../../../components/Stat';
import { useFeedback } from '../../../components/feedback';
import { PLAN_KEYS, type PlanFiguresT, type PlanRow, putPlans } from './planModel';

const Chart = lazy(() => import('../../../components/Chart').then((m) => ({ default: m.Chart })));

const STATUS_COLOR: Record<string, string> = {
  no_plan: 'default',
  on_track: 'blue',
  behind: 'orange',
  over: 'red',
  done: 'green',
};

/** The plan's state as a coloured tag. */
export function PlanStatusTag({ status }: { status: string }) {
  const lbl = useLabel();
  return <Tag color={STATUS_COLOR[status]}>{lbl(PLAN_STATUSES, status)}</Tag>;
}

/** The quota table, the totals and the chart of a plan answer. */
export function PlanTable({ f, year, onDrill }: { f: PlanFiguresT; year: number; onDrill: (orgId: number) => void }) {
  const t = useT();
  const { data: me } = useMe();
  const qc = useQueryClient();
  const { message } = useFeedback();
  const canPlan = hasCap(me, 'development.plan');
  const [edits, setEdits] = useState<Record<number, number | null>>({});
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const changed = Object.entries(edits).filter(([id, v]) => v !== quotaOf(f, Number(id)));
  // Only the county's own organization has nobody above it on the platform to set its quota.
  const rootEditable = canPlan && f.org.id === me?.orgId && me?.role === 'county_admin';

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      await putPlans({ year, items: changed.map(([id, quota]) => ({ org: Number(id), quota })) });
      setEdits({});
      for (const k of PLAN_KEYS) await qc.invalidateQueries({ queryKey: [k] });
      message.success(t('计划已保存', 'Plan saved'));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  const option = useMemo(
    () => ({
      xAxis: { type: 'category', data: f.byOrg.map((r) => r.orgName) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', name: t('计划数', 'Quota'), barMaxWidth: 18, data: f.byOrg.map((r) => r.quota ?? 0) },
        { type: 'bar', name: t('已发展', 'Admitted'), barMaxWidth: 18, data: f.byOrg.map((r) => r.admitted) },
      ],
    }),
    [f, t],
  );

  const quotaInput = (orgId: number, testId: string) => (
    <InputNumber
      aria-label={t('计划数', 'Quota')}
      min={0}
      max={100000}
      precision={0}
      placeholder={t('未下达', 'None')}
      value={orgId in edits ? edits[orgId] : quotaOf(f, orgId)}
      onChange={(v) => setEdits((e) => ({ ...e, [orgId]: v === null || v === undefined ? null : Number(v) }))}
      style={{ width: 96 }}
      data-testid={testId}
    />
  );

  const total = f.total;
  const quarter = f.quarter;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <StatGrid
        testId="plan-totals"
        items={[
          { testId: 'plan-quota', title: t('计划数', 'Quota'), value: total.quota ?? t('未下达', 'None') },
          { testId: 'plan-allocated', title: t('已分解到下级', 'Split below'), value: total.allocated },
          { testId: 'plan-admitted', title: t(`${year}年已发展`, `Admitted in ${year}`), value: total.admitted },
          { testId: 'plan-remaining', title: t('剩余计划', 'Remaining'), value: total.remaining },
          { testId: 'plan-expected', title: t(`前${quarter}季度应完成`, `Due by Q${quarter}`), value: total.expected },
          { testId: 'plan-outside', title: t('计划外发展', 'Outside the plan'), value: total.outsidePlan },
          { testId: 'plan-targets', title: t('现有发展对象', 'Development targets now'), value: total.targets },
        ]}
      />
      {rootEditable ? (
        <Space>
          <span>{t('本级年度计划数', 'This organization’s quota for the year')}</span>
          {quotaInput(f.org.id, 'plan-root-quota')}
        </Space>
      ) : null}
      {error ? <Alert type="error" showIcon title={error} data-testid="plan-error" /> : null}
      {canPlan && changed.length ? (
        <Space>
          <Button type="primary" loading={saving} onClick={save} data-testid="plan-save">
            {t(`保存计划（${changed.length}项）`, `Save the plan (${changed.length})`)}
          </Button>
          <Button onClick={() => (setEdits({}), setError(null))}>{t('取消修改', 'Discard')}</Button>
        </Space>
      ) : null}
      <Table<PlanRow>
        rowKey="orgId"
        size="middle"
        dataSource={f.byOrg}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="plan-table"
        locale={{ emptyText: t('本组织下没有下级组织', 'No organization below') }}
        scroll={{ x: 900 }}
        columns={[
          {
            title: t('党组织', 'Organization'),
            dataIndex: 'orgName',
            render: (name: string, r) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => onDrill(r.orgId)}>
                {name}
              </Button>
            ),
          },
          {
            title: t('计划数', 'Quota'),
            dataIndex: 'quota',
            width: 120,
            render: (q: number | null, r) =>
              canPlan ? quotaInput(r.orgId, `plan-quota-${r.orgId}`) : (q ?? t('未下达', 'None')),
          },
          { title: t('已分解', 'Split below'), dataIndex: 'allocated', width: 90 },
          { title: t('已发展', 'Admitted'), dataIndex: 'admitted', width: 90 },
          { title: t('应完成', 'Due by now'), dataIndex: 'expected', width: 90 },
          { title: t('剩余', 'Remaining'), dataIndex: 'remaining', width: 80 },
          { title: t('计划外', 'Outside'), dataIndex: 'outsidePlan', width: 80 },
          { title: t('现有发展对象', 'Targets now'), dataIndex: 'targets', width: 110 },
          {
            title: t('状态', 'Status'),
            dataIndex: 'status',
            width: 120,
            render: (s: string) => <PlanStatusTag status={s} />,
          },
        ]}
      />
      {f.byOrg.length ? (
        <Suspense fallback={null}>
          <h2 className="dj-card-title">{t('计划数与已发展', 'Quota and admitted')}</h2>
          <Chart option={option} label={t('各组织计划数与已发展人数', 'Quota and admitted by organization')} />
        </Suspense>
      ) : null}
    </Space>
  );
}

function quotaOf(f: PlanFiguresT, orgId: number): number | null {
  if (orgId === f.org.id) return f.total.quota;
  return f.byOrg.find((r) => r.orgId === orgId)?.quota ?? null;
}
