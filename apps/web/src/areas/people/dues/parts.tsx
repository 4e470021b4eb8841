/** Pieces the dues pages share: the state tags, the month select, the "generate a month of bills" dialog. */
import { useState } from 'react';
import { Button, Form, Select, Tag } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import {
  chinaToday,
  DUES_BILL_STATUSES,
  DUES_PAYMENT_STATUSES,
  type DuesGenerateT,
  type Labelled,
} from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useLabel, useLocale, useT } from '../../../app/i18n';
import { useScope } from '../../../app/scope';
import { hasCap, useMe } from '../../../app/session';
import { useFeedback } from '../../../components/feedback';
import { FormModal } from '../../../components/FormModal';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { monthsBefore, monthText } from './money';

const BILL_COLORS: Record<string, string> = { due: 'red', partial: 'orange', paid: 'green', exempt: 'default' };
const PAYMENT_COLORS: Record<string, string> = {
  recorded: 'green',
  pending: 'orange',
  approved: 'green',
  refused: 'red',
};

function StateTag({
  words,
  colors,
  value,
}: {
  words: Record<string, Labelled>;
  colors: Record<string, string>;
  value: string;
}) {
  const lbl = useLabel();
  return (
    <Tag color={colors[value]} style={{ marginInlineEnd: 0 }}>
      {lbl(words, value)}
    </Tag>
  );
}

/** A bill's state. */
export function BillStatusTag({ status }: { status: string }) {
  return <StateTag words={DUES_BILL_STATUSES} colors={BILL_COLORS} value={status} />;
}

/** A payment's state (a back payment awaiting review in orange). */
export function PaymentStatusTag({ status }: { status: string }) {
  return <StateTag words={DUES_PAYMENT_STATUSES} colors={PAYMENT_COLORS} value={status} />;
}

/** The last `n` months, newest first, as select options. */
export function useMonthOptions(n = 24) {
  const { locale } = useLocale();
  const now = chinaToday().slice(0, 7);
  return Array.from({ length: n }, (_, i) => monthsBefore(now, i)).map((m) => ({
    value: m,
    label: monthText(m, locale),
  }));
}

/** The toolbar button that bills a month for an organization's members (those billed already are kept). */
export function GenerateButton() {
  const t = useT();
  const qc = useQueryClient();
  const { message } = useFeedback();
  const { data: me } = useMe();
  const { org } = useScope();
  const months = useMonthOptions(3);
  const [open, setOpen] = useState(false);
  if (!hasCap(me, 'dues.write')) return null;
  const orgId = org?.id ?? me?.orgId ?? undefined;
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="generate-bills">
        {t('生成月度账单', 'Bill a month')}
      </Button>
      {open ? (
        <FormModal<{ created: number; existing: number; missingProfile: number }>
          title={t('生成月度党费账单', 'Bill a month of dues')}
          initialValues={{ orgId, month: months[0]?.value }}
          onSubmit={(body) => api.post('/api/dues/bills/generate', body as DuesGenerateT)}
          onSaved={(r) => {
            message.success(
              t(
                `新生成 ${r.created} 张，已有 ${r.existing} 张，${r.missingProfile} 人未设置党费类别或基数`,
                `${r.created} new, ${r.existing} already there, ${r.missingProfile} without a complete profile`,
              ),
            );
            qc.invalidateQueries({ queryKey: ['dues-bills'] });
            setOpen(false);
          }}
          onClose={() => setOpen(false)}
          notice={t(
            '按各党员的党费类别和月收入，以该月适用的收缴标准计算；已生成的账单不会重复生成。',
            'Each member is billed by its category and income under the rules of that month; bills already ' +
              'made are kept.',
          )}
        >
          <Form.Item name="orgId" label={t('党组织', 'Organization')} rules={[{ required: true }]}>
            <OrgTreeSelect valueLabel={org?.name ?? me?.orgName ?? undefined} />
          </Form.Item>
          <Form.Item name="month" label={t('月份', 'Month')} rules={[{ required: true }]}>
            <Select options={months} />
          </Form.Item>
        </FormModal>
      ) : null}
    </>
  );
}
