/**
 * A task in full (`/tasks/:id`): what it asks and by when, the moves the server allows this user (issue, withdraw,
 * close), the roll-up down the tree, the receiving organizations with their reports (report, accept, send back),
 * and the timeline.
 */
import { Button, Card, Col, Descriptions, Image, Row, Space, Table, Tag } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import {
  MEETING_KIND_LABELS,
  TARGET_FLOW,
  TARGET_STATES,
  TASK_CHECKS,
  TASK_COMPLETIONS,
  TASK_FLOW,
  TASK_KINDS,
  TASK_STATUSES,
} from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { useFeedback } from '../../../components/feedback';
import { Timeline, chinaDateTime } from '../../../components/Timeline';
import { WorkflowActionBar } from '../../../components/WorkflowActionBar';
import { DeleteRestoreButton, DetailHead, detailGate, useRecordDetail } from '../../residents/common/DetailParts';
import { ProgressTree } from './ProgressTree';
import { ReportModal } from './ReportModal';
import { STATE_COLORS, TASK_EVENT_KINDS, type TaskDetail, type TaskTarget } from './taskModel';
import './Task.css';

/** Reports awaiting acceptance first: what the issuer has to act on. */
const ORDER: Record<string, number> = { reported: 0, returned: 1, pending: 2, done: 3 };

const REASON = { reason: { label: { zh: '理由', en: 'Reason' }, input: 'textarea' as const } };

/** The task detail page. */
export default function TaskDetailPage() {
  const t = useT();
  const lbl = useLabel();
  const navigate = useNavigate();
  const { message } = useFeedback();
  const id = Number(useParams().id);
  const { q, changed, qc } = useRecordDetail<TaskDetail>('task', 'tasks', id);
  const [reporting, setReporting] = useState<TaskTarget | null>(null);
  const r = q.data;
  usePageCrumb(r?.title);
  const gate = detailGate(q);
  if (gate || !r) return gate;
  const deleted = !!r.deletedAt;
  const done = (_m: string, next: unknown) => {
    if (next) qc.setQueryData(['task', id], next);
    message.success(t('已保存', 'Saved'));
    changed();
  };
  const check = r.checkKey
    ? `${lbl(TASK_CHECKS, r.checkKey)}：${lbl(MEETING_KIND_LABELS, r.checkParams?.meetingKind ?? '')}` +
      t(` 至少 ${r.checkParams?.minCount ?? 1} 次`, ` at least ${r.checkParams?.minCount ?? 1}`)
    : '—';
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <DetailHead
          testId="task-title"
          title={r.title}
          tags={
            <>
              <Tag color="blue">{lbl(TASK_KINDS, r.kind)}</Tag>
              <Tag
                color={r.status === 'issued' ? 'blue' : r.status === 'closed' ? 'green' : undefined}
                data-testid="task-status"
              >
                {lbl(TASK_STATUSES, r.status)}
              </Tag>
              {r.overdue ? <Tag color="red">{t(`逾期 ${r.overdue}`, `${r.overdue} overdue`)}</Tag> : null}
            </>
          }
          actions={
            <>
              <WorkflowActionBar
                actions={deleted ? [] : r.actions}
                moves={TASK_FLOW.actions}
                note="none"
                primary={['issue']}
                danger={['withdraw']}
                fields={REASON}
                run={(move, input) => api.post(`/api/tasks/${id}/${move}`, input)}
                onDone={done}
              />
              {r.status === 'draft' && r.actions.includes('issue') ? (
                <Button icon={<EditOutlined />} onClick={() => navigate(`/tasks/${id}/edit`)} data-testid="edit-task">
                  {t('修改', 'Edit')}
                </Button>
              ) : null}
              {r.actions.length || deleted ? (
                <DeleteRestoreButton
                  path={`/api/tasks/${id}`}
                  deleted={deleted}
                  confirm={t('删除这项任务？', 'Delete this task?')}
                  description={t('可在回收站恢复', 'It can be restored from the recycle bin')}
                  onChanged={changed}
                />
              ) : null}
            </>
          }
          deletedNote={
            deleted ? t(`已于 ${chinaDateTime(r.deletedAt)} 删除`, `Deleted on ${chinaDateTime(r.deletedAt)}`) : null
          }
        />
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('下发单位', 'Issued by')}>{r.orgName}</Descriptions.Item>
          <Descriptions.Item label={t('开始日期', 'Starts')}>{r.startOn}</Descriptions.Item>
          <Descriptions.Item label={t('截止日期', 'Due')}>{r.dueOn}</Descriptions.Item>
          <Descriptions.Item label={t('完成方式', 'Counts as done')}>
            {lbl(TASK_COMPLETIONS, r.completion)}
          </Descriptions.Item>
          <Descriptions.Item label={t('核验项目', 'Record check')}>{check}</Descriptions.Item>
          <Descriptions.Item label={t('完成进度', 'Progress')}>
            {t(`完成 ${r.done}/${r.targets}（${r.rate}%）`, `${r.done}/${r.targets} done (${r.rate}%)`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('任务内容', 'Content')} span={3}>
            <div style={{ whiteSpace: 'pre-wrap' }}>{r.content ?? '—'}</div>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {r.status !== 'draft' ? (
        <Card title={t('逐级完成进度', 'Progress down the tree')}>
          <ProgressTree taskId={id} version={r.updatedAt + r.done + r.reported} />
        </Card>
      ) : null}
      <Card title={t(`承办党组织（${r.targetList.length}）`, `Receiving organizations (${r.targetList.length})`)}>
        <Table<TaskTarget>
          size="small"
          rowKey="id"
          dataSource={[...r.targetList].sort((x, y) => ORDER[x.state] - ORDER[y.state])}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          rowClassName={(g) => (g.overdue ? 'task-row-overdue' : '')}
          scroll={{ x: 900 }}
          columns={[
            { title: t('党组织', 'Organization'), dataIndex: 'orgName', width: 170 },
            {
              title: t('完成情况', 'State'),
              dataIndex: 'state',
              width: 150,
              render: (_: unknown, g) => (
                <Space size={4}>
                  <Tag color={STATE_COLORS[g.state]} data-testid="target-state">
                    {lbl(TARGET_STATES, g.state)}
                  </Tag>
                  {g.overdue ? <Tag color="red">{t('逾期', 'Overdue')}</Tag> : null}
                </Space>
              ),
            },
            {
              title: t('报送内容', 'Report'),
              dataIndex: 'reportText',
              render: (_: unknown, g) => (
                <Space orientation="vertical" size={4}>
                  <span>{g.reportText ?? g.checkResult ?? '—'}</span>
                  {g.returnReason && g.state === 'returned' ? (
                    <span style={{ color: '#ad4e00' }}>
                      {t(`退回：${g.returnReason}`, `Sent back: ${g.returnReason}`)}
                    </span>
                  ) : null}
                  {g.photos.length ? (
                    <Image.PreviewGroup>
                      <Space size={4}>
                        {g.photos.map((p) => (
                          <Image key={p.id} src={p.url} width={40} height={40} alt={t('佐证照片', 'Evidence')} />
                        ))}
                      </Space>
                    </Image.PreviewGroup>
                  ) : null}
                </Space>
              ),
            },
            {
              title: t('报送/完成时间', 'Reported / done'),
              dataIndex: 'doneAt',
              width: 170,
              render: (_: unknown, g) => chinaDateTime(g.doneAt ?? g.reportedAt) || '—',
            },
            {
              title: t('操作', 'Actions'),
              dataIndex: 'actions',
              width: 220,
              render: (_: unknown, g) => (
                <Space wrap size={4}>
                  {g.actions.includes('report') ? (
                    <Button size="small" type="primary" onClick={() => setReporting(g)} data-testid="report-target">
                      {t('报送', 'Report')}
                    </Button>
                  ) : null}
                  <WorkflowActionBar
                    actions={g.actions}
                    moves={TARGET_FLOW.actions}
                    skip={['report']}
                    note="none"
                    primary={['accept']}
                    danger={['return']}
                    fields={REASON}
                    run={(move, input) => api.post(`/api/tasks/${id}/targets/${g.id}/${move}`, input)}
                    onDone={done}
                  />
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title={t('办理过程', 'Timeline')}>
            <Timeline events={r.events} kinds={TASK_EVENT_KINDS} states={TASK_STATUSES} />
          </Card>
        </Col>
      </Row>
      {reporting ? (
        <ReportModal
          taskId={id}
          target={reporting}
          title={r.title}
          onClose={() => setReporting(null)}
          onSaved={(next) => qc.setQueryData(['task', id], next)}
        />
      ) : null}
    </Space>
  );
}
