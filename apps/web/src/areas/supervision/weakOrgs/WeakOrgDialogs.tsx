/**
 * The dialogs of a file: the rectification plan with its measures (county or township), a month's check-up over
 * the four fixed topics (a finding may open a problem), and the inspection group's acceptance (the rule in words).
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import {
  CHECKUP_RATINGS,
  CHECKUP_TOPICS,
  type CheckupTopic,
  WEAK_ORGS_RULE_DEFAULTS,
  type WeakOrgMeasureT,
} from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useEnumOptions, useLabel, useT } from '../../../app/i18n';
import { DateField } from '../../../components/DateField';
import { Field } from '../../../components/form/Field';
import { FormModal } from '../../../components/FormModal';
import type { WeakOrgDetail } from './weakOrgModel';

interface DialogProps {
  file: WeakOrgDetail;
  onSaved: (next: WeakOrgDetail) => void;
  onClose: () => void;
}

/** The plan and its measures, each with a due date. */
export function PlanDialog({ file, onSaved, onClose }: DialogProps) {
  const t = useT();
  return (
    <FormModal<WeakOrgDetail>
      title={t('整顿方案', 'Rectification plan')}
      width={720}
      initialValues={{ plan: file.plan ?? '', measures: file.measures.length ? file.measures : [{}] }}
      onSubmit={(b) =>
        api.patch<WeakOrgDetail>(`/api/weak-orgs/${file.id}`, {
          plan: (b.plan as string | undefined)?.trim() || null,
          measures: ((b.measures as WeakOrgMeasureT[] | undefined) ?? []).filter((m) => m?.content),
        })
      }
      onSaved={onSaved}
      onClose={onClose}
      fieldOfCode={{ 'weakOrgs.measure_due': 'measures' }}
    >
      <Field label={t('方案内容', 'Plan')} name="plan" required whitespace max={4000}>
        <Input.TextArea rows={4} data-testid="weak-plan" />
      </Field>
      <Form.List name="measures">
        {(rows, { add, remove }) => (
          <>
            {rows.map((row, i) => (
              <Space key={row.key} align="start" style={{ display: 'flex' }}>
                <Field
                  name={[row.name, 'content']}
                  label={i === 0 ? t('整改措施', 'Measure') : undefined}
                  required
                  max={200}
                >
                  <Input style={{ width: 360 }} data-testid={`weak-measure-${i}`} />
                </Field>
                <Field name={[row.name, 'dueOn']} label={i === 0 ? t('完成时限', 'Due on') : undefined} required>
                  <DateField />
                </Field>
                <Field
                  name={[row.name, 'done']}
                  label={i === 0 ? t('已完成', 'Done') : undefined}
                  valuePropName="checked"
                >
                  <Checkbox />
                </Field>
                <Button
                  aria-label={t('删除此项', 'Remove')}
                  icon={<DeleteOutlined />}
                  onClick={() => remove(row.name)}
                  style={{ marginTop: i === 0 ? 30 : 0 }}
                />
              </Space>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({})} data-testid="weak-add-measure">
              {t('添加措施', 'Add a measure')}
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}

const TOPICS = Object.keys(CHECKUP_TOPICS) as CheckupTopic[];

/** A month's check-up: a rating and findings for each of the four topics. */
export function CheckupDialog({ file, onSaved, onClose }: DialogProps) {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const thisMonth = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
  return (
    <FormModal<WeakOrgDetail>
      title={t('录入全面体检', 'Record a check-up')}
      width={760}
      initialValues={{
        month: thisMonth,
        checkedBy: file.leaderName,
        ...Object.fromEntries(TOPICS.map((k) => [`r_${k}`, 'fair'])),
      }}
      onSubmit={(b) =>
        api.post<WeakOrgDetail>(`/api/weak-orgs/${file.id}/checkups`, {
          month: b.month,
          checkedBy: b.checkedBy,
          items: TOPICS.map((topic) => ({
            topic,
            rating: b[`r_${topic}`],
            findings: (b[`f_${topic}`] as string | undefined)?.trim() || null,
            openProblem: Boolean(b[`p_${topic}`]),
          })),
        })
      }
      onSaved={onSaved}
      onClose={onClose}
      fieldOfCode={{ 'weakOrgs.checkup_taken': 'month', 'weakOrgs.checkup_month': 'month' }}
    >
      <Row gutter={16}>
        <Field
          col="half"
          label={t('体检月份', 'Month')}
          name="month"
          required
          rules={[{ pattern: /^\d{4}-(0[1-9]|1[0-2])$/, message: t('格式如 2026-05', 'Like 2026-05') }]}
        >
          <Input placeholder="2026-05" data-testid="checkup-month" />
        </Field>
        <Field col="half" label={t('体检人', 'Checked by')} name="checkedBy" required whitespace max={60}>
          <Input data-testid="checkup-by" />
        </Field>
      </Row>
      {TOPICS.map((k) => (
        <Row gutter={8} key={k}>
          <Field col={{ xs: 24, md: 6 }} label={lbl(CHECKUP_TOPICS, k)} name={`r_${k}`} required>
            <Select options={opts(CHECKUP_RATINGS)} data-testid={`checkup-rating-${k}`} />
          </Field>
          <Field col={{ xs: 24, md: 12 }} label={t('发现问题', 'Findings')} name={`f_${k}`} max={500}>
            <Input data-testid={`checkup-findings-${k}`} />
          </Field>
          <Field
            col={{ xs: 24, md: 6 }}
            label={t('转为问题整改', 'Open a problem')}
            name={`p_${k}`}
            valuePropName="checked"
          >
            <Checkbox />
          </Field>
        </Row>
      ))}
    </FormModal>
  );
}

/** The inspection group's acceptance: the score, the panel and the residents asked. */
export function AcceptanceDialog({ file, onSaved, onClose }: DialogProps) {
  const t = useT();
  const { passScore, maxDissatisfiedShare } = WEAK_ORGS_RULE_DEFAULTS;
  const half = maxDissatisfiedShare === 0.5 ? t('半数', 'half') : `${maxDissatisfiedShare * 100}%`;
  return (
    <FormModal<WeakOrgDetail>
      title={t('录入整顿验收', 'Record the acceptance')}
      width={640}
      notice={
        <p className="dj-muted">
          {t(
            `得分不低于 ${passScore} 分，且不满意人数不超过参加测评人数的${half}，方为通过；未通过的退回继续整顿。`,
            `Passes with a score of at least ${passScore} and not more than ${half} dissatisfied; ` +
              'otherwise the file goes back to rectification.',
          )}
        </p>
      }
      onSubmit={(b) => api.post<WeakOrgDetail>(`/api/weak-orgs/${file.id}/acceptances`, b)}
      onSaved={onSaved}
      onClose={onClose}
      fieldOfCode={{
        'weakOrgs.acceptance_date': 'acceptedOn',
        'weakOrgs.dissatisfied_over_panel': 'panelDissatisfied',
      }}
    >
      <Row gutter={16}>
        <Field col="half" label={t('验收日期', 'Accepted on')} name="acceptedOn" required>
          <DateField maxToday />
        </Field>
        <Field col="half" label={t('验收得分', 'Score')} name="score" required>
          <InputNumber min={0} max={100} step={0.1} style={{ width: '100%' }} data-testid="acceptance-score" />
        </Field>
        <Field col="half" label={t('验收组人数', 'Panel size')} name="panelSize" required>
          <InputNumber min={1} max={200} style={{ width: '100%' }} data-testid="acceptance-panel" />
        </Field>
        <Field col="half" label={t('验收组不满意人数', 'Panel dissatisfied')} name="panelDissatisfied" required>
          <InputNumber min={0} max={200} style={{ width: '100%' }} data-testid="acceptance-dissatisfied" />
        </Field>
        <Field col="half" label={t('参加测评群众人数', 'Residents asked')} name="residentsAsked">
          <InputNumber min={0} max={10000} style={{ width: '100%' }} />
        </Field>
        <Field col="half" label={t('群众不满意人数', 'Residents dissatisfied')} name="residentsDissatisfied">
          <InputNumber min={0} max={10000} style={{ width: '100%' }} />
        </Field>
        <Field col="full" label={t('验收意见', 'Remarks')} name="note" max={500}>
          <Input.TextArea rows={2} />
        </Field>
      </Row>
    </FormModal>
  );
}
