/**
 * The supervision area's part of the homes: tasks, problems and weak organizations. A county's or township's home
 * sees what is late or waits below it (task targets overdue, problems open / overdue / awaiting verification, weak
 * organizations in rectification); a branch's home sees its own to-do (tasks to report, problems to rectify, its
 * weak-organization file's check-ups). Each count is its module's own list total under the same filter the home's
 * link opens, so the number and the list never disagree; the section is null when the role reads none of them.
 */
import { can, chinaToday, HOME_LIST_LIMIT, type HomeSupervisionT, type WeakOrgItemT } from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import * as problems from '../../supervision/problems/problems.service.js';
import * as tasks from '../../supervision/tasks/tasks.moves.js';
import * as weakOrgs from '../../supervision/weakOrgs/weakOrgs.service.js';

type Org = { id: number; org_path: string };
type Item = HomeSupervisionT['items'][number];
const one = { page: 1, pageSize: 1 };
const few = { page: 1, pageSize: HOME_LIST_LIMIT };
const WEAK_OPEN = ['flagged', 'rectifying', 'accepting', 'extended'] as const;

/** Problems of the subtree: open, overdue, awaiting verification, to rectify; the overdue ones as rows. */
async function problemsPart(ctx: Ctx, actor: Actor, org: Org) {
  const count = async (q: Parameters<typeof problems.list>[2]) =>
    (await problems.list(ctx, actor, { ...one, org: org.id, ...q })).total;
  const overdue = await problems.list(ctx, actor, { ...few, org: org.id, overdue: true });
  const [found, assigned, rectifying, claimed] = [
    await count({ status: 'found' }),
    await count({ status: 'assigned' }),
    await count({ status: 'rectifying' }),
    await count({ status: 'claimed' }),
  ];
  const items: Item[] = overdue.items.map((p) => ({
    kind: 'problem',
    id: p.id,
    title: p.title,
    orgName: p.orgName,
    dueOn: p.dueOn,
    overdue: true,
  }));
  return {
    problemsOpen: found + assigned + rectifying + claimed,
    problemsOverdue: overdue.total,
    problemsAwaiting: claimed,
    problemsToRectify: assigned + rectifying,
    items,
  };
}

/** Task targets of the subtree overdue, and those of the caller's own organization still to report. */
async function tasksPart(ctx: Ctx, actor: Actor, org: Org) {
  const overdue = await tasks.inbox(ctx, actor, { ...few, org: org.id, overdue: true });
  // A branch's own targets to report: waiting, or sent back to it.
  const pending = await tasks.inbox(ctx, actor, { ...one, org: org.id, status: 'pending' });
  const returned = await tasks.inbox(ctx, actor, { ...one, org: org.id, status: 'returned' });
  const items: Item[] = overdue.items.map((t) => ({
    kind: 'task',
    id: t.taskId,
    title: t.title,
    orgName: t.orgName,
    dueOn: t.dueOn,
    overdue: true,
  }));
  return { tasksOverdue: overdue.total, tasksToReport: pending.total + returned.total, items };
}

/**
 * Weak organizations of the subtree in rectification (整顿中), and the open files (flagged, rectifying, accepting,
 * extended) with no check-up this month — a branch's own file, or the few of a county.
 */
async function weakPart(ctx: Ctx, actor: Actor, org: Org) {
  const month = chinaToday(ctx.clock()).slice(0, 7);
  const rectifying = await weakOrgs.list(ctx, actor, { ...few, org: org.id, status: 'rectifying' });
  const open: WeakOrgItemT[] = [];
  for (const status of WEAK_OPEN) {
    // Open files are a dozen in a county: every one of them is a small answer.
    open.push(...(await weakOrgs.list(ctx, actor, { page: 1, pageSize: 500, org: org.id, status })).items);
  }
  const items: Item[] = rectifying.items.map((w) => ({
    kind: 'weak_org',
    id: w.id,
    title: w.orgName,
    orgName: w.townshipName ?? w.orgName,
    dueOn: null,
    overdue: false,
  }));
  return {
    weakRectifying: rectifying.total,
    weakCheckupsDue: open.filter((w) => w.lastCheckupMonth !== month).length,
    items,
  };
}

/** The supervision section of `GET /api/home` for a subtree the caller may see; null where its role reads none. */
export async function supervisionSection(ctx: Ctx, actor: Actor, org: Org): Promise<HomeSupervisionT | null> {
  const may = (c: Parameters<typeof can>[1]) => can(actor.role, c);
  if (!may('problems.read') && !may('tasks.read') && !may('weakOrgs.read')) return null;
  const p = may('problems.read') ? await problemsPart(ctx, actor, org) : null;
  const t = may('tasks.read') ? await tasksPart(ctx, actor, org) : null;
  const w = may('weakOrgs.read') ? await weakPart(ctx, actor, org) : null;
  return {
    tasksOverdue: t?.tasksOverdue ?? 0,
    tasksToReport: t?.tasksToReport ?? 0,
    problemsOpen: p?.problemsOpen ?? 0,
    problemsOverdue: p?.problemsOverdue ?? 0,
    problemsAwaiting: p?.problemsAwaiting ?? 0,
    problemsToRectify: p?.problemsToRectify ?? 0,
    weakRectifying: w?.weakRectifying ?? 0,
    weakCheckupsDue: w?.weakCheckupsDue ?? 0,
    // Late first — overdue problems and tasks, a few of each so neither hides the other — then the weak files.
    items: [...(p?.items ?? []).slice(0, 4), ...(t?.items ?? []).slice(0, 4), ...(w?.items ?? [])].slice(
      0,
      HOME_LIST_LIMIT,
    ),
  };
}
