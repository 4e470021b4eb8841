/** 集体经济收入 (`/economy/incomes`) on ListPage: each village's income entries, their source and review state. */
import { Tag } from 'antd';
import { useNavigate } from 'react-router';
import { chinaToday, INCOME_SOURCES, INCOME_STATUSES } from '@dangjian/contracts';
import { useEnumOptions, useLabel, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { type ListFilter, ListPage } from '../../../components/list/ListPage';
import { NewButton, recycleBin, searchFilter, selectFilter } from '../../../components/list/listParts';
import { wan } from '../money';
import { type IncomeItem, STATUS_COLOR } from './incomeModel';

const thisYear = Number(chinaToday().slice(0, 4));
const YEARS = Array.from({ length: 5 }, (_, i) => String(thisYear - i));

/** The list of income entries. */
export default function IncomesPage() {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const filters: ListFilter[] = [
    searchFilter(t('搜索', 'Search'), t('村名或说明', 'Village or note'), { maxLength: 40 }),
    selectFilter(
      'year',
      t('年度', 'Year'),
      YEARS.map((y) => ({ value: y, label: y })),
      100,
    ),
    selectFilter('source', t('收入来源', 'Source'), opts(INCOME_SOURCES), 130),
    selectFilter('status', t('状态', 'Status'), opts(INCOME_STATUSES), 130, 'income-status-filter'),
  ];
  return (
    <ListPage<IncomeItem>
      title={t('集体经济收入', 'Collective income')}
      endpoint="/api/economy/incomes"
      orgScoped
      filters={filters}
      columns={[
        { title: t('村', 'Village'), dataIndex: 'orgName', width: 130 },
        { title: t('乡镇', 'Township'), dataIndex: 'townshipName', width: 120 },
        { title: t('年度', 'Year'), dataIndex: 'year', width: 80 },
        { title: t('收入来源', 'Source'), dataIndex: 'source', width: 110, render: (v) => lbl(INCOME_SOURCES, v) },
        {
          title: t('金额（万元）', 'Amount (10k yuan)'),
          dataIndex: 'amountFen',
          width: 120,
          align: 'right',
          render: (v: number) => wan(v),
        },
        {
          title: t('状态', 'Status'),
          dataIndex: 'status',
          width: 120,
          render: (v: string) => <Tag color={STATUS_COLOR[v]}>{lbl(INCOME_STATUSES, v)}</Tag>,
        },
        { title: t('说明', 'Note'), dataIndex: 'note', width: 220, ellipsis: true },
      ]}
      scrollX={900}
      onRowClick={(r) => navigate(`/economy/incomes/${r.id}`)}
      recycle={recycleBin('incomes.write', (r: IncomeItem) =>
        t(`${r.orgName}${r.year}年收入`, `income of ${r.orgName} in ${r.year}`),
      )}
      exportPath="/api/economy/incomes/export"
      actions={
        <NewButton
          show={hasCap(me, 'incomes.write')}
          onClick={() => navigate('/economy/incomes/new')}
          testId="new-income"
        >
          {t('填报收入', 'Enter an income')}
        </NewButton>
      }
      total={{ testId: 'income-total', text: (n) => t(`共 ${n} 条收入`, `${n} entries`) }}
      emptyText={t('没有符合条件的收入', 'No entry matches')}
    />
  );
}
