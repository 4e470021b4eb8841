/** 结对缺口 (`/pairings/gaps`): poor households without a cadre, cadres over or under their load. */
import { Card, Tabs } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../../api/client';
import { useT } from '../../../app/i18n';
import { useScope } from '../../../app/scope';
import { hasCap, useMe } from '../../../app/session';
import { usePageCrumb } from '../../../app/crumbs';
import { Loaded, ShortTable, StatGrid } from '../../../components/Figures';
import { linkColumn } from '../../../components/list/listParts';
import { PageHead } from '../common/ResidentsParts';
import { percent, type CadreLoad, type PairingGaps } from '../common/model';

/** The gaps page. */
export default function PairingGapsPage() {
  const t = useT();
  const { org } = useScope();
  const { data: me } = useMe();
  usePageCrumb(t('结对缺口', 'Gaps'));
  const q = useQuery({
    queryKey: ['pairing-gaps', org?.id ?? null],
    queryFn: ({ signal }) => api.get<PairingGaps>('/api/pairings/gaps', { org: org?.id }, signal),
  });
  const canWrite = hasCap(me, 'residents.write');
  const loadColumns = [
    {
      title: t('干部', 'Cadre'),
      dataIndex: 'name',
      render: (v: string, r: CadreLoad) => <Link to={`/pairings?cadre=${r.memberId}`}>{v}</Link>,
    },
    { title: t('单位', 'Organization'), dataIndex: 'orgName' },
    { title: t('结对户数', 'Households'), dataIndex: 'load', align: 'right' as const, width: 110 },
  ];
  /** A tab of cadres over or under their load. */
  const loadTab = (key: string, rows: CadreLoad[], label: string, empty: string) => ({
    key,
    label,
    children: <ShortTable rowKey="memberId" rows={rows} columns={loadColumns} empty={empty} />,
  });

  return (
    <Card>
      <PageHead
        title={t('结对帮扶缺口', 'Pairing gaps')}
        actions={<Link to="/pairings">{t('返回结对列表', 'Back to the pairings')}</Link>}
      />
      <Loaded q={q}>
        {(g) => (
          <>
            <StatGrid
              testId="gap-cards"
              items={[
                {
                  testId: 'gap-poor',
                  title: t('困难户', 'Poor households'),
                  value: g.poorHouseholds,
                  href: '/households?poor=true',
                },
                { testId: 'gap-paired', title: t('已结对', 'Paired'), value: g.pairedHouseholds },
                {
                  testId: 'gap-rate',
                  title: t('结对覆盖率', 'Coverage'),
                  value: percent(g.poorHouseholds ? g.pairedHouseholds / g.poorHouseholds : null),
                },
                {
                  testId: 'gap-unpaired',
                  title: t('未结对困难户', 'Unpaired'),
                  value: g.unpairedTotal,
                  href: '/households?poor=true&paired=false',
                },
                { testId: 'gap-cadres', title: t('帮扶干部', 'Cadres'), value: g.cadres },
                {
                  testId: 'gap-over',
                  title: t(`超过 ${g.loadMax} 户`, `Over ${g.loadMax}`),
                  value: g.overloaded.length,
                },
                {
                  testId: 'gap-under',
                  title: t(`不足 ${g.loadMin} 户`, `Under ${g.loadMin}`),
                  value: g.underloaded.length,
                },
              ]}
            />
            <Tabs
              style={{ marginTop: 16 }}
              items={[
                {
                  key: 'unpaired',
                  label: t(`未结对困难户（${g.unpairedTotal}）`, `Unpaired (${g.unpairedTotal})`),
                  children: (
                    <>
                      {g.unpairedTotal > g.unpaired.length ? (
                        <p className="dj-muted" style={{ marginTop: 0 }}>
                          {t(`仅列出前 ${g.unpaired.length} 户；`, `The first ${g.unpaired.length} only; `)}
                          <Link to="/households?poor=true&paired=false">
                            {t('在住户列表中查看全部', 'see all in the households list')}
                          </Link>
                        </p>
                      ) : null}
                      <ShortTable<PairingGaps['unpaired'][number]>
                        rowKey="householdId"
                        rows={g.unpaired}
                        testId="unpaired"
                        empty={t('所有困难户都已结对', 'Every poor household is paired')}
                        columns={[
                          linkColumn(t('户主', 'Head'), 'headName', (r) => `/households/${r.householdId}`, 110),
                          { title: t('住址', 'Address'), dataIndex: 'address' },
                          { title: t('村（社区）', 'Village'), dataIndex: 'orgName' },
                          ...(canWrite
                            ? [
                                {
                                  title: '',
                                  width: 90,
                                  render: (_: unknown, r: PairingGaps['unpaired'][number]) => (
                                    <Link
                                      to={`/pairings?new=1&household=${r.householdId}`}
                                      aria-label={t(`去结对：${r.headName}户`, `Pair: ${r.headName}'s household`)}
                                    >
                                      {t('去结对', 'Pair')}
                                    </Link>
                                  ),
                                },
                              ]
                            : []),
                        ]}
                      />
                    </>
                  ),
                },
                loadTab(
                  'over',
                  g.overloaded,
                  t(`超负荷干部（${g.overloaded.length}）`, `Over their load (${g.overloaded.length})`),
                  t('没有超负荷的干部', 'No cadre over the load'),
                ),
                loadTab(
                  'under',
                  g.underloaded,
                  t(`结对不足的干部（${g.underloaded.length}）`, `Under their load (${g.underloaded.length})`),
                  t('没有结对不足的干部', 'No cadre under the load'),
                ),
              ]}
            />
          </>
        )}
      </Loaded>
    </Card>
  );
}
