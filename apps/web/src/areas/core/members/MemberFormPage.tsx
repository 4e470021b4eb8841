/** Create or edit a member; validates as you type (ID check digit, phone) and fills birth date and sex from the ID. */
import { useEffect } from 'react';
import { Card, Col, Form, Input, Radio, Row, Select, Skeleton } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useFeedback } from '../../../components/feedback';
import { useNavigate, useParams } from 'react-router';
import {
  EDUCATIONS,
  ETHNICITIES,
  GENDERS,
  MEMBER_CATEGORIES,
  MEMBER_STATUSES,
  type MemberCreateT,
} from '@dangjian/contracts';
import { api } from '../../../api/client';
import type { Member } from '../../../api/types';
import { useEnumOptions, useT } from '../../../app/i18n';
import { useScope } from '../../../app/scope';
import { useMe } from '../../../app/session';
import { usePageCrumb } from '../../../app/crumbs';
import { DateField } from '../../../components/DateField';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { ErrorResult } from '../../../components/States';
import { EntityForm } from '../../../components/EntityForm';
import { PHONE_PATTERN, parseIdNumber } from './idNumber';

/** The form's values: the contracts' create body (the ID number kept when left empty on an edit). */
type Values = Omit<MemberCreateT, 'idNumber' | 'phone'> & { idNumber?: string; phone?: string };

/** The member form (`/members/new`, `/members/:id/edit`). */
export default function MemberFormPage() {
  const t = useT();
  const opts = useEnumOptions();
  const { message } = useFeedback();
  const { id } = useParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { org } = useScope();
  const { data: me } = useMe();
  const [form] = Form.useForm<Values>();
  const editing = id ? Number(id) : null;
  const member = useQuery({
    queryKey: ['member', editing],
    queryFn: ({ signal }) => api.get<Member>(`/api/members/${editing}`, undefined, signal),
    enabled: !!editing,
  });
  usePageCrumb(editing ? member.data?.name : t('新增党员', 'New member'));

  useEffect(() => {
    const m = member.data;
    if (m) {
      form.setFieldsValue({
        orgId: m.orgId,
        name: m.name,
        gender: m.gender,
        birthDate: m.birthDate,
        phone: undefined,
        ethnicity: m.ethnicity,
        education: m.education,
        category: m.category,
        joinedAt: m.joinedAt,
        fullMemberAt: m.fullMemberAt,
        status: m.status,
      });
    }
  }, [member.data, form]);

  if (editing && member.isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (editing && member.error) return <ErrorResult error={member.error} />;

  const idMessages: Record<string, string> = {
    format: t('身份证号码应为18位数字（最后一位可以是X）', 'An ID number has 18 digits (the last may be X)'),
    region: t('地区码无效', 'Invalid region code'),
    birth: t('身份证号码中的出生日期无效', 'The birth date in the ID number is invalid'),
  };

  async function submit(v: Values): Promise<Member> {
    const body: Record<string, unknown> = {
      orgId: v.orgId,
      name: v.name.trim(),
      gender: v.gender,
      birthDate: v.birthDate,
      ethnicity: v.ethnicity ?? null,
      education: v.education ?? null,
      category: v.category ?? null,
      joinedAt: v.joinedAt,
      fullMemberAt: v.fullMemberAt ?? null,
      status: v.status,
    };
    if (v.idNumber) body.idNumber = v.idNumber.trim().toUpperCase();
    if (v.phone) body.phone = v.phone.trim();
    else if (!editing) body.phone = null;
    return editing ? api.patch<Member>(`/api/members/${editing}`, body) : api.post<Member>('/api/members', body);
  }

  function saved(m: Member) {
    message.success(t(`已保存「${m.name}」`, `"${m.name}" saved`));
    qc.invalidateQueries({ queryKey: ['members'] });
    qc.invalidateQueries({ queryKey: ['member'] });
    qc.invalidateQueries({ queryKey: ['stats'] });
    navigate(`/members/${m.id}`);
  }

  return (
    <EntityForm<Values, Member>
      title={
        editing
          ? t(`编辑党员：${member.data?.name ?? ''}`, `Edit member: ${member.data?.name ?? ''}`)
          : t('新增党员', 'New member')
      }
      form={form}
      onSubmit={submit}
      onSaved={saved}
      onCancel={() => navigate(-1)}
      submitTestId="save-member"
      initialValues={{ status: 'full', orgId: org?.id ?? me?.orgId ?? undefined, ethnicity: 'han' }}
      onValuesChange={(changed) => {
        if ('idNumber' in changed) {
          const info = parseIdNumber(String(changed.idNumber ?? ''));
          if (info.ok) form.setFieldsValue({ birthDate: info.birthDate, gender: info.gender });
        }
      }}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('所在组织', 'Organization')}
            name="orgId"
            rules={[{ required: true, message: t('请选择所在党组织', 'Choose the organization') }]}
          >
            <OrgTreeSelect valueLabel={member.data?.orgName ?? org?.name ?? me?.orgName ?? undefined} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('姓名', 'Name')}
            name="name"
            rules={[{ required: true, whitespace: true, message: t('请输入姓名', 'Enter the name') }, { max: 40 }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('身份证号码', 'ID number')}
            name="idNumber"
            extra={
              editing
                ? t(
                    `当前：${member.data?.idNumber ?? ''}；不修改请留空`,
                    `Now: ${member.data?.idNumber ?? ''}; leave empty to keep`,
                  )
                : t('出生日期和性别将根据身份证号码自动填写', 'Birth date and sex are filled in from the ID number')
            }
            validateFirst
            rules={[
              { required: !editing, message: t('请输入身份证号码', 'Enter the ID number') },
              {
                validator: (_, raw: string | undefined) => {
                  const v = (raw ?? '').trim();
                  if (!v) return Promise.resolve();
                  const info = parseIdNumber(v);
                  if (info.ok) return Promise.resolve();
                  if (info.problem === 'check')
                    return Promise.reject(
                      new Error(
                        t(
                          `校验位错误：最后一位应为 ${info.expectedCheck}`,
                          `Wrong check digit: the last character should be ${info.expectedCheck}`,
                        ),
                      ),
                    );
                  if (info.problem === 'format' && /^\d{0,17}$/.test(v))
                    return Promise.reject(
                      new Error(
                        t(
                          `身份证号码应为18位，已输入 ${v.length} 位`,
                          `An ID number has 18 characters; ${v.length} so far`,
                        ),
                      ),
                    );
                  return Promise.reject(new Error(idMessages[info.problem ?? 'format']));
                },
              },
            ]}
          >
            <Input
              maxLength={18}
              autoComplete="off"
              inputMode="text"
              style={{ fontFamily: 'monospace' }}
              data-testid="id-number"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            label={t('出生日期', 'Birth date')}
            name="birthDate"
            rules={[{ required: true, message: t('由身份证号码自动填写', 'Filled in from the ID number') }]}
          >
            <DateField disabled />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            label={t('性别', 'Sex')}
            name="gender"
            rules={[{ required: true, message: t('由身份证号码自动填写', 'Filled in from the ID number') }]}
          >
            <Radio.Group options={opts(GENDERS)} disabled />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('手机号码', 'Mobile phone')}
            name="phone"
            extra={
              editing && member.data?.phone
                ? t(`当前：${member.data.phone}；不修改请留空`, `Now: ${member.data.phone}; leave empty to keep`)
                : undefined
            }
            rules={[
              {
                pattern: PHONE_PATTERN,
                message: t(
                  '手机号码格式不正确（11位，以13–19开头）',
                  'Invalid mobile number (11 digits starting 13–19)',
                ),
              },
            ]}
          >
            <Input maxLength={11} inputMode="numeric" autoComplete="off" data-testid="phone" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('民族', 'Ethnicity')} name="ethnicity">
            <Select allowClear options={opts(ETHNICITIES)} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('学历', 'Education')} name="education">
            <Select allowClear options={opts(EDUCATIONS)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('人员类别', 'Category')} name="category">
            <Select allowClear options={opts(MEMBER_CATEGORIES)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('党员状态', 'Status')} name="status" rules={[{ required: true }]}>
            <Radio.Group options={opts(MEMBER_STATUSES)} optionType="button" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            label={t('入党时间', 'Date joined')}
            name="joinedAt"
            dependencies={['birthDate']}
            rules={[
              { required: true, message: t('请选择入党时间', 'Choose the date of joining') },
              ({ getFieldValue }) => ({
                validator: (_, v?: string) => {
                  const b = getFieldValue('birthDate') as string | undefined;
                  if (!v || !b) return Promise.resolve();
                  const adult = `${Number(b.slice(0, 4)) + 18}${b.slice(4)}`;
                  return v >= adult
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('入党时须年满18岁', 'Members join at 18 or older')));
                },
              }),
            ]}
          >
            <DateField maxToday />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            label={t('转正时间', 'Full member since')}
            name="fullMemberAt"
            dependencies={['joinedAt']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, v?: string | null) => {
                  const j = getFieldValue('joinedAt') as string | undefined;
                  return !v || !j || v > j
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('转正时间须晚于入党时间', 'Must be after the date of joining')));
                },
              }),
            ]}
          >
            <DateField maxToday />
          </Form.Item>
        </Col>
      </Row>
    </EntityForm>
  );
}
