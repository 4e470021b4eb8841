/**
 * Record checks: a target of a task checked from the records turns done by itself when the records show the work
 * — e.g. a meeting of the task's kind held by the target organization between the task's start and due dates,
 * read from the meetings module's repository. Run when a task is read or issued, when a receiver opens its inbox,
 * and by the daily job.
 */
import { MEETING_KIND_LABELS, type MeetingKindT, type TaskCheckParamsT } from '@dangjian/contracts';
import type { Ctx } from '../../../platform/context.js';
import { SYSTEM, move } from '../../../platform/workflow.js';
import * as meetingsRepo from '../../life/meetings/meetings.repository.js';
import * as jobsRepo from './tasks.jobs.repository.js';
import * as repo from './tasks.repository.js';
import { targetFlow } from './tasks.workflow.js';

/** What a check found for one target: done or not, in words. */
interface Found {
  ok: boolean;
  result: string;
}

async function meetingHeld(ctx: Ctx, rows: jobsRepo.CheckRow[], p: TaskCheckParamsT): Promise<Map<number, Found>> {
  const out = new Map<number, Found>();
  const first = rows[0]!;
  const kind = p.meetingKind as MeetingKindT;
  const need = p.minCount ?? 1;
  const counts = await meetingsRepo.heldByOrgs(
    ctx.db,
    first.tenant_id,
    rows.map((r) => r.org_id),
    kind,
    first.start_on,
    first.due_on,
  );
  const name = MEETING_KIND_LABELS[kind]?.zh ?? '';
  for (const r of rows) {
    const n = counts.get(r.org_id) ?? 0;
    out.set(r.id, {
      ok: n >= need,
      result: `${first.start_on} 至 ${first.due_on} 召开${name} ${n} 次${n >= need ? '' : `（应至少 ${need} 次）`}`,
    });
  }
  return out;
}

/** Checks targets (of one task each group) and moves the ones the records show done; answers how many. */
export async function checkRows(ctx: Ctx, rows: jobsRepo.CheckRow[]): Promise<number> {
  const byTask = new Map<number, jobsRepo.CheckRow[]>();
  for (const r of rows) byTask.set(r.task_id, [...(byTask.get(r.task_id) ?? []), r]);
  let done = 0;
  for (const group of byTask.values()) {
    const t = group[0]!;
    if (t.check_key !== 'meeting_held') continue;
    const found = await meetingHeld(ctx, group, JSON.parse(t.check_params ?? '{}') as TaskCheckParamsT);
    const now = ctx.clock().toISOString();
    for (const r of group) {
      const f = found.get(r.id)!;
      if (!f.ok) {
        // Written only when the finding changes: a read of a county-wide task writes nothing new.
        if (r.check_result !== f.result)
          await repo.updateTarget(ctx.db, r.id, { checked_at: now, check_result: f.result });
        continue;
      }
      const row = { ...(await repo.targetForMove(ctx.db, r.tenant_id, r.task_id, r.id)) };
      if (row.status === 'done') continue;
      await ctx.db
        .transaction()
        .execute((trx) => move(ctx, trx, SYSTEM, targetFlow, row, 'check', { result: f.result }));
      done++;
    }
  }
  return done;
}

/** Checks the open targets of one task. */
export async function checkTask(ctx: Ctx, tenantId: number, taskId: number): Promise<number> {
  return checkRows(ctx, await jobsRepo.targetsToCheck(ctx.db, { tenantId, taskId }));
}
