/**
 * Add a contact point (`/contact-points/new?leader=<id>`): the leader, the organization, whether it is guided
 * (联系点) or a weak one taken on (包抓 — linked to its weak-organization record where there is one), and since when.
 */
import { Form, Input, Row, Select } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import {
  CONTACT_POINT_KINDS,
  chinaToday,
  type ContactLeaderItemT,
  type ContactPointDetailT,
} from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useEnumOptions, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { DateField } from '../../../components/DateField';
import { EntityForm } from '../../../components/EntityForm';
import { Field } from '../../../components/form/Field';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';

interface Values {
  leaderId: number;
  orgId: number;
  kind: keyof typeof CONTACT_POINT_KINDS;
  since: string;
  note?: string;
}

/** The contact point form page. */
export default function PointFormPage() {
  const t = useT();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const leaders = useQuery({
    queryKey: ['contact-leaders', 'all'],
    queryFn: ({ signal }) =>
      api.get<{ items: ContactLeaderItemT[] }>('/api/contact-points/leaders', { pageSize: 200 }, signal),
  });
  usePageCrumb(t('确定联系点', 'Add a contact point'));
  return (
    <EntityForm<Values, ContactPointDetailT>
      title={t('确定联系点', 'Add a contact point')}
      form={form}
      initialValues={{ leaderId: Number(params.get('leader')) || undefined, kind: 'guide', since: chinaToday() }}
      onSubmit={(v) =>
        api.post<ContactPointDetailT>('/api/contact-points', {
          leaderId: v.leaderId,
          orgId: v.orgId,
          kind: v.kind,
          since: v.since,
          note: v.note?.trim() || null,
        })
      }
      onSaved={(r) => {
        qc.invalidateQueries({ queryKey: ['contact-leaders'] });
        qc.invalidateQueries({ queryKey: ['contact-leader'] });
        navigate(`/contact-points/${r.id}`);
      }}
      fieldOfCode={{ 'contactPoints.duplicate': 'orgId', 'contactPoints.leader_unknown': 'leaderId' }}
      submitTestId="save-contact-point"
    >
      <Row gutter={16}>
        <Field col="third" label={t('县级领导', 'Leader')} name="leaderId" required>
          <Select
            showSearch
            optionFilterProp="label"
            data-testid="point-leader"
            options={(leaders.data?.items ?? []).map((l) => ({ value: l.id, label: `${l.name}（${l.post}）` }))}
          />
        </Field>
        <Field col="third" label={t('联系的党组织', 'Organization')} name="orgId" required>
          <OrgTreeSelect ariaLabel={t('联系的党组织', 'Organization')} />
        </Field>
        <Field col="third" label={t('联系类型', 'Kind')} name="kind" required>
          <Select options={opts(CONTACT_POINT_KINDS)} />
        </Field>
        <Field col="third" label={t('确定联系日期', 'Since')} name="since" required>
          <DateField maxToday />
        </Field>
        <Field col="full" label={t('备注', 'Note')} name="note" max={300}>
          <Input.TextArea rows={2} />
        </Field>
      </Row>
    </EntityForm>
  );
}
