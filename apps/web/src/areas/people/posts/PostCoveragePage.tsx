/** The figure posts.coverage (`/posts/coverage`): members with a post by organization, and those without one. */
import { useState } from 'react';
import { Button, Card, Form, Select, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { PostCoverageT, PostDetailT, PostItemT, UncoveredMemberT } from '@dangjian/contracts';
import { api, withQuery } from '../../../api/client';
import { useT } from '../../../app/i18n';
import { useScopeOrgId } from '../../../app/scope';
import { hasCap, useMe } from '../../../app/session';
import { FigureHeading, Loaded, StatGrid, useFigureQuery } from '../../../components/Figures';
import { FormModal } from '../../../components/FormModal';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The coverage page. */
export default function PostCoveragePage() {
  const t = useT();
  const org = useScopeOrgId();
  const { data: me } = useMe();
  const qc = useQueryClient();
  const query = { org };
  const q = useFigureQuery<PostCoverageT>('posts-coverage', '/api/posts/coverage', query);
  const without = useQuery({
    queryKey: ['posts-uncovered', 'page', org],
    queryFn: ({ signal }) =>
      api.get<{ items: UncoveredMemberT[]; total: number }>('/api/posts/uncovered', { org, pageSize: 100 }, signal),
  });
  const [giving, setGiving] = useState<UncoveredMemberT | null>(null);
  return (
    <>
      <FigureHeading
        title={t('岗位覆盖情况', 'Coverage')}
        actions={
          <Button
            icon={<DownloadOutlined />}
            href={withQuery('/api/posts/coverage/export', query)}
            download
            style={{ marginLeft: 'auto' }}
          >
            {t('导出 Excel', 'Export to Excel')}
          </Button>
        }
      />
      <Loaded q={q}>
        {(c) => (
          <>
            <StatGrid
              testId="posts-coverage-stats"
              items={[
                { testId: 'cov-members', title: t('党员数（不含流出）', 'Members (not away)'), value: c.members },
                { testId: 'cov-covered', title: t('已上岗', 'With a post'), value: c.covered },
                { testId: 'cov-share', title: t('覆盖率', 'Coverage'), value: pct(c.share) },
                { testId: 'cov-posts', title: t('岗位数', 'Posts'), value: c.posts },
              ]}
            />
            <Card title={t('各党组织', 'By organization')} style={{ marginTop: 16 }}>
              <Table
                rowKey="orgId"
                size="small"
                pagination={false}
                dataSource={c.rows}
                locale={{ emptyText: t('没有下级党组织', 'No organization below') }}
                columns={[
                  { title: t('党组织', 'Organization'), dataIndex: 'orgName' },
                  { title: t('党员数', 'Members'), dataIndex: 'members', width: 100 },
                  { title: t('已上岗', 'With a post'), dataIndex: 'covered', width: 100 },
                  { title: t('覆盖率', 'Coverage'), dataIndex: 'share', width: 100, render: (v: number) => pct(v) },
                ]}
              />
            </Card>
          </>
        )}
      </Loaded>
      <Card
        title={t(`未上岗党员（${without.data?.total ?? 0} 人）`, `Without a post (${without.data?.total ?? 0})`)}
        style={{ marginTop: 16 }}
      >
        <Table<UncoveredMemberT>
          rowKey="memberId"
          size="small"
          loading={without.isLoading}
          dataSource={without.data?.items ?? []}
          pagination={false}
          data-testid="posts-uncovered"
          locale={{ emptyText: t('党员都已上岗', 'Every member has a post') }}
          columns={[
            { title: t('姓名', 'Name'), dataIndex: 'name' },
            { title: t('党组织', 'Organization'), dataIndex: 'orgName' },
            {
              title: t('操作', 'Action'),
              width: 120,
              render: (_: unknown, m) =>
                hasCap(me, 'posts.write') && m.orgId === me?.orgId ? (
                  <Button size="small" type="link" onClick={() => setGiving(m)} data-testid="give-post">
                    {t('安排上岗', 'Give a post')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      {giving ? (
        <GiveModal
          member={giving}
          onClose={() => setGiving(null)}
          onSaved={() => {
            setGiving(null);
            qc.invalidateQueries({ queryKey: ['posts-uncovered'] });
            qc.invalidateQueries({ queryKey: ['posts-coverage'] });
          }}
        />
      ) : null}
    </>
  );
}

/** One click: choose a post of the member's branch and give it. */
function GiveModal(props: { member: UncoveredMemberT; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const posts = useQuery({
    queryKey: ['posts-of', props.member.orgId],
    queryFn: ({ signal }) =>
      api.get<{ items: PostItemT[] }>('/api/posts', { org: props.member.orgId, pageSize: 100 }, signal),
  });
  return (
    <FormModal<PostDetailT>
      title={t(`安排${props.member.name}上岗`, `Give ${props.member.name} a post`)}
      onSubmit={(body) =>
        api.post<PostDetailT>(`/api/posts/${body.postId}/holders`, { memberId: props.member.memberId })
      }
      onSaved={props.onSaved}
      onClose={props.onClose}
    >
      <Form.Item name="postId" label={t('岗位', 'Post')} rules={[{ required: true }]}>
        <Select
          loading={posts.isLoading}
          options={(posts.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          data-testid="give-post-select"
        />
      </Form.Item>
    </FormModal>
  );
}
