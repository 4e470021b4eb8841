/**
 * A contact point (`/contact-points/:id`): the leader and the organization, guided or taken on (包抓, with its
 * weak-organization record), the visits (date, what was done, issues found) latest first, the county's form to
 * record a visit, and each open issue marked solved with how.
 */
import { Button, Card, Descriptions, Empty, Form, Input, Modal, Space, Tag, Timeline } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  CONTACT_ISSUE_STATES,
  CONTACT_POINT_KINDS,
  chinaToday,
  type ContactIssueT,
  type ContactPointDetailT,
} from '@dangjian/contracts';
import { api, messageOf } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { hasCap, useMe } from '../../../app/session';
import { DateField } from '../../../components/DateField';
import { useFeedback } from '../../../components/feedback';
import { DetailHead, detailGate, useRecordDetail } from '../../residents/common/DetailParts';
import { RecycleButton } from '../../supervision/problems/parts';

type Fail = { code?: string; message?: string };

/** The county's form of a visit: date, what was done, issues one a line. */
function VisitForm({ id, onSaved }: { id: number; onSaved: () => void }) {
  const t = useT();
  const { message } = useFeedback();
  const [form] = Form.useForm<{ visitedOn: string; content: string; issues?: string }>();
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ visitedOn: chinaToday() }}
      onFinish={async (v) => {
        try {
          const issues = (v.issues ?? '')
            .split('\n')
            .map((s) => s.trim())
            .filter(Boolean);
          await api.post(`/api/contact-points/${id}/visits`, {
            visitedOn: v.visitedOn,
            content: v.content.trim(),
            issues,
          });
          message.success(t('已登记走访', 'Visit recorded'));
          form.resetFields(['content', 'issues']);
          onSaved();
        } catch (e) {
          const err = e as Fail;
          message.error(err.code ? messageOf(err.code, err.message) : t('登记失败', 'Failed'));
        }
      }}
    >
      <Form.Item label={t('走访日期', 'Visited on')} name="visitedOn" rules={[{ required: true }]}>
        <DateField maxToday />
      </Form.Item>
      <Form.Item
        label={t('开展的工作', 'What was done')}
        name="content"
        rules={[{ required: true, whitespace: true, message: t('请填写开展的工作', 'Say what was done') }]}
      >
        <Input.TextArea rows={3} count={{ show: true, max: 1000 }} data-testid="visit-content" />
      </Form.Item>
      <Form.Item label={t('发现的问题（每行一条，可不填）', 'Issues found (one a line, optional)')} name="issues">
        <Input.TextArea rows={3} data-testid="visit-issues" />
      </Form.Item>
      <Button type="primary" htmlType="submit" data-testid="save-visit">
        {t('登记走访', 'Record the visit')}
      </Button>
    </Form>
  );
}

/** The contact point page. */
export default function PointPage() {
  const t = useT();
  const lbl = useLabel();
  const { message } = useFeedback();
  const { data: me } = useMe();
  const id = Number(useParams().id);
  const { q, changed } = useRecordDetail<ContactPointDetailT>('contact-point', 'contact-points', id);
  const [solving, setSolving] = useState<ContactIssueT | null>(null);
  const [solveForm] = Form.useForm<{ solvedOn: string; solution: string }>();
  const r = q.data;
  usePageCrumb(r ? `${r.leaderName} · ${r.orgName}` : undefined);
  const gate = detailGate(q);
  if (gate || !r) return gate;
  const canWrite = hasCap(me, 'contactPoints.write') && !r.deletedAt;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <DetailHead
          testId="point-title"
          title={`${r.leaderName} · ${r.orgName}`}
          tags={<Tag color={r.kind === 'weak_takeover' ? 'volcano' : 'blue'}>{lbl(CONTACT_POINT_KINDS, r.kind)}</Tag>}
          actions={
            <RecycleButton
              path={`/api/contact-points/${id}`}
              capability="contactPoints.write"
              deleted={!!r.deletedAt}
              confirm={t('删除这个误录的联系点？', 'Delete this mistaken contact point?')}
              onChanged={changed}
            />
          }
          deletedNote={r.deletedAt ? t('已删除', 'Deleted') : null}
        />
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('县级领导', 'Leader')}>
            <Link to={`/contact-points/leaders/${r.leaderId}`}>
              {r.leaderName}（{r.leaderPost}）
            </Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('联系的党组织', 'Organization')}>{r.orgName}</Descriptions.Item>
          <Descriptions.Item label={t('确定联系日期', 'Since')}>{r.since}</Descriptions.Item>
          <Descriptions.Item label={t('软弱涣散整顿档案', 'Weak-organization file')}>
            {r.weakOrgId ? <Link to={`/weak-orgs/${r.weakOrgId}`}>{t('查看整顿档案', 'Open the file')}</Link> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('今年走访', 'Visits this year')}>{r.visits}</Descriptions.Item>
          <Descriptions.Item label={t('待解决问题', 'Open issues')}>{r.openIssues}</Descriptions.Item>
        </Descriptions>
      </Card>
      {canWrite ? (
        <Card title={t('登记走访', 'Record a visit')}>
          <VisitForm id={id} onSaved={changed} />
        </Card>
      ) : null}
      <Card title={t(`走访记录（${r.visitList.length}）`, `Visits (${r.visitList.length})`)}>
        {r.visitList.length ? (
          <Timeline
            items={r.visitList.map((v) => ({
              key: v.id,
              children: (
                <div>
                  <b>{v.visitedOn}</b> {v.content}
                  {v.issues.map((i) => (
                    <div key={i.id} style={{ marginTop: 4 }}>
                      <Tag color={i.state === 'open' ? 'orange' : 'green'}>{lbl(CONTACT_ISSUE_STATES, i.state)}</Tag>
                      {i.text}
                      {i.state === 'solved' ? (
                        <span className="dj-muted">
                          {' '}
                          · {i.solvedOn} {i.solution}
                        </span>
                      ) : canWrite ? (
                        <Button size="small" type="link" onClick={() => setSolving(i)}>
                          {t('标记已解决', 'Mark solved')}
                        </Button>
                      ) : null}
                    </div>
                  ))}
                </div>
              ),
            }))}
          />
        ) : (
          <Empty description={t('尚无走访记录', 'No visit yet')} />
        )}
      </Card>
      <Modal
        open={!!solving}
        title={t('问题已解决', 'Issue solved')}
        onCancel={() => setSolving(null)}
        onOk={() => solveForm.submit()}
        okText={t('确定', 'OK')}
        cancelText={t('取消', 'Cancel')}
        destroyOnHidden
      >
        <Form
          form={solveForm}
          layout="vertical"
          initialValues={{ solvedOn: chinaToday() }}
          onFinish={async (v) => {
            if (!solving) return;
            try {
              await api.post(`/api/contact-points/${id}/issues/${solving.id}/solve`, {
                solvedOn: v.solvedOn,
                solution: v.solution.trim(),
              });
              setSolving(null);
              solveForm.resetFields();
              changed();
            } catch (e) {
              const err = e as Fail;
              message.error(err.code ? messageOf(err.code, err.message) : t('保存失败', 'Failed'));
            }
          }}
        >
          <Form.Item label={t('解决日期', 'Solved on')} name="solvedOn" rules={[{ required: true }]}>
            <DateField maxToday />
          </Form.Item>
          <Form.Item
            label={t('解决情况', 'How it was solved')}
            name="solution"
            rules={[{ required: true, whitespace: true, message: t('请填写解决情况', 'Say how') }]}
          >
            <Input.TextArea rows={3} count={{ show: true, max: 500 }} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
