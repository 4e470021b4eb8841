/**
 * Training classes (培训班): the list, a class with its plan, attendees, timeline and the moves the caller may make;
 * creating and changing a class; the course plan (while drafted or returned); the attendees (members of the
 * organizer's subtree: another township's member is not found); each session's attendance (after the plan is
 * approved, once the session is held); the results; the moves (submit, approve, return, finish) through `act()`;
 * soft delete and restore.
 */
import {
  can as roleCan,
  chinaToday,
  type ErrorCode,
  type TrainingAction,
  type TrainingClassCreateT,
  type TrainingClassDetailT,
  type TrainingClassItemT,
  type TrainingClassListQueryT,
  type TrainingClassUpdateT,
  type TrainingPlanT,
} from '@dangjian/contracts';
import { type Actor, requireCapability } from '../../../platform/actor.js';
import { writeAudit } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { restore as restoreRow, softDelete } from '../../../platform/data/scoped.js';
import { addTimeline, listTimeline } from '../../../platform/data/timeline.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { DomainError } from '../../../platform/errors.js';
import { stampsOf } from '../../../platform/stamps.js';
import { type Listed, pagingOf } from '../../../platform/listing.js';
import { act, allowedActions, asUser, authorOf, requireMove } from '../../../platform/workflow.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import * as repo from './training.repository.js';
import { trainingFlow } from './training.workflow.js';

/** Today in China by the context's clock. */
export const todayOf = (ctx: Ctx) => chinaToday(ctx.clock());

/** A refusal placed on one field of the form. */
export function fieldError(code: ErrorCode, field: string, status?: number): DomainError {
  return new DomainError(code, { fields: [{ field, code }] }, status);
}

const PLAN_OPEN = ['draft', 'returned'];

/** The list rows of classes: sessions and counts read once per page. */
async function rowsOf(ctx: Ctx, rows: repo.ClassRow[]): Promise<TrainingClassItemT[]> {
  const ids = rows.map((r) => r.id);
  const [sessions, counts] = await Promise.all([repo.sessionsOf(ctx.db, ids), repo.classCounts(ctx.db, ids)]);
  return rows.map((r) => {
    const mine = sessions.filter((s) => s.class_id === r.id);
    const c = counts.get(r.id) ?? { attendees: 0, passed: 0, failed: 0, personTimes: 0 };
    return {
      id: r.id,
      orgId: r.org_id,
      orgName: r.org_name,
      year: r.year,
      title: r.title,
      kind: r.kind as TrainingClassItemT['kind'],
      status: r.status as TrainingClassItemT['status'],
      startOn: r.start_on,
      endOn: r.end_on,
      place: r.place,
      target: r.target,
      teachers: r.teachers,
      budgetFen: r.budget_fen,
      spentFen: r.spent_fen,
      sessions: mine.length,
      plannedHours: mine.reduce((s, x) => s + x.hours_tenths, 0) / 10,
      ...c,
      returnReason: r.return_reason,
      summary: r.summary,
      ...stampsOf(r),
    };
  });
}

/** Classes of the caller's subtree, the latest first. */
export async function list(
  ctx: Ctx,
  actor: Actor,
  query: TrainingClassListQueryT,
): Promise<Listed<TrainingClassItemT>> {
  requireCapability(actor, 'training.read');
  const filter: repo.ClassFilter = {
    underPath: await orgsRepo.underOrg(ctx.db, actor, query.org),
    q: query.q?.trim() || undefined,
    status: query.status,
    kind: query.kind,
    year: query.year,
    deleted: query.deleted,
  };
  const { rows, total } = await repo.listClasses(ctx.db, actor, filter, pagingOf(query));
  return { items: await rowsOf(ctx, rows), total };
}

/** One class with its plan, attendees (hours attended, result), timeline and the moves the caller may make. */
export async function get(ctx: Ctx, actor: Actor, id: number): Promise<TrainingClassDetailT> {
  requireCapability(actor, 'training.read');
  const r = await repo.getClass(ctx.db, actor, id, 'any');
  const [item] = await rowsOf(ctx, [r]);
  const [sessions, attendees, attendance, events] = await Promise.all([
    repo.sessionsOf(ctx.db, [id]),
    repo.attendeesOf(ctx.db, [id]),
    repo.attendanceOf(ctx.db, [id]),
    listTimeline(ctx.db, 'training_class', id),
  ]);
  const hoursOf = new Map(sessions.map((s) => [s.id, s.hours_tenths]));
  const live = !r.deleted_at;
  return {
    ...item!,
    plan: sessions.map((s) => {
      const rows = attendance.filter((a) => a.session_id === s.id);
      const present = rows.filter((a) => a.present).length;
      return {
        id: s.id,
        heldOn: s.held_on,
        topic: s.topic,
        teacher: s.teacher,
        hours: s.hours_tenths / 10,
        present: rows.length ? present : null,
        absent: rows.length ? rows.length - present : null,
      };
    }),
    people: attendees.map((a) => {
      const at = attendance.filter((x) => x.member_id === a.member_id && x.present).map((x) => x.session_id);
      return {
        memberId: a.member_id,
        name: a.name,
        orgName: a.org_name,
        hours: at.reduce((s, x) => s + (hoursOf.get(x) ?? 0), 0) / 10,
        sessionsAttended: at.length,
        presentAt: at,
        result: (a.result as 'passed' | 'failed' | null) ?? null,
      };
    }),
    events,
    actions: live ? allowedActions(asUser(actor), trainingFlow, r) : [],
    canEdit: live && r.status !== 'finished' && roleCan(actor.role, 'training.write'),
  };
}

function checkDates(startOn: string, endOn: string): void {
  if (endOn < startOn) throw fieldError('training.date_range', 'endOn');
}

/** The county or a township creates a class of its own organization (or of one in its scope). */
export async function create(ctx: Ctx, actor: Actor, input: TrainingClassCreateT): Promise<TrainingClassDetailT> {
  const who = asUser(actor);
  requireMove(who, trainingFlow, 'create');
  const org = await orgsRepo.getOrg(ctx.db, actor, input.orgId ?? actor.orgId!);
  checkDates(input.startOn, input.endOn);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    const [id] = await repo.insertClasses(trx, [
      {
        tenant_id: org.tenant_id,
        org_id: org.id,
        org_path: org.org_path,
        year: Number(input.startOn.slice(0, 4)),
        title: input.title.trim(),
        kind: input.kind,
        status: 'draft',
        start_on: input.startOn,
        end_on: input.endOn,
        place: input.place.trim(),
        target: input.target.trim(),
        teachers: input.teachers?.trim() ?? '',
        budget_fen: input.budgetFen ?? 0,
        spent_fen: input.spentFen ?? 0,
        return_reason: null,
        summary: null,
        created_by: actor.userId || null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      },
    ]);
    await addTimeline(trx, authorOf(who), {
      tenantId: org.tenant_id,
      entityType: 'training_class',
      entityId: id!,
      orgPath: org.org_path,
      action: trainingFlow.spec.actions.create.event,
      toState: 'draft',
      note: input.title.trim(),
      at: now,
    });
    await writeAudit(ctx, trx, actor, {
      action: 'training.create',
      entityType: 'training_class',
      entityId: id!,
      changes: { title: { before: null, after: input.title.trim() }, status: { before: null, after: 'draft' } },
    });
    await bumpVersion(trx, org.tenant_id, 'training');
    return id!;
  });
  return get(ctx, actor, id);
}

/** Reads a live class for a change by its organizer (403 without the capability, 404 outside the scope). */
export async function forChange(ctx: Ctx, actor: Actor, id: number): Promise<repo.ClassRow> {
  requireCapability(actor, 'training.write');
  const r = await repo.getClass(ctx.db, actor, id);
  if (r.status === 'finished') throw new DomainError('training.closed', undefined, 409);
  return r;
}

/** Writes a change of a class with its audit record and version bump. */
export async function changed(
  ctx: Ctx,
  actor: Actor,
  r: repo.ClassRow,
  action: string,
  changes: Record<string, { before: unknown; after: unknown }>,
  work: (trx: repo.Q, now: string) => Promise<void>,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    await work(trx, now);
    await repo.updateClass(trx, r.id, { updated_at: now });
    await writeAudit(ctx, trx, actor, { action, entityType: 'training_class', entityId: r.id, changes });
    await bumpVersion(trx, r.tenant_id, 'training');
  });
}

/** Changes a class: its dates and kind only while the plan may change; the rest until it is finished. */
export async function update(
  ctx: Ctx,
  actor: Actor,
  id: number,
  input: TrainingClassUpdateT,
): Promise<TrainingClassDetailT> {
  const r = await forChange(ctx, actor, id);
  const planFixed = !PLAN_OPEN.includes(r.status);
  if (planFixed && (input.startOn !== undefined || input.endOn !== undefined))
    throw fieldError('training.plan_locked', input.startOn !== undefined ? 'startOn' : 'endOn', 409);
  const startOn = input.startOn ?? r.start_on;
  const endOn = input.endOn ?? r.end_on;
  checkDates(startOn, endOn);
  const set: Record<string, unknown> = {};
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  const put = (col: keyof repo.ClassRow, key: string, after: unknown) => {
    if (after === undefined || after === r[col]) return;
    set[col] = after;
    changes[key] = { before: r[col], after };
  };
  put('title', 'title', input.title?.trim());
  put('kind', 'kind', input.kind);
  put('start_on', 'startOn', input.startOn);
  put('end_on', 'endOn', input.endOn);
  put('place', 'place', input.place?.trim());
  put('target', 'target', input.target?.trim());
  put('teachers', 'teachers', input.teachers?.trim());
  put('budget_fen', 'budgetFen', input.budgetFen);
  put('spent_fen', 'spentFen', input.spentFen);
  if (set.start_on) set.year = Number(startOn.slice(0, 4));
  if (!Object.keys(changes).length) return get(ctx, actor, id);
  await changed(ctx, actor, r, 'training.update', changes, (trx) => repo.updateClass(trx, id, set));
  return get(ctx, actor, id);
}

/** Sets the course plan (its sessions, whole) while it is drafted or returned; each session within the class. */
export async function setPlan(ctx: Ctx, actor: Actor, id: number, input: TrainingPlanT): Promise<TrainingClassDetailT> {
  const r = await forChange(ctx, actor, id);
  if (!PLAN_OPEN.includes(r.status)) throw new DomainError('training.plan_locked', undefined, 409);
  input.sessions.forEach((s, i) => {
    if (s.heldOn < r.start_on || s.heldOn > r.end_on) throw fieldError('training.date_range', `sessions.${i}.heldOn`);
  });
  const hours = input.sessions.reduce((s, x) => s + x.hours, 0);
  await changed(
    ctx,
    actor,
    r,
    'training.plan',
    { sessions: { before: null, after: { count: input.sessions.length, hours } } },
    async (trx, now) =>
      repo.replaceSessions(
        trx,
        id,
        input.sessions.map((s) => ({
          tenant_id: r.tenant_id,
          org_id: r.org_id,
          org_path: r.org_path,
          class_id: id,
          held_on: s.heldOn,
          topic: s.topic.trim(),
          teacher: s.teacher.trim(),
          hours_tenths: Math.round(s.hours * 10),
          created_at: now,
          updated_at: now,
          deleted_at: null,
        })),
      ),
  );
  return get(ctx, actor, id);
}

/** Makes a move of the class flow (capability 403 first, then the class in scope or 404). */
export async function move(
  ctx: Ctx,
  actor: Actor,
  id: number,
  action: TrainingAction,
  input: Record<string, unknown>,
): Promise<TrainingClassDetailT> {
  const who = asUser(actor);
  requireMove(who, trainingFlow, action);
  const r = await repo.getClass(ctx.db, actor, id);
  const extra = action === 'submit' ? { sessions: (await repo.sessionsOf(ctx.db, [id])).length } : {};
  await act(ctx, who, trainingFlow, r, action, { ...input, ...extra });
  return get(ctx, actor, id);
}

const CHANGE = (action: string) => ({
  action,
  entityType: 'training_class',
  domains: ['training' as const],
  stampUpdatedAt: true,
});

/** Soft-deletes a class recorded by mistake (recoverable); its hours stop counting. */
export async function remove(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  requireCapability(actor, 'training.write');
  await softDelete(ctx, actor, 'training_classes', id, CHANGE('training.delete'));
}

/** Restores a deleted class. */
export async function restore(ctx: Ctx, actor: Actor, id: number): Promise<TrainingClassDetailT> {
  requireCapability(actor, 'training.write');
  await restoreRow(ctx, actor, 'training_classes', id, CHANGE('training.restore'));
  return get(ctx, actor, id);
}
