/**
 * Record or edit a meeting (`/meetings/new?org=&kind=`, `/meetings/:id/edit`): only the kinds the org holds, planned
 * at most 60 days ahead (to open its sign-in), 24-hour times.
 */
import { useEffect, useMemo } from 'react';
import { Alert, Form, Input, Row, Select } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { addDays, LECTURER_ROLES, MEETING_KIND_LABELS, type MeetingCreateT, ORG_TYPES } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useEnumOptions, useLabel, useT } from '../../../app/i18n';
import { useScope } from '../../../app/scope';
import { useMe } from '../../../app/session';
import { usePageCrumb } from '../../../app/crumbs';
import { DateField } from '../../../components/DateField';
import { TimeField } from '../../../components/TimeField';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { EntityForm } from '../../../components/EntityForm';
import { useAfterSave, useEditedRecord } from '../../../components/form/recordPage';
import { chinaNow, type Meeting } from './model';
import { useOrg, useRules, useRuleText, useTiming } from './parts';
import { MemberPicker } from '../../../components/form/SearchPicker';
import { Field } from '../../../components/form/Field';
import { laterThan } from '../../../components/form/rules';

/** The form's values: the contracts' create body without the record's parts kept on the meeting page. */
type Values = Omit<MeetingCreateT, 'attendance' | 'motions' | 'reviews'>;

/** The meeting form. */
export default function MeetingFormPage() {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const ruleText = useRuleText();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const afterSave = useAfterSave();
  const { org: scopeOrg } = useScope();
  const { data: me } = useMe();
  const [form] = Form.useForm<Values>();
  const { editing, record, gate } = useEditedRecord<Meeting, Values>('meeting', '/api/meetings', form, (m) => ({
    orgId: m.orgId,
    kind: m.kind,
    topic: m.topic,
    heldOn: m.heldOn,
    startTime: m.startTime,
    endTime: m.endTime,
    place: m.place ?? undefined,
    hostName: m.hostName ?? undefined,
    recorderName: m.recorderName ?? undefined,
    lecturerMemberId: m.lecturerMemberId,
    lecturerRole: m.lecturerRole as Values['lecturerRole'],
    minutes: m.minutes ?? undefined,
    decisions: m.decisions ?? undefined,
  }));
  usePageCrumb(editing ? record?.topic : t('录入会议', 'Record a meeting'));

  const today = chinaNow().date;
  const { planAheadDays } = useTiming();
  const prefillOrg = Number(params.get('org')) || scopeOrg?.id || me?.orgId || undefined;
  const prefillKind =
    params.get('kind') && params.get('kind')! in MEETING_KIND_LABELS
      ? (params.get('kind') as Values['kind'])
      : undefined;
  const orgId = Form.useWatch('orgId', form) as number | undefined;
  const kind = Form.useWatch('kind', form) as string | undefined;
  const heldOn = Form.useWatch('heldOn', form) as string | undefined;
  const org = useOrg(orgId ?? (editing ? undefined : prefillOrg));
  const rules = useRules(Number((heldOn ?? today).slice(0, 4)));

  // The kinds the chosen organization holds (by `appliesTo` of the rules in force).
  const kindOptions = useMemo(() => {
    const type = org.data?.type;
    if (!type || !rules.data) return [];
    return rules.data.rules
      .filter((r) => r.appliesTo.includes(type))
      .map((r) => ({
        value: r.kind,
        label: r.rule
          ? lbl(MEETING_KIND_LABELS, r.kind)
          : `${lbl(MEETING_KIND_LABELS, r.kind)}${t('（本年度不作要求）', ' (not required this year)')}`,
      }));
  }, [org.data?.type, rules.data, lbl, t]);
  const ruleOfKind = rules.data?.rules.find((r) => r.kind === kind);

  // Once the org's type is known, check the kind again (a changed org may not hold it).
  useEffect(() => {
    if (org.data && rules.data && form.getFieldValue('kind')) void form.validateFields(['kind']).catch(() => {});
  }, [org.data, rules.data, form]);

  if (gate) return gate;

  async function submit(v: Values): Promise<Meeting> {
    const text = (s?: string | null) => (s && s.trim() ? s.trim() : null);
    const body: Record<string, unknown> = {
      topic: v.topic.trim(),
      heldOn: v.heldOn,
      startTime: v.startTime,
      endTime: v.endTime || null,
      place: text(v.place),
      hostName: text(v.hostName),
      recorderName: text(v.recorderName),
      minutes: text(v.minutes),
      decisions: text(v.decisions),
    };
    if (v.kind === 'party_lecture') {
      body.lecturerMemberId = v.lecturerMemberId ?? null;
      body.lecturerRole = v.lecturerRole ?? null;
    }
    if (editing) return api.patch<Meeting>(`/api/meetings/${editing}`, body);
    for (const k of Object.keys(body)) if (body[k] === null) delete body[k];
    return api.post<Meeting>('/api/meetings', { orgId: v.orgId, kind: v.kind, ...body });
  }

  function saved(m: Meeting) {
    const keys = ['meetings', 'meeting', 'compliance', 'meeting-stats'];
    afterSave(keys, `/meetings/${m.id}`, t(`已保存「${m.topic}」`, `"${m.topic}" saved`), !!editing);
  }

  const orgTypeName = org.data ? lbl(ORG_TYPES, org.data.type) : '';
  return (
    <EntityForm<Values, Meeting>
      title={
        editing
          ? t(`编辑会议记录：${record?.topic ?? ''}`, `Edit meeting: ${record?.topic ?? ''}`)
          : t('录入会议', 'Record a meeting')
      }
      form={form}
      onSubmit={submit}
      onSaved={saved}
      onCancel={() => navigate(-1)}
      submitTestId="save-meeting"
      maxWidth={900}
      initialValues={editing ? undefined : { orgId: prefillOrg, kind: prefillKind, heldOn: today }}
      onValuesChange={(changed) => {
        if ('orgId' in changed) form.setFieldsValue({ lecturerMemberId: null });
      }}
    >
      <Row gutter={16}>
        <Field
          col="half"
          label={t('党组织', 'Organization')}
          name="orgId"
          required={t('请选择召开会议的党组织', 'Choose the organization')}
          extra={editing ? t('已录入的会议不能更换组织', 'A recorded meeting stays with its organization') : undefined}
        >
          <OrgTreeSelect
            disabled={!!editing}
            valueLabel={
              record?.orgName ??
              org.data?.name ??
              (prefillOrg === me?.orgId ? (me?.orgName ?? undefined) : scopeOrg?.name)
            }
          />
        </Field>
        <Field
          col="half"
          label={t('会议类型', 'Kind')}
          name="kind"
          dependencies={['orgId']}
          extra={
            ruleOfKind
              ? t(`制度要求：${ruleText(ruleOfKind.rule)}`, `Rule: ${ruleText(ruleOfKind.rule)}`)
              : editing
                ? undefined
                : t('按所选组织的类型列出', 'Listed by the type of the organization')
          }
          required={t('请选择会议类型', 'Choose the kind')}
          rules={[
            {
              validator: (_, v?: string) => {
                if (!v || editing || !org.data || !rules.data) return Promise.resolve();
                return kindOptions.some((o) => o.value === v)
                  ? Promise.resolve()
                  : Promise.reject(
                      new Error(
                        t(
                          `${orgTypeName}不召开「${lbl(MEETING_KIND_LABELS, v)}」`,
                          `A ${orgTypeName.toLowerCase()} does not hold a ` + lbl(MEETING_KIND_LABELS, v).toLowerCase(),
                        ),
                      ),
                    );
              },
            },
          ]}
        >
          <Select
            disabled={!!editing}
            options={
              editing && record ? [{ value: record.kind, label: lbl(MEETING_KIND_LABELS, record.kind) }] : kindOptions
            }
            placeholder={
              org.data ? t('选择会议类型', 'Choose the kind') : t('请先选择组织', 'Choose the organization first')
            }
            loading={org.isFetching || rules.isPending}
            data-testid="kind"
          />
        </Field>
        <Field
          col="full"
          label={t('会议议题', 'Topic')}
          name="topic"
          required={t('请输入会议议题', 'Enter the topic')}
          whitespace
          max={200}
        >
          <Input autoComplete="off" data-testid="topic" />
        </Field>
        <Field
          col="third"
          label={t('召开日期', 'Date')}
          name="heldOn"
          required={t('请选择召开日期', 'Choose the date')}
          rules={[
            {
              validator: (_, v?: string) =>
                !v || v <= addDays(chinaNow().date, planAheadDays)
                  ? Promise.resolve()
                  : Promise.reject(
                      new Error(
                        t(
                          `召开日期最多只能提前${planAheadDays}天安排`,
                          `A meeting can be planned at most ${planAheadDays} days ahead`,
                        ),
                      ),
                    ),
            },
          ]}
        >
          <DateField maxDay={addDays(today, planAheadDays)} />
        </Field>
        <Field
          col="third-pair"
          label={t('开始时间', 'Starts')}
          name="startTime"
          required={t('请选择开始时间', 'Choose the start time')}
        >
          <TimeField />
        </Field>
        <Field
          col="third-pair"
          label={t('结束时间', 'Ends')}
          name="endTime"
          dependencies={['startTime']}
          rules={[laterThan('startTime', t('结束时间须晚于开始时间', 'Must be after the start'))]}
        >
          <TimeField allowClear />
        </Field>
        <Field col="third" label={t('地点', 'Place')} name="place" max={200}>
          <Input />
        </Field>
        <Field col="third-pair" label={t('主持人', 'Host')} name="hostName" max={40}>
          <Input />
        </Field>
        <Field col="third-pair" label={t('记录人', 'Recorder')} name="recorderName" max={40}>
          <Input />
        </Field>
        {kind === 'party_lecture' ? (
          <>
            <Field col="half" label={t('授课人', 'Lecturer')} name="lecturerMemberId">
              <MemberPicker org={orgId} initialLabel={record?.lecturerName} needsOrg />
            </Field>
            <Field
              col="half"
              label={t('授课人身份', 'Lecturer is')}
              name="lecturerRole"
              extra={t('书记讲党课计入「书记讲党课」统计', 'Lectures by secretaries are counted in the figures')}
            >
              <Select allowClear options={opts(LECTURER_ROLES)} placeholder={t('选择身份', 'Choose')} />
            </Field>
          </>
        ) : null}
        <Field
          col="full"
          label={t('会议记录', 'Minutes')}
          name="minutes"
          max={20000}
          extra={t('没有会议记录的会议将标为「纪实不完整」', 'A meeting without minutes is flagged as incomplete')}
        >
          <Input.TextArea rows={6} data-testid="minutes" />
        </Field>
        <Field col="full" label={t('决定事项', 'Decisions')} name="decisions" max={5000}>
          <Input.TextArea rows={3} />
        </Field>
      </Row>
      {!editing ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t(
            '保存后在会议详情中登记出席情况、开启签到、上传照片。',
            'After saving, mark attendance, open sign-in and add photos on the meeting page.',
          )}
        />
      ) : null}
    </EntityForm>
  );
}
