/** Posts for members (`/posts`) on ListPage: the post, its kind, organization, holders; a branch sets new ones. */
import { useState } from 'react';
import { Button, Form, Input, InputNumber, Select } from 'antd';
import { useNavigate } from 'react-router';
import { POST_KINDS, type PostDetailT, type PostItemT } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useEnumOptions, useLabel, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { FormModal } from '../../../components/FormModal';
import { ListPage } from '../../../components/list/ListPage';
import { NewButton, recycleBin, searchFilter, selectFilter } from '../../../components/list/listParts';

/** The list of posts. */
export default function PostsPage() {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <ListPage<PostItemT>
        title={t('设岗定责', 'Posts for members')}
        endpoint="/api/posts"
        orgScoped
        filters={[
          searchFilter(t('搜索', 'Search'), t('岗位或党组织', 'Post or organization'), { maxLength: 40 }),
          selectFilter('kind', t('岗位类别', 'Kind'), opts(POST_KINDS), 160),
        ]}
        columns={[
          { title: t('岗位名称', 'Post'), dataIndex: 'name', width: 160 },
          {
            title: t('岗位类别', 'Kind'),
            dataIndex: 'kind',
            width: 120,
            render: (_: unknown, r) => lbl(POST_KINDS, r.kind),
          },
          { title: t('党组织', 'Organization'), dataIndex: 'orgName', width: 180 },
          {
            title: t('在岗党员', 'Holders'),
            dataIndex: 'holderNames',
            width: 220,
            render: (_: unknown, r) => (r.holderNames.length ? r.holderNames.join('、') : t('暂无', 'None')),
          },
          {
            title: t('设岗人数', 'Capacity'),
            dataIndex: 'capacity',
            width: 90,
            render: (v: number | null) => v ?? '—',
          },
        ]}
        scrollX={900}
        onRowClick={(r) => navigate(`/posts/${r.id}`)}
        recycle={recycleBin('posts.write', (r: PostItemT) => r.name)}
        actions={
          <>
            <Button onClick={() => navigate('/posts/coverage')} data-testid="posts-coverage">
              {t('岗位覆盖情况', 'Coverage')}
            </Button>
            <NewButton show={hasCap(me, 'posts.write')} onClick={() => setCreating(true)} testId="new-post">
              {t('设置岗位', 'Define a post')}
            </NewButton>
          </>
        }
        total={{ testId: 'posts-total', text: (n) => t(`共 ${n} 个岗位`, `${n} posts`) }}
        emptyText={t('还没有设置党员岗位', 'No post defined yet')}
      />
      {creating ? (
        <FormModal<PostDetailT>
          title={t('设置党员岗位', 'Define a post')}
          onSubmit={(body) => api.post<PostDetailT>('/api/posts', body)}
          onSaved={(p) => navigate(`/posts/${p.id}`)}
          onClose={() => setCreating(false)}
        >
          <Form.Item name="name" label={t('岗位名称', 'Post name')} rules={[{ required: true }]}>
            <Input count={{ show: true, max: 40 }} />
          </Form.Item>
          <Form.Item name="kind" label={t('岗位类别', 'Kind')} rules={[{ required: true }]}>
            <Select options={opts(POST_KINDS)} />
          </Form.Item>
          <Form.Item name="duties" label={t('岗位职责', 'Duties')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} count={{ show: true, max: 1000 }} />
          </Form.Item>
          <Form.Item name="capacity" label={t('设岗人数（可不填）', 'Capacity (optional)')}>
            <InputNumber min={1} max={500} />
          </Form.Item>
        </FormModal>
      ) : null}
    </>
  );
}
