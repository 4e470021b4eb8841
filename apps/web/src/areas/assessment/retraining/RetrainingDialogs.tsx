/** The dialogs of a file: a class of the retraining (recorded by the organizer) and the test with its assessment. */
import { Input, InputNumber, Row, Switch } from 'antd';
import { api } from '../../../api/client';
import { useT } from '../../../app/i18n';
import { DateField } from '../../../components/DateField';
import { Field } from '../../../components/form/Field';
import { FormModal } from '../../../components/FormModal';
import type { RetrainingDetail } from './retrainingModel';

interface DialogProps {
  file: RetrainingDetail;
  onSaved: (next: RetrainingDetail) => void;
  onClose: () => void;
}

/** One class: the day, the topic, the hours and whether the cadre was present. */
export function ClassDialog({ file, onSaved, onClose }: DialogProps) {
  const t = useT();
  return (
    <FormModal<RetrainingDetail>
      title={t('记录整训课程', 'Record a class')}
      width={640}
      initialValues={{ present: true, hours: 3.5 }}
      onSubmit={(b) => api.post<RetrainingDetail>(`/api/retraining/${file.id}/classes`, b)}
      onSaved={onSaved}
      onClose={onClose}
      fieldOfCode={{ 'retraining.date_range': 'heldOn' }}
    >
      <Row gutter={16}>
        <Field col="half" label={t('上课日期', 'Held on')} name="heldOn" required>
          <DateField maxToday />
        </Field>
        <Field col="half" label={t('课时（小时）', 'Hours')} name="hours" required>
          <InputNumber min={0.5} max={12} step={0.5} style={{ width: '100%' }} data-testid="class-hours" />
        </Field>
        <Field col="full" label={t('课程内容', 'Topic')} name="topic" required whitespace max={100}>
          <Input data-testid="class-topic" />
        </Field>
        <Field col="half" label={t('是否出勤', 'Present')} name="present" valuePropName="checked">
          <Switch />
        </Field>
        <Field col="half" label={t('备注', 'Note')} name="note" max={200}>
          <Input placeholder={t('如：请假、迟到', 'E.g. excused')} />
        </Field>
      </Row>
    </FormModal>
  );
}

/** The test at the end of the retraining and the written assessment (鉴定). */
export function TestDialog({ file, onSaved, onClose }: DialogProps) {
  const t = useT();
  const { passScore, minHours } = file.rules;
  return (
    <FormModal<RetrainingDetail>
      title={t('录入测试成绩和整训鉴定', 'Record the test')}
      width={640}
      notice={
        <p className="dj-muted">
          {t(
            `参加整训满 ${minHours} 课时方可测试；测试成绩不低于 ${passScore} 分为合格，合格的方可复职。`,
            `The test needs ${minHours} class hours attended; a score of ${passScore} passes and allows reinstatement.`,
          )}
        </p>
      }
      onSubmit={(b) => api.post<RetrainingDetail>(`/api/retraining/${file.id}/test`, b)}
      onSaved={onSaved}
      onClose={onClose}
      fieldOfCode={{ 'retraining.date_range': 'testedOn', 'retraining.hours_short': 'testedOn' }}
    >
      <Row gutter={16}>
        <Field col="half" label={t('测试日期', 'Tested on')} name="testedOn" required>
          <DateField maxToday />
        </Field>
        <Field col="half" label={t('测试成绩', 'Score')} name="score" required>
          <InputNumber min={0} max={100} step={0.5} style={{ width: '100%' }} data-testid="test-score" />
        </Field>
        <Field col="full" label={t('整训鉴定', 'Written assessment')} name="assessment" required whitespace max={2000}>
          <Input.TextArea rows={4} data-testid="test-assessment" />
        </Field>
      </Row>
    </FormModal>
  );
}
