/** 党员责任区 (`/zones`): grid zones of communities with the members assigned, on ListPage. */
import { useState } from 'react';
import { useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { type ListColumn, type ListContext, ListPage } from '../../../components/list/ListPage';
import { NewButton, searchFilter } from '../../../components/list/listParts';
import { residentsBin } from '../common/listParts';
import { EditButton } from '../../../components/list/recycle';
import { AssignMember, ZoneEditor, ZoneMembers } from './ZoneParts';
import type { Zone } from '../common/model';

/** The zones page. */
export default function ZonesPage() {
  const t = useT();
  const { data: me } = useMe();
  const canWrite = hasCap(me, 'residents.write');
  const [editing, setEditing] = useState<Zone | 'new' | null>(null);
  const [assigning, setAssigning] = useState<Zone | null>(null);

  const columns = ({ recycle }: ListContext<Zone>): ListColumn<Zone>[] => [
    { title: t('责任区', 'Zone'), dataIndex: 'name', width: 160 },
    { title: t('社区', 'Community'), dataIndex: 'orgName', width: 180, ellipsis: true },
    { title: t('范围', 'Area'), dataIndex: 'area', ellipsis: true, render: (v: string | null) => v ?? '—' },
    {
      title: t('户数', 'Households'),
      dataIndex: 'households',
      width: 80,
      align: 'right',
      render: (v: number | null) => v ?? '—',
    },
    {
      title: t('责任党员', 'Members'),
      dataIndex: 'members',
      render: (_: unknown, z) => <ZoneMembers z={z} editable={canWrite && !recycle} onAssign={() => setAssigning(z)} />,
    },
  ];

  return (
    <ListPage<Zone>
      title={t('党员责任区', 'Member responsibility zones')}
      endpoint="/api/zones"
      orgScoped
      filters={[searchFilter(t('搜索责任区', 'Search zones'), t('责任区 / 范围', 'Zone / area'), { width: 240 })]}
      columns={columns}
      scrollX={960}
      recycle={residentsBin(
        (z) => z.name,
        t('责任区回收站', 'Zones: recycle bin'),
        t('返回责任区', 'Back to the zones'),
      )}
      actions={
        <NewButton show={canWrite} onClick={() => setEditing('new')} testId="new-zone">
          {t('新建责任区', 'New zone')}
        </NewButton>
      }
      rowActions={(z) => (canWrite ? <EditButton name={z.name} onEdit={() => setEditing(z)} /> : null)}
      total={{ text: (n) => t(`共 ${n} 个责任区`, `${n} zones`) }}
      emptyText={t('没有责任区', 'No zone')}
    >
      {editing ? <ZoneEditor zone={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
      {assigning ? <AssignMember zone={assigning} onClose={() => setAssigning(null)} /> : null}
    </ListPage>
  );
}
