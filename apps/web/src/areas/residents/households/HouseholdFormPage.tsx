/**
 * Create or edit a household with its residents (`/households/new`, `/households/:id/edit`); ID numbers checked as you
 * type.
 */
import { useRef } from 'react';
import { Button, Form, Input, Row, Select, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { HOUSEHOLD_TAGS, RESIDENT_RELATIONS } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useEnumOptions, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { useFeedback } from '../../../components/feedback';
import { useHomeOrg } from '../../../components/form/OrgField';
import { VillageSelect, useHomeVillage } from '../common/VillageSelect';
import { EntityForm } from '../../../components/EntityForm';
import { Field, keepNote } from '../../../components/form/Field';
import { useAfterSave, useEditedRecord } from '../../../components/form/recordPage';
import { mobileRule, phoneRule, useIdNumberRule } from '../../../components/form/rules';
import type { HouseholdDetail } from '../common/model';
import { type ResidentRow, type Values, showResidentsError } from './householdFormParts';

/** The household form. */
export default function HouseholdFormPage() {
  const t = useT();
  const opts = useEnumOptions();
  const { message } = useFeedback();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const afterSave = useAfterSave();
  const home = useHomeOrg();
  const [form] = Form.useForm<Values>();
  // Where the last save's refusal goes among the resident rows (see save).
  const rowOfError = useRef<(field: string) => number>(() => -1);
  const idRule = useIdNumberRule();
  const mobile = mobileRule(t('手机号码格式不正确', 'Invalid mobile number'));
  // The household's contact may be a landline (区号-号码), the residents' own numbers are mobiles.
  const contact = phoneRule(
    t('请输入手机号码或座机号码（区号-号码，如 0571-88889999）', 'A mobile, or a landline such as 0571-88889999'),
    true,
  );
  const { editing, record, gate } = useEditedRecord<HouseholdDetail, Values>(
    'household',
    '/api/households',
    form,
    (h) => ({
      orgId: h.orgId,
      address: h.address,
      headName: h.headName,
      phone: undefined,
      tags: h.tags,
      note: h.note ?? undefined,
      residents: h.residents.map((r) => ({
        id: r.id,
        name: r.name,
        relation: r.relation,
        maskedId: r.idNumber,
        maskedPhone: r.phone,
      })),
    }),
  );
  usePageCrumb(
    editing
      ? record
        ? t(`${record.headName}户`, `${record.headName}'s household`)
        : null
      : t('新增户', 'New household'),
  );
  if (gate) return gate;

  useHomeVillage(home.id, editing != null, (id) => form.setFieldValue('orgId', id));

  /** Saves the household (and, when editing, its resident rows one by one); answers its id. */
  async function save(v: Values): Promise<number> {
    // All values, so the rows keep their ids (not fields of the form).
    const residents = ((form.getFieldsValue(true) as Values).residents ?? v.residents ?? []) as ResidentRow[];
    const clean = (r: ResidentRow) => ({
      name: r.name.trim(),
      relation: r.relation,
      ...(r.idNumber?.trim() ? { idNumber: r.idNumber.trim().toUpperCase() } : {}),
      ...(r.phone?.trim() ? { phone: r.phone.trim() } : {}),
    });
    const base = {
      orgId: v.orgId,
      address: v.address.trim(),
      headName: v.headName.trim(),
      tags: v.tags ?? [],
      note: v.note?.trim() || null,
      ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
    };
    let step = -1;
    try {
      if (!editing) {
        const saved = await api.post<HouseholdDetail>('/api/households', { ...base, residents: residents.map(clean) });
        message.success(t(`已保存「${saved.headName}」户`, `${saved.headName}'s household saved`));
        return saved.id;
      }
      await api.patch(`/api/households/${editing}`, base);
      // Residents are their own records: add the new rows, change the edited ones, remove the dropped ones.
      const before = record?.residents ?? [];
      const kept = new Set(residents.filter((r) => r.id).map((r) => r.id));
      for (const r of before) if (!kept.has(r.id)) await api.del(`/api/residents/${r.id}`);
      for (let i = 0; i < residents.length; i++) {
        step = i;
        const r = residents[i];
        if (!r.id) await api.post(`/api/households/${editing}/residents`, clean(r));
        else {
          const was = before.find((b) => b.id === r.id);
          if (
            !was ||
            was.name !== r.name.trim() ||
            was.relation !== r.relation ||
            r.idNumber?.trim() ||
            r.phone?.trim()
          )
            await api.patch(`/api/residents/${r.id}`, clean(r));
        }
      }
      message.success(t('已保存', 'Saved'));
      return editing;
    } catch (e) {
      // The row being saved (editing), or the only row that has the number (creating).
      const rowOf = (field: string) => {
        if (step >= 0) return step;
        const withIt = residents
          .map((r, i) => ((r as unknown as Record<string, string | undefined>)[field]?.trim() ? i : -1))
          .filter((i) => i >= 0);
        return withIt.length === 1 ? withIt[0] : -1;
      };
      rowOfError.current = rowOf;
      if (editing) qc.invalidateQueries({ queryKey: ['household', editing] });
      throw e;
    }
  }

  function done(savedId: number) {
    afterSave(['households', 'household', 'service-stats'], `/households/${savedId}`);
  }

  return (
    <EntityForm<Values, number>
      title={
        editing
          ? t(`编辑户：${record?.headName ?? ''}`, `Edit household: ${record?.headName ?? ''}`)
          : t('新增户', 'New household')
      }
      form={form}
      maxWidth={1000}
      onSubmit={save}
      onSaved={done}
      onCancel={() => navigate(-1)}
      submitTestId="save-household"
      showError={(f, e) => showResidentsError(f, e, rowOfError.current)}
      initialValues={{
        tags: [],
        residents: editing ? [] : [{ name: '', relation: 'head' }],
      }}
      onValuesChange={(changed: Partial<Values>) => {
        // The head's name fills the first resident row while it is still empty.
        if (!editing && 'headName' in changed) {
          const rows = form.getFieldValue('residents') as ResidentRow[];
          if (rows?.[0]?.relation === 'head' && !rows[0].id)
            form.setFieldValue(['residents', 0, 'name'], changed.headName);
        }
      }}
    >
      <Row gutter={16}>
        <Field
          col="half"
          label={t('所属村（社区）', 'Village or community')}
          name="orgId"
          required={t('请选择村（社区）', 'Choose the village or community')}
        >
          <VillageSelect current={record?.orgName} />
        </Field>
        <Field
          col="half"
          label={t('户主姓名', 'Head of household')}
          name="headName"
          required={t('请输入户主姓名', 'Enter the name of the head')}
          whitespace
          max={40}
        >
          <Input autoComplete="off" data-testid="head-name" />
        </Field>
        <Field
          col="full"
          label={t('住址', 'Address')}
          name="address"
          required={t('请输入住址', 'Enter the address')}
          whitespace
          max={200}
        >
          <Input autoComplete="off" placeholder={t('如：三组 12 号', 'e.g. Group 3, No. 12')} data-testid="address" />
        </Field>
        <Field
          col="half"
          label={t('联系电话', 'Phone')}
          name="phone"
          rules={[contact]}
          extra={keepNote(t, record?.phone)}
        >
          <Input inputMode="tel" autoComplete="off" placeholder={t('手机或座机', 'Mobile or landline')} />
        </Field>
        <Field
          col="half"
          label={t('户类标签', 'Tags')}
          name="tags"
          extra={t(
            '脱贫户、监测户、低保户、五保户计为困难户',
            'Lifted out of poverty, monitored, subsistence and five-guarantees households count as poor',
          )}
        >
          <Select mode="multiple" allowClear options={opts(HOUSEHOLD_TAGS)} data-testid="tags" />
        </Field>
        <Field col="full" label={t('备注', 'Note')} name="note" max={500}>
          <Input.TextArea rows={2} />
        </Field>
      </Row>
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {t('家庭成员', 'Residents')}
      </Typography.Title>
      <Form.List name="residents">
        {(fields, { add, remove }) => (
          <>
            <Table
              size="small"
              pagination={false}
              dataSource={fields}
              rowKey="key"
              data-testid="resident-rows"
              scroll={{ x: 820 }}
              locale={{ emptyText: t('尚未添加家庭成员', 'No resident yet') }}
              columns={[
                {
                  title: t('姓名', 'Name'),
                  width: 140,
                  render: (_, f) => (
                    <Field
                      name={[f.name, 'name']}
                      required={t('请输入姓名', 'Enter the name')}
                      whitespace
                      max={40}
                      what={t('姓名', 'Name')}
                      style={{ margin: 0 }}
                    >
                      <Input
                        aria-label={t(`第 ${f.name + 1} 人姓名`, `Resident ${f.name + 1}: name`)}
                        autoComplete="off"
                      />
                    </Field>
                  ),
                },
                {
                  title: t('与户主关系', 'Relation'),
                  width: 130,
                  render: (_, f) => (
                    <Field name={[f.name, 'relation']} required={t('请选择', 'Choose one')} style={{ margin: 0 }}>
                      <Select
                        aria-label={t(`第 ${f.name + 1} 人与户主关系`, `Resident ${f.name + 1}: relation`)}
                        options={opts(RESIDENT_RELATIONS)}
                      />
                    </Field>
                  ),
                },
                {
                  title: t('身份证号码', 'ID number'),
                  width: 250,
                  render: (_, f) => (
                    <Form.Item name={[f.name, 'idNumber']} rules={[idRule]} validateFirst style={{ margin: 0 }}>
                      <Input
                        autoComplete="off"
                        style={{ fontFamily: 'monospace' }}
                        aria-label={t(`第 ${f.name + 1} 人身份证号码`, `Resident ${f.name + 1}: ID number`)}
                        placeholder={
                          (form.getFieldValue(['residents', f.name, 'maskedId']) as string | null) ??
                          t('可空', 'optional')
                        }
                        data-testid="resident-id-number"
                      />
                    </Form.Item>
                  ),
                },
                {
                  title: t('手机号码', 'Phone'),
                  width: 170,
                  render: (_, f) => (
                    <Form.Item name={[f.name, 'phone']} rules={[mobile]} style={{ margin: 0 }}>
                      <Input
                        inputMode="numeric"
                        autoComplete="off"
                        aria-label={t(`第 ${f.name + 1} 人手机号码`, `Resident ${f.name + 1}: phone`)}
                        placeholder={
                          (form.getFieldValue(['residents', f.name, 'maskedPhone']) as string | null) ??
                          t('可空', 'optional')
                        }
                      />
                    </Form.Item>
                  ),
                },
                {
                  title: '',
                  width: 48,
                  render: (_, f) => (
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t(`删除第 ${f.name + 1} 人`, `Remove resident ${f.name + 1}`)}
                      onClick={() => remove(f.name)}
                    />
                  ),
                },
              ]}
            />
            <div style={{ marginTop: 8 }}>
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ name: '', relation: fields.length ? 'child' : 'head' })}
                data-testid="add-resident"
              >
                {t('添加家庭成员', 'Add a resident')}
              </Button>
            </div>
            {editing ? (
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 13 }}>
                {t(
                  '已登记的号码以遮蔽形式显示在输入框中，不修改请留空。',
                  'Numbers on file show masked as placeholders; leave empty to keep them.',
                )}
              </Typography.Paragraph>
            ) : null}
          </>
        )}
      </Form.List>
      <div style={{ height: 24 }} />
    </EntityForm>
  );
}
