/**
 * The dialogs of a report: the committee's grade with the residents' paper ballots (counts per grade), and the
 * follow-up talk of a secretary graded 差 (optionally opening a problem to rectify).
 */
import { Checkbox, Input, InputNumber, Row, Select } from 'antd';
import { REPORT_GRADES } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useEnumOptions, useT } from '../../../app/i18n';
import { DateField } from '../../../components/DateField';
import { Field } from '../../../components/form/Field';
import { FormModal } from '../../../components/FormModal';
import type { ReportDetail } from './reportModel';

interface DialogProps {
  report: ReportDetail;
  onSaved: (next: ReportDetail) => void;
  onClose: () => void;
}

const COUNTS = [
  ['residentsGood', 'good', '好', 'Good'],
  ['residentsFairGood', 'fair_good', '较好', 'Fairly good'],
  ['residentsAverage', 'average', '一般', 'Average'],
  ['residentsPoor', 'poor', '差', 'Poor'],
] as const;

/** The committee's grade and the residents' ballots. */
export function GradeDialog({ report, onSaved, onClose }: DialogProps) {
  const t = useT();
  const opts = useEnumOptions();
  return (
    <FormModal<ReportDetail>
      title={t('上级党委评价与群众代表评议票', "The committee's grade and the residents' ballots")}
      width={640}
      initialValues={{
        committeeGrade: report.committeeGrade ?? undefined,
        committeeNote: report.committeeNote ?? '',
        ...Object.fromEntries(COUNTS.map(([k, g]) => [k, report.residents[g]])),
      }}
      onSubmit={(b) => api.post<ReportDetail>(`/api/reports/${report.id}/committee-grade`, b)}
      onSaved={onSaved}
      onClose={onClose}
    >
      <Field label={t('上级党委评价', "The committee's grade")} name="committeeGrade" required>
        <Select options={opts(REPORT_GRADES)} data-testid="committee-grade" />
      </Field>
      <Field label={t('评价意见', 'Remarks')} name="committeeNote" max={1000}>
        <Input.TextArea rows={2} />
      </Field>
      <p className="dj-muted">
        {t('群众代表纸质评议票，按等次录入票数：', "Residents' paper ballots, counted per grade:")}
      </p>
      <Row gutter={12}>
        {COUNTS.map(([k, , zh, en]) => (
          <Field key={k} col="quarter" label={t(zh, en)} name={k}>
            <InputNumber min={0} max={100000} style={{ width: '100%' }} data-testid={`ballots-${k}`} />
          </Field>
        ))}
      </Row>
    </FormModal>
  );
}

/** The follow-up talk. */
export function FollowupDialog({ report, onSaved, onClose }: DialogProps) {
  const t = useT();
  return (
    <FormModal<ReportDetail>
      title={t('约谈评定为“差”的书记', 'Talk to a secretary graded poor')}
      initialValues={{ openProblem: true }}
      onSubmit={(b) => api.post<ReportDetail>(`/api/reports/${report.id}/followup`, b)}
      onSaved={onSaved}
      onClose={onClose}
    >
      <Field label={t('约谈日期', 'Talked on')} name="talkedOn" required>
        <DateField maxToday />
      </Field>
      <Field label={t('约谈情况', 'What was said')} name="note" required whitespace max={1000}>
        <Input.TextArea rows={3} />
      </Field>
      <Field label={t('转为问题整改', 'Open a problem')} name="openProblem" valuePropName="checked">
        <Checkbox />
      </Field>
    </FormModal>
  );
}
