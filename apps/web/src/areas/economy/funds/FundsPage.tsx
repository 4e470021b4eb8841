/**
 * 基层经费 (`/economy/funds`) on ListPage: each village's yearly money records by kind and source (the dispatches
 * pages link here with `?org=&kind=first_secretary_work`). A secretary's pay appears only for township and county.
 */
import { useNavigate } from 'react-router';
import { chinaToday, FUND_KINDS, FUND_SOURCES } from '@dangjian/contracts';
import { useEnumOptions, useLabel, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { type ListFilter, ListPage } from '../../../components/list/ListPage';
import { NewButton, recycleBin, searchFilter, selectFilter } from '../../../components/list/listParts';
import { yuan } from '../money';
import type { FundItem } from './fundModel';

const thisYear = Number(chinaToday().slice(0, 4));
const YEARS = Array.from({ length: 5 }, (_, i) => String(thisYear - i));

/** The list of funds records. */
export default function FundsPage() {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const kinds = opts(FUND_KINDS).filter((o) => o.value !== 'secretary_pay' || hasCap(me, 'funds.pay'));
  const filters: ListFilter[] = [
    searchFilter(t('搜索', 'Search'), t('村名', 'Village'), { maxLength: 40 }),
    selectFilter(
      'year',
      t('年度', 'Year'),
      YEARS.map((y) => ({ value: y, label: y })),
      100,
    ),
    selectFilter('kind', t('经费类别', 'Kind'), kinds, 190, 'fund-kind-filter'),
    selectFilter('source', t('来源', 'Source'), opts(FUND_SOURCES), 110),
  ];
  return (
    <ListPage<FundItem>
      title={t('基层经费', 'Grassroots funds')}
      endpoint="/api/economy/funds"
      orgScoped
      filters={filters}
      columns={[
        { title: t('村', 'Village'), dataIndex: 'orgName', width: 130 },
        { title: t('乡镇', 'Township'), dataIndex: 'townshipName', width: 120 },
        { title: t('年度', 'Year'), dataIndex: 'year', width: 80 },
        { title: t('经费类别', 'Kind'), dataIndex: 'kind', width: 170, render: (v) => lbl(FUND_KINDS, v) },
        { title: t('来源', 'Source'), dataIndex: 'source', width: 90, render: (v) => lbl(FUND_SOURCES, v) },
        {
          title: t('金额（元）', 'Amount (yuan)'),
          dataIndex: 'amountFen',
          width: 120,
          align: 'right',
          render: (v: number) => yuan(v),
        },
        { title: t('说明', 'Note'), dataIndex: 'note', width: 220, ellipsis: true },
      ]}
      scrollX={900}
      recycle={recycleBin('funds.write', (r: FundItem) =>
        t(`${r.orgName}${r.year}年${lbl(FUND_KINDS, r.kind)}`, `${r.orgName} ${r.year} ${lbl(FUND_KINDS, r.kind)}`),
      )}
      exportPath="/api/economy/funds/export"
      actions={
        <NewButton show={hasCap(me, 'funds.write')} onClick={() => navigate('/economy/funds/new')} testId="new-fund">
          {t('录入经费', 'Enter funds')}
        </NewButton>
      }
      total={{ testId: 'fund-total', text: (n) => t(`共 ${n} 条经费记录`, `${n} records`) }}
      emptyText={t('没有符合条件的经费记录', 'No record matches')}
    />
  );
}
