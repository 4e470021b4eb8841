/** Record or change a county leader (`/contact-points/leaders/new`, `…/:id/edit`): name, post and order. */
import { Form, Input, InputNumber, Row } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import type { ContactLeaderItemT } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { EntityForm } from '../../../components/EntityForm';
import { Field } from '../../../components/form/Field';
import { LoadingCard } from '../../../components/form/recordPage';
import { ErrorResult } from '../../../components/States';

interface Values {
  name: string;
  post: string;
  sortOrder?: number;
}

/** The leader form page. */
export default function LeaderFormPage() {
  const t = useT();
  const id = Number(useParams().id) || null;
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const q = useQuery({
    queryKey: ['contact-leader', id],
    queryFn: ({ signal }) => api.get<ContactLeaderItemT>(`/api/contact-points/leaders/${id}`, undefined, signal),
    enabled: !!id,
  });
  usePageCrumb(id ? t('修改', 'Edit') : t('登记县级领导', 'Record a leader'));
  if (id && q.isPending) return <LoadingCard />;
  if (id && (q.error || !q.data)) return <ErrorResult error={q.error} onRetry={() => q.refetch()} />;
  const record = q.data ?? null;
  return (
    <EntityForm<Values, ContactLeaderItemT>
      title={record ? t('修改县级领导', 'Edit the leader') : t('登记县级领导', 'Record a leader')}
      form={form}
      initialValues={record ?? { sortOrder: 0 }}
      onSubmit={(v) => {
        const body = { name: v.name.trim(), post: v.post.trim(), sortOrder: v.sortOrder ?? 0 };
        return record
          ? api.patch<ContactLeaderItemT>(`/api/contact-points/leaders/${record.id}`, body)
          : api.post<ContactLeaderItemT>('/api/contact-points/leaders', body);
      }}
      onSaved={(r) => {
        qc.invalidateQueries({ queryKey: ['contact-leaders'] });
        qc.invalidateQueries({ queryKey: ['contact-leader'] });
        navigate(`/contact-points/leaders/${r.id}`);
      }}
      fieldOfCode={{}}
      submitTestId="save-contact-leader"
    >
      <Row gutter={16}>
        <Field col="third" label={t('领导姓名', 'Name')} name="name" required whitespace max={40}>
          <Input data-testid="leader-name" />
        </Field>
        <Field col="third" label={t('职务', 'Post')} name="post" required whitespace max={80}>
          <Input
            data-testid="leader-post"
            placeholder={t('如：县委常委、组织部长', 'E.g. standing committee member')}
          />
        </Field>
        <Field col="third" label={t('排序', 'Order')} name="sortOrder">
          <InputNumber min={0} max={999} precision={0} />
        </Field>
      </Row>
    </EntityForm>
  );
}
