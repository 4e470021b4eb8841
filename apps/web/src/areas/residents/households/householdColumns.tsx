/** The columns of the households list (住户管理): head, address, village, tags, people, phone, group, cadres. */
import { Link, useSearchParams } from 'react-router';
import { useT } from '../../../app/i18n';
import type { ListColumn } from '../../../components/list/ListPage';
import { HouseholdTags } from '../common/ResidentsParts';
import type { Household } from '../common/model';

/** The columns of the households list (the head's link keeps the list's query for the drawer). */
export function useHouseholdColumns(): ListColumn<Household>[] {
  const t = useT();
  const [params] = useSearchParams();
  return [
    {
      title: t('户主', 'Head'),
      dataIndex: 'headName',
      width: 110,
      render: (v: string, h) => (
        <Link to={{ pathname: `/households/${h.id}`, search: params.toString() }} data-testid="household-link">
          {v}
        </Link>
      ),
    },
    { title: t('住址', 'Address'), dataIndex: 'address', ellipsis: true },
    { title: t('村（社区）', 'Village'), dataIndex: 'orgName', width: 150, ellipsis: true },
    { title: t('户类', 'Tags'), dataIndex: 'tags', width: 200, render: (v: string[]) => <HouseholdTags tags={v} /> },
    { title: t('人口', 'People'), dataIndex: 'people', width: 70, align: 'right' },
    { title: t('联系电话', 'Phone'), dataIndex: 'phone', width: 130, render: (v: string | null) => v ?? '—' },
    {
      title: t('联户组', 'Group'),
      dataIndex: 'groupName',
      width: 130,
      ellipsis: true,
      render: (v: string | null, h) =>
        h.groupId ? (
          <Link to={`/household-groups/${h.groupId}`}>{v}</Link>
        ) : (
          <span className="dj-muted">{t('未入组', 'None')}</span>
        ),
    },
    {
      title: t('结对干部', 'Paired cadres'),
      dataIndex: 'cadres',
      width: 120,
      render: (v: Household['cadres'], h) =>
        v.length ? (
          v.map((c) => c.name).join('、')
        ) : h.isPoor ? (
          <span style={{ color: '#a8071a' }}>{t('未结对', 'Unpaired')}</span>
        ) : (
          '—'
        ),
    },
  ];
}
