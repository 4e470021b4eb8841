/**
 * A person of the committees, new (`/cadres/new`) or changed (`/cadres/:id/edit`): the village, optionally the
 * roster member this person is (then the name, gender and birth date come from the roster), the education, the
 * "four kinds", the phone (kept encrypted, shown masked) and a note. The posts are added on the person's page.
 */
import { Alert, Checkbox, Form, Input, Row, Select } from 'antd';
import { CADRE_EDUCATIONS, CADRE_KINDS, GENDERS } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useEnumOptions, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { DateField } from '../../../components/DateField';
import { EntityForm } from '../../../components/EntityForm';
import { Field } from '../../../components/form/Field';
import { OrgField, useHomeOrg } from '../../../components/form/OrgField';
import { useAfterSave, useEditedRecord } from '../../../components/form/recordPage';
import { MemberPicker } from '../../../components/form/SearchPicker';
import type { CadreDetail } from './cadreModel';

interface Values {
  orgId?: number;
  memberId?: number | null;
  name?: string;
  gender?: string;
  birthDate?: string;
  education?: string | null;
  kinds?: string[];
  phone?: string | null;
  note?: string | null;
}

/** The form page. */
export default function CadreFormPage() {
  const t = useT();
  const opts = useEnumOptions();
  const home = useHomeOrg();
  const afterSave = useAfterSave();
  const [form] = Form.useForm<Values>();
  const memberId = Form.useWatch('memberId', form);
  const orgId = Form.useWatch('orgId', form);
  const { editing, record, gate } = useEditedRecord<CadreDetail, Values>('cadre', '/api/cadres', form, (r) => ({
    memberId: r.memberId,
    name: r.name,
    gender: r.gender,
    birthDate: r.birthDate,
    education: r.education,
    kinds: r.kinds,
    note: r.note,
  }));
  const title = editing
    ? t(`编辑${record?.name ?? ''}`, `Edit ${record?.name ?? ''}`)
    : t('新增村两委成员', 'New committee person');
  // The record's segment is named by the person (`/cadres/5/edit`: 村两委成员 › 张三 › 编辑).
  usePageCrumb(editing ? record?.name : undefined, !!editing);
  if (gate) return gate;
  const linked = !!memberId;
  const text = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);
  return (
    <EntityForm<Values, CadreDetail>
      title={title}
      form={form}
      intro={
        <p className="dj-muted">
          {t(
            '一人一档：任职按届次记在此人名下（在此人页面添加职务）。关联党员花名册时，姓名、性别和出生日期以花名册为准。',
            'One record per person: the posts of each term are added on the person’s page. A person linked to the ' +
              'roster takes the name, gender and birth date from it.',
          )}
        </p>
      }
      initialValues={{ orgId: home.id, kinds: [] }}
      onSubmit={(v) => {
        const body = {
          memberId: v.memberId ?? null,
          ...(linked ? {} : { name: v.name?.trim(), gender: v.gender, birthDate: v.birthDate }),
          education: v.education ?? null,
          kinds: v.kinds ?? [],
          // Unchanged when left blank on an edit (the phone is never sent back to the page).
          ...(editing && !text(v.phone) ? {} : { phone: text(v.phone) }),
          note: text(v.note),
        };
        return editing
          ? api.patch<CadreDetail>(`/api/cadres/${editing}`, body)
          : api.post<CadreDetail>('/api/cadres', { ...body, orgId: v.orgId });
      }}
      onSaved={(r) => afterSave(['cadres', 'cadre'], `/cadres/${r.id}`, t('已保存', 'Saved'), !!editing)}
      fieldOfCode={{
        'cadres.not_village': 'orgId',
        'cadres.member_taken': 'memberId',
        'cadres.person_required': 'name',
        'cadres.invalid_phone': 'phone',
      }}
      submitTestId="save-cadre"
    >
      <Row gutter={16}>
        {editing ? null : (
          <OrgField
            col="half"
            label={t('所属村（社区）', 'Village or community')}
            required={t('请选择村（社区）党组织', 'Choose the village')}
            onPick={() => form.setFieldValue('memberId', null)}
          />
        )}
        <Field col="half" label={t('关联党员（可选）', 'Roster member (optional)')} name="memberId">
          <MemberPicker
            org={editing ? record?.orgId : orgId}
            initialLabel={record?.memberId ? record.name : null}
            placeholder={t('是党员的，输入姓名从花名册选择', 'A party member: choose from the roster')}
          />
        </Field>
        {linked ? (
          <Field col="full">
            <Alert
              type="info"
              showIcon
              title={t('姓名、性别和出生日期取自党员花名册', 'Name, gender and birth date come from the roster')}
            />
          </Field>
        ) : (
          <>
            <Field
              col="third"
              label={t('姓名', 'Name')}
              name="name"
              required={t('请输入姓名', 'Enter the name')}
              whitespace
              max={20}
            >
              <Input autoComplete="off" data-testid="cadre-name" />
            </Field>
            <Field col="third" label={t('性别', 'Gender')} name="gender" required={t('请选择性别', 'Choose')}>
              <Select options={opts(GENDERS)} data-testid="cadre-gender" />
            </Field>
            <Field
              col="third"
              label={t('出生日期', 'Birth date')}
              name="birthDate"
              required={t('请选择出生日期', 'Choose the birth date')}
            >
              <DateField maxToday />
            </Field>
          </>
        )}
        <Field col="third" label={t('学历', 'Education')} name="education">
          <Select allowClear options={opts(CADRE_EDUCATIONS)} data-testid="cadre-education" />
        </Field>
        <Field col="third" label={t('联系电话', 'Phone')} name="phone" max={20}>
          <Input
            autoComplete="off"
            inputMode="tel"
            placeholder={record?.phone ? t(`已存 ${record.phone}，不改则留空`, `Kept: ${record.phone}`) : undefined}
          />
        </Field>
        <Field col="full" label={t('“四类人员”', 'Four kinds')} name="kinds">
          <Checkbox.Group options={opts(CADRE_KINDS)} data-testid="cadre-kinds" />
        </Field>
        <Field col="full" label={t('备注', 'Note')} name="note" max={500}>
          <Input.TextArea rows={2} />
        </Field>
      </Row>
    </EntityForm>
  );
}
