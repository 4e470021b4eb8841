/** 结对帮扶 (`/pairings`): cadres paired with poor households on ListPage; `?new=1&household=` opens the form. */
import { useState } from 'react';
import { Button } from 'antd';
import { StopOutlined, WarningOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router';
import { useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { ListPage } from '../../../components/list/ListPage';
import { NewButton, searchFilter, selectFilter } from '../../../components/list/listParts';
import { residentsBin } from '../common/listParts';
import { CreatePairing, EndPairing, PAIRING_KEYS } from './PairingDialogs';
import { CadreTag, usePairingColumns } from './pairingColumns';
import type { Pairing } from '../common/model';

/** The pairings page. */
export default function PairingsPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { data: me } = useMe();
  const canWrite = hasCap(me, 'residents.write');
  const [ending, setEnding] = useState<Pairing | null>(null);
  const name = (p: Pairing) => `${p.cadreName} — ${p.householdHead}`;

  const columns = usePairingColumns();
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
      orgScoped
      filters={[
        searchFilter(
          t('搜索户主、地址或干部', 'Search head, address or cadre'),
          t('户主 / 地址 / 干部', 'Head / address / cadre'),
          {
            width: 240,
          },
        ),
        selectFilter(
          'active',
          t('状态', 'Status'),
          [
            { value: 'true', label: t('帮扶中', 'Active') },
            { value: 'false', label: t('已结束', 'Ended') },
          ],
          120,
        ),
        {
          kind: 'custom',
          key: 'cadre',
          label: t('干部', 'Cadre'),
          render: (v, set) => (v ? <CadreTag id={v} onClose={() => set(null)} /> : null),
        },
      ]}
      columns={columns}
      scrollX={1000}
      recycle={residentsBin(
        name,
        t('结对帮扶回收站', 'Pairings: recycle bin'),
        t('返回结对列表', 'Back to the pairings'),
        PAIRING_KEYS,
      )}
      actions={({ url }) => (
        <>
          <NewButton show={canWrite} onClick={() => url.setFilters({ new: '1' })} testId="new-pairing">
            {t('新建结对', 'New pairing')}
          </NewButton>
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
