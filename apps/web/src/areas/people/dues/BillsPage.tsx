/**
 * Dues bills (党费账单, `/dues`) on ListPage: by month, state and organization in the URL, search by name,
 * export; a bill's payment recorded from its row, or several settled at once in cash (checked rows).
 */
import { Button } from 'antd';
import { useNavigate } from 'react-router';
import { chinaToday, DUES_BILL_STATUSES, DUES_CATEGORIES, type DuesBillT } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useEnumOptions, useLabel, useLocale, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { type ListColumn, ListPage } from '../../../components/list/ListPage';
import { searchFilter, selectFilter } from '../../../components/list/listParts';
import { monthText, yuan } from './money';
import { BillStatusTag, GenerateButton, useMonthOptions } from './parts';

/** The bills page. */
export default function BillsPage() {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const writer = hasCap(me, 'dues.write');
  const months = useMonthOptions(24);
  const money = (title: string, key: keyof DuesBillT, testId?: string): ListColumn<DuesBillT> => ({
    title,
    dataIndex: key,
    width: 100,
    align: 'right',
    render: (v: number) => <span data-testid={testId}>{yuan(v)}</span>,
  });
  const columns: ListColumn<DuesBillT>[] = [
    { title: t('党员', 'Member'), dataIndex: 'memberName', width: 100 },
    { title: t('所在党组织', 'Organization'), dataIndex: 'orgName', width: 170 },
    { title: t('月份', 'Month'), dataIndex: 'month', width: 110, render: (v: string) => monthText(v, locale) },
    { title: t('类别', 'Category'), dataIndex: 'category', width: 110, render: (v: string) => lbl(DUES_CATEGORIES, v) },
    money(t('应缴（元）', 'Due (元)'), 'amount'),
    money(t('已缴（元）', 'Paid (元)'), 'paid', 'bill-paid'),
    money(t('待缴（元）', 'Owed (元)'), 'outstanding'),
    {
      title: t('状态', 'State'),
      dataIndex: 'status',
      width: 100,
      render: (v: string) => <BillStatusTag status={v} />,
    },
    {
      title: t('标准版本', 'Rules'),
      dataIndex: 'ruleVersion',
      width: 90,
      render: (v: number) => t(`第${v}版`, `v${v}`),
    },
  ];
  /** Settles the checked bills in cash today, one payment per member (back months then await review). */
  async function settle(rows: DuesBillT[]) {
    const open = rows.filter((b) => b.outstanding > 0);
    const byMember = new Map<number, DuesBillT[]>();
    for (const b of open) byMember.set(b.memberId, [...(byMember.get(b.memberId) ?? []), b]);
    for (const [memberId, bills] of byMember)
      await api.post('/api/dues/payments', {
        memberId,
        billIds: bills.map((b) => b.id),
        paidOn: chinaToday(),
        amount: Math.round(bills.reduce((s, b) => s + b.outstanding, 0) * 100) / 100,
        method: 'cash',
      });
  }
  return (
    <ListPage<DuesBillT>
      title={t('党费账单', 'Dues bills')}
      endpoint="/api/dues/bills"
      queryKey="dues-bills"
      orgScoped
      filters={[
        searchFilter(t('搜索党员', 'Search members'), t('党员姓名', 'Member name'), {
          maxLength: 40,
          testId: 'bill-search',
        }),
        selectFilter('month', t('月份', 'Month'), months, 130, 'bill-month'),
        selectFilter('status', t('状态', 'State'), opts(DUES_BILL_STATUSES), 120, 'bill-status'),
        { kind: 'check', key: 'unpaid', label: t('只看未缴清', 'Not settled only') },
      ]}
      columns={columns}
      scrollX={1100}
      rowActions={(b) =>
        writer && b.outstanding > 0 ? (
          <Button
            size="small"
            onClick={() => navigate(`/dues/payments/new?member=${b.memberId}&bills=${b.id}`)}
            data-testid="record-payment"
          >
            {t('登记缴纳', 'Record payment')}
          </Button>
        ) : null
      }
      bulkActions={
        writer
          ? [
              {
                key: 'settle',
                label: t('按应缴足额登记（现金）', 'Record as paid in full (cash)'),
                confirm: t(
                  '为选中的未缴清账单各登记一笔今天的现金缴纳？往月账单为补交，需乡镇审核后计入。',
                  'Record a cash payment today for each checked bill not settled? Earlier months are back ' +
                    'payments and count once the township approves them.',
                ),
                run: settle,
              },
            ]
          : undefined
      }
      exportPath="/api/dues/bills/export"
      exportCapability="dues.read"
      actions={
        <>
          <GenerateButton />
          <Button
            onClick={() => navigate('/dues/payments/new')}
            type="primary"
            hidden={!writer}
            data-testid="new-payment"
          >
            {t('登记缴纳', 'Record a payment')}
          </Button>
        </>
      }
      total={{ testId: 'bill-total', text: (n) => t(`共 ${n} 张账单`, `${n} bills`) }}
      emptyText={t('没有符合条件的党费账单', 'No bill matches')}
    />
  );
}
