/** Create or edit an organization: name, type, field, term, secretary and committee. */
import { useEffect, useState } from 'react';
import { Button, Form, Input, Row, Select, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { ORG_FIELDS, ORG_TYPES, type OrgCreateT } from '@dangjian/contracts';
import { api } from '../../../api/client';
import type { ListAnswer, Member, Org } from '../../../api/types';
import { useEnumOptions, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { DateField } from '../../../components/DateField';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { EntityForm } from '../../../components/EntityForm';
import { Field } from '../../../components/form/Field';
import { useAfterSave, useEditedRecord } from '../../../components/form/recordPage';

/** The form's values: the contracts' create body (the parent only when creating). */
type Values = Omit<OrgCreateT, 'parentId'> & { parentId?: number };

/** The organization form (`/orgs/new?parent=`, `/orgs/:id/edit`). */
export default function OrgFormPage() {
  const t = useT();
  const opts = useEnumOptions();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const afterSave = useAfterSave();
  const [form] = Form.useForm<Values>();
  // Villages, communities and townships are places: their place name (大岭村) is what residents' lists show.
  const field = Form.useWatch('field', form);
  const place = field === 'rural' || field === 'community';
  const {
    editing,
    query: org,
    gate,
  } = useEditedRecord<Org, Values>('org', '/api/orgs', form, (o) => ({
    name: o.name,
    type: o.type,
    field: o.field,
    placeName: o.placeName ?? undefined,
    termStart: o.termStart,
    termEnd: o.termEnd,
    secretaryMemberId: o.secretary?.memberId ?? null,
    committee: o.committee.map((c) => ({ name: c.name, position: c.position })),
  }));
  const parentId = params.get('parent') ? Number(params.get('parent')) : undefined;
  const parent = useQuery({
    queryKey: ['org', parentId],
    queryFn: ({ signal }) => api.get<Org>(`/api/orgs/${parentId}`, undefined, signal),
    enabled: !!parentId && !editing,
  });
  const [memberQ, setMemberQ] = useState('');
  const members = useQuery({
    queryKey: ['members', 'secretary-pick', editing, memberQ],
    queryFn: ({ signal }) =>
      api.get<ListAnswer<Member>>('/api/members', { org: editing!, q: memberQ || undefined, pageSize: 30 }, signal),
    enabled: !!editing,
  });
  usePageCrumb(editing ? org.data?.name : t('新增组织', 'New organization'));

  useEffect(() => {
    if (parent.data) form.setFieldsValue({ parentId: parent.data.id, field: parent.data.field });
  }, [parent.data, form]);

  if (gate) return gate;

  async function submit(v: Values): Promise<Org> {
    const body: Record<string, unknown> = {
      name: v.name.trim(),
      type: v.type,
      field: v.field ?? null,
      termStart: v.termStart ?? null,
      termEnd: v.termEnd ?? null,
      committee: (v.committee ?? []).filter((c) => c?.name && c?.position),
    };
    if (place) body.placeName = v.placeName?.trim() || null;
    // Only a changed secretary is sent (the server re-checks that the member belongs to the org).
    const before = org.data?.secretary?.memberId ?? null;
    if (editing && (v.secretaryMemberId ?? null) !== before) body.secretaryMemberId = v.secretaryMemberId ?? null;
    return editing
      ? api.patch<Org>(`/api/orgs/${editing}`, body)
      : api.post<Org>('/api/orgs', { ...body, parentId: v.parentId });
  }

  function saved(o: Org) {
    afterSave(['org', 'orgs', 'org-children'], `/orgs/${o.id}`, t('已保存', 'Saved'));
  }

  const secretaryOptions = (members.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }));
  if (org.data?.secretary && !secretaryOptions.some((o) => o.value === org.data!.secretary!.memberId)) {
    secretaryOptions.unshift({ value: org.data.secretary.memberId, label: org.data.secretary.name });
  }

  return (
    <EntityForm<Values, Org>
      title={
        editing
          ? t(`编辑组织：${org.data?.name ?? ''}`, `Edit organization: ${org.data?.name ?? ''}`)
          : t('新增组织', 'New organization')
      }
      form={form}
      onSubmit={submit}
      onSaved={saved}
      onCancel={() => navigate(-1)}
      maxWidth={820}
    >
      <Row gutter={16}>
        {!editing ? (
          <Field
            col="full"
            label={t('上级组织', 'Parent organization')}
            name="parentId"
            required={t('请选择上级组织', 'Choose the parent')}
          >
            <OrgTreeSelect valueLabel={parent.data?.name} />
          </Field>
        ) : null}
        <Field
          col="half"
          label={t('组织名称', 'Name')}
          name="name"
          required={t('请输入名称', 'Enter the name')}
          whitespace
          max={80}
        >
          <Input />
        </Field>
        <Field col="quarter" label={t('组织类型', 'Type')} name="type" required={t('请选择类型', 'Choose the type')}>
          <Select options={opts(ORG_TYPES)} />
        </Field>
        <Field col="quarter" label={t('领域', 'Field')} name="field">
          <Select allowClear options={opts(ORG_FIELDS)} />
        </Field>
        {place ? (
          <Field
            col="full"
            label={t('村（社区）名称', 'Place name')}
            name="placeName"
            max={40}
            extra={t(
              '村、社区或乡镇的地名，如“大岭村”；住户、联户组、结对等列表显示此名称。留空则由组织名称生成（下属支部不填）。',
              'The village, community or township as a place, e.g. 大岭村; residents’ lists show it. ' +
                'Left empty it comes from the name (sub-branches have none).',
            )}
          >
            <Input placeholder={t('如：大岭村', 'e.g. 大岭村')} />
          </Field>
        ) : null}
        <Field col="quarter" label={t('届期开始', 'Term start')} name="termStart">
          <DateField />
        </Field>
        <Field
          col="quarter"
          label={t('届期结束', 'Term end')}
          name="termEnd"
          dependencies={['termStart']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, v) => {
                const s = getFieldValue('termStart');
                return !v || !s || v > s
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('届期结束日期必须晚于开始日期', 'The term must end after it starts')));
              },
            }),
          ]}
        >
          <DateField />
        </Field>
        {editing ? (
          <Field
            col="half"
            label={t('书记', 'Secretary')}
            name="secretaryMemberId"
            extra={t('须为本组织党员', 'Must be a member of this organization')}
          >
            <Select
              allowClear
              showSearch={{ filterOption: false, onSearch: setMemberQ }}
              loading={members.isFetching}
              options={secretaryOptions}
              notFoundContent={t('没有匹配的党员', 'No matching member')}
            />
          </Field>
        ) : null}
      </Row>
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {t('班子成员', 'Committee')}
      </Typography.Title>
      <Form.List name="committee">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Space key={f.key} align="baseline" wrap>
                <Field
                  name={[f.name, 'position']}
                  label={t(`职务 ${i + 1}`, `Position ${i + 1}`)}
                  required={t('请输入职务', 'Enter the position')}
                  max={40}
                >
                  <Input placeholder={t('如：组织委员', 'e.g. organization member')} />
                </Field>
                <Field
                  name={[f.name, 'name']}
                  label={t(`姓名 ${i + 1}`, `Name ${i + 1}`)}
                  required={t('请输入姓名', 'Enter the name')}
                  max={40}
                >
                  <Input />
                </Field>
                <Button
                  type="text"
                  aria-label={t('删除此行', 'Remove this row')}
                  icon={<MinusCircleOutlined />}
                  onClick={() => remove(f.name)}
                />
              </Space>
            ))}
            <Form.Item>
              <Button type="dashed" onClick={() => add({ position: '', name: '' })} icon={<PlusOutlined />}>
                {t('添加班子成员', 'Add a committee seat')}
              </Button>
            </Form.Item>
          </>
        )}
      </Form.List>
    </EntityForm>
  );
}
