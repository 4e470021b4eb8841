/**
 * 联户覆盖 (`/household-groups/coverage`): groups, households and people covered in a subtree, by organization, and the
 * households left out.
 */
import { Button, Card, Progress, Table, Tabs } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../../api/client';
import type { ListPage } from '../../../api/types';
import { useT } from '../../../app/i18n';
import { useScope } from '../../../app/scope';
import { usePageCrumb } from '../../../app/crumbs';
import { ErrorResult } from '../../../components/States';
import { Loaded, StatGrid } from '../../../components/Figures';
import { OrgFilterTag, PageHead } from '../common/ResidentsParts';
import { percent, type GroupCoverage, type Household } from '../common/model';

/** The coverage page; `?org=` drills into an organization of the table. */
export default function GroupCoveragePage() {
  const t = useT();
  const { org } = useScope();
  const [params, setParams] = useSearchParams();
  usePageCrumb(t('覆盖情况', 'Coverage'));
  const orgId = params.get('org') ? Number(params.get('org')) : org?.id;
  const tab = params.get('tab') ?? 'byOrg';
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const q = useQuery({
    queryKey: ['group-coverage', orgId ?? null],
    queryFn: ({ signal }) => api.get<GroupCoverage>('/api/household-groups/coverage', { org: orgId }, signal),
  });
  const un = useQuery({
    queryKey: ['group-coverage', 'uncovered', orgId ?? null, page, pageSize],
    queryFn: ({ signal }) =>
      api.get<ListPage<Household>>('/api/household-groups/uncovered', { org: orgId, page, pageSize }, signal),
    enabled: tab === 'uncovered',
    placeholderData: keepPreviousData,
  });
  function set(k: string, v: string | null) {
    const next = new URLSearchParams(params);
    if (v == null) next.delete(k);
    else next.set(k, v);
    if (k !== 'page') next.delete('page');
    setParams(next);
  }

  return (
    <Card>
      <PageHead
        title={t('联户组覆盖情况', 'Household groups: coverage')}
        actions={<Button onClick={() => window.history.back()}>{t('返回', 'Back')}</Button>}
      >
        {params.get('org') ? (
          <div style={{ marginBottom: 12 }}>
            <OrgFilterTag orgId={params.get('org')} onClose={() => set('org', null)} />
          </div>
        ) : null}
      </PageHead>
      <Loaded q={q}>
        {(c) => (
          <>
            <StatGrid
              testId="coverage-cards"
              items={[
                {
                  testId: 'cov-groups',
                  title: t('联户组', 'Groups'),
                  value: c.groups,
                  href: orgId ? `/household-groups?org=${orgId}` : '/household-groups',
                },
                {
                  testId: 'cov-households',
                  title: t('覆盖户数 / 总户数', 'Households covered / all'),
                  value: `${c.households.toLocaleString('en-US')} / ${c.householdsTotal.toLocaleString('en-US')}`,
                },
                { testId: 'cov-rate', title: t('户覆盖率', 'Household coverage'), value: percent(c.coverageRate) },
                {
                  testId: 'cov-people',
                  title: t('覆盖人口 / 总人口', 'People covered / all'),
                  value: `${c.people.toLocaleString('en-US')} / ${c.peopleTotal.toLocaleString('en-US')}`,
                },
                {
                  testId: 'cov-poor',
                  title: t('困难户入组 / 困难户', 'Poor households in groups / all'),
                  value: `${c.poorCovered} / ${c.poorHouseholds}`,
                },
                { testId: 'cov-off-rule', title: t('不符合规则的组', 'Groups off the rules'), value: c.groupsOffRule },
              ]}
            />
            <Tabs
              style={{ marginTop: 16 }}
              activeKey={tab}
              onChange={(k) => set('tab', k === 'byOrg' ? null : k)}
              items={[
                {
                  key: 'byOrg',
                  label: t('按组织', 'By organization'),
                  children: (
                    <Table
                      rowKey="orgId"
                      size="middle"
                      dataSource={c.byOrg}
                      pagination={c.byOrg.length > 50 ? { pageSize: 50 } : false}
                      data-testid="coverage-by-org"
                      scroll={{ x: 760 }}
                      locale={{ emptyText: t('没有下级组织', 'No organizations below') }}
                      columns={[
                        {
                          title: t('组织', 'Organization'),
                          dataIndex: 'orgName',
                          render: (v: string, r) => <Link to={`/household-groups/coverage?org=${r.orgId}`}>{v}</Link>,
                        },
                        { title: t('联户组', 'Groups'), dataIndex: 'groups', align: 'right', width: 100 },
                        { title: t('覆盖户数', 'Covered'), dataIndex: 'households', align: 'right', width: 110 },
                        { title: t('总户数', 'Households'), dataIndex: 'householdsTotal', align: 'right', width: 110 },
                        { title: t('覆盖人口', 'People covered'), dataIndex: 'people', align: 'right', width: 110 },
                        {
                          title: t('覆盖率', 'Coverage'),
                          dataIndex: 'coverageRate',
                          width: 200,
                          sorter: (a, b) => a.coverageRate - b.coverageRate,
                          render: (v: number) => (
                            <Progress
                              aria-label={t('覆盖率', 'Coverage')}
                              percent={Math.round(v * 1000) / 10}
                              size="small"
                              status={v < 0.9 ? 'exception' : 'normal'}
                              format={() => percent(v)}
                            />
                          ),
                        },
                      ]}
                    />
                  ),
                },
                {
                  key: 'uncovered',
                  label: t(
                    `未入组的户（${(c.householdsTotal - c.households).toLocaleString('en-US')}）`,
                    `Households left out (${(c.householdsTotal - c.households).toLocaleString('en-US')})`,
                  ),
                  children: un.error ? (
                    <ErrorResult error={un.error} onRetry={() => un.refetch()} />
                  ) : (
                    <Table<Household>
                      rowKey="id"
                      size="middle"
                      loading={un.isFetching}
                      dataSource={un.data?.items ?? []}
                      data-testid="uncovered"
                      locale={{ emptyText: t('所有户都已入组', 'Every household is in a group') }}
                      onChange={(pg) => {
                        const next = new URLSearchParams(params);
                        next.set('page', String(pg.current ?? 1));
                        next.set('pageSize', String(pg.pageSize ?? 20));
                        setParams(next);
                      }}
                      pagination={{
                        current: page,
                        pageSize,
                        total: un.data?.total ?? 0,
                        showSizeChanger: true,
                        pageSizeOptions: [20, 50, 100],
                      }}
                      columns={[
                        {
                          title: t('户主', 'Head'),
                          dataIndex: 'headName',
                          width: 110,
                          render: (v: string, h) => <Link to={`/households/${h.id}`}>{v}</Link>,
                        },
                        { title: t('住址', 'Address'), dataIndex: 'address' },
                        { title: t('村（社区）', 'Village'), dataIndex: 'orgName' },
                        { title: t('人口', 'People'), dataIndex: 'people', width: 70, align: 'right' },
                        {
                          title: t('困难户', 'Poor'),
                          dataIndex: 'isPoor',
                          width: 80,
                          render: (v: boolean) => (v ? t('是', 'Yes') : ''),
                        },
                      ]}
                    />
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
