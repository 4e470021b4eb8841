/**
 * Create or edit a household group (`/household-groups/new`, `/household-groups/:id/edit`): leader, and the households
 * picked in its village.
 */
import { useState } from 'react';
import { Alert, Button, Col, Form, Input, Radio, Row, Table, Tag, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { GROUP_LEADER_KINDS } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useEnumOptions, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { useHomeOrg } from '../../../components/form/OrgField';
import { VillageSelect, useHomeVillage } from '../common/VillageSelect';
import { EntityForm } from '../../../components/EntityForm';
import { mobileRule } from '../../../components/form/rules';
import { HouseholdSelect, HouseholdTags, MemberSelect, useResidentsRules } from '../common/ResidentsParts';
import type { HouseholdGroup, HouseholdGroupDetail } from '../common/model';
import { Field, keepNote } from '../../../components/form/Field';
import { useAfterSave, useEditedRecord } from '../../../components/form/recordPage';

type Picked = HouseholdGroupDetail['households'][number];

interface Values {
  orgId: number;
  name: string;
  leaderKind: string;
  leaderName: string;
  leaderMemberId?: number | null;
  leaderPhone?: string;
}

/** The group form. */
export default function GroupFormPage() {
  const t = useT();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const afterSave = useAfterSave();
  const home = useHomeOrg();
  const [form] = Form.useForm<Values>();
  const [picked, setPicked] = useState<Picked[]>([]);
  const { editing, record, gate } = useEditedRecord<HouseholdGroupDetail, Values>(
    'household-group',
    '/api/household-groups',
    form,
    (d) => {
      setPicked(d.households);
      return {
        orgId: d.orgId,
        name: d.name,
        leaderKind: d.leaderKind,
        leaderName: d.leaderName,
        leaderMemberId: d.leaderMemberId,
        leaderPhone: undefined,
      };
    },
  );
  useHomeVillage(home.id, editing != null, (id) => form.setFieldValue('orgId', id));
  const orgId = Form.useWatch('orgId', form);
  const leaderKind = Form.useWatch('leaderKind', form);
  const rules = useResidentsRules().data?.rules;
  usePageCrumb(editing ? record?.name : t('新建联户组', 'New group'));

  if (gate) return gate;

  const poor = picked.filter((h) => h.isPoor).length;
  const sizeOk = !rules || (picked.length >= rules.groupSizeMin && picked.length <= rules.groupSizeMax);
  const poorOk = !rules || (poor >= rules.groupPoorMin && poor <= rules.groupPoorMax);

  /** Saves the group with the households picked. */
  function save(v: Values) {
    const body = {
      orgId: v.orgId,
      name: v.name.trim(),
      leaderKind: v.leaderKind,
      leaderName: v.leaderName.trim(),
      leaderMemberId: v.leaderKind === 'member' ? (v.leaderMemberId ?? null) : null,
      ...(v.leaderPhone?.trim() ? { leaderPhone: v.leaderPhone.trim() } : {}),
      householdIds: picked.map((h) => h.id),
    };
    return editing
      ? api.patch<HouseholdGroup>(`/api/household-groups/${editing}`, body)
      : api.post<HouseholdGroup>('/api/household-groups', body);
  }

  function saved(group: HouseholdGroup) {
    const keys = ['household-groups', 'household-group', 'households', 'household', 'group-coverage', 'service-stats'];
    afterSave(keys, `/household-groups/${group.id}`, t(`已保存「${group.name}」`, `"${group.name}" saved`));
  }

  return (
    <EntityForm<Values, HouseholdGroup>
      title={
        editing
          ? t(`编辑联户组：${record?.name ?? ''}`, `Edit group: ${record?.name ?? ''}`)
          : t('新建联户组', 'New household group')
      }
      intro={
        <p className="dj-muted" style={{ marginTop: 0 }}>
          {rules
            ? t(
                `三带五联：由党员、能人或富户带领，每组 ${rules.groupSizeMin}–${rules.groupSizeMax} ` +
                  `户，其中困难户 ${rules.groupPoorMin}–${rules.groupPoorMax} 户。`,
                `Led by a member, a capable person or a well-off farmer; ` +
                  `${rules.groupSizeMin}–${rules.groupSizeMax} households each, ` +
                  `${rules.groupPoorMin}–${rules.groupPoorMax} of them poor.`,
              )
            : null}
        </p>
      }
      form={form}
      maxWidth={1000}
      onSubmit={save}
      onSaved={saved}
      onCancel={() => navigate(-1)}
      submitTestId="save-group"
      initialValues={{ leaderKind: 'member' }}
    >
      <Row gutter={16}>
        <Field
          col="half"
          label={t('所属村（社区）', 'Village or community')}
          name="orgId"
          required={t('请选择村（社区）', 'Choose the village or community')}
        >
          <VillageSelect
            current={record?.orgName}
            onChange={(v) => {
              form.setFieldValue('orgId', v);
              // Households belong to one village: a new village starts a new pick.
              if (v !== orgId) setPicked([]);
            }}
          />
        </Field>
        <Field
          col="half"
          label={t('组名', 'Group name')}
          name="name"
          required={t('请输入组名', 'Enter a name')}
          whitespace
          max={60}
        >
          <Input placeholder={t('如：三组第2联户组', 'e.g. Group 3, unit 2')} data-testid="group-name" />
        </Field>
        <Field col="half" label={t('联户长类型', 'Led by')} name="leaderKind" required>
          <Radio.Group options={opts(GROUP_LEADER_KINDS)} optionType="button" />
        </Field>
        {leaderKind === 'member' ? (
          <Field
            col="half"
            label={t('联户长（党员）', 'Leader (member)')}
            name="leaderMemberId"
            required={t('请选择党员', 'Choose a member')}
          >
            <MemberSelect
              valueLabel={record?.leaderName}
              onChange={(mid, m) =>
                form.setFieldsValue({
                  leaderMemberId: mid,
                  leaderName: m?.name ?? form.getFieldValue('leaderName'),
                })
              }
            />
          </Field>
        ) : null}
        <Col xs={24} md={12} style={leaderKind === 'member' ? { display: 'none' } : undefined}>
          <Field
            label={t('联户长姓名', 'Leader name')}
            name="leaderName"
            required={t('请输入联户长姓名', 'Enter the leader')}
            whitespace
            max={40}
          >
            <Input data-testid="leader-name" />
          </Field>
        </Col>
        <Field
          col="half"
          label={t('联户长电话', 'Leader phone')}
          name="leaderPhone"
          rules={[mobileRule(t('手机号码格式不正确', 'Invalid mobile number'))]}
          extra={keepNote(t, record?.leaderPhone)}
        >
          <Input inputMode="numeric" />
        </Field>
      </Row>
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {t('成员户', 'Households')}{' '}
        <Tag color={sizeOk ? 'green' : 'orange'}>{t(`${picked.length} 户`, `${picked.length} households`)}</Tag>
        <Tag color={poorOk ? 'green' : 'orange'}>{t(`困难户 ${poor}`, `${poor} poor`)}</Tag>
      </Typography.Title>
      {orgId ? (
        <div style={{ maxWidth: 560, marginBottom: 12 }}>
          <HouseholdSelect
            key={orgId}
            org={orgId}
            grouped={false}
            ariaLabel={t('添加成员户', 'Add a household')}
            excludeIds={picked.map((h) => h.id)}
            value={null}
            onChange={(_, h) =>
              h &&
              setPicked((prev) =>
                prev.some((p) => p.id === h.id)
                  ? prev
                  : [
                      ...prev,
                      {
                        id: h.id,
                        address: h.address,
                        headName: h.headName,
                        tags: h.tags,
                        isPoor: h.isPoor,
                        people: h.people,
                      },
                    ],
              )
            }
          />
          <div className="dj-muted" style={{ fontSize: 13, marginTop: 4 }}>
            {t('只列出本村（社区）尚未入组的户。', 'Only households of this village not yet in a group are listed.')}
          </div>
        </div>
      ) : (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('先选择村（社区），再挑选成员户。', 'Choose the village first, then pick its households.')}
        />
      )}
      {picked.length && !(sizeOk && poorOk) && rules ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t(
            `按规定每组 ${rules.groupSizeMin}–${rules.groupSizeMax} 户、含困难户 ${rules.groupPoorMin}–${rules.groupPoorMax} 户。`,
            `The rule: ${rules.groupSizeMin}–${rules.groupSizeMax} households, ` +
              `${rules.groupPoorMin}–${rules.groupPoorMax} of them poor.`,
          )}
        />
      ) : null}
      <Table<Picked>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={picked}
        data-testid="group-households"
        locale={{ emptyText: t('尚未选择成员户', 'No household picked') }}
        columns={[
          {
            title: t('户主', 'Head'),
            dataIndex: 'headName',
            width: 100,
            render: (v: string, h) => (
              <Link to={`/households/${h.id}`} target="_blank">
                {v}
              </Link>
            ),
          },
          { title: t('住址', 'Address'), dataIndex: 'address' },
          { title: t('户类', 'Tags'), dataIndex: 'tags', render: (v: string[]) => <HouseholdTags tags={v} /> },
          { title: t('人口', 'People'), dataIndex: 'people', width: 60, align: 'right' },
          {
            title: '',
            width: 48,
            render: (_, h) => (
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t(`移出 ${h.headName}户`, `Remove ${h.headName}'s household`)}
                onClick={() => setPicked((prev) => prev.filter((p) => p.id !== h.id))}
              />
            ),
          },
        ]}
      />
      <div style={{ height: 24 }} />
    </EntityForm>
  );
}
