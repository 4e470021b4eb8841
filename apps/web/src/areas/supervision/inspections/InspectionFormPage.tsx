/**
 * Plan an inspection (`/inspections/new`): the issuing committee (the county or a township), its kind, planned or
 * unannounced (an unannounced one stays hidden from the visited organizations until it is completed), the dates,
 * the team (one leader), the checklist (the kind's topics to start with) and the organizations to visit.
 */
import { Button, Checkbox, Col, Form, Input, Radio, Row, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import {
  chinaToday,
  INSPECTION_CHECKLISTS,
  INSPECTION_KINDS,
  INSPECTION_TOPICS,
  type InspectionKind,
  type InspectionTopic,
  INSPECTION_TEAM_MAX,
} from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useEnumOptions, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { useMe } from '../../../app/session';
import { DateField } from '../../../components/DateField';
import { EntityForm } from '../../../components/EntityForm';
import { Field } from '../../../components/form/Field';
import { OrgField, useHomeOrg } from '../../../components/form/OrgField';
import type { InspectionDetail } from './inspectionModel';
import { OrgsPicker } from './OrgsPicker';

interface TeamRow {
  name: string;
  title?: string;
  leader?: boolean;
}
interface Values {
  orgId: number;
  kind: InspectionKind;
  unannounced: boolean;
  title: string;
  startsOn: string;
  endsOn: string;
  team: TeamRow[];
  checklist: InspectionTopic[];
  note?: string;
  visitOrgIds: number[];
}

/** The form of a new inspection. */
export default function InspectionFormPage() {
  const t = useT();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const home = useHomeOrg();
  const { data: me } = useMe();
  const [form] = Form.useForm<Values>();
  usePageCrumb(t('制定督查计划', 'Plan an inspection'));
  const today = chinaToday();
  return (
    <EntityForm<Values, InspectionDetail>
      title={t('制定督查计划', 'Plan an inspection')}
      intro={
        <p className="dj-muted">
          {t(
            '每个被检查单位记录检查清单的结果；发现的问题自动转为整改问题，交责任组织整改。',
            'Each visited organization gets its checklist results; every finding becomes a problem to rectify.',
          )}
        </p>
      }
      form={form}
      initialValues={{
        orgId: home.id,
        kind: 'quarterly',
        unannounced: false,
        startsOn: today,
        endsOn: today,
        team: [{ name: me?.displayName ?? '', title: '', leader: true }],
        checklist: [...INSPECTION_CHECKLISTS.quarterly],
        visitOrgIds: [],
      }}
      onValuesChange={(changed) => {
        // A new kind starts from its own checklist; an unannounced visit is unannounced.
        if (changed.kind) {
          form.setFieldValue('checklist', [...INSPECTION_CHECKLISTS[changed.kind]]);
          if (changed.kind === 'unannounced') form.setFieldValue('unannounced', true);
        }
      }}
      onSubmit={(v) =>
        api.post<InspectionDetail>('/api/inspections', {
          orgId: v.orgId,
          kind: v.kind,
          unannounced: v.unannounced,
          title: v.title.trim(),
          startsOn: v.startsOn,
          endsOn: v.endsOn,
          team: v.team.map((m) => ({ name: m.name.trim(), title: (m.title ?? '').trim(), leader: !!m.leader })),
          checklist: v.checklist,
          note: v.note?.trim() ? v.note.trim() : null,
          visitOrgIds: v.visitOrgIds,
        })
      }
      onSaved={(r) => {
        qc.invalidateQueries({ queryKey: ['inspections'] });
        navigate(`/inspections/${r.id}`);
      }}
      fieldOfCode={{
        'inspections.issuer_not_committee': 'orgId',
        'inspections.invalid_dates': 'endsOn',
        'inspections.team_leader': 'team',
        'inspections.team_user': 'team',
        'inspections.visit_outside': 'visitOrgIds',
        'inspections.visit_taken': 'visitOrgIds',
      }}
      submitLabel={t('保存督查计划', 'Save the plan')}
      submitTestId="save-inspection"
    >
      <Row gutter={16}>
        <OrgField
          col="half"
          label={t('组织单位', 'Issued by')}
          required={t('请选择组织督查的党委', 'Choose the issuing committee')}
        />
        <Field col="quarter" label={t('督查类型', 'Kind')} name="kind" required>
          <Select options={opts(INSPECTION_KINDS)} data-testid="inspection-kind" />
        </Field>
        <Field col="quarter" label={t('方式', 'Manner')} name="unannounced">
          <Radio.Group
            optionType="button"
            options={[
              { value: false, label: t('计划', 'Planned') },
              { value: true, label: t('暗访', 'Unannounced') },
            ]}
          />
        </Field>
        <Field
          col="half"
          label={t('督查名称', 'Title')}
          name="title"
          required={t('请填写督查名称', 'Enter the title')}
          whitespace
          max={80}
        >
          <Input placeholder={t('如：2026年第四季度党建督查', 'E.g. Q4 2026 inspection')} data-testid="title" />
        </Field>
        <Field col="quarter" label={t('开始日期', 'Starts on')} name="startsOn" required>
          <DateField />
        </Field>
        <Field col="quarter" label={t('结束日期', 'Ends on')} name="endsOn" required>
          <DateField />
        </Field>
        <Col xs={24}>
          <Form.Item
            label={t('督查组成员（一名组长）', 'Team (one leader)')}
            name="team"
            required
            rules={[
              {
                validator: (_: unknown, v: TeamRow[] = []) =>
                  v.some((m) => !m.name?.trim())
                    ? Promise.reject(new Error(t('请填写每位组员的姓名', "Enter every member's name")))
                    : v.filter((m) => m.leader).length !== 1
                      ? Promise.reject(new Error(t('请指定一名组长', 'Mark one leader')))
                      : Promise.resolve(),
              },
            ]}
          >
            <TeamRows />
          </Form.Item>
        </Col>
        <Field
          col="full"
          label={t('检查清单', 'Checklist')}
          name="checklist"
          required={t('请至少选择一个检查项目', 'Choose at least one topic')}
        >
          <Checkbox.Group options={opts(INSPECTION_TOPICS)} />
        </Field>
        <Field col="full" label={t('被检查单位', 'Organizations to visit')} name="visitOrgIds">
          <OrgsPicker />
        </Field>
        <Field col="full" label={t('备注', 'Note')} name="note" max={1000}>
          <Input.TextArea rows={2} />
        </Field>
      </Row>
    </EntityForm>
  );
}

/** The team as rows of name, title and a leader mark (the value of the `team` field). */
function TeamRows({ value = [], onChange }: { value?: TeamRow[]; onChange?: (v: TeamRow[]) => void }) {
  const t = useT();
  const set = (i: number, patch: Partial<TeamRow>) =>
    onChange?.(value.map((r, j) => (j === i ? { ...r, ...patch } : patch.leader ? { ...r, leader: false } : r)));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="team">
      {value.map((r, i) => (
        <Space key={i} wrap>
          <Input
            aria-label={t(`第${i + 1}位组员姓名`, `Name of member ${i + 1}`)}
            placeholder={t('姓名', 'Name')}
            value={r.name}
            maxLength={40}
            onChange={(e) => set(i, { name: e.target.value })}
            style={{ width: 140 }}
          />
          <Input
            aria-label={t(`第${i + 1}位组员职务`, `Title of member ${i + 1}`)}
            placeholder={t('职务', 'Title')}
            value={r.title}
            maxLength={60}
            onChange={(e) => set(i, { title: e.target.value })}
            style={{ width: 220 }}
          />
          <Checkbox checked={!!r.leader} onChange={(e) => set(i, { leader: e.target.checked })}>
            {t('组长', 'Leader')}
          </Checkbox>
          <Button
            icon={<DeleteOutlined />}
            aria-label={t('移除该组员', 'Remove this member')}
            disabled={value.length <= 1}
            onClick={() => onChange?.(value.filter((_, j) => j !== i))}
          />
        </Space>
      ))}
      {value.length < INSPECTION_TEAM_MAX ? (
        <Button icon={<PlusOutlined />} onClick={() => onChange?.([...value, { name: '', title: '', leader: false }])}>
          {t('添加组员', 'Add a member')}
        </Button>
      ) : null}
    </Space>
  );
}
