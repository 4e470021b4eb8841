/**
 * A class's form (`/training/classes/new`, `/training/classes/:id/edit`): the organizer (the county or a township),
 * title, kind, dates, place, target group, teachers and funding (entered in yuan, kept in fen). The course plan and
 * the attendees are set on the class's page.
 */
import { Input, InputNumber, Row, Select } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { TRAINING_KINDS } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useEnumOptions, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { DateField } from '../../../components/DateField';
import { EntityForm } from '../../../components/EntityForm';
import { Field } from '../../../components/form/Field';
import { OrgField } from '../../../components/form/OrgField';
import { LoadingCard } from '../../../components/form/recordPage';
import { ErrorResult } from '../../../components/States';
import type { TrainingClassDetail } from './trainingModel';

interface Values {
  orgId?: number;
  title: string;
  kind: string;
  startOn: string;
  endOn: string;
  place: string;
  target: string;
  teachers?: string;
  budget?: number;
  spent?: number;
}

const fen = (yuan?: number) => (yuan == null ? undefined : Math.round(yuan * 100));

/** The class form. */
export default function TrainingClassFormPage() {
  const t = useT();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const id = Number(useParams().id) || null;
  const q = useQuery({
    queryKey: ['training-class', id],
    queryFn: ({ signal }) => api.get<TrainingClassDetail>(`/api/training/classes/${id}`, undefined, signal),
    enabled: !!id,
  });
  usePageCrumb(id ? t('修改培训班', 'Edit the class') : t('新建培训班', 'New class'));
  if (id && q.isPending) return <LoadingCard />;
  if (id && (q.error || !q.data)) return <ErrorResult error={q.error} onRetry={() => q.refetch()} />;
  const record = id ? q.data : undefined;
  const planOpen = !record || record.status === 'draft' || record.status === 'returned';
  const initial: Partial<Values> = record
    ? {
        title: record.title,
        kind: record.kind,
        startOn: record.startOn,
        endOn: record.endOn,
        place: record.place,
        target: record.target,
        teachers: record.teachers,
        budget: record.budgetFen / 100,
        spent: record.spentFen / 100,
      }
    : { kind: 'rotation' };
  return (
    <EntityForm<Values, TrainingClassDetail>
      title={record ? t('修改培训班', 'Edit the class') : t('新建培训班', 'New training class')}
      intro={
        record ? null : (
          <p className="dj-muted">
            {t(
              '县委组织部或乡镇党委举办培训班：保存后编排课程计划、确定参训学员，提交县委组织部审核通过后开班，' +
                '按节记录出勤，结业时录入考核结果。学时只按出勤记录计算。',
              'The county or a township organizes a class: plan the sessions and attendees, submit the plan for ' +
                'review, record attendance per session once approved, and the results at the end. ' +
                'Hours come from attendance only.',
            )}
          </p>
        )
      }
      initialValues={initial}
      onSubmit={(v) => {
        const body = {
          title: v.title.trim(),
          kind: v.kind,
          place: v.place.trim(),
          target: v.target.trim(),
          teachers: v.teachers?.trim() ?? '',
          budgetFen: fen(v.budget),
          spentFen: fen(v.spent),
          ...(planOpen ? { startOn: v.startOn, endOn: v.endOn } : {}),
        };
        if (record) return api.patch<TrainingClassDetail>(`/api/training/classes/${record.id}`, body);
        return api.post<TrainingClassDetail>('/api/training/classes', { ...body, orgId: v.orgId });
      }}
      onSaved={(r) => {
        qc.invalidateQueries({ queryKey: ['training'] });
        qc.invalidateQueries({ queryKey: ['training-class', r.id] });
        navigate(`/training/classes/${r.id}`);
      }}
      fieldOfCode={{ 'training.date_range': 'endOn', 'training.plan_locked': 'startOn' }}
      submitLabel={t('保存', 'Save')}
      submitTestId="save-training-class"
    >
      <Row gutter={16}>
        {record ? null : <OrgField col="half" label={t('举办单位', 'Organizer')} />}
        <Field col="half" label={t('培训类别', 'Kind')} name="kind" required>
          <Select options={opts(TRAINING_KINDS)} data-testid="training-kind" />
        </Field>
        <Field col="full" label={t('培训班名称', 'Title')} name="title" required whitespace max={80}>
          <Input data-testid="training-title" />
        </Field>
        <Field col="half" label={t('开班日期', 'Starts on')} name="startOn" required>
          <DateField disabled={!planOpen} />
        </Field>
        <Field col="half" label={t('结业日期', 'Ends on')} name="endOn" required>
          <DateField disabled={!planOpen} />
        </Field>
        <Field col="half" label={t('培训地点', 'Place')} name="place" required whitespace max={100}>
          <Input data-testid="training-place" />
        </Field>
        <Field col="half" label={t('培训对象', 'Target group')} name="target" required whitespace max={100}>
          <Input data-testid="training-target" placeholder={t('如：辖区农村党员', 'E.g. rural members')} />
        </Field>
        <Field col="full" label={t('授课教师', 'Teachers')} name="teachers" max={300}>
          <Input placeholder={t('如：县委党校教师、县直部门业务骨干', 'E.g. teachers of the party school')} />
        </Field>
        <Field col="half" label={t('经费预算（元）', 'Budget (yuan)')} name="budget">
          <InputNumber min={0} max={100_000_000} precision={2} style={{ width: '100%' }} />
        </Field>
        <Field col="half" label={t('实际支出（元）', 'Spent (yuan)')} name="spent">
          <InputNumber min={0} max={100_000_000} precision={2} style={{ width: '100%' }} />
        </Field>
      </Row>
    </EntityForm>
  );
}
