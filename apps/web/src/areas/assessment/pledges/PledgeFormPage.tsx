/**
 * A pledge's form (`/pledges/new`, `/pledges/:id/edit`): a member drafts its own; staff draft a member's or their
 * organization's practical things for residents (为民办实事). The year and the due date within it; the category
 * from the contracts. A pledge changes only while a draft or returned.
 */
import { Form, Input, InputNumber, Row, Select } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { chinaToday, PLEDGE_CATEGORIES, PLEDGE_KINDS } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useEnumOptions, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { useMe } from '../../../app/session';
import { DateField } from '../../../components/DateField';
import { EntityForm } from '../../../components/EntityForm';
import { Field } from '../../../components/form/Field';
import { OrgField } from '../../../components/form/OrgField';
import { LoadingCard } from '../../../components/form/recordPage';
import { MemberPicker } from '../../../components/form/SearchPicker';
import { ErrorResult } from '../../../components/States';
import type { PledgeDetail } from './pledgeModel';

interface Values {
  kind: 'member' | 'org';
  orgId?: number;
  memberId?: number | null;
  year: number;
  category: string;
  title: string;
  content: string;
  dueOn: string;
}

/** The form page (new or edit). */
export default function PledgeFormPage() {
  const t = useT();
  const id = Number(useParams().id) || null;
  const q = useQuery({
    queryKey: ['pledge', id],
    queryFn: ({ signal }) => api.get<PledgeDetail>(`/api/pledges/${id}`, undefined, signal),
    enabled: !!id,
  });
  usePageCrumb(id ? t('修改承诺', 'Edit') : t('新建承诺', 'New pledge'));
  if (id && q.isPending) return <LoadingCard />;
  if (id && (q.error || !q.data)) return <ErrorResult error={q.error} onRetry={() => q.refetch()} />;
  return <PledgeForm record={q.data ?? null} />;
}

function PledgeForm({ record }: { record: PledgeDetail | null }) {
  const t = useT();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const [form] = Form.useForm<Values>();
  const staff = me?.role !== 'member';
  const kind = Form.useWatch('kind', form) ?? record?.kind ?? 'member';
  const year = Number(chinaToday().slice(0, 4));
  const initial: Partial<Values> = record
    ? { ...record, memberId: record.memberId }
    : { kind: 'member', year, category: staff ? 'practical' : 'post', dueOn: `${year}-12-31` };
  return (
    <EntityForm<Values, PledgeDetail>
      title={record ? t('修改承诺', 'Edit the pledge') : t('新建承诺', 'New pledge')}
      intro={
        <p className="dj-muted">
          {t(
            '定诺后由党支部审核（组织承诺由上级党组织审核），审核通过后公开晒诺，接受党员群众监督和评议。',
            'Once submitted, the branch reviews it (a higher organization reviews an organization’s pledge); ' +
              'it is then published for members and residents to follow and evaluate.',
          )}
        </p>
      }
      form={form}
      initialValues={initial}
      onSubmit={(v) => {
        const text = { category: v.category, title: v.title.trim(), content: v.content.trim(), dueOn: v.dueOn };
        if (record) return api.patch<PledgeDetail>(`/api/pledges/${record.id}`, text);
        return api.post<PledgeDetail>('/api/pledges', {
          ...text,
          kind: staff ? v.kind : 'member',
          year: v.year,
          orgId: staff && v.kind === 'org' ? v.orgId : undefined,
          memberId: staff && v.kind === 'member' ? (v.memberId ?? null) : undefined,
        });
      }}
      onSaved={(r) => {
        qc.invalidateQueries({ queryKey: ['pledges'] });
        qc.invalidateQueries({ queryKey: ['pledge', r.id] });
        navigate(`/pledges/${r.id}`);
      }}
      fieldOfCode={{
        'pledges.due_out_of_year': 'dueOn',
        'pledges.member_required': 'memberId',
        'pledges.member_not_in_org': 'orgId',
        'pledges.too_many': 'year',
      }}
      submitLabel={record ? t('保存', 'Save') : t('保存草稿', 'Save the draft')}
      submitTestId="save-pledge"
    >
      <Row gutter={16}>
        {staff && !record ? (
          <>
            <Field col="half" label={t('承诺类型', 'Kind')} name="kind" required>
              <Select options={opts(PLEDGE_KINDS)} data-testid="pledge-kind" />
            </Field>
            {kind === 'org' ? (
              <OrgField col="half" label={t('承诺党组织', 'Organization')} required={t('请选择党组织', 'Choose one')} />
            ) : (
              <Field
                col="half"
                label={t('承诺党员', 'Member')}
                name="memberId"
                required={t('请选择党员', 'Choose one')}
              >
                <MemberPicker />
              </Field>
            )}
          </>
        ) : null}
        <Field col="third" label={t('年度', 'Year')} name="year" required>
          <InputNumber min={2000} max={2100} disabled={!!record} style={{ width: '100%' }} />
        </Field>
        <Field col="third" label={t('类别', 'Category')} name="category" required>
          <Select options={opts(PLEDGE_CATEGORIES)} data-testid="pledge-category" />
        </Field>
        <Field col="third" label={t('完成时限', 'Due on')} name="dueOn" required>
          <DateField />
        </Field>
        <Field col="full" label={t('承诺事项', 'Pledge')} name="title" required whitespace max={60}>
          <Input
            placeholder={t('如：结对帮扶1户困难家庭', 'E.g. help one family in need')}
            data-testid="pledge-title"
          />
        </Field>
        <Field col="full" label={t('承诺内容', 'Content')} name="content" required whitespace max={2000}>
          <Input.TextArea rows={4} data-testid="pledge-content" />
        </Field>
      </Row>
    </EntityForm>
  );
}
