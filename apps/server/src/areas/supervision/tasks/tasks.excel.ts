/** The Excel export of the tasks a subtree issued, with each one's counts (the list's filters apply). */
import { type Labelled, TASK_COMPLETIONS, TASK_KINDS, TASK_STATUSES, type TaskListQueryT } from '@dangjian/contracts';
import { type Actor, requireCapability } from '../../../platform/actor.js';
import { writeAuditAlone } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { xlsxBuffer } from '../../../platform/excel.js';
import { newBook } from '../../../platform/sheets.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import * as repo from './tasks.repository.js';
import { rateOf, todayOf, toFilter } from './tasks.service.js';

const word = (map: Record<string, Labelled>, key: string, en: boolean) => (en ? map[key]?.en : map[key]?.zh) ?? '';

/** Every task of the list's filter as a workbook, audited with its row count. */
export async function exportTasks(ctx: Ctx, actor: Actor, query: TaskListQueryT, locale: 'zh-CN' | 'en') {
  requireCapability(actor, 'tasks.read');
  const en = locale === 'en';
  const today = todayOf(ctx);
  const underPath = await orgsRepo.underOrg(ctx.db, actor, query.org);
  const { wb, ws } = await newBook(en ? 'Tasks' : '任务督办', [
    [en ? 'Title' : '任务名称', 'title', 36],
    [en ? 'Kind' : '类型', 'kind', 12],
    [en ? 'Issued by' : '下发单位', 'org', 24],
    [en ? 'Starts' : '开始日期', 'startOn', 12],
    [en ? 'Due' : '截止日期', 'dueOn', 12],
    [en ? 'Counts as done' : '完成方式', 'completion', 16],
    [en ? 'Status' : '状态', 'status', 10],
    [en ? 'Targets' : '下发对象数', 'targets', 10],
    [en ? 'Done' : '已完成', 'done', 10],
    [en ? 'Reported' : '待审核', 'reported', 10],
    [en ? 'Overdue' : '逾期', 'overdue', 10],
    [en ? 'Rate (%)' : '完成率（%）', 'rate', 12],
  ]);
  let count = 0;
  for await (const rows of repo.iterateTasks(ctx.db, actor, toFilter(query, underPath, today))) {
    const counts = await repo.targetCounts(
      ctx.db,
      rows.map((r) => r.id),
      today,
    );
    for (const r of rows) {
      const c = counts.get(r.id) ?? { targets: 0, done: 0, reported: 0, overdue: 0 };
      count++;
      ws.addRow({
        title: r.title,
        kind: word(TASK_KINDS, r.kind, en),
        org: r.org_name,
        startOn: r.start_on,
        dueOn: r.due_on,
        completion: word(TASK_COMPLETIONS, r.completion, en),
        status: word(TASK_STATUSES, r.status, en),
        ...c,
        rate: rateOf(c.done, c.targets),
      });
    }
  }
  await writeAuditAlone(ctx, actor, { action: 'task.export', entityType: 'task', detail: `${count} rows` });
  return { buffer: await xlsxBuffer(wb), count };
}
