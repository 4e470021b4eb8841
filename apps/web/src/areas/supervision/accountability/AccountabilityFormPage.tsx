/**
 * Record or change an accountability record (`/accountability/new`, `/accountability/:id/edit`): its kind (a
 * punishment names its sort), the target — an organization, or a person (a member, or a name and post) counted
 * under an organization — the problem or inspection it came from, the reason and the date. Files are added on the
 * record's page.
 */
import { Form, Input, Radio, Row, Select } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ACCOUNTABILITY_KINDS, ACCOUNTABILITY_TARGETS, chinaToday } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useEnumOptions, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { DateField } from '../../../components/DateField';
import { EntityForm } from '../../../components/EntityForm';
import { Field } from '../../../components/form/Field';
import { OrgField } from '../../../components/form/OrgField';
import { MemberPicker, SearchPicker } from '../../../components/form/SearchPicker';
import { LoadingCard } from '../../../components/form/recordPage';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { ErrorResult } from '../../../components/States';
import type { InspectionItem } from '../inspections/inspectionModel';
import type { ProblemItem } from '../problems/problemModel';
import type { AccountabilityItem } from './accountabilityModel';

interface Values {
  kind: keyof typeof ACCOUNTABILITY_KINDS;
  subKind?: string;
  targetKind: keyof typeof ACCOUNTABILITY_TARGETS;
  targetOrgId?: number | null;
  who?: 'member' | 'name';
  memberId?: number | null;
  personName?: string;
  personPost?: string;
  orgId?: number | null;
  problemId?: number | null;
  inspectionId?: number | null;
  reason: string;
  decidedOn: string;
}

/** The form page (new or edit). */
export default function AccountabilityFormPage() {
  const t = useT();
  const id = Number(useParams().id) || null;
  const q = useQuery({
    queryKey: ['accountability-record', id],
    queryFn: ({ signal }) => api.get<AccountabilityItem>(`/api/accountability/${id}`, undefined, signal),
    enabled: !!id,
  });
  usePageCrumb(id ? t('修改', 'Edit') : t('登记问责', 'Record accountability'));
  if (id && q.isPending) return <LoadingCard />;
  if (id && (q.error || !q.data)) return <ErrorResult error={q.error} onRetry={() => q.refetch()} />;
  return <AccountabilityForm record={q.data ?? null} />;
}

function AccountabilityForm({ record }: { record: AccountabilityItem | null }) {
  const t = useT();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const targetKind = Form.useWatch('targetKind', form) ?? record?.targetKind ?? 'org';
  const who = Form.useWatch('who', form) ?? 'member';
  const text = (s?: string) => (s?.trim() ? s.trim() : null);
  const fromProblem = Number(params.get('problem')) || null;
  const linked = record?.problemId ?? fromProblem;
  const initial: Partial<Values> = record
    ? {
        ...record,
        subKind: record.subKind ?? undefined,
        who: record.memberId ? 'member' : 'name',
        personName: record.personName ?? undefined,
        personPost: record.personPost ?? undefined,
      }
    : { kind: 'reminder', targetKind: 'org', who: 'member', decidedOn: chinaToday(), problemId: fromProblem };
  return (
    <EntityForm<Values, AccountabilityItem>
      title={record ? t('修改问责记录', 'Edit the record') : t('登记问责', 'Record accountability')}
      intro={
        <p className="dj-muted">
          {t(
            '问责记录仅县委和乡镇（街道）党委可见；个人姓名属于个人信息，不在支部和公开页面显示。',
            'Only the county and townships see these records; names of persons appear on no branch or public page.',
          )}
        </p>
      }
      form={form}
      initialValues={initial}
      onSubmit={(v) => {
        const person = v.targetKind === 'person';
        const body = {
          kind: v.kind,
          subKind: v.kind === 'punishment' ? text(v.subKind) : null,
          targetOrgId: person ? null : (v.targetOrgId ?? null),
          memberId: person && v.who === 'member' ? (v.memberId ?? null) : null,
          personName: person && v.who === 'name' ? text(v.personName) : null,
          personPost: person ? text(v.personPost) : null,
          orgId: person ? (v.orgId ?? null) : null,
          problemId: v.problemId ?? null,
          inspectionId: v.inspectionId ?? null,
          reason: v.reason.trim(),
          decidedOn: v.decidedOn,
        };
        return record
          ? api.patch<AccountabilityItem>(`/api/accountability/${record.id}`, body)
          : api.post<AccountabilityItem>('/api/accountability', { ...body, targetKind: v.targetKind });
      }}
      onSaved={(r) => {
        qc.invalidateQueries({ queryKey: ['accountability'] });
        qc.invalidateQueries({ queryKey: ['accountability-record', r.id] });
        navigate(`/accountability/${r.id}`);
      }}
      fieldOfCode={{}}
      submitTestId="save-accountability"
    >
      <Row gutter={16}>
        <Field col="third" label={t('问责方式', 'Kind')} name="kind" required>
          <Select options={opts(ACCOUNTABILITY_KINDS)} data-testid="accountability-kind" />
        </Field>
        {kind === 'punishment' ? (
          <Field
            col="third"
            label={t('处分种类', 'Kind of punishment')}
            name="subKind"
            required={t('请填写处分种类', 'Name the punishment')}
            whitespace
            max={40}
          >
            <Input placeholder={t('如：警告、严重警告', 'E.g. a warning')} />
          </Field>
        ) : null}
        <Field col="third" label={t('问责日期', 'Decided on')} name="decidedOn" required>
          <DateField maxToday />
        </Field>
        <Field col="full" label={t('问责对象', 'Target')} name="targetKind">
          <Radio.Group optionType="button" options={opts(ACCOUNTABILITY_TARGETS)} disabled={!!record} />
        </Field>
        {targetKind === 'org' ? (
          <Field
            col="half"
            label={t('被问责单位', 'Organization held to account')}
            name="targetOrgId"
            required={t('请选择单位', 'Choose the organization')}
          >
            <OrgTreeSelect valueLabel={record?.targetOrgName ?? undefined} />
          </Field>
        ) : (
          <>
            <Field col="half" label={t('登记方式', 'The person')} name="who">
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'member', label: t('选择党员', 'A member') },
                  { value: 'name', label: t('填写姓名', 'By name') },
                ]}
              />
            </Field>
            {who === 'member' ? (
              <Field
                col="half"
                label={t('被问责人', 'Person')}
                name="memberId"
                required={t('请选择党员', 'Choose the member')}
              >
                <MemberPicker initialLabel={record?.personName} />
              </Field>
            ) : (
              <Field
                col="half"
                label={t('被问责人姓名', 'Name')}
                name="personName"
                required={t('请填写姓名', 'Enter the name')}
                whitespace
                max={40}
              >
                <Input />
              </Field>
            )}
            <Field col="half" label={t('职务', 'Post')} name="personPost" max={60}>
              <Input placeholder={t('如：某村党支部书记', 'E.g. secretary of a village branch')} />
            </Field>
            <OrgField
              col="half"
              label={t('所属组织（选择党员时可不填）', 'Counted under (the member’s own by default)')}
              current={record?.orgName}
            />
          </>
        )}
        <Field col="half" label={t('关联整改问题（可选）', 'Linked problem (optional)')} name="problemId">
          <SearchPicker<ProblemItem>
            path="/api/problems"
            queryKey="problems"
            label={(p) => `${p.title}（${p.orgName}）`}
            initial={linked ? { value: linked, label: t('已关联的问题', 'The linked problem') } : undefined}
            placeholder={t('输入问题标题查找', 'Type a title to find the problem')}
            notFound={() => t('没有匹配的问题', 'No matching problem')}
            ready={() => true}
          />
        </Field>
        <Field col="half" label={t('关联督查检查（可选）', 'Linked inspection (optional)')} name="inspectionId">
          <SearchPicker<InspectionItem>
            path="/api/inspections"
            queryKey="inspections"
            label={(i) => i.title}
            initial={
              record?.inspectionId
                ? { value: record.inspectionId, label: record.inspectionTitle ?? t('已关联的督查', 'The inspection') }
                : undefined
            }
            placeholder={t('输入督查名称查找', 'Type a title to find the inspection')}
            notFound={() => t('没有匹配的督查', 'No matching inspection')}
            ready={() => true}
          />
        </Field>
        <Field
          col="full"
          label={t('问责事由', 'Reason')}
          name="reason"
          required={t('请填写问责事由', 'Enter the reason')}
          whitespace
          max={1000}
        >
          <Input.TextArea rows={4} data-testid="accountability-reason" />
        </Field>
      </Row>
    </EntityForm>
  );
}
