/**
 * Dues payments (`/dues/payments`) on ListPage; `?status=pending` is the township's review list of back
 * payments (补交待审核): each approved, or refused with a reason, from its row or several at once.
 */
import { Button, Space } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { DUES_PAYMENT_METHODS, DUES_PAYMENT_STATUSES, type DuesPaymentT } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useEnumOptions, useLabel, useLocale, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { type ListColumn, ListPage } from '../../../components/list/ListPage';
import { recycleBin, searchFilter, selectFilter } from '../../../components/list/listParts';
import { useFeedback } from '../../../components/feedback';
import { monthText, yuan } from './money';
import { PaymentStatusTag } from './parts';
import { RefuseButton } from './RefuseButton';

/** The payments page. */
export default function PaymentsPage() {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const { message } = useFeedback();
  const { data: me } = useMe();
  const [params] = useSearchParams();
  const reviewing = params.get('status') === 'pending';
  const reviewer = hasCap(me, 'dues.review');
  const columns: ListColumn<DuesPaymentT>[] = [
    { title: t('缴纳日期', 'Paid on'), dataIndex: 'paidOn', width: 110 },
    { title: t('党员', 'Member'), dataIndex: 'memberName', width: 100 },
    { title: t('所在党组织', 'Organization'), dataIndex: 'orgName', width: 170 },
    {
      title: t('缴纳月份', 'Months'),
      key: 'months',
      render: (_, p) => p.bills.map((b) => monthText(b.month, locale)).join('、'),
    },
    {
      title: t('金额（元）', 'Amount (元)'),
      dataIndex: 'amount',
      width: 100,
      align: 'right',
      render: (v: number) => yuan(v),
    },
    {
      title: t('方式', 'Method'),
      dataIndex: 'method',
      width: 100,
      render: (v: string, p) => `${lbl(DUES_PAYMENT_METHODS, v)}${p.reference ? ` ${p.reference}` : ''}`,
    },
    {
      title: t('状态', 'State'),
      dataIndex: 'status',
      width: 150,
      render: (v: string, p) => (
        <Space size={4} wrap>
          <PaymentStatusTag status={v} />
          {p.reviewNote ? <span className="dj-muted">{p.reviewNote}</span> : null}
        </Space>
      ),
    },
    { title: t('登记人', 'Recorded by'), dataIndex: 'recordedByName', width: 100, render: (v) => v ?? '—' },
  ];
  const approve = (p: DuesPaymentT) => api.post(`/api/dues/payments/${p.id}/approve`, {});
  return (
    <ListPage<DuesPaymentT>
      title={reviewing ? t('补交审核', 'Back payments') : t('党费缴纳记录', 'Dues payments')}
      endpoint="/api/dues/payments"
      queryKey="dues-payments"
      orgScoped
      filters={[
        searchFilter(t('搜索党员', 'Search members'), t('党员姓名', 'Member name'), { maxLength: 40 }),
        selectFilter('status', t('状态', 'State'), opts(DUES_PAYMENT_STATUSES), 170, 'payment-status'),
        selectFilter('method', t('方式', 'Method'), opts(DUES_PAYMENT_METHODS), 120),
        { kind: 'check', key: 'backPayment', label: t('只看补交', 'Back payments only') },
        { kind: 'dateRange', key: 'from', keyTo: 'to', label: t('缴纳日期', 'Paid on') },
      ]}
      columns={columns}
      scrollX={1100}
      rowActions={(p, ctx) =>
        p.actions.length ? (
          <Space size={4}>
            <Button
              size="small"
              type="primary"
              onClick={async () => {
                try {
                  await approve(p);
                  message.success(t('已审核通过', 'Approved'));
                  ctx.refresh();
                } catch (e) {
                  message.error((e as Error).message);
                }
              }}
              data-testid="approve-payment"
            >
              {t('通过', 'Approve')}
            </Button>
            <RefuseButton id={p.id} onDone={ctx.refresh} />
          </Space>
        ) : null
      }
      bulkActions={
        reviewer
          ? [
              {
                key: 'approve',
                label: t('批量审核通过', 'Approve checked'),
                confirm: t('审核通过选中的补交记录？', 'Approve the checked back payments?'),
                run: async (rows) => {
                  for (const p of rows.filter((r) => r.actions.includes('approve'))) await approve(p);
                },
              },
            ]
          : undefined
      }
      recycle={recycleBin('dues.write', (p) => `${p.memberName} ${p.paidOn}`, {
        title: t('缴纳记录回收站', 'Payments recycle bin'),
        invalidate: ['dues-bills'],
      })}
      actions={
        hasCap(me, 'dues.write') ? (
          <Button type="primary" onClick={() => navigate('/dues/payments/new')} data-testid="new-payment">
            {t('登记缴纳', 'Record a payment')}
          </Button>
        ) : null
      }
      total={{ testId: 'payment-total', text: (n) => t(`共 ${n} 笔`, `${n} payments`) }}
      emptyText={
        reviewing
          ? t('没有待审核的补交', 'No back payment awaits review')
          : t('没有符合条件的缴纳记录', 'No payment matches')
      }
    />
  );
}
