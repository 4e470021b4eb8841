/** The dialogs of a selection: a nomination (a member of the caller's subtree with deeds), and its review. */
import { Input, Radio, Select } from 'antd';
import { api } from '../../../api/client';
import { useT } from '../../../app/i18n';
import { Field } from '../../../components/form/Field';
import { MemberPicker } from '../../../components/form/SearchPicker';
import { FormModal } from '../../../components/FormModal';
import type { Nomination, SelectionDetail } from './selectionModel';

/** A nomination. */
export function NominateDialog(props: {
  selection: SelectionDetail;
  onSaved: (next: SelectionDetail) => void;
  onClose: () => void;
}) {
  const t = useT();
  const s = props.selection;
  return (
    <FormModal<SelectionDetail>
      title={t('推荐人选', 'Nominate')}
      width={640}
      onSubmit={(b) => api.post<SelectionDetail>(`/api/selections/${s.id}/nominations`, b)}
      onSaved={props.onSaved}
      onClose={props.onClose}
      fieldOfCode={{
        'selections.member_outside': 'memberId',
        'selections.already_nominated': 'memberId',
        'selections.quota_full': 'memberId',
      }}
      notice={
        <p className="dj-muted">{t(`每个组织可推荐 ${s.quotaPerOrg} 人`, `Up to ${s.quotaPerOrg} per organization`)}</p>
      }
    >
      <Field label={t('推荐人选', 'Nominee')} name="memberId" required>
        <MemberPicker />
      </Field>
      {s.categories.length ? (
        <Field label={t('类别', 'Category')} name="category" required>
          <Select options={s.categories.map((c) => ({ value: c, label: c }))} />
        </Field>
      ) : null}
      <Field label={t('主要事迹', 'Deeds')} name="deeds" required whitespace max={4000}>
        <Input.TextArea rows={5} data-testid="nomination-deeds" />
      </Field>
      <Field label={t('证明材料', 'Evidence')} name="evidence" max={1000}>
        <Input.TextArea rows={2} />
      </Field>
    </FormModal>
  );
}

/** The organizer's review. */
export function ReviewDialog(props: {
  nomination: Nomination;
  onSaved: (next: SelectionDetail) => void;
  onClose: () => void;
}) {
  const t = useT();
  const n = props.nomination;
  return (
    <FormModal<SelectionDetail>
      title={t(`审核：${n.memberName}（${n.memberOrgName}）`, `Review: ${n.memberName}`)}
      initialValues={{ accept: n.status !== 'rejected', reason: n.reviewReason ?? '' }}
      onSubmit={(b) => api.post<SelectionDetail>(`/api/selections/nominations/${n.id}/review`, b)}
      onSaved={props.onSaved}
      onClose={props.onClose}
      fieldOfCode={{ 'selections.reason_required': 'reason' }}
    >
      <p>{n.deeds}</p>
      <Field label={t('审核结果', 'Decision')} name="accept" required>
        <Radio.Group
          options={[
            { value: true, label: t('通过', 'Accept') },
            { value: false, label: t('不通过', 'Reject') },
          ]}
          data-testid="review-accept"
        />
      </Field>
      <Field label={t('审核意见', 'Reason')} name="reason" max={500}>
        <Input.TextArea rows={2} />
      </Field>
    </FormModal>
  );
}
