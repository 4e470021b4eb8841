/**
 * 走访要求落实 (`/visits/quotas`): villages not visited enough this quarter, township cadres short this week (rules as
 * data).
 */
import { addDays, weekdayOf } from '@dangjian/contracts';
import { Card, DatePicker, Space, Tabs } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../../api/client';
import { usePeriod, useT } from '../../../app/i18n';
import { useScope } from '../../../app/scope';
import { usePageCrumb } from '../../../app/crumbs';
import { Loaded, ShortTable, StatGrid } from '../../../components/Figures';
import { linkColumn } from '../../../components/list/listParts';
import { PageHead } from '../common/ResidentsParts';
import { chinaToday, isoWeekOf, quarterOf, type VisitQuotas } from '../common/model';

/** The Monday of an ISO week `YYYY-Www` (a week the year lacks: the Monday it would have had). */
function weekMonday(week: string): string {
  const jan4 = `${week.slice(0, 4)}-01-04`;
  return addDays(jan4, -weekdayOf(jan4) + (Number(week.slice(6)) - 1) * 7);
}

/** A right-aligned column of a count against its weekly target, in red when short. */
function quotaColumn(title: string, dataIndex: string, target: number) {
  return {
    title,
    dataIndex,
    align: 'right' as const,
    width: 110,
    render: (v: number) => <span style={{ color: v < target ? '#a8071a' : undefined }}>{`${v} / ${target}`}</span>,
  };
}

/** The quotas page; `?quarter=YYYY-Qn&week=YYYY-Www` choose the periods (default: now). */
export default function VisitQuotasPage() {
  const t = useT();
  const period = usePeriod();
  const { org } = useScope();
  const [params, setParams] = useSearchParams();
  usePageCrumb(t('走访要求落实', 'Visit quotas'));
  const today = chinaToday();
  const quarter = params.get('quarter') ?? quarterOf(today);
  const week = params.get('week') ?? isoWeekOf(today);
  const qq = { org: org?.id, quarter, week };
  const q = useQuery({
    queryKey: ['visit-quotas', qq],
    queryFn: ({ signal }) => api.get<VisitQuotas>('/api/visits/quotas', qq, signal),
  });
  function set(k: string, v: string | null) {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  }
  const qStart = `${quarter.slice(0, 4)}-${String((Number(quarter.slice(6)) - 1) * 3 + 1).padStart(2, '0')}-01`;

  return (
    <Card>
      <PageHead
        title={t('走访要求落实', 'Visit quotas')}
        actions={
          <Space wrap>
            <DatePicker
              picker="quarter"
              allowClear={false}
              aria-label={t('季度', 'Quarter')}
              value={dayjs(qStart)}
              // Shown in words (2026年第四季度), as every period; read-only, so nothing is parsed back from words.
              format={(v) => period(quarterOf(v.format('YYYY-MM-DD')))}
              inputReadOnly
              style={{ width: 150 }}
              onChange={(v) => v && set('quarter', quarterOf(v.format('YYYY-MM-DD')))}
              disabledDate={(v) => v.format('YYYY-MM-DD') > chinaToday()}
            />
            <DatePicker
              picker="week"
              allowClear={false}
              aria-label={t('周', 'Week')}
              value={dayjs(weekMonday(week))}
              format={(v) => period(isoWeekOf(v.startOf('week').add(1, 'day').format('YYYY-MM-DD')))}
              inputReadOnly
              style={{ width: 150 }}
              onChange={(v) => v && set('week', isoWeekOf(v.startOf('week').add(1, 'day').format('YYYY-MM-DD')))}
              disabledDate={(v) => v.format('YYYY-MM-DD') > chinaToday()}
            />
            <Link to="/visits">{t('走访记录', 'Visits')}</Link>
          </Space>
        }
      />
      <Loaded q={q}>
        {(d) => (
          <>
            <p className="dj-muted" style={{ marginTop: 0 }}>
              {t(
                `要求：每个村（社区）每季度至少走访 ${d.rules.villageVisitsPerQuarter} 次；` +
                  `乡镇干部每周走访不少于 ${d.rules.cadreVisitDaysPerWeek} 天、` +
                  `${d.rules.cadreVisitHouseholdsPerWeek} 户。`,
                `Rules: every village at least ${d.rules.villageVisitsPerQuarter} visit(s) a quarter; ` +
                  `a township cadre at least ${d.rules.cadreVisitDaysPerWeek} days ` +
                  `and ${d.rules.cadreVisitHouseholdsPerWeek} households a week.`,
              )}{' '}
              <Link to="/service-rules" style={{ textDecoration: 'underline' }}>
                {t('查看规则', 'See the rules')}
              </Link>
            </p>
            <StatGrid
              testId="quota-cards"
              items={[
                {
                  testId: 'q-villages',
                  title: t(`${period(d.quarter)}已走访村（社区）`, `Villages visited in ${period(d.quarter)}`),
                  value: `${d.villagesVisited} / ${d.villages}`,
                },
                {
                  testId: 'q-villages-short',
                  title: t('走访不足的村', 'Villages short'),
                  value: d.villagesShort.length,
                },
                {
                  testId: 'q-cadres',
                  title: t(`${period(d.week)}乡镇干部`, `Township cadres, ${period(d.week)}`),
                  value: d.cadres,
                },
                {
                  testId: 'q-cadres-short',
                  title: t('本周未达标干部', 'Cadres short this week'),
                  value: d.cadresShort.length,
                },
              ]}
            />
            <Tabs
              style={{ marginTop: 16 }}
              items={[
                {
                  key: 'villages',
                  label: t(`走访不足的村（${d.villagesShort.length}）`, `Villages short (${d.villagesShort.length})`),
                  children: (
                    <ShortTable
                      rowKey="orgId"
                      rows={d.villagesShort}
                      testId="villages-short"
                      empty={t('所有村（社区）本季度都已达到走访要求', 'Every village met the quota this quarter')}
                      columns={[
                        { title: t('村（社区）', 'Village'), dataIndex: 'orgName' },
                        {
                          title: t('本季度走访次数', 'Visits this quarter'),
                          dataIndex: 'visits',
                          align: 'right',
                          width: 160,
                        },
                        {
                          title: '',
                          width: 120,
                          render: (_, r) => <Link to={`/visits?org=${r.orgId}`}>{t('走访记录', 'Its visits')}</Link>,
                        },
                      ]}
                    />
                  ),
                },
                {
                  key: 'cadres',
                  label: t(`未达标的乡镇干部（${d.cadresShort.length}）`, `Cadres short (${d.cadresShort.length})`),
                  children: (
                    <>
                      <p className="dj-muted" style={{ marginTop: 0 }}>
                        {d.weekFrom} — {d.weekTo}
                      </p>
                      <ShortTable<VisitQuotas['cadresShort'][number]>
                        rowKey="memberId"
                        rows={d.cadresShort}
                        testId="cadres-short"
                        empty={t('本周所有乡镇干部都已达到走访要求', 'Every township cadre met the quota this week')}
                        columns={[
                          linkColumn(
                            t('干部', 'Cadre'),
                            'name',
                            (r) => `/visits?visitor=${r.memberId}&from=${d.weekFrom}&to=${d.weekTo}`,
                          ),
                          { title: t('单位', 'Organization'), dataIndex: 'orgName' },
                          quotaColumn(t('走访天数', 'Days'), 'days', d.rules.cadreVisitDaysPerWeek),
                          quotaColumn(t('走访户数', 'Households'), 'households', d.rules.cadreVisitHouseholdsPerWeek),
                        ]}
                      />
                    </>
                  ),
                },
              ]}
            />
          </>
        )}
      </Loaded>
    </Card>
  );
}
