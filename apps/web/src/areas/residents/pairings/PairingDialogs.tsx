/** The dialogs of the pairings page: a new pairing (`?new=1&household=`) and the end of one. */
import { useState } from 'react';
import { Alert, Form, Modal } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../../api/client';
import { useT } from '../../../app/i18n';
import { useFeedback } from '../../../components/feedback';
import { DateField } from '../../../components/DateField';
import { HouseholdSelect, MemberSelect, useResidentsRules } from '../common/ResidentsParts';
import { chinaToday, type Pairing } from '../common/model';
import { Field } from '../../../components/form/Field';

/** The query keys a change of pairing refreshes. */
export const PAIRING_KEYS = ['pairings', 'pairing-gaps', 'households', 'household', 'service-stats'];
const KEYS = PAIRING_KEYS;

/** The dialog that pairs a cadre with a poor household. */
export function CreatePairing({ household, onClose }: { household?: number; onClose: () => void }) {
  const t = useT();
  const qc = useQueryClient();
  const { message } = useFeedback();
  const rules = useResidentsRules().data?.rules;
  const [form] = Form.useForm<{ householdId: number; cadreMemberId: number; startedOn: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(v: { householdId: number; cadreMemberId: number; startedOn: string }) {
    setBusy(true);
    setError(null);
    try {
      await api.post<Pairing>('/api/pairings', v);
      KEYS.forEach((k) => qc.invalidateQueries({ queryKey: [k] }));
      message.success(t('已结对', 'Paired'));
      onClose();
    } catch (e) {
      const code = e instanceof ApiError ? e.code : '';
      const field =
        code === 'residents.not_poor'
          ? 'householdId'
          : code === 'residents.pairing_load' || code === 'residents.already_paired'
            ? 'cadreMemberId'
            : code === 'residents.in_future'
              ? 'startedOn'
              : null;
      if (field) form.setFields([{ name: field, errors: [(e as Error).message] }]);
      else setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      open
      title={t('新建结对', 'New pairing')}
      okText={t('结对', 'Pair')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <div data-testid="pairing-form">
        {error ? <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} /> : null}
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ householdId: household, startedOn: chinaToday() }}
        >
          <Field
            label={t('困难户', 'Poor household')}
            name="householdId"
            required={t('请选择困难户', 'Choose a poor household')}
            extra={t('只列出脱贫户、监测户、低保户、五保户', 'Only poor households are listed')}
          >
            <HouseholdSelect poor />
          </Field>
          <Field
            label={t('帮扶干部', 'Cadre')}
            name="cadreMemberId"
            required={t('请选择帮扶干部', 'Choose the cadre')}
            extra={
              rules
                ? t(
                    `每名干部结对 ${rules.pairingLoadMin}–${rules.pairingLoadMax} 户`,
                    `${rules.pairingLoadMin}–${rules.pairingLoadMax} households per cadre`,
                  )
                : undefined
            }
          >
            <MemberSelect />
          </Field>
          <Field label={t('开始日期', 'Since')} name="startedOn" required={t('请选择日期', 'Choose a date')}>
            <DateField maxToday />
          </Field>
        </Form>
      </div>
    </Modal>
  );
}

/** The dialog that ends a pairing on a date. */
export function EndPairing({ p, onClose }: { p: Pairing; onClose: () => void }) {
  const t = useT();
  const qc = useQueryClient();
  const { message } = useFeedback();
  const [endedOn, setEndedOn] = useState<string | null>(chinaToday());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit() {
    if (!endedOn) return setError(t('请选择结束日期', 'Choose the end date'));
    setBusy(true);
    try {
      await api.post(`/api/pairings/${p.id}/end`, { endedOn });
      KEYS.forEach((k) => qc.invalidateQueries({ queryKey: [k] }));
      message.success(t('已结束结对', 'Pairing ended'));
      onClose();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      open
      title={t(`结束结对：${p.cadreName} — ${p.householdHead}户`, `End pairing: ${p.cadreName} — ${p.householdHead}`)}
      okText={t('结束', 'End')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={busy}
      onOk={submit}
      onCancel={onClose}
    >
      {error ? <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} /> : null}
      <label htmlFor="ended-on">{t('结束日期', 'End date')}</label>
      <DateField id="ended-on" value={endedOn} onChange={setEndedOn} maxToday />
    </Modal>
  );
}
