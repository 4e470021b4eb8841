/** The dialogs of the pairings page: a new pairing (`?new=1&household=`) and the end of one. */
import { useState } from 'react';
import { api } from '../../../api/client';
import { useT } from '../../../app/i18n';
import { FormModal } from '../../../components/FormModal';
import { ActionModal, useRefreshed } from '../../../components/form/ActionModal';
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
  const refreshed = useRefreshed();
  const rules = useResidentsRules().data?.rules;
  return (
    <FormModal<Pairing>
      title={t('新建结对', 'New pairing')}
      okText={t('结对', 'Pair')}
      onClose={onClose}
      onSubmit={(body) => api.post<Pairing>('/api/pairings', body)}
      onSaved={() => {
        refreshed(KEYS, t('已结对', 'Paired'));
        onClose();
      }}
      fieldOfCode={{
        'residents.not_poor': 'householdId',
        'residents.pairing_load': 'cadreMemberId',
        'residents.already_paired': 'cadreMemberId',
        'residents.in_future': 'startedOn',
      }}
      initialValues={{ householdId: household, startedOn: chinaToday() }}
    >
      <div data-testid="pairing-form">
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
      </div>
    </FormModal>
  );
}

/** The dialog that ends a pairing on a date. */
export function EndPairing({ p, onClose }: { p: Pairing; onClose: () => void }) {
  const t = useT();
  const [endedOn, setEndedOn] = useState<string | null>(chinaToday());
  return (
    <ActionModal
      title={t(`结束结对：${p.cadreName} — ${p.householdHead}户`, `End pairing: ${p.cadreName} — ${p.householdHead}`)}
      okText={t('结束', 'End')}
      onClose={onClose}
      refresh={KEYS}
      done={t('已结束结对', 'Pairing ended')}
      run={async () => {
        if (!endedOn) throw new Error(t('请选择结束日期', 'Choose the end date'));
        await api.post(`/api/pairings/${p.id}/end`, { endedOn });
      }}
    >
      <label htmlFor="ended-on">{t('结束日期', 'End date')}</label>
      <DateField id="ended-on" value={endedOn} onChange={setEndedOn} maxToday />
    </ActionModal>
  );
}
