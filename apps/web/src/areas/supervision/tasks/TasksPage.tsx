/** 任务督办 (`/tasks`): the tasks the caller's subtree issued, each with its progress bar; overdue in red. */
import { Progress, Space, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { TASK_KINDS, TASK_STATUSES } from '@dangjian/contracts';
import { useEnumOptions, useLabel, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { type ListFilter, ListPage } from '../../../components/list/ListPage';
import { NewButton, recycleBin, searchFilter, selectFilter } from '../../../components/list/listParts';
import type { TaskItem } from './taskModel';
import './Task.css';

/** The issuer's list of tasks. */
export default function TasksPage() {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const filters: ListFilter[] = [
    searchFilter(t('搜索', 'Search'), t('任务名称', 'Title'), { maxLength: 40 }),
    selectFilter('kind', t('类型', 'Kind'), opts(TASK_KINDS), 130),
    selectFilter('status', t('状态', 'Status'), opts(TASK_STATUSES), 120),
    { kind: 'check', key: 'overdue', label: t('只看有逾期的', 'With overdue targets'), testId: 'overdue-filter' },
  ];
  return (
    <ListPage<TaskItem>
      title={t('任务督办', 'Tasks')}
      endpoint="/api/tasks"
      orgScoped
      filters={filters}
      columns={[
        { title: t('任务名称', 'Title'), dataIndex: 'title', width: 280 },
        { title: t('类型', 'Kind'), dataIndex: 'kind', width: 100, render: (_: unknown, r) => lbl(TASK_KINDS, r.kind) },
        { title: t('下发单位', 'Issued by'), dataIndex: 'orgName', width: 150 },
        { title: t('截止日期', 'Due'), dataIndex: 'dueOn', width: 110 },
        {
          title: t('完成进度', 'Progress'),
          dataIndex: 'rate',
          width: 220,
          render: (_: unknown, r) => (
            <div data-testid="task-progress">
              <Progress percent={r.rate} size="small" status={r.overdue ? 'exception' : undefined} />
              <span className="dj-muted">
                {t(`完成 ${r.done}/${r.targets}`, `${r.done}/${r.targets} done`)}
                {r.reported ? t(`，待审核 ${r.reported}`, `, ${r.reported} to accept`) : ''}
              </span>
            </div>
          ),
        },
        {
          title: t('状态', 'Status'),
          dataIndex: 'status',
          width: 170,
          render: (_: unknown, r) => (
            <Space size={4}>
              <Tag color={r.status === 'issued' ? 'blue' : r.status === 'closed' ? 'green' : undefined}>
                {lbl(TASK_STATUSES, r.status)}
              </Tag>
              {r.overdue ? <Tag color="red">{t(`逾期 ${r.overdue}`, `${r.overdue} overdue`)}</Tag> : null}
            </Space>
          ),
        },
      ]}
      scrollX={1100}
      rowClassName={(r) => (r.overdue ? 'task-row-overdue' : '')}
      onRowClick={(r) => navigate(`/tasks/${r.id}`)}
      recycle={recycleBin('tasks.issue', (r: TaskItem) => r.title)}
      exportPath="/api/tasks/export"
      actions={
        <NewButton show={hasCap(me, 'tasks.issue')} onClick={() => navigate('/tasks/new')} testId="new-task">
          {t('拟定任务', 'New task')}
        </NewButton>
      }
      total={{ testId: 'task-total', text: (n) => t(`共 ${n} 项任务`, `${n} tasks`) }}
      emptyText={t('还没有下发任务', 'No task issued yet')}
    />
  );
}
