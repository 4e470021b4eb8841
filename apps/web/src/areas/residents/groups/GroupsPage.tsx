/**
 * 联户组 (`/household-groups`): the groups with their rule flags on ListPage; `/household-groups/:id` opens the drawer.
 */
import { Button } from 'antd';
import { PieChartOutlined } from '@ant-design/icons';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { GROUP_LEADER_KINDS } from '@dangjian/contracts';
import { useLabel, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { type ListColumn, ListPage } from '../../../components/list/ListPage';
import { NewButton, recordLinkColumn, searchFilter } from '../../../components/list/listParts';
import { residentsBin } from '../common/listParts';
import { GroupDrawer, GroupFlags } from './GroupDrawer';
import type { HouseholdGroup } from '../common/model';

/** The household groups page. */
export default function GroupsPage() {
  const t = useT();
  const lbl = useLabel();
  const navigate = useNavigate();
  const { id } = useParams();
  const [params] = useSearchParams();
  const { data: me } = useMe();

  const columns: ListColumn<HouseholdGroup>[] = [
    recordLinkColumn(t('组名', 'Group'), 'name', (g) => `/household-groups/${g.id}`, params.toString(), 'group-link'),
    { title: t('村（社区）', 'Village'), dataIndex: 'orgName', ellipsis: true },
    {
      title: t('联户长', 'Leader'),
      dataIndex: 'leaderName',
      width: 150,
      render: (v: string, g) => (
        <span>
          {v} <span className="dj-muted">· {lbl(GROUP_LEADER_KINDS, g.leaderKind)}</span>
        </span>
      ),
    },
    { title: t('户数', 'Households'), dataIndex: 'households', width: 80, align: 'right' },
    { title: t('困难户', 'Poor'), dataIndex: 'poorHouseholds', width: 80, align: 'right' },
    { title: t('人口', 'People'), dataIndex: 'people', width: 70, align: 'right' },
    { title: t('规则', 'Rules'), key: 'rules', width: 190, render: (_, g) => <GroupFlags g={g} /> },
  ];

  return (
    <ListPage<HouseholdGroup>
      title={t('联户组', 'Household groups')}
      endpoint="/api/household-groups"
      orgScoped
      filters={[
        searchFilter(t('搜索组名或联户长', 'Search group or leader'), t('组名 / 联户长', 'Group / leader'), {
          width: 240,
        }),
      ]}
      columns={columns}
      scrollX={960}
      recycle={residentsBin(
        (g) => g.name,
        t('联户组回收站', 'Household groups: recycle bin'),
        t('返回联户组', 'Back to the groups'),
        ['household-group', 'households', 'group-coverage', 'service-stats'],
      )}
      actions={
        <>
          <NewButton
            show={hasCap(me, 'residents.write')}
            onClick={() => navigate('/household-groups/new')}
            testId="new-group"
          >
            {t('新建联户组', 'New group')}
          </NewButton>
          <Button icon={<PieChartOutlined />} onClick={() => navigate('/household-groups/coverage')}>
            {t('覆盖情况', 'Coverage')}
          </Button>
        </>
      }
      edit={{ capability: 'residents.write', path: (g) => `/household-groups/${g.id}/edit` }}
      total={{ testId: 'group-total', text: (n) => t(`共 ${n} 个联户组`, `${n} groups`) }}
      emptyText={t('没有联户组', 'No household group')}
    >
      {id ? (
        <GroupDrawer
          id={Number(id)}
          onClose={() => navigate({ pathname: '/household-groups', search: params.toString() })}
        />
      ) : null}
    </ListPage>
  );
}
