/** A post (`/posts/:id`): its duties, who holds it and held it; the branch gives a member the post or ends it. */
import { useState } from 'react';
import { Button, Card, Descriptions, Form, Input, Select, Table } from 'antd';
import { useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { POST_KINDS, type PostDetailT, type PostHolderT, type UncoveredMemberT } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { FigureHeading, Loaded } from '../../../components/Figures';
import { FormModal } from '../../../components/FormModal';

/** The post's page. */
export default function PostDetailPage() {
  const t = useT();
  const lbl = useLabel();
  const id = Number(useParams().id);
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['post', id],
    queryFn: ({ signal }) => api.get<PostDetailT>(`/api/posts/${id}`, {}, signal),
  });
  const [assigning, setAssigning] = useState(false);
  const [ending, setEnding] = useState<PostHolderT | null>(null);
  const saved = (p: PostDetailT) => {
    qc.setQueryData(['post', id], p);
    setAssigning(false);
    setEnding(null);
  };
  return (
    <Loaded q={q}>
      {(p) => (
        <>
          <FigureHeading
            title={p.name}
            actions={
              p.canEdit ? (
                <Button
                  type="primary"
                  onClick={() => setAssigning(true)}
                  data-testid="post-assign"
                  style={{ marginLeft: 'auto' }}
                >
                  {t('安排党员上岗', 'Give a member the post')}
                </Button>
              ) : null
            }
          />
          <Card>
            <Descriptions column={2} size="small">
              <Descriptions.Item label={t('岗位类别', 'Kind')}>{lbl(POST_KINDS, p.kind)}</Descriptions.Item>
              <Descriptions.Item label={t('党组织', 'Organization')}>{p.orgName}</Descriptions.Item>
              <Descriptions.Item label={t('设岗人数', 'Capacity')}>{p.capacity ?? t('不限', 'Any')}</Descriptions.Item>
              <Descriptions.Item label={t('在岗人数', 'Holders')}>{p.holders}</Descriptions.Item>
              <Descriptions.Item label={t('岗位职责', 'Duties')} span={2}>
                {p.duties}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title={t('上岗党员', 'Members on the post')} style={{ marginTop: 16 }}>
            <Table<PostHolderT>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={p.history}
              locale={{ emptyText: t('还没有党员上岗', 'No member holds it yet') }}
              columns={[
                { title: t('姓名', 'Name'), dataIndex: 'memberName' },
                { title: t('上岗日期', 'From'), dataIndex: 'startedOn' },
                { title: t('离岗日期', 'Until'), dataIndex: 'endedOn', render: (v) => v ?? t('在岗', 'On the post') },
                { title: t('离岗原因', 'Reason'), dataIndex: 'endReason', render: (v) => v ?? '—' },
                {
                  title: t('操作', 'Action'),
                  render: (_: unknown, h) =>
                    p.canEdit && !h.endedOn ? (
                      <Button size="small" onClick={() => setEnding(h)}>
                        {t('离岗', 'End')}
                      </Button>
                    ) : null,
                },
              ]}
            />
          </Card>
          {assigning ? <AssignModal post={p} onSaved={saved} onClose={() => setAssigning(false)} /> : null}
          {ending ? (
            <FormModal<PostDetailT>
              title={t(`${ending.memberName}离岗`, `${ending.memberName} leaves the post`)}
              onSubmit={(body) => api.post<PostDetailT>(`/api/posts/${id}/holders/${ending.id}/end`, body)}
              onSaved={saved}
              onClose={() => setEnding(null)}
            >
              <Form.Item name="reason" label={t('离岗原因', 'Reason')} rules={[{ required: true }]}>
                <Input count={{ show: true, max: 200 }} />
              </Form.Item>
            </FormModal>
          ) : null}
        </>
      )}
    </Loaded>
  );
}

/** Gives a member without a post (of the post's organization) this post. */
export function AssignModal(props: {
  post: { id: number; orgId: number };
  onSaved: (p: PostDetailT) => void;
  onClose: () => void;
}) {
  const t = useT();
  const members = useQuery({
    queryKey: ['posts-uncovered', props.post.orgId],
    queryFn: ({ signal }) =>
      api.get<{ items: UncoveredMemberT[] }>('/api/posts/uncovered', { org: props.post.orgId, pageSize: 500 }, signal),
  });
  return (
    <FormModal<PostDetailT>
      title={t('安排党员上岗', 'Give a member the post')}
      onSubmit={(body) => api.post<PostDetailT>(`/api/posts/${props.post.id}/holders`, body)}
      onSaved={props.onSaved}
      onClose={props.onClose}
    >
      <Form.Item name="memberId" label={t('未上岗党员', 'Member without a post')} rules={[{ required: true }]}>
        <Select
          showSearch
          optionFilterProp="label"
          loading={members.isLoading}
          options={(members.data?.items ?? []).map((m) => ({ value: m.memberId, label: m.name }))}
          data-testid="assign-member"
        />
      </Form.Item>
    </FormModal>
  );
}
