/**
 * Recording a step (`/development/:id/step?step=`): the steps the candidate may take now, and for the one chosen
 * its date, its people (talker, contacts, introducers), the general meeting's vote, the training, the materials of
 * its checklist and a note. A step the time rules refuse may still be recorded with a written reason: the field
 * appears when the server says so, and the reason is kept on the step and in the audit trail.
 */
import { useState } from 'react';
import { Alert, Checkbox, Form, Input, InputNumber, Row, Select } from 'antd';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import {
  chinaToday,
  DEVELOPMENT_MATERIALS,
  DEVELOPMENT_STEP_LABELS,
  DEVELOPMENT_STEPS,
  type DevelopmentStepKey,
} from '@dangjian/contracts';
import { api, ApiError } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { DateField } from '../../../components/DateField';
import { EntityForm } from '../../../components/EntityForm';
import { useFeedback } from '../../../components/feedback';
import { Field } from '../../../components/form/Field';
import { MemberPicker } from '../../../components/form/SearchPicker';
import { detailGate, useRecordDetail } from '../../residents/common/DetailParts';
import { type CandidateDetail, DEVELOPMENT_KEYS } from './candidateModel';
import { useTimingText } from './StepTimeline';

interface Values {
  step: DevelopmentStepKey;
  date: string;
  talkerName?: string;
  contact1?: number | null;
  contact2?: number | null;
  introducer1?: number | null;
  introducer2?: number | null;
  entitled?: number;
  presentVoting?: number;
  yes?: number;
  no?: number;
  abstain?: number;
  trainingDays?: number | null;
  trainingHours?: number | null;
  materials?: string[];
  note?: string;
  overrideReason?: string;
}

/** Codes of a time rule that a written reason lets through. */
const OVERRIDABLE = ['development.too_late', 'development.too_early'];

/** The body the API takes for a step: only what the step needs, blanks left out. */
function bodyOf(v: Values, override: boolean) {
  const needs = DEVELOPMENT_STEPS[v.step].needs ?? [];
  const ids = (...xs: (number | null | undefined)[]) => xs.filter((x): x is number => !!x);
  const text = (s?: string) => (s?.trim() ? s.trim() : undefined);
  return {
    step: v.step,
    date: v.date,
    talkerName: needs.includes('talker') ? text(v.talkerName) : undefined,
    contactIds: needs.includes('contacts') ? ids(v.contact1, v.contact2) : undefined,
    introducerIds: needs.includes('introducers') ? ids(v.introducer1, v.introducer2) : undefined,
    vote: needs.includes('vote')
      ? {
          entitled: v.entitled ?? 0,
          presentVoting: v.presentVoting ?? 0,
          yes: v.yes ?? 0,
          no: v.no ?? 0,
          abstain: v.abstain ?? 0,
        }
      : undefined,
    trainingDays: needs.includes('training') ? (v.trainingDays ?? undefined) : undefined,
    trainingHours: needs.includes('training') ? (v.trainingHours ?? undefined) : undefined,
    materials: v.materials ?? [],
    note: text(v.note),
    overrideReason: override ? text(v.overrideReason) : undefined,
  };
}

/** The record-step page. */
export default function StepFormPage() {
  const t = useT();
  const lbl = useLabel();
  const navigate = useNavigate();
  const { message } = useFeedback();
  const id = Number(useParams().id);
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [override, setOverride] = useState(false);
  const { q, qc } = useRecordDetail<CandidateDetail>('development-candidate', 'development', id);
  const timing = useTimingText();
  const step = Form.useWatch('step', form) as DevelopmentStepKey | undefined;
  usePageCrumb(q.data?.name);
  const gate = detailGate(q);
  const c = q.data;
  if (gate || !c) return gate;
  const options = c.available.filter((a) => a.canRecord);
  const first = (params.get('step') as DevelopmentStepKey | null) ?? options[0]?.step;
  const def = step ? DEVELOPMENT_STEPS[step] : undefined;
  const needs = def?.needs ?? [];
  const avail = options.find((a) => a.step === step);
  const num = (name: keyof Values, label: string, testId?: string) => (
    <Field col="quarter" name={name} label={label} required={t(`请填写${label}`, `Enter ${label}`)}>
      <InputNumber min={0} max={10000} precision={0} style={{ width: '100%' }} data-testid={testId} />
    </Field>
  );
  const member = (name: keyof Values, label: string, required: boolean) => (
    <Field
      col="half"
      name={name}
      label={label}
      required={required ? t(`请选择${label}`, `Choose ${label}`) : undefined}
    >
      <MemberPicker org={c.orgId} />
    </Field>
  );

  return (
    <EntityForm<Values, CandidateDetail>
      title={t(`记录发展步骤：${c.name}`, `Record a step: ${c.name}`)}
      form={form}
      initialValues={{ step: first, date: chinaToday(new Date()), materials: [] }}
      onValuesChange={(changed) => {
        if ('step' in changed) setOverride(false);
      }}
      onSubmit={async (v) => {
        try {
          return await api.post<CandidateDetail>(`/api/development/${id}/steps`, bodyOf(v, override));
        } catch (e) {
          if (e instanceof ApiError && OVERRIDABLE.includes(e.code) && !override) setOverride(true);
          throw e;
        }
      }}
      onSaved={() => {
        message.success(t('步骤已记录', 'Step recorded'));
        for (const k of DEVELOPMENT_KEYS) void qc.invalidateQueries({ queryKey: [k] });
        navigate(`/development/${id}`);
      }}
      onCancel={() => navigate(`/development/${id}`)}
      submitTestId="save-step"
      intro={
        options.length ? null : (
          <Alert type="info" showIcon title={t('目前没有可由您办理的步骤', 'No step is yours to record now')} />
        )
      }
    >
      <Row gutter={16}>
        <Field col="half" name="step" label={t('步骤', 'Step')} required={t('请选择步骤', 'Choose a step')}>
          <Select
            data-testid="step-select"
            options={options.map((a) => ({
              value: a.step,
              label: `${DEVELOPMENT_STEPS[a.step].no}. ${lbl(DEVELOPMENT_STEP_LABELS, a.step)}`,
            }))}
          />
        </Field>
        <Field col="half" name="date" label={t('办理日期', 'Date')} required={t('请选择日期', 'Choose the date')}>
          <DateField maxToday />
        </Field>
      </Row>
      {avail && step ? (
        <Alert
          type="info"
          style={{ marginBottom: 16 }}
          title={[
            avail.opensOn ? t(`${avail.opensOn} 起可办理`, `Opens ${avail.opensOn}`) : '',
            avail.dueOn ? t(`${avail.dueOn} 前完成`, `due ${avail.dueOn}`) : '',
            timing(step),
          ]
            .filter(Boolean)
            .join(t('；', '; '))}
          data-testid="step-rule"
        />
      ) : null}
      <Row gutter={16}>
        {needs.includes('talker') ? (
          <Field
            col="half"
            name="talkerName"
            label={t('谈话人', 'Talker')}
            required={t('请填写谈话人', 'Enter')}
            whitespace
          >
            <Input />
          </Field>
        ) : null}
        {needs.includes('contacts') ? (
          <>
            {member('contact1', t('培养联系人一', 'First contact'), true)}
            {member('contact2', t('培养联系人二', 'Second contact'), false)}
          </>
        ) : null}
        {needs.includes('introducers') ? (
          <>
            {member('introducer1', t('入党介绍人一', 'First introducer'), true)}
            {member('introducer2', t('入党介绍人二', 'Second introducer'), true)}
          </>
        ) : null}
        {needs.includes('vote') ? (
          <>
            {num('entitled', t('应到会有表决权党员', 'Entitled to vote'))}
            {num('presentVoting', t('实到会有表决权党员', 'Present and voting'))}
            {num('yes', t('赞成', 'Yes'))}
            {num('no', t('反对', 'No'))}
            {num('abstain', t('弃权', 'Abstain'))}
          </>
        ) : null}
        {needs.includes('training') ? (
          <>
            <Field col="quarter" name="trainingDays" label={t('培训天数', 'Training days')}>
              <InputNumber min={0} max={366} precision={0} style={{ width: '100%' }} data-testid="training-days" />
            </Field>
            <Field col="quarter" name="trainingHours" label={t('培训学时', 'Class hours')}>
              <InputNumber min={0} max={2000} precision={0} style={{ width: '100%' }} />
            </Field>
          </>
        ) : null}
      </Row>
      {def?.materials.length ? (
        <Field name="materials" label={t('材料清单（已归档的打勾）', 'Materials checklist (tick what is filed)')}>
          <Checkbox.Group
            data-testid="step-materials"
            options={def.materials.map((m) => ({ value: m, label: lbl(DEVELOPMENT_MATERIALS, m) }))}
          />
        </Field>
      ) : null}
      <Field name="note" label={t('备注', 'Note')}>
        <Input.TextArea rows={2} />
      </Field>
      {override ? (
        <Field
          name="overrideReason"
          label={t('超出时限办理的理由（将记入审计）', 'Why it is recorded out of its time rule (audited)')}
          required={t('请填写理由', 'Give the reason')}
          whitespace
        >
          <Input.TextArea rows={2} data-testid="override-reason" />
        </Field>
      ) : null}
    </EntityForm>
  );
}
