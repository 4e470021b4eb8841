/**
 * Record a problem by hand (`/problems/new`): one found in a self-inspection (自查自纠), a resident's complaint
 * (群众投诉) or another way, for an organization of the caller's subtree, in one of the county's categories.
 * Problems from inspections, star ratings, development steps and tasks come from their own modules. The same form
 * corrects a problem (`/problems/:id/edit`): its category, title, description, when and by whom it was found.
 */
import { Form, Input, Radio, Row, Select } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { chinaToday, PROBLEM_MANUAL_SOURCES, PROBLEM_SOURCES } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { DateField } from '../../../components/DateField';
import { EntityForm } from '../../../components/EntityForm';
import { Field } from '../../../components/form/Field';
import { LoadingCard } from '../../../components/form/recordPage';
import { ErrorResult } from '../../../components/States';
import { OrgField, useHomeOrg } from '../../../components/form/OrgField';
import { type ProblemDetail, useCategories } from './problemModel';

interface Values {
  orgId: number;
  source: (typeof PROBLEM_MANUAL_SOURCES)[number];
  category: string;
  title: string;
  description?: string;
  foundOn?: string | null;
  foundBy?: string;
  dueOn?: string | null;
}

/** The form page: a new problem, or the correction of one. */
export default function ProblemFormPage() {
  const id = Number(useParams().id) || null;
  const q = useQuery({
    queryKey: ['problem', id],
    queryFn: ({ signal }) => api.get<ProblemDetail>(`/api/problems/${id}`, undefined, signal),
    enabled: !!id,
  });
  if (id && q.isPending) return <LoadingCard />;
  if (id && (q.error || !q.data)) return <ErrorResult error={q.error} onRetry={() => q.refetch()} />;
  return <ProblemForm record={q.data ?? null} />;
}

function ProblemForm({ record }: { record: ProblemDetail | null }) {
  const t = useT();
  const lbl = useLabel();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const home = useHomeOrg();
  const categories = useCategories();
  const [form] = Form.useForm<Values>();
  usePageCrumb(record ? t('修改', 'Edit') : t('登记问题', 'Record a problem'));
  const text = (s?: string) => (s?.trim() ? s.trim() : null);
  return (
    <EntityForm<Values, ProblemDetail>
      title={record ? t('修改问题', 'Correct the problem') : t('登记问题', 'Record a problem')}
      intro={
        <p className="dj-muted">
          {t(
            '登记后由乡镇（街道）或县级交办、出具交办单；督查检查、星级评定、发展党员和任务逾期的问题由各自业务自动生成。',
            'Once recorded, the township or the county assigns it with a notice. Problems from inspections, ' +
              'star ratings, development steps and tasks come from those modules.',
          )}
        </p>
      }
      form={form}
      initialValues={
        record
          ? {
              category: record.category,
              title: record.title,
              description: record.description ?? undefined,
              foundOn: record.foundOn,
              foundBy: record.foundBy ?? undefined,
            }
          : { orgId: home.id, source: 'self_inspection', foundOn: chinaToday() }
      }
      onSubmit={(v) =>
        record
          ? api.patch<ProblemDetail>(`/api/problems/${record.id}`, {
              category: v.category,
              title: v.title.trim(),
              description: text(v.description),
              ...(v.foundOn ? { foundOn: v.foundOn } : {}),
              foundBy: text(v.foundBy),
            })
          : api.post<ProblemDetail>('/api/problems', {
              orgId: v.orgId,
              source: v.source,
              category: v.category,
              title: v.title.trim(),
              description: text(v.description),
              foundOn: v.foundOn ?? null,
              foundBy: text(v.foundBy),
              dueOn: v.dueOn ?? null,
            })
      }
      onSaved={(r) => {
        qc.invalidateQueries({ queryKey: ['problems'] });
        qc.invalidateQueries({ queryKey: ['problem', r.id] });
        navigate(`/problems/${r.id}`);
      }}
      fieldOfCode={{
        'problems.unknown_category': 'category',
        'problems.due_before_found': 'dueOn',
        'problems.due_in_past': 'dueOn',
        'problems.found_in_future': 'foundOn',
        'problems.source_manual': 'source',
      }}
      submitLabel={record ? t('保存', 'Save') : t('登记', 'Record')}
      submitTestId="save-problem"
    >
      <Row gutter={16}>
        {record ? null : (
          <>
            <OrgField
              col="half"
              label={t('责任组织', 'Responsible organization')}
              required={t('请选择责任组织', 'Choose the organization')}
            />
            <Field col="half" label={t('问题来源', 'Source')} name="source" required>
              <Radio.Group
                optionType="button"
                options={PROBLEM_MANUAL_SOURCES.map((s) => ({ value: s, label: lbl(PROBLEM_SOURCES, s) }))}
              />
            </Field>
          </>
        )}
        <Field
          col="half"
          label={t('问题类别', 'Category')}
          name="category"
          required={t('请选择问题类别', 'Choose the category')}
        >
          <Select options={categories.options} loading={!categories.items.length} data-testid="problem-category" />
        </Field>
        <Field
          col="half"
          label={t('问题标题', 'Title')}
          name="title"
          required={t('请填写问题标题', 'Enter the title')}
          whitespace
          max={100}
        >
          <Input data-testid="problem-title-input" />
        </Field>
        <Field col="full" label={t('问题描述', 'Description')} name="description" max={4000}>
          <Input.TextArea rows={4} />
        </Field>
        <Field col="third" label={t('发现日期', 'Found on')} name="foundOn">
          <DateField maxToday />
        </Field>
        <Field col="third" label={t('发现人', 'Found by')} name="foundBy" max={40}>
          <Input />
        </Field>
        {record ? null : (
          <Field col="third" label={t('整改期限（可在交办时定）', 'Due (may be set on assigning)')} name="dueOn">
            <DateField />
          </Field>
        )}
      </Row>
    </EntityForm>
  );
}
