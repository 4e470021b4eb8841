/**
 * The higher committee opens a round (`/reports/rounds/new`): the year, a title, the deadline, the requirements and
 * the panel members (党员代表) chosen from its subtree; a report is then due from each organization below it.
 */
import { Input, InputNumber, Row } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../../../api/client';
import { useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { DateField } from '../../../components/DateField';
import { EntityForm } from '../../../components/EntityForm';
import { Field } from '../../../components/form/Field';
import { PanelPicker } from './PanelPicker';
import type { RoundDetail } from './reportModel';

interface Values {
  year: number;
  title: string;
  deadline: string;
  notes?: string;
  panelMemberIds?: number[];
}

/** The round form. */
export default function RoundFormPage() {
  const t = useT();
  const navigate = useNavigate();
  const qc = useQueryClient();
  usePageCrumb(t('组织述职评议', 'Open a round'));
  const year = new Date().getFullYear();
  return (
    <EntityForm<Values, RoundDetail>
      title={t('组织书记述职评议', 'Open a reporting round')}
      intro={
        <p className="dj-muted">
          {t(
            '乡镇党委组织村（社区）党组织书记述职，县委组织乡镇党委书记述职。评议由上级党委评价、党员代表评议和群众代表评议（纸质选票由组织单位录入）按权重综合评定。',
            'A township runs the round of its village secretaries, the county that of the township secretaries. ' +
              'The committee, a panel of members and residents (paper ballots entered by the organizer) grade; ' +
              'the weights combine them.',
          )}
        </p>
      }
      initialValues={{ year, title: `${year}年度村（社区）党组织书记抓基层党建述职评议`, deadline: `${year}-12-31` }}
      onSubmit={(v) =>
        api.post<RoundDetail>('/api/reports/rounds', {
          year: v.year,
          title: v.title.trim(),
          deadline: v.deadline,
          notes: v.notes?.trim() || null,
          panelMemberIds: v.panelMemberIds ?? [],
        })
      }
      onSaved={(r) => {
        qc.invalidateQueries({ queryKey: ['report-rounds'] });
        navigate(`/reports/rounds/${r.id}`);
      }}
      fieldOfCode={{
        'reports.round_taken': 'year',
        'reports.not_committee': 'year',
        'reports.no_secretaries': 'year',
        'reports.panel_outside': 'panelMemberIds',
      }}
      submitLabel={t('发布', 'Open')}
      submitTestId="save-round"
    >
      <Row gutter={16}>
        <Field col="half" label={t('述职年度', 'Year reported on')} name="year" required>
          <InputNumber min={2000} max={2100} style={{ width: '100%' }} data-testid="round-year" />
        </Field>
        <Field col="half" label={t('提交截止日期', 'Deadline')} name="deadline" required>
          <DateField />
        </Field>
        <Field col="full" label={t('述职评议名称', 'Title')} name="title" required whitespace max={100}>
          <Input data-testid="round-title" />
        </Field>
        <Field col="full" label={t('评议要求', 'Requirements')} name="notes" max={2000}>
          <Input.TextArea rows={3} />
        </Field>
        <Field col="full" label={t('党员代表评议人', 'Panel members')} name="panelMemberIds">
          <PanelPicker />
        </Field>
      </Row>
    </EntityForm>
  );
}
