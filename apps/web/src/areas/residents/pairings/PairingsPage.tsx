/** 结对帮扶 (`/pairings`): cadres paired with poor households on ListPage; `?new=1&household=` opens the form. */
import { useState } from 'react';
import { Button, Tag } from 'antd';
import { PlusOutlined, StopOutlined, WarningOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../../api/client';
import { useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { type ListColumn, type ListContext, ListPage } from '../../../components/list/ListPage';
import { CreatePairing, EndPairing, PAIRING_KEYS } from './PairingDialogs';
import type { Pairing } from '../common/model';

/** The closable tag of the cadre filter (`?cadre=` is a member id). */
function CadreTag({ id, onClose }: { id: string; onClose: () => void }) {
  const t = useT();
  const q = useQuery({
    queryKey: ['member', Number(id)],
    queryFn: ({ signal }) => api.get<{ name: string }>(`/api/members/${id}`, undefined, signal),
  });
  return (
    <Tag closable onClose={onClose}>
      {t('干部：', 'Cadre: ')}
      {q.data?.name ?? `#${id}`}
    </Tag>
  );
}

/** The pairings page. */
export default function PairingsPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { data: me } = useMe();
  const canWrite = hasCap(me, 'residents.write');
  const [ending, setEnding] = useState<Pairing | null>(null);
  const name = (p: Pairing) => `${p.cadreName} — ${p.householdHead}`;

  const columns = ({ url }: ListContext<Pairing>): ListColumn<Pairing>[] => [
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
  const closeCreate = () => {
    const next = new URLSearchParams(params);
    next.delete('new');
    next.delete('household');
    setParams(next);
  };

  return (
    <ListPage<Pairing>
      title={t('结对帮扶', 'Pairings')}
      endpoint="/api/pairings"
      queryKey="pairings"
      orgScoped
      filters={[
        {
          kind: 'search',
          key: 'q',
          label: t('搜索户主、地址或干部', 'Search head, address or cadre'),
          placeholder: t('户主 / 地址 / 干部', 'Head / address / cadre'),
          width: 240,
        },
        {
          kind: 'select',
          key: 'active',
          label: t('状态', 'Status'),
          width: 120,
          options: [
            { value: 'true', label: t('帮扶中', 'Active') },
            { value: 'false', label: t('已结束', 'Ended') },
          ],
        },
        {
          kind: 'custom',
          key: 'cadre',
          label: t('干部', 'Cadre'),
          render: (v, set) => (v ? <CadreTag id={v} onClose={() => set(null)} /> : null),
        },
      ]}
      columns={columns}
      scrollX={1000}
      recycle={{
        capability: 'residents.write',
        name,
        invalidate: PAIRING_KEYS,
        title: t('结对帮扶回收站', 'Pairings: recycle bin'),
        back: t('返回结对列表', 'Back to the pairings'),
      }}
      actions={({ url }) => (
        <>
          {canWrite ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => url.setFilters({ new: '1' })}
              data-testid="new-pairing"
            >
              {t('新建结对', 'New pairing')}
            </Button>
          ) : null}
          <Button icon={<WarningOutlined />} onClick={() => navigate('/pairings/gaps')}>
            {t('结对缺口', 'Gaps')}
          </Button>
        </>
      )}
      rowActions={(p) =>
        canWrite && !p.endedOn ? (
          <Button
            size="small"
            type="text"
            icon={<StopOutlined />}
            aria-label={t(`结束 ${name(p)}`, `End ${name(p)}`)}
            title={t('结束结对', 'End')}
            onClick={() => setEnding(p)}
          />
        ) : null
      }
      emptyText={t('没有结对记录', 'No pairing')}
    >
      {params.get('new') === '1' && canWrite ? (
        <CreatePairing
          household={params.get('household') ? Number(params.get('household')) : undefined}
          onClose={closeCreate}
        />
      ) : null}
      {ending ? <EndPairing p={ending} onClose={() => setEnding(null)} /> : null}
    </ListPage>
  );
}
