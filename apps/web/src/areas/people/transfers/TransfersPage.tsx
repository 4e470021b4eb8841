/** Transfers of membership (`/transfers`) on ListPage: sent, received or both; overdue letters in red. */
import { Button, Segmented, Space, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { TRANSFER_KINDS, TRANSFER_STATUSES } from '@dangjian/contracts';
import { useEnumOptions, useLabel, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { type ListFilter, ListPage } from '../../../components/list/ListPage';
import { NewButton, recycleBin, searchFilter, selectFilter } from '../../../components/list/listParts';
import type { TransferItem } from './transferModel';
import './Transfer.css';

/** The transfers page. */
export default function TransfersPage() {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const filters: ListFilter[] = [
    {
      kind: 'custom',
      key: 'direction',
      label: t('转接方向', 'Direction'),
      render: (v, set) => (
        <Segmented
          aria-label={t('转接方向', 'Direction')}
          value={v ?? 'all'}
          onChange={(x) => set(x === 'all' ? null : String(x))}
          options={[
            { value: 'all', label: t('全部', 'All') },
            { value: 'out', label: t('转出', 'Sent') },
            { value: 'in', label: t('转入', 'Received') },
          ]}
          data-testid="transfer-direction"
        />
      ),
    },
    searchFilter(t('搜索', 'Search'), t('姓名或介绍信编号', 'Name or letter number'), { maxLength: 40 }),
    selectFilter('status', t('状态', 'Status'), opts(TRANSFER_STATUSES), 170),
    selectFilter('kind', t('转接类型', 'Kind'), opts(TRANSFER_KINDS), 140),
    { kind: 'check', key: 'overdue', label: t('只看逾期未接收', 'Overdue only'), testId: 'overdue-filter' },
  ];
  return (
    <ListPage<TransferItem>
      title={t('组织关系转接', 'Transfers of membership')}
      endpoint="/api/transfers"
      orgScoped
      filters={filters}
      columns={[
        { title: t('姓名', 'Name'), dataIndex: 'name', width: 90 },
        { title: t('身份证号', 'ID number'), dataIndex: 'idNumber', width: 180 },
        {
          title: t('转接类型', 'Kind'),
          dataIndex: 'kind',
          width: 120,
          render: (_: unknown, r) => lbl(TRANSFER_KINDS, r.kind),
        },
        { title: t('转出党组织', 'From'), dataIndex: 'fromOrgName', width: 180 },
        { title: t('转入党组织', 'To'), dataIndex: 'toOrgName', width: 180 },
        { title: t('介绍信编号', 'Letter'), dataIndex: 'letterNo', width: 130, render: (v: string | null) => v ?? '—' },
        { title: t('有效期至', 'Valid until'), dataIndex: 'validUntil', width: 110, render: (v) => v ?? '—' },
        {
          title: t('状态', 'Status'),
          dataIndex: 'status',
          width: 190,
          render: (_: unknown, r) => (
            <Space size={4}>
              <Tag color={r.status === 'accepted' ? 'green' : r.status === 'issued' ? 'blue' : undefined}>
                {lbl(TRANSFER_STATUSES, r.status)}
              </Tag>
              {r.overdue ? <Tag color="red">{t('逾期', 'Overdue')}</Tag> : null}
            </Space>
          ),
        },
        { title: t('申请日期', 'Applied'), dataIndex: 'appliedOn', width: 110 },
      ]}
      scrollX={1300}
      rowClassName={(r) => (r.overdue ? 'tr-row-overdue' : '')}
      onRowClick={(r) => navigate(`/transfers/${r.id}`)}
      recycle={recycleBin('transfers.write', (r: TransferItem) => t(`${r.name}的转接`, `transfer of ${r.name}`))}
      exportPath="/api/transfers/export"
      exportLabel={t('导出（全国系统格式）', 'Export (national columns)')}
      actions={
        <Space wrap>
          <NewButton
            show={hasCap(me, 'transfers.write')}
            onClick={() => navigate('/transfers/new')}
            testId="new-transfer"
          >
            {t('申请转出', 'Apply for a transfer')}
          </NewButton>
          {hasCap(me, 'transfers.write') ? (
            <Button onClick={() => navigate('/transfers/register')} data-testid="register-transfer">
              {t('登记系统外转入', 'Register a letter from outside')}
            </Button>
          ) : null}
        </Space>
      }
      total={{ testId: 'transfer-total', text: (n) => t(`共 ${n} 条转接`, `${n} transfers`) }}
      emptyText={t('没有符合条件的组织关系转接', 'No transfer matches')}
    />
  );
}
