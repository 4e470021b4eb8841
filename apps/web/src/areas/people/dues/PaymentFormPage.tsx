/**
 * Recording a payment (`/dues/payments/new?member=&bills=`): the member, which of its open bills it pays, the
 * day, the amount (the sum owed by default), how, and the reference. A month before the month paid in is a back
 * payment (补交): the form says it waits for the township's review before it counts.
 */
import { Alert, Checkbox, Form, Input, InputNumber, Row, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import {
  chinaToday,
  DUES_PAYMENT_METHODS,
  type DuesBillT,
  type DuesPaymentCreateT,
  type DuesPaymentT,
} from '@dangjian/contracts';
import { api } from '../../../api/client';
import type { ListAnswer, Member } from '../../../api/types';
import { useEnumOptions, useLocale, useT } from '../../../app/i18n';
import { DateField } from '../../../components/DateField';
import { EntityForm } from '../../../components/EntityForm';
import { Field } from '../../../components/form/Field';
import { MemberPicker } from '../../../components/form/SearchPicker';
import { useAfterSave } from '../../../components/form/recordPage';
import { monthText, yuan } from './money';

type Values = DuesPaymentCreateT;

/** The payment form. */
export default function PaymentFormPage() {
  const t = useT();
  const opts = useEnumOptions();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const afterSave = useAfterSave();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const memberId = Form.useWatch('memberId', form);
  const billIds = Form.useWatch('billIds', form) ?? [];
  const paidOn = Form.useWatch('paidOn', form);
  const bills = useQuery({
    queryKey: ['dues-bills', 'open', memberId],
    queryFn: ({ signal }) =>
      api.get<ListAnswer<DuesBillT>>('/api/dues/bills', { memberId, unpaid: true, pageSize: 36 }, signal),
    enabled: !!memberId,
  });
  // The picker names a member given by the address (from a bill's row) before any search finds it.
  const given = Number(params.get('member')) || undefined;
  const named = useQuery({
    queryKey: ['member', given],
    queryFn: ({ signal }) => api.get<Member>(`/api/members/${given}`, undefined, signal),
    enabled: !!given,
  });
  const open = bills.data?.items ?? [];
  const chosen = open.filter((b) => billIds.includes(b.id));
  const owed = Math.round(chosen.reduce((s, b) => s + b.outstanding, 0) * 100) / 100;
  const back = chosen.filter((b) => paidOn && b.month < paidOn.slice(0, 7));
  const prefillBills = (params.get('bills') ?? '')
    .split(',')
    .map(Number)
    .filter((n) => n > 0);

  return (
    <EntityForm<Values, DuesPaymentT>
      title={t('登记党费缴纳', 'Record a dues payment')}
      form={form}
      initialValues={{
        memberId: given,
        billIds: prefillBills,
        paidOn: chinaToday(),
        method: 'cash',
      }}
      onValuesChange={(changed) => {
        if ('memberId' in changed) form.setFieldsValue({ billIds: [], amount: undefined });
      }}
      onSubmit={(v) =>
        api.post<DuesPaymentT>('/api/dues/payments', {
          ...v,
          amount: v.amount ?? owed,
          reference: v.reference?.trim() || null,
          note: v.note?.trim() || null,
        })
      }
      onSaved={(p) =>
        afterSave(
          ['dues-bills', 'dues-payments', 'dues-figures'],
          '/dues/payments',
          p.status === 'pending'
            ? t('已登记，补交待乡镇审核后计入', 'Recorded; the back payment counts once approved')
            : t('已登记缴纳', 'Payment recorded'),
        )
      }
      onCancel={() => navigate(-1)}
      fieldOfCode={{
        'dues.overpaid': 'amount',
        'dues.bad_amount': 'amount',
        'dues.paid_in_future': 'paidOn',
        'dues.paid_before_bill': 'paidOn',
        'dues.bill_settled': 'billIds',
        'dues.bill_not_member': 'billIds',
      }}
      submitTestId="save-payment"
      maxWidth={820}
    >
      <Row gutter={16}>
        <Field col="half" label={t('党员', 'Member')} name="memberId" required={t('请选择党员', 'Choose the member')}>
          <MemberPicker
            initialLabel={memberId === given && named.data ? `${named.data.name}（${named.data.orgName}）` : null}
          />
        </Field>
        <Field col="half" label={t('缴纳日期', 'Paid on')} name="paidOn" required={t('请选择日期', 'Choose the day')}>
          <DateField maxToday />
        </Field>
        <Field
          col="full"
          label={t('缴纳的账单', 'Bills paid')}
          name="billIds"
          required={t('请选择要缴纳的账单', 'Choose the bills paid')}
          extra={
            memberId && !bills.isPending && !open.length
              ? t('该党员没有未缴清的账单', 'This member has no bill to settle')
              : undefined
          }
        >
          <Checkbox.Group
            data-testid="payment-bills"
            options={open.map((b) => ({
              value: b.id,
              label: t(
                `${monthText(b.month, locale)} 待缴 ${yuan(b.outstanding)} 元`,
                `${monthText(b.month, locale)}: ${yuan(b.outstanding)} 元 owed`,
              ),
            }))}
          />
        </Field>
        {back.length ? (
          <Alert
            type="warning"
            showIcon
            style={{ margin: '0 8px 16px', width: '100%' }}
            data-testid="back-payment-note"
            title={t(
              `含 ${back.length} 个往月账单，属补交，提交后需乡镇党委审核通过才计入已缴。`,
              `${back.length} earlier month(s): a back payment, counted once the township approves it.`,
            )}
          />
        ) : null}
        <Field
          col="half"
          label={t('缴纳金额（元）', 'Amount (元)')}
          name="amount"
          extra={chosen.length ? t(`应缴合计 ${yuan(owed)} 元`, `${yuan(owed)} 元 owed in all`) : undefined}
        >
          <InputNumber min={0.01} step={0.01} precision={2} style={{ width: '100%' }} placeholder={yuan(owed)} />
        </Field>
        <Field col="half" label={t('缴纳方式', 'Method')} name="method" required>
          <Select options={opts(DUES_PAYMENT_METHODS)} />
        </Field>
        <Field col="half" label={t('交易单号', 'Reference')} name="reference" max={60}>
          <Input placeholder={t('转账或线上缴纳的单号', 'Of a transfer or an online payment')} />
        </Field>
        <Field col="half" label={t('备注', 'Note')} name="note" max={500}>
          <Input />
        </Field>
      </Row>
    </EntityForm>
  );
}
