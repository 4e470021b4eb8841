/**
 * The roll-up of a task down the tree (`/api/tasks/:id/progress`): a row per organization below, with its targets,
 * done, reported, overdue and rate; a row with organizations below it opens onto them (loaded when opened).
 */
import { Progress, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../api/client';
import { useT } from '../../../app/i18n';
import type { TaskProgress } from './taskModel';

type Row = TaskProgress['rows'][number] & { children?: Row[] };

/** The progress tree of a task, from the caller's starting organization. */
export function ProgressTree({ taskId, version }: { taskId: number; version: string }) {
  const t = useT();
  const top = useQuery({
    queryKey: ['task', taskId, 'progress', version],
    queryFn: ({ signal }) => api.get<TaskProgress>(`/api/tasks/${taskId}/progress`, undefined, signal),
  });
  const [below, setBelow] = useState<Record<number, Row[]>>({});
  const withKids = (rows: Row[]): Row[] =>
    rows.map((r) => ({ ...r, children: r.hasChildren ? withKids(below[r.orgId] ?? []) : undefined }));
  async function open(r: Row) {
    if (below[r.orgId]) return;
    const p = await api.get<TaskProgress>(`/api/tasks/${taskId}/progress`, { org: r.orgId });
    setBelow((b) => ({ ...b, [r.orgId]: p.rows }));
  }
  const total = top.data?.total;
  return (
    <>
      {total ? (
        <p data-testid="progress-total">
          {t(
            `${top.data?.orgName}：下发 ${total.targets}，完成 ${total.done}，待审核 ${total.reported}，逾期 ${total.overdue}`,
            `${top.data?.orgName}: ${total.targets} targets, ${total.done} done, ${total.reported} to accept, ` +
              `${total.overdue} overdue`,
          )}
        </p>
      ) : null}
      <Table<Row>
        size="small"
        rowKey="orgId"
        loading={top.isPending}
        pagination={false}
        dataSource={withKids(top.data?.rows ?? [])}
        expandable={{ onExpand: (expanded, r) => (expanded ? void open(r) : undefined) }}
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
