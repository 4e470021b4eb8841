/**
 * The roll-up of a task down the tree (`/api/tasks/:id/progress`): a row per organization below, with its targets,
 * done, reported, overdue and rate; a row with organizations below it opens onto their rows (loaded when opened).
 */
import { Progress, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { useT } from '../../../app/i18n';
import type { TaskProgress } from './taskModel';

type Row = TaskProgress['rows'][number];

/** The progress of a task below an organization (the caller's starting one at the top), opening level by level. */
export function ProgressTree({ taskId, org, version }: { taskId: number; org?: number; version: string }) {
  const t = useT();
  const q = useQuery({
    queryKey: ['task', taskId, 'progress', org ?? 'top', version],
    queryFn: ({ signal }) => api.get<TaskProgress>(`/api/tasks/${taskId}/progress`, { org }, signal),
  });
  const total = q.data?.total;
  return (
    <>
      {total && org == null ? (
        <p data-testid="progress-total">
          {t(
            `${q.data?.orgName}：下发 ${total.targets}，完成 ${total.done}，待审核 ${total.reported}，逾期 ${total.overdue}`,
            `${q.data?.orgName}: ${total.targets} targets, ${total.done} done, ${total.reported} to accept, ` +
              `${total.overdue} overdue`,
          )}
        </p>
      ) : null}
      <Table<Row>
        size="small"
        rowKey="orgId"
        loading={q.isPending}
        pagination={false}
        dataSource={q.data?.rows ?? []}
        expandable={{
          rowExpandable: (r) => r.hasChildren,
          expandedRowRender: (r) => <ProgressTree taskId={taskId} org={r.orgId} version={version} />,
        }}
        locale={{ emptyText: t('下级没有承办的党组织', 'No organization below holds this task') }}
        columns={[
          { title: t('党组织', 'Organization'), dataIndex: 'orgName' },
          { title: t('下发', 'Targets'), dataIndex: 'targets', width: 70 },
          { title: t('完成', 'Done'), dataIndex: 'done', width: 70 },
          { title: t('待审核', 'To accept'), dataIndex: 'reported', width: 80 },
          {
            title: t('逾期', 'Overdue'),
            dataIndex: 'overdue',
            width: 70,
            render: (v: number) => (v ? <span style={{ color: '#a8071a', fontWeight: 600 }}>{v}</span> : 0),
          },
          {
            title: t('完成率', 'Rate'),
            dataIndex: 'rate',
            width: 160,
            render: (v: number, r) => (
              <Progress percent={v} size="small" status={r.overdue ? 'exception' : undefined} />
            ),
          },
        ]}
      />
    </>
  );
}
