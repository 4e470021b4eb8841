/**
 * Record or change a dispatch (`/dispatches/new`, `/dispatches/:id/edit`): its kind (a work team member names its
 * team), the person and phone, the sending unit and its level, the organizations served (up to three here), the
 * dates, and — for a rotation — the dispatch it takes over (`?replaces=<id>`). Days present go on its page.
 */
import { Form, Input, Row, Select } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import {
  chinaToday,
  DISPATCH_KINDS,
  DISPATCH_STATUSES,
  DISPATCH_TEAM_ROLES,
  DISPATCH_UNIT_LEVELS,
  type DispatchDetailT,
  type DispatchItemT,
} from '@dangjian/contracts';
import { api, messageOf } from '../../../api/client';
import { useEnumOptions, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { DateField } from '../../../components/DateField';
import { EntityForm } from '../../../components/EntityForm';
import { Field } from '../../../components/form/Field';
import { LoadingCard } from '../../../components/form/recordPage';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { ErrorResult } from '../../../components/States';

interface Values {
  kind: keyof typeof DISPATCH_KINDS;
  teamRole?: keyof typeof DISPATCH_TEAM_ROLES | null;
  teamId?: number | null;
  personName: string;
  phone?: string;
  post?: string;
  sendingUnit: string;
  unitLevel: keyof typeof DISPATCH_UNIT_LEVELS;
  org1: number;
  org2?: number | null;
  org3?: number | null;
  startedOn: string;
  endsOn?: string | null;
  status?: keyof typeof DISPATCH_STATUSES;
  endedOn?: string | null;
  note?: string;
}

/** The form page (new or edit). */
export default function DispatchFormPage() {
  const t = useT();
  const id = Number(useParams().id) || null;
  const q = useQuery({
    queryKey: ['dispatch', id],
    queryFn: ({ signal }) => api.get<DispatchDetailT>(`/api/dispatches/${id}`, undefined, signal),
    enabled: !!id,
  });
  usePageCrumb(id ? t('修改', 'Edit') : t('登记派驻', 'Record a dispatch'));
  if (id && q.isPending) return <LoadingCard />;
  if (id && (q.error || !q.data)) return <ErrorResult error={q.error} onRetry={() => q.refetch()} />;
  return <DispatchForm record={q.data ?? null} />;
}

function DispatchForm({ record }: { record: DispatchDetailT | null }) {
  const t = useT();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [params] = useSearchParams();
  const replaces = Number(params.get('replaces')) || null;
  const replaced = useQuery({
    queryKey: ['dispatch', replaces],
    queryFn: ({ signal }) => api.get<DispatchDetailT>(`/api/dispatches/${replaces}`, undefined, signal),
    enabled: !!replaces && !record,
  });
  const teams = useQuery({
    queryKey: ['dispatches', 'teams'],
    queryFn: ({ signal }) =>
      api.get<{ items: DispatchItemT[] }>(
        '/api/dispatches',
        { kind: 'work_team', teamRole: 'leader', status: 'on_duty', pageSize: 100 },
        signal,
      ),
  });
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? record?.kind;
  const teamRole = Form.useWatch('teamRole', form) ?? record?.teamRole;
  const text = (s?: string) => (s?.trim() ? s.trim() : null);
  // An end before the start is refused here as the server refuses it (dispatches.dates), and the message goes as
  // soon as either date is put right (a refusal the server placed on a field without rules stayed until the save).
  const notBeforeStart = [
    {
      validator: (_: unknown, v?: string | null) => {
        const start = form.getFieldValue('startedOn') as string | undefined;
        return !v || !start || v >= start
          ? Promise.resolve()
          : Promise.reject(new Error(messageOf('dispatches.dates')));
      },
    },
  ];
  if (replaces && !record && replaced.isPending) return <LoadingCard />;
  const from = replaced.data;
  const initial: Partial<Values> = record
    ? {
        ...record,
        phone: undefined,
        post: record.post ?? undefined,
        note: record.note ?? undefined,
        org1: record.orgs[0]?.id ?? record.orgId,
        org2: record.orgs[1]?.id ?? null,
        org3: record.orgs[2]?.id ?? null,
      }
    : from
      ? {
          kind: from.kind,
          teamRole: from.teamRole,
          teamId: from.teamId,
          unitLevel: from.unitLevel,
          sendingUnit: from.sendingUnit,
          org1: from.orgs[0]?.id ?? from.orgId,
          org2: from.orgs[1]?.id ?? null,
          org3: from.orgs[2]?.id ?? null,
          startedOn: chinaToday(),
        }
      : { kind: 'first_secretary', unitLevel: 'county', startedOn: chinaToday() };
  const orgName = (i: number) => record?.orgs[i]?.name ?? from?.orgs[i]?.name;
  return (
    <EntityForm<Values, DispatchDetailT>
      title={
        record
          ? t('修改派驻信息', 'Edit the dispatch')
          : from
            ? t(`轮换：接替${from.personName}`, `Rotation: replacing ${from.personName}`)
            : t('登记派驻', 'Record a dispatch')
      }
      form={form}
      initialValues={initial}
      onSubmit={(v) => {
        const orgIds = [v.org1, v.org2, v.org3].filter((x): x is number => !!x);
        const common = {
          personName: v.personName.trim(),
          sendingUnit: v.sendingUnit.trim(),
          unitLevel: v.unitLevel,
          orgIds,
          startedOn: v.startedOn,
          endsOn: v.endsOn ?? null,
          post: text(v.post),
          note: text(v.note),
          ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
        };
        return record
          ? api.patch<DispatchDetailT>(`/api/dispatches/${record.id}`, {
              ...common,
              status: v.status,
              endedOn: v.status === 'on_duty' ? null : (v.endedOn ?? null),
            })
          : api.post<DispatchDetailT>('/api/dispatches', {
              ...common,
              kind: v.kind,
              teamRole: v.kind === 'work_team' ? (v.teamRole ?? null) : null,
              teamId: v.kind === 'work_team' && v.teamRole === 'member' ? (v.teamId ?? null) : null,
              replacesId: from?.id ?? null,
            });
      }}
      onSaved={(r) => {
        qc.invalidateQueries({ queryKey: ['dispatches'] });
        qc.invalidateQueries({ queryKey: ['dispatch'] });
        navigate(`/dispatches/${r.id}`);
      }}
      fieldOfCode={{
        'dispatches.team_required': 'teamId',
        'dispatches.team_unknown': 'teamId',
        'dispatches.dates': 'endsOn',
        'dispatches.org_not_place': 'org1',
        'residents.invalid_phone': 'phone',
      }}
      submitTestId="save-dispatch"
    >
      <Row gutter={16}>
        <Field col="third" label={t('派驻类型', 'Kind')} name="kind" required>
          <Select options={opts(DISPATCH_KINDS)} disabled={!!record || !!from} data-testid="dispatch-kind" />
        </Field>
        {kind === 'work_team' ? (
          <Field col="third" label={t('队内职务', 'Place in the team')} name="teamRole" required>
            <Select options={opts(DISPATCH_TEAM_ROLES)} disabled={!!record} />
          </Field>
        ) : null}
        {kind === 'work_team' && teamRole === 'member' ? (
          <Field col="third" label={t('所属工作队（队长）', 'Team (its leader)')} name="teamId" required>
            <Select
              showSearch
              optionFilterProp="label"
              options={(teams.data?.items ?? []).map((d) => ({
                value: d.id,
                label: `${d.personName}（${d.orgName}）`,
              }))}
              placeholder={t('选择工作队队长', 'Choose the team leader')}
              notFoundContent={t('没有在岗的工作队', 'No team on duty')}
            />
          </Field>
        ) : null}
        <Field col="third" label={t('姓名', 'Name')} name="personName" required whitespace max={40}>
          <Input data-testid="dispatch-name" />
        </Field>
        <Field
          col="third"
          label={
            record?.phone
              ? t(`手机号（现为 ${record.phone}，不改可不填）`, 'Phone (leave empty to keep)')
              : t('手机号', 'Phone')
          }
          name="phone"
          max={20}
        >
          <Input inputMode="tel" />
        </Field>
        <Field col="third" label={t('原单位职务', 'Post at the unit')} name="post" max={60}>
          <Input />
        </Field>
        <Field col="half" label={t('派出单位', 'Sending unit')} name="sendingUnit" required whitespace max={80}>
          <Input
            data-testid="dispatch-unit"
            placeholder={t('如：县农业农村局', 'E.g. the county agriculture bureau')}
          />
        </Field>
        <Field col="third" label={t('派出单位层级', 'Unit level')} name="unitLevel" required>
          <Select options={opts(DISPATCH_UNIT_LEVELS)} />
        </Field>
        <Field col="third" label={t('派驻村（社区）', 'Sent to')} name="org1" required>
          <OrgTreeSelect valueLabel={orgName(0)} ariaLabel={t('派驻村（社区）', 'Sent to')} />
        </Field>
        <Field col="third" label={t('另服务村（可选）', 'Also serves (optional)')} name="org2">
          <OrgTreeSelect valueLabel={orgName(1)} allowClear />
        </Field>
        <Field col="third" label={t('另服务村（可选）', 'Also serves (optional)')} name="org3">
          <OrgTreeSelect valueLabel={orgName(2)} allowClear />
        </Field>
        <Field col="third" label={t('派驻日期', 'Started on')} name="startedOn" required>
          <DateField />
        </Field>
        <Field
          col="third"
          label={t('期满日期', 'Ends on')}
          name="endsOn"
          dependencies={['startedOn']}
          rules={notBeforeStart}
        >
          <DateField />
        </Field>
        {record ? (
          <>
            <Field col="third" label={t('状态', 'Status')} name="status">
              <Select options={opts(DISPATCH_STATUSES)} />
            </Field>
            <Field
              col="third"
              label={t('离岗日期', 'Ended on')}
              name="endedOn"
              dependencies={['startedOn']}
              rules={notBeforeStart}
            >
              <DateField maxToday />
            </Field>
          </>
        ) : null}
        <Field col="full" label={t('备注', 'Note')} name="note" max={500}>
          <Input.TextArea rows={2} />
        </Field>
      </Row>
    </EntityForm>
  );
}
