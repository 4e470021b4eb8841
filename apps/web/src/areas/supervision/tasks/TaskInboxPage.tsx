/**
 * 我的任务 (`/tasks/inbox`): the tasks issued to the caller's organization(s), soonest due first, each with its
 * state; a target to report opens the report form (what was done, evidence photos).
 */
import { Button, Space, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { TARGET_STATES, TASK_COMPLETIONS, TASK_KINDS } from '@dangjian/contracts';
import { useEnumOptions, useLabel, useT } from '../../../app/i18n';
import { type ListFilter, ListPage } from '../../../components/list/ListPage';
import { searchFilter, selectFilter } from '../../../components/list/listParts';
import { ReportModal } from './ReportModal';
import { STATE_COLORS, type TaskInboxItem } from './taskModel';
import './Task.css';

/** The receiver's inbox. */
export default function TaskInboxPage() {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const [reporting, setReporting] = useState<TaskInboxItem | null>(null);
  const filters: ListFilter[] = [
    searchFilter(t('搜索', 'Search'), t('任务名称', 'Title'), { maxLength: 40 }),
    selectFilter('kind', t('类型', 'Kind'), opts(TASK_KINDS), 130),
    selectFilter('status', t('完成情况', 'State'), opts(TARGET_STATES), 150),
    { kind: 'check', key: 'overdue', label: t('只看逾期', 'Overdue only'), testId: 'overdue-filter' },
  ];
  return (
    <ListPage<TaskInboxItem>
      title={t('我的任务', 'My tasks')}
      endpoint="/api/tasks/inbox"
      queryKey="tasks"
      orgScoped
      filters={filters}
      columns={[
        { title: t('任务名称', 'Title'), dataIndex: 'title', width: 220 },
        { title: t('类型', 'Kind'), dataIndex: 'kind', width: 100, render: (_: unknown, r) => lbl(TASK_KINDS, r.kind) },
        { title: t('承办党组织', 'Organization'), dataIndex: 'orgName', width: 140 },
        { title: t('下发单位', 'Issued by'), dataIndex: 'issuerName', width: 130 },
        { title: t('截止日期', 'Due'), dataIndex: 'dueOn', width: 110 },
        {
          title: t('完成方式', 'Counts as done'),
          dataIndex: 'completion',
          width: 130,
          render: (_: unknown, r) => lbl(TASK_COMPLETIONS, r.completion),
        },
        {
          title: t('完成情况', 'State'),
          dataIndex: 'state',
          width: 170,
          render: (_: unknown, r) => (
            <Space size={4}>
              <Tag color={STATE_COLORS[r.state]} data-testid="target-state">
                {lbl(TARGET_STATES, r.state)}
              </Tag>
              {r.overdue ? <Tag color="red">{t('逾期', 'Overdue')}</Tag> : null}
            </Space>
          ),
        },
        {
          title: t('操作', 'Actions'),
          dataIndex: 'actions',
          width: 90,
          render: (_: unknown, r) =>
            r.actions.includes('report') ? (
              <Button
                size="small"
                type="primary"
                onClick={(e) => {
                  e.stopPropagation();
                  setReporting(r);
                }}
                data-testid="report-target"
              >
                {t('报送', 'Report')}
              </Button>
            ) : null,
        },
      ]}
      scrollX={1080}
      rowClassName={(r) => (r.overdue ? 'task-row-overdue' : '')}
      onRowClick={(r) => navigate(`/tasks/${r.taskId}`)}
      total={{ testId: 'inbox-total', text: (n) => t(`共 ${n} 项任务`, `${n} tasks`) }}
      emptyText={t('没有下发给本组织的任务', 'No task issued to your organization')}
    >
      {reporting ? (
        <ReportModal
          taskId={reporting.taskId}
          target={reporting}
          title={reporting.title}
          onClose={() => setReporting(null)}
        />
      ) : null}
    </ListPage>
  );
}
