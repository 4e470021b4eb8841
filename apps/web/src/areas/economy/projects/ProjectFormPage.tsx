/**
 * The township or county records an industry project (`/economy/projects/new`) or changes one
 * (`/economy/projects/:id/edit`): the lead village, partner villages of its own scope, the industry, the models
 * (several may apply), the cooperatives, the start year and the status (a stopped one with its reason and year).
 */
import { Button, Checkbox, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { PROJECT_INDUSTRIES, PROJECT_MODELS, PROJECT_STATUSES } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useEnumOptions, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { EntityForm } from '../../../components/EntityForm';
import { Field } from '../../../components/form/Field';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import type { ProjectDetail } from './projectsModel';

interface Values {
  orgId: number;
  name: string;
  industry: string;
  industryText?: string;
  models: string[];
  partnerOrgIds?: (number | null)[];
  cooperatives?: { name: string; members: number }[];
  startYear: number;
  status: string;
  stopReason?: string;
  stoppedYear?: number;
  note?: string;
}

const THIS_YEAR = new Date().getFullYear();

/** The project form (new or edit). */
export default function ProjectFormPage() {
  const t = useT();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const id = Number(useParams().id) || null;
  const [form] = Form.useForm<Values>();
  const status = Form.useWatch('status', form);
  const industry = Form.useWatch('industry', form);
  const title = id ? t('修改产业项目', 'Change the project') : t('登记产业项目', 'Record a project');
  usePageCrumb(title);
  const q = useQuery({
    queryKey: ['project', id],
    queryFn: () => api.get<ProjectDetail>(`/api/economy/projects/${id}`),
    enabled: !!id,
  });
  if (id && !q.data) return null;
  const p = q.data;
  const initial: Partial<Values> = p
    ? {
        orgId: p.orgId,
        name: p.name,
        industry: p.industry,
        industryText: p.industryText ?? undefined,
        models: p.models,
        partnerOrgIds: p.partners.map((x) => x.orgId),
        cooperatives: p.cooperatives,
        startYear: p.startYear,
        status: p.status,
        stopReason: p.stopReason ?? undefined,
        stoppedYear: p.stoppedYear ?? undefined,
        note: p.note ?? undefined,
      }
    : { models: [], cooperatives: [], partnerOrgIds: [], startYear: THIS_YEAR, status: 'building' };
  return (
    <EntityForm<Values, ProjectDetail>
      title={title}
      form={form}
      intro={
        <p className="dj-muted">
          {t(
            '由村（社区）党组织牵头领办的产业项目：可联建本乡镇其他村；资金投入、联结农户和收益按年度在项目详情中登记。',
            'A project led by a village organization, with partner villages; funds, households and income are ' +
              'recorded by year on the project page.',
          )}
        </p>
      }
      initialValues={initial}
      onSubmit={(v) => {
        const body = {
          name: v.name.trim(),
          industry: v.industry,
          industryText: v.industry === 'other' ? v.industryText?.trim() || null : null,
          models: v.models,
          partnerOrgIds: (v.partnerOrgIds ?? []).filter((x): x is number => !!x),
          cooperatives: (v.cooperatives ?? [])
            .filter((c) => c?.name?.trim())
            .map((c) => ({ ...c, members: c.members ?? 0 })),
          startYear: v.startYear,
          status: v.status,
          stopReason: v.status === 'stopped' ? v.stopReason?.trim() || null : null,
          stoppedYear: v.status === 'stopped' ? (v.stoppedYear ?? null) : null,
          note: v.note?.trim() || null,
        };
        return id
          ? api.patch<ProjectDetail>(`/api/economy/projects/${id}`, body)
          : api.post<ProjectDetail>('/api/economy/projects', { orgId: v.orgId, ...body });
      }}
      onSaved={(r) => {
        qc.invalidateQueries({ queryKey: ['economy/projects'] });
        qc.invalidateQueries({ queryKey: ['project'] });
        navigate(`/economy/projects/${r.id}`);
      }}
      onCancel={() => navigate(id ? `/economy/projects/${id}` : '/economy/projects')}
      fieldOfCode={{
        'projects.not_village': 'orgId',
        'projects.partner_is_lead': 'partnerOrgIds',
        'projects.other_needs_text': 'industryText',
        'projects.stop_reason_required': 'stopReason',
        'projects.year_range': 'startYear',
      }}
      submitLabel={id ? t('保存', 'Save') : t('登记', 'Record')}
      submitTestId="save-project"
    >
      <Row gutter={16}>
        <Field
          col="half"
          label={t('牵头村党组织', 'Lead organization')}
          name="orgId"
          required={t('请选择牵头村', 'Choose the lead village')}
        >
          <OrgTreeSelect disabled={!!id} valueLabel={p?.orgName} ariaLabel={t('牵头村党组织', 'Lead organization')} />
        </Field>
        <Field col="half" label={t('项目名称', 'Project')} name="name" required whitespace max={60}>
          <Input data-testid="project-name" placeholder={t('如：白茶种植基地', 'E.g. a white tea base')} />
        </Field>
        <Field
          col="half"
          label={t('产业类别', 'Industry')}
          name="industry"
          required={t('请选择产业类别', 'Choose the industry')}
        >
          <Select options={opts(PROJECT_INDUSTRIES)} data-testid="project-industry" />
        </Field>
        {industry === 'other' ? (
          <Field col="half" label={t('产业说明', 'Industry in words')} name="industryText" required whitespace max={40}>
            <Input />
          </Field>
        ) : null}
        <Field
          col="full"
          label={t('党支部+模式', 'Models')}
          name="models"
          rules={[{ type: 'array', min: 1, message: t('请至少选择一种模式', 'Choose at least one model') }]}
        >
          <Checkbox.Group options={opts(PROJECT_MODELS)} data-testid="project-models" />
        </Field>
        <Field col="half" label={t('起始年度', 'Start year')} name="startYear" required>
          <InputNumber min={2000} max={THIS_YEAR + 1} style={{ width: '100%' }} data-testid="project-start" />
        </Field>
        <Field col="half" label={t('项目状态', 'Status')} name="status" required>
          <Select options={opts(PROJECT_STATUSES)} data-testid="project-status" />
        </Field>
        {status === 'stopped' ? (
          <>
            <Field col="half" label={t('停办年度', 'Year stopped')} name="stoppedYear" required>
              <InputNumber min={2000} max={THIS_YEAR} style={{ width: '100%' }} />
            </Field>
            <Field col="full" label={t('停办原因', 'Why stopped')} name="stopReason" required whitespace max={300}>
              <Input.TextArea rows={2} />
            </Field>
          </>
        ) : null}
      </Row>
      <Form.List name="partnerOrgIds">
        {(fields, { add, remove }) => (
          <Form.Item label={t('联建村', 'Partner villages')}>
            <Space orientation="vertical" style={{ width: '100%' }}>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={f.name} noStyle>
                    <OrgTreeSelect
                      valueLabel={p?.partners[f.name]?.orgName}
                      ariaLabel={t('联建村', 'Partner village')}
                      style={{ width: 280 }}
                    />
                  </Form.Item>
                  <MinusCircleOutlined aria-label={t('移除', 'Remove')} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add(null)} disabled={fields.length >= 20}>
                {t('添加联建村', 'Add a partner village')}
              </Button>
            </Space>
          </Form.Item>
        )}
      </Form.List>
      <Form.List name="cooperatives">
        {(fields, { add, remove }) => (
          <Form.Item label={t('专业合作社', 'Cooperatives')}>
            <Space orientation="vertical" style={{ width: '100%' }}>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item
                    name={[f.name, 'name']}
                    rules={[
                      { required: true, whitespace: true, message: t('请填写合作社名称', 'Name the cooperative') },
                    ]}
                    noStyle
                  >
                    <Input
                      placeholder={t('合作社名称', 'Cooperative')}
                      count={{ show: true, max: 60 }}
                      style={{ width: 300 }}
                      aria-label={t('合作社名称', 'Cooperative')}
                      data-testid="coop-name"
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'members']} noStyle>
                    <InputNumber
                      min={0}
                      max={100000}
                      placeholder={t('社员人数', 'Members')}
                      aria-label={t('社员人数', 'Members')}
                      style={{ width: 130 }}
                      data-testid="coop-members"
                    />
                  </Form.Item>
                  <MinusCircleOutlined aria-label={t('移除', 'Remove')} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ name: '', members: 0 })}
                disabled={fields.length >= 20}
                data-testid="add-coop"
              >
                {t('添加合作社', 'Add a cooperative')}
              </Button>
            </Space>
          </Form.Item>
        )}
      </Form.List>
      <Field col="full" label={t('项目简介', 'About')} name="note" max={1000}>
        <Input.TextArea rows={3} />
      </Field>
    </EntityForm>
  );
}
