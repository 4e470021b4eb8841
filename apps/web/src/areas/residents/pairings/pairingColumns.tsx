/** The columns of the pairings list (结对帮扶) and the tag of its cadre filter. */
import { Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../../api/client';
import { useT } from '../../../app/i18n';
import type { ListColumn, ListContext } from '../../../components/list/ListPage';
import type { Pairing } from '../common/model';

/** The closable tag of the cadre filter (`?cadre=` is a member id). */
export function CadreTag({ id, onClose }: { id: string; onClose: () => void }) {
  const t = useT();
  const q = useQuery({
    queryKey: ['member', Number(id)],
    queryFn: ({ signal }) => api.get<{ name: string }>(`/api/members/${id}`, undefined, signal),
  });
  return (
    <Tag closable onClose={onClose}>
      {t('干部：', 'Cadre: ')}
      {q.data?.name ?? '…'}
    </Tag>
  );
}

/** The columns of the pairings list; a cadre's name narrows the list to that cadre. */
export function usePairingColumns() {
  const t = useT();
  return ({ url }: ListContext<Pairing>): ListColumn<Pairing>[] => [
    {
      title: t('困难户', 'Household'),
      dataIndex: 'householdHead',
      width: 110,
      render: (v: string, p) => <Link to={`/households/${p.householdId}`}>{v}</Link>,
    },
    { title: t('住址', 'Address'), dataIndex: 'householdAddress', ellipsis: true },
    { title: t('村（社区）', 'Village'), dataIndex: 'orgName', ellipsis: true },
    {
      title: t('帮扶干部', 'Cadre'),
      dataIndex: 'cadreName',
      width: 100,
      render: (v: string, p) => <a onClick={() => url.setFilters({ cadre: p.cadreMemberId })}>{v}</a>,
    },
    { title: t('干部单位', 'Cadre organization'), dataIndex: 'cadreOrgName', ellipsis: true },
    { title: t('开始', 'Since'), dataIndex: 'startedOn', width: 110 },
    {
      title: t('状态', 'Status'),
      dataIndex: 'endedOn',
      width: 140,
      render: (v: string | null) =>
        v ? <Tag>{t(`已于 ${v} 结束`, `Ended ${v}`)}</Tag> : <Tag color="green">{t('帮扶中', 'Active')}</Tag>,
    },
  ];
}
