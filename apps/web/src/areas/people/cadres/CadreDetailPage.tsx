/**
 * A person of the committees (`/cadres/:id`): the details (the phone masked), the posts across terms (latest term
 * first: the committee, the post, from when to when and why it ended), adding a post, ending one with its reason,
 * and deleting (to the recycle bin) or restoring the person or a post entered by mistake.
 */
import { useState } from 'react';
import { Button, Card, Descriptions, Popconfirm, Space, Table, Tag } from 'antd';
import { EditOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import {
  CADRE_COMMITTEES,
  CADRE_EDUCATIONS,
  CADRE_KINDS,
  cadrePostLabel,
  GENDERS,
  POST_END_REASONS,
} from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { useFeedback } from '../../../components/feedback';
import { chinaDateTime } from '../../../components/Timeline';
import { DeleteRestoreButton, DetailHead, detailGate, useRecordDetail } from '../../residents/common/DetailParts';
import { EndPostDialog, PostDialog } from './CadreDialogs';
import { type CadreDetail, type CadrePost, isOneShoulder, postColor, shortPost } from './cadreModel';

/** The person's page. */
export default function CadreDetailPage() {
  const t = useT();
  const lbl = useLabel();
  const navigate = useNavigate();
  const { message } = useFeedback();
  const id = Number(useParams().id);
  const { q, changed } = useRecordDetail<CadreDetail>('cadre', 'cadres', id);
  const [dialog, setDialog] = useState<{ kind: 'post' } | { kind: 'end'; post: CadrePost } | null>(null);
  const c = q.data;
  usePageCrumb(c?.name);
  const gate = detailGate(q);
  if (gate || !c) return gate;
  const deleted = !!c.deletedAt;
  const edit = c.canEdit && !deleted;
  const words = (w: { zh: string; en: string }) => t(w.zh, w.en);
  const saved = () => {
    setDialog(null);
    message.success(t('已保存', 'Saved'));
    changed();
  };
  const postAct = (run: () => Promise<unknown>, done: string) =>
    run().then(
      () => {
        message.success(done);
        changed();
      },
      (e: Error) => message.error(e.message),
    );
  const terms = [...new Set(c.posts.map((p) => p.term))].sort((a, b) => b - a);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <DetailHead
          testId="cadre-title"
          title={c.name}
          tags={
            <>
              {isOneShoulder(c.currentPosts) ? <Tag color="red">{t('一肩挑', 'Secretary and director')}</Tag> : null}
              {c.currentPosts.map((p) => (
                <Tag key={`${p.committee}-${p.post}-${p.term}`} color={postColor(p.post)}>
                  {words(shortPost(p.committee, p.post))}
                </Tag>
              ))}
              {c.currentPosts.length ? null : <Tag>{t('未任职', 'No post now')}</Tag>}
            </>
          }
          actions={
            <>
              {edit ? (
                <Button icon={<EditOutlined />} onClick={() => navigate(`/cadres/${id}/edit`)} data-testid="cadre-edit">
                  {t('编辑', 'Edit')}
                </Button>
              ) : null}
              {edit ? (
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => setDialog({ kind: 'post' })}
                  data-testid="cadre-add-post"
                >
                  {t('添加任职', 'Add a post')}
                </Button>
              ) : null}
              {c.canEdit ? (
                <DeleteRestoreButton
                  path={`/api/cadres/${id}`}
                  deleted={deleted}
                  capability="cadres.write"
                  confirm={t(`删除误录的${c.name}？`, `Delete ${c.name}, entered by mistake?`)}
                  description={t('可在回收站恢复', 'It can be restored from the recycle bin')}
                  onChanged={changed}
                />
              ) : null}
            </>
          }
          deletedNote={
            deleted ? t(`已于 ${chinaDateTime(c.deletedAt)} 删除`, `Deleted on ${chinaDateTime(c.deletedAt)}`) : null
          }
        />
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }} data-testid="cadre-details">
          <Descriptions.Item label={t('性别', 'Gender')}>{lbl(GENDERS, c.gender)}</Descriptions.Item>
          <Descriptions.Item label={t('出生日期', 'Birth date')}>
            {c.birthDate}
            <span className="dj-muted">{t(`（${c.age} 岁）`, ` (${c.age})`)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('学历', 'Education')}>
            {c.education ? lbl(CADRE_EDUCATIONS, c.education) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('所属村（社区）', 'Village')}>
            {c.orgName}
            {c.townshipName ? `（${c.townshipName}）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('联系电话', 'Phone')}>{c.phone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('党员花名册', 'Roster')}>
            {c.memberId ? (
              <Link to={`/members/${c.memberId}`}>{t('已关联，查看党员档案', 'Linked: open the member')}</Link>
            ) : (
              t('未关联', 'Not linked')
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('“四类人员”', 'Four kinds')} span={3}>
            {c.kinds.length ? (
              <Space size={[4, 4]} wrap>
                {c.kinds.map((k) => (
                  <Tag key={k} color="gold">
                    {lbl(CADRE_KINDS, k)}
                  </Tag>
                ))}
              </Space>
            ) : (
              t('无', 'None')
            )}
          </Descriptions.Item>
          {c.note ? (
            <Descriptions.Item label={t('备注', 'Note')} span={3}>
              {c.note}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Card title={t('任职经历', 'Posts by term')}>
        {terms.length ? (
          <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="cadre-posts">
            {terms.map((term) => (
              <div key={term}>
                <h2 style={{ fontSize: 16, margin: '0 0 8px' }}>{t(`${term}年换届`, `The ${term} term`)}</h2>
                <Table<CadrePost>
                  size="small"
                  rowKey="id"
                  pagination={false}
                  scroll={{ x: 760 }}
                  dataSource={c.posts.filter((p) => p.term === term)}
                  columns={[
                    {
                      title: t('班子', 'Committee'),
                      dataIndex: 'committee',
                      width: 190,
                      render: (v: string) => lbl(CADRE_COMMITTEES, v),
                    },
                    {
                      title: t('职务', 'Post'),
                      dataIndex: 'post',
                      width: 170,
                      render: (_: unknown, p) => words(cadrePostLabel(p.committee, p.post)),
                    },
                    {
                      title: t('任职期间', 'Held'),
                      dataIndex: 'startedOn',
                      width: 220,
                      render: (_: unknown, p) => (
                        <Space size={4} wrap>
                          <span>
                            {p.startedOn} — {p.endedOn ?? t('至今', 'now')}
                          </span>
                          {p.deletedAt ? (
                            <Tag>{t('已删除', 'Deleted')}</Tag>
                          ) : p.endedOn ? null : (
                            <Tag color="green">{t('现任', 'Holding')}</Tag>
                          )}
                        </Space>
                      ),
                    },
                    {
                      title: t('离任原因', 'Why it ended'),
                      dataIndex: 'endReason',
                      render: (v: string | null, p) =>
                        v ? `${lbl(POST_END_REASONS, v)}${p.endNote ? `：${p.endNote}` : ''}` : '—',
                    },
                    ...(edit
                      ? [
                          {
                            title: t('操作', 'Actions'),
                            key: 'actions',
                            width: 150,
                            render: (_: unknown, p: CadrePost) =>
                              p.deletedAt ? (
                                <Button
                                  size="small"
                                  icon={<UndoOutlined />}
                                  onClick={() =>
                                    postAct(
                                      () => api.post(`/api/cadres/${id}/posts/${p.id}/restore`),
                                      t('已恢复', 'Restored'),
                                    )
                                  }
                                >
                                  {t('恢复', 'Restore')}
                                </Button>
                              ) : (
                                <Space size={4}>
                                  {p.endedOn ? null : (
                                    <Button
                                      size="small"
                                      onClick={() => setDialog({ kind: 'end', post: p })}
                                      data-testid="post-end"
                                    >
                                      {t('离任', 'End')}
                                    </Button>
                                  )}
                                  <Popconfirm
                                    title={t('删除这条误录的任职？', 'Delete this post, entered by mistake?')}
                                    okText={t('删除', 'Delete')}
                                    cancelText={t('取消', 'Cancel')}
                                    okButtonProps={{ danger: true }}
                                    onConfirm={() =>
                                      postAct(() => api.del(`/api/cadres/${id}/posts/${p.id}`), t('已删除', 'Deleted'))
                                    }
                                  >
                                    <Button size="small" danger>
                                      {t('删除', 'Delete')}
                                    </Button>
                                  </Popconfirm>
                                </Space>
                              ),
                          },
                        ]
                      : []),
                  ]}
                />
              </div>
            ))}
          </Space>
        ) : (
          <p className="dj-empty">
            {t('尚无任职记录', 'No post recorded yet')}
            {edit ? t('：点击“添加任职”录入本届职务。', ': add the post of this term.') : ''}
          </p>
        )}
      </Card>
      {dialog?.kind === 'post' ? <PostDialog cadre={c} onSaved={saved} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'end' ? (
        <EndPostDialog cadre={c} post={dialog.post} onSaved={saved} onClose={() => setDialog(null)} />
      ) : null}
    </Space>
  );
}
