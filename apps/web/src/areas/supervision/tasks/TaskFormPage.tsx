/**
 * Draft or change a task (`/tasks/new`, `/tasks/:id/edit`): what it asks and by when, how it counts as done (a
 * report with evidence, or a check of the platform's records and its parameters), and who receives it — all
 * organizations of a level (and field) below, one township's, or a list.
 */
import { Col, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import {
  MEETING_KIND_LABELS,
  ORG_FIELDS,
  TARGET_LEVELS,
  TARGET_MODES,
  TASK_CHECKS,
  TASK_COMPLETIONS,
  TASK_KINDS,
  type TaskTargetSpecT,
} from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useEnumOptions, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { DateField } from '../../../components/DateField';
import { EntityForm } from '../../../components/EntityForm';
import { Field } from '../../../components/form/Field';
import { OrgField, useHomeOrg } from '../../../components/form/OrgField';
import { detailGate } from '../../residents/common/DetailParts';
import type { TaskDetail } from './taskModel';

interface Values extends TaskTargetSpecT {
  orgId?: number;
  kind: string;
  title: string;
  content?: string;
  startOn: string;
  dueOn: string;
  completion: string;
  checkKey?: string;
  meetingKind?: string;
  minCount?: number;
}

type OrgOption = { id: number; name: string };

/** The organizations below the caller's own of a level, for the township and list choices. */
function useOrgOptions(level: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['task-orgs', level ?? 'all'],
    queryFn: ({ signal }) => api.get<{ items: OrgOption[] }>('/api/tasks/orgs', { level }, signal),
    enabled,
  });
}

/** The form of a task. */
export default function TaskFormPage() {
  const t = useT();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const id = Number(useParams().id) || null;
  const [form] = Form.useForm<Values>();
  const mode = Form.useWatch('mode', form) ?? 'field';
  const completion = Form.useWatch('completion', form) ?? 'evidence';
  const existing = useQuery({
    queryKey: ['task', id],
    queryFn: ({ signal }) => api.get<TaskDetail>(`/api/tasks/${id}`, undefined, signal),
    enabled: !!id,
  });
  const home = useHomeOrg();
  const towns = useOrgOptions('committee', mode === 'township');
  const all = useOrgOptions(undefined, mode === 'list');
  usePageCrumb(id ? t('修改任务', 'Change the task') : t('拟定任务', 'New task'));
  const gate = id ? detailGate(existing) : null;
  if (gate) return gate;
  const r = existing.data;
  const initial: Partial<Values> = r
    ? {
        ...r.targetSpec,
        kind: r.kind,
        title: r.title,
        content: r.content ?? undefined,
        startOn: r.startOn,
        dueOn: r.dueOn,
        completion: r.completion,
        checkKey: r.checkKey ?? undefined,
        meetingKind: r.checkParams?.meetingKind,
        minCount: r.checkParams?.minCount,
      }
    : { orgId: home.id, kind: 'biweekly', completion: 'evidence', mode: 'field', level: 'branch' };
  const pick = (q: typeof towns) => (q.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }));
  return (
    <EntityForm<Values, TaskDetail>
      title={id ? t('修改任务', 'Change the task') : t('拟定任务', 'New task')}
      intro={
        <p className="dj-muted">
          {t(
            '保存为草稿，核对后在任务详情中“下发”；下发后承办党组织可见，截止前10天、3天及逾期时逐级预警。',
            'Saved as a draft, then issued from its page; receivers are alerted, up the tree, 10 and 3 days ' +
              'before the due date and when overdue.',
          )}
        </p>
      }
      form={form}
      initialValues={initial}
      onSubmit={(v) => {
        const body = {
          kind: v.kind,
          title: v.title.trim(),
          content: v.content?.trim() || null,
          startOn: v.startOn,
          dueOn: v.dueOn,
          completion: v.completion,
          checkKey: v.completion === 'record' ? v.checkKey : null,
          checkParams: v.completion === 'record' ? { meetingKind: v.meetingKind, minCount: v.minCount ?? 1 } : null,
          targets: {
            mode: v.mode,
            ...(v.mode === 'list' ? { orgIds: v.orgIds ?? [] } : { level: v.level, field: v.field ?? null }),
            ...(v.mode === 'township' ? { townshipId: v.townshipId } : {}),
          },
        };
        return id
          ? api.patch<TaskDetail>(`/api/tasks/${id}`, body)
          : api.post<TaskDetail>('/api/tasks', { ...body, orgId: v.orgId });
      }}
      onSaved={(saved) => {
        qc.invalidateQueries({ queryKey: ['tasks'] });
        qc.invalidateQueries({ queryKey: ['task', saved.id] });
        navigate(`/tasks/${saved.id}`);
      }}
      fieldOfCode={{
        'tasks.bad_dates': 'dueOn',
        'tasks.check_required': 'checkKey',
        'tasks.no_targets': 'mode',
        'tasks.township_required': 'townshipId',
        'tasks.list_required': 'orgIds',
        'tasks.not_draft': 'title',
      }}
      submitLabel={t('保存草稿', 'Save the draft')}
      submitTestId="save-task"
    >
      <Row gutter={16}>
        {id ? null : (
          <OrgField col="half" label={t('下发单位', 'Issued by')} required={t('请选择下发单位', 'Choose the issuer')} />
        )}
        <Field col="half" label={t('任务类型', 'Kind')} name="kind" required>
          <Radio.Group optionType="button" options={opts(TASK_KINDS)} />
        </Field>
        <Field col="half" label={t('任务名称', 'Title')} name="title" required whitespace max={100}>
          <Input data-testid="task-title-input" />
        </Field>
        <Field col="full" label={t('任务内容', 'Content')} name="content" max={4000}>
          <Input.TextArea rows={4} />
        </Field>
        <Field col="half" label={t('开始日期', 'Starts on')} name="startOn" required={t('请选择开始日期', 'Choose')}>
          <DateField />
        </Field>
        <Field col="half" label={t('截止日期', 'Due on')} name="dueOn" required={t('请选择截止日期', 'Choose')}>
          <DateField />
        </Field>
        <Field col="full" label={t('完成方式', 'Counts as done')} name="completion" required>
          <Radio.Group options={opts(TASK_COMPLETIONS)} />
        </Field>
        {completion === 'record' ? (
          <>
            <Field col="half" label={t('核验项目', 'Record check')} name="checkKey" required>
              <Select options={opts(TASK_CHECKS)} data-testid="check-key" />
            </Field>
            <Col xs={24} md={6}>
              <Field label={t('会议类型', 'Kind of meeting')} name="meetingKind" required>
                <Select options={opts(MEETING_KIND_LABELS)} data-testid="meeting-kind" />
              </Field>
            </Col>
            <Col xs={24} md={6}>
              <Field label={t('至少召开次数', 'At least')} name="minCount">
                <InputNumber min={1} max={31} placeholder="1" style={{ width: '100%' }} />
              </Field>
            </Col>
          </>
        ) : null}
        <Field col="full" label={t('下发对象', 'Receivers')} name="mode" required>
          <Radio.Group optionType="button" options={opts(TARGET_MODES)} data-testid="target-mode" />
        </Field>
        {mode === 'township' ? (
          <Field col="half" label={t('乡镇（街道）', 'Township')} name="townshipId" required>
            <Select showSearch optionFilterProp="label" loading={towns.isPending} options={pick(towns)} />
          </Field>
        ) : null}
        {mode === 'list' ? (
          <Field col="full" label={t('指定党组织', 'Organizations')} name="orgIds" required>
            <Select mode="multiple" showSearch optionFilterProp="label" loading={all.isPending} options={pick(all)} />
          </Field>
        ) : (
          <>
            <Field col="half" label={t('组织层级', 'Level')} name="level">
              <Select options={opts(TARGET_LEVELS)} />
            </Field>
            <Field col="half" label={t('领域（不选为全部）', 'Field (all when empty)')} name="field">
              <Select allowClear options={opts(ORG_FIELDS)} />
            </Field>
          </>
        )}
      </Row>
    </EntityForm>
  );
}
