/**
 * Dispatched cadres (派驻): the list and one dispatch of the caller's subtree (a village reads those sent to it; the
 * county and townships manage), a new dispatch — a rotation links it to the one it replaces, which ends the day
 * before as 轮换 — its change, soft delete and restore with audit, and the days present per month entered by the
 * township (a number with a note: recorded work, never a click or a location).
 */
import {
  chinaToday,
  type DispatchCreateT,
  type DispatchDetailT,
  type DispatchItemT,
  type DispatchListQueryT,
  type DispatchPresenceBodyT,
  type DispatchUpdateT,
  type ErrorCode,
  addDays,
  firstSecretaryFundsPath,
} from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import { diff, writeAudit } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { restore as restoreRow, softDelete } from '../../../platform/data/scoped.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { DomainError } from '../../../platform/errors.js';
import { type Listed, pagingOf } from '../../../platform/listing.js';
import { guardPhone } from '../../../platform/personal.js';
import { stampsOf } from '../../../platform/stamps.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import * as repo from './dispatches.repository.js';

/** A refusal placed on one field of the form. */
function fieldError(code: ErrorCode, field: string, status?: number): DomainError {
  return new DomainError(code, { fields: [{ field, code }] }, status);
}

const ENTITY = 'dispatch';

/** The answers of some rows: their organizations, township, rotation and this year's days. */
async function presentAll(ctx: Ctx, tenantId: number, rows: repo.NamedRow[]): Promise<DispatchItemT[]> {
  const ids = rows.map((r) => r.id);
  const year = chinaToday(ctx.clock()).slice(0, 4);
  const [orgs, days, replacers, towns] = await Promise.all([
    repo.orgsOf(ctx.db, ids),
    repo.daysOf(ctx.db, ids, `${year}-01`, `${year}-12`),
    repo.replacersOf(ctx.db, ids),
    repo.townships(ctx.db, tenantId),
  ]);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as DispatchItemT['kind'],
    teamRole: (r.team_role as DispatchItemT['teamRole']) ?? null,
    teamId: r.team_id,
    teamName: r.team_name,
    personName: r.person_name,
    post: r.post,
    phone: r.phone_masked,
    sendingUnit: r.sending_unit,
    unitLevel: r.unit_level as DispatchItemT['unitLevel'],
    orgId: r.org_id,
    orgName: r.org_name,
    townshipName: towns.find((t) => r.org_path.startsWith(t.org_path))?.name ?? null,
    orgs: orgs.filter((o) => o.dispatch_id === r.id).map((o) => ({ id: o.org_id, name: o.name })),
    startedOn: r.started_on,
    endsOn: r.ends_on,
    endedOn: r.ended_on,
    status: r.status as DispatchItemT['status'],
    replacesId: r.replaces_id,
    replacedById: replacers.find((x) => x.replaces_id === r.id)?.id ?? null,
    daysThisYear: Number(days.find((d) => d.dispatch_id === r.id)?.days ?? 0),
    note: r.note,
    ...stampsOf(r),
  }));
}

/** The repository filter of a list query. */
export function toFilter(query: DispatchListQueryT, underPath: string | undefined): repo.DispatchFilter {
  return {
    underPath,
    kind: query.kind,
    status: query.status,
    unitLevel: query.unitLevel,
    teamId: query.teamId,
    teamRole: query.teamRole,
    q: query.q?.trim() || undefined,
    deleted: query.deleted,
  };
}

/** Dispatches of the caller's subtree. */
export async function list(ctx: Ctx, actor: Actor, query: DispatchListQueryT): Promise<Listed<DispatchItemT>> {
  requireCapability(actor, 'dispatches.read');
  const underPath = await orgsRepo.underOrg(ctx.db, actor, query.org);
  const { rows, total } = await repo.listDispatches(ctx.db, actor, toFilter(query, underPath), pagingOf(query));
  return { items: await presentAll(ctx, actor.tenantId!, rows), total };
}

/** One dispatch with its days present, its team and its rotation chain (deleted ones too, for the recycle bin). */
export async function get(ctx: Ctx, actor: Actor, id: number): Promise<DispatchDetailT> {
  requireCapability(actor, 'dispatches.read');
  const row = await repo.getDispatch(ctx.db, actor, id, 'any');
  const [item] = await presentAll(ctx, actor.tenantId!, [row]);
  const presence = await repo.presenceOf(ctx.db, id);
  const members = row.team_role === 'leader' ? await repo.teamMembers(ctx.db, actor, id) : [];
  // The rotation chain: back through those it replaced, forward through those that replaced it.
  type Link = { id: number; person_name: string; started_on: string; ended_on: string | null; status: string };
  const chain: Link[] = [row];
  const seen = new Set<number>([id]);
  for (let back = row.replaces_id; back && !seen.has(back); ) {
    seen.add(back);
    const r = await repo.byId(ctx.db, actor.tenantId!, back);
    if (!r) break;
    chain.unshift(r);
    back = r.replaces_id;
  }
  for (let next = item!.replacedById; next && !seen.has(next); ) {
    seen.add(next);
    const r = await repo.byId(ctx.db, actor.tenantId!, next);
    if (!r) break;
    chain.push(r);
    next = (await repo.replacersOf(ctx.db, [r.id]))[0]?.id ?? null;
  }
  return {
    ...item!,
    presence: presence.map((p) => ({ month: p.month, days: p.days, note: p.note, recordedAt: p.updated_at })),
    members: members.map((m) => ({ id: m.id, personName: m.person_name, status: m.status as DispatchItemT['status'] })),
    history: chain.map((h) => ({
      id: h.id,
      personName: h.person_name,
      startedOn: h.started_on,
      endedOn: h.ended_on,
      status: h.status as DispatchItemT['status'],
    })),
    fundsPath: row.kind === 'first_secretary' ? firstSecretaryFundsPath(row.org_id) : null,
  };
}

/** The organizations named, each in the caller's scope (another township's is 404), not the county itself. */
async function orgsIn(ctx: Ctx, actor: Actor, ids: number[]) {
  const unique = [...new Set(ids)];
  const orgs = [];
  for (const id of unique) {
    const o = await orgsRepo.getOrg(ctx.db, actor, id);
    if (o.depth < 1) throw fieldError('dispatches.org_not_place', 'orgIds');
    orgs.push(o);
  }
  return orgs;
}

/** Checks a work team's place and team: a member names a leader's live dispatch of the caller's scope. */
async function teamOf(ctx: Ctx, actor: Actor, kind: string, role: string | null, teamId: number | null) {
  if (kind !== 'work_team') {
    if (role || teamId) throw fieldError('dispatches.team_only', role ? 'teamRole' : 'teamId');
    return null;
  }
  if (!role) throw fieldError('dispatches.team_required', 'teamRole');
  if (role === 'leader') {
    if (teamId) throw fieldError('dispatches.team_only', 'teamId');
    return null;
  }
  if (!teamId) throw fieldError('dispatches.team_required', 'teamId');
  const team = await repo.getDispatch(ctx.db, actor, teamId).catch(() => null);
  if (!team || team.kind !== 'work_team' || team.team_role !== 'leader')
    throw fieldError('dispatches.team_unknown', 'teamId', 404);
  return team.id;
}

/** Records a dispatch; a rotation ends the one it replaces the day before. */
export async function create(ctx: Ctx, actor: Actor, input: DispatchCreateT): Promise<DispatchDetailT> {
  requireCapability(actor, 'dispatches.write');
  const orgs = await orgsIn(ctx, actor, input.orgIds);
  const teamId = await teamOf(ctx, actor, input.kind, input.teamRole ?? null, input.teamId ?? null);
  if (input.endsOn && input.endsOn < input.startedOn) throw fieldError('dispatches.dates', 'endsOn');
  let replaced: repo.NamedRow | null = null;
  if (input.replacesId) {
    replaced = await repo.getDispatch(ctx.db, actor, input.replacesId);
    if (replaced.kind !== input.kind || replaced.status !== 'on_duty' || replaced.started_on >= input.startedOn)
      throw fieldError('dispatches.replaces_same_kind', 'replacesId');
  }
  const personName = input.personName.trim();
  const sendingUnit = input.sendingUnit.trim();
  if (!personName) throw fieldError('validation', 'personName');
  if (!sendingUnit) throw fieldError('validation', 'sendingUnit');
  const phone = guardPhone(ctx, input.phone);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    const id = await repo.insertDispatch(trx, {
      tenant_id: actor.tenantId!,
      org_id: orgs[0]!.id,
      org_path: orgs[0]!.org_path,
      kind: input.kind,
      person_name: personName,
      sending_unit: sendingUnit,
      unit_level: input.unitLevel,
      started_on: input.startedOn,
      status: 'on_duty',
      team_role: input.kind === 'work_team' ? (input.teamRole ?? null) : null,
      team_id: teamId,
      post: input.post?.trim() || null,
      ends_on: input.endsOn ?? null,
      ended_on: null,
      note: input.note?.trim() || null,
      replaces_id: replaced?.id ?? null,
      phone_enc: phone.phone_enc ?? null,
      phone_hash: phone.phone_hash ?? null,
      phone_masked: phone.phone_masked ?? null,
      created_by: actor.userId || null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
    await repo.setOrgs(trx, actor.tenantId!, id, orgs);
    await writeAudit(ctx, trx, actor, {
      action: 'dispatches.create',
      entityType: ENTITY,
      entityId: id,
      changes: diff(null, { kind: input.kind, personName, sendingUnit, orgIds: orgs.map((o) => o.id) }),
    });
    if (replaced) {
      const endedOn = addDays(input.startedOn, -1);
      await repo.updateDispatch(trx, replaced.id, { status: 'rotated', ended_on: endedOn, updated_at: now });
      await writeAudit(ctx, trx, actor, {
        action: 'dispatches.rotate',
        entityType: ENTITY,
        entityId: replaced.id,
        changes: diff({ status: replaced.status, endedOn: replaced.ended_on }, { status: 'rotated', endedOn }),
        detail: `replaced by ${id}`,
      });
    }
    await bumpVersion(trx, actor.tenantId!, 'dispatches');
    return id;
  });
  return get(ctx, actor, id);
}

/** Changes a dispatch of the caller's subtree (its kind and team stay); ending it sets the end date. */
export async function update(ctx: Ctx, actor: Actor, id: number, input: DispatchUpdateT): Promise<DispatchDetailT> {
  requireCapability(actor, 'dispatches.write');
  const r = await repo.getDispatch(ctx.db, actor, id);
  const orgs = input.orgIds ? await orgsIn(ctx, actor, input.orgIds) : null;
  const set: Record<string, unknown> = {};
  if (input.personName !== undefined) {
    const v = input.personName.trim();
    if (!v) throw fieldError('validation', 'personName');
    set.person_name = v;
  }
  if (input.sendingUnit !== undefined) {
    const v = input.sendingUnit.trim();
    if (!v) throw fieldError('validation', 'sendingUnit');
    set.sending_unit = v;
  }
  if (input.unitLevel !== undefined) set.unit_level = input.unitLevel;
  if (input.startedOn !== undefined) set.started_on = input.startedOn;
  if (input.endsOn !== undefined) set.ends_on = input.endsOn;
  if (input.post !== undefined) set.post = input.post?.trim() || null;
  if (input.note !== undefined) set.note = input.note?.trim() || null;
  if (input.status !== undefined) set.status = input.status;
  if (input.endedOn !== undefined) set.ended_on = input.endedOn;
  // Ending a dispatch without a date ends it today; back on duty clears the end.
  const status = (set.status as string | undefined) ?? r.status;
  if (status === 'on_duty') set.ended_on = null;
  else if (!((set.ended_on as string | null | undefined) ?? r.ended_on)) set.ended_on = chinaToday(ctx.clock());
  if (input.phone !== undefined) Object.assign(set, guardPhone(ctx, input.phone));
  if (orgs) Object.assign(set, { org_id: orgs[0]!.id, org_path: orgs[0]!.org_path });
  const started = (set.started_on as string | undefined) ?? r.started_on;
  const endsOn = set.ends_on !== undefined ? (set.ends_on as string | null) : r.ends_on;
  const endedOn = set.ended_on !== undefined ? (set.ended_on as string | null) : r.ended_on;
  if (endsOn && endsOn < started) throw fieldError('dispatches.dates', 'endsOn');
  if (endedOn && endedOn < started) throw fieldError('dispatches.dates', 'endedOn');
  const before = Object.fromEntries(
    Object.keys(set)
      .filter((k) => !k.startsWith('phone_'))
      .map((k) => [k, (r as Record<string, unknown>)[k]]),
  );
  const after = Object.fromEntries(Object.entries(set).filter(([k]) => !k.startsWith('phone_')));
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateDispatch(trx, id, { ...set, updated_at: ctx.clock().toISOString() });
    if (orgs) await repo.setOrgs(trx, actor.tenantId!, id, orgs);
    await writeAudit(ctx, trx, actor, {
      action: 'dispatches.update',
      entityType: ENTITY,
      entityId: id,
      changes: diff(before, after),
    });
    await bumpVersion(trx, actor.tenantId!, 'dispatches');
  });
  return get(ctx, actor, id);
}

/** Records the days present in one month (a number with a note, entered by the township; changing it overwrites). */
export async function presence(
  ctx: Ctx,
  actor: Actor,
  id: number,
  input: DispatchPresenceBodyT,
): Promise<DispatchDetailT> {
  requireCapability(actor, 'dispatches.write');
  const r = await repo.getDispatch(ctx.db, actor, id);
  const today = chinaToday(ctx.clock());
  const end = (r.ended_on ?? today).slice(0, 7);
  if (input.month < r.started_on.slice(0, 7) || input.month > end || input.month > today.slice(0, 7))
    throw fieldError('dispatches.month_outside', 'month');
  const [y, m] = input.month.split('-').map(Number) as [number, number];
  if (input.days > new Date(Date.UTC(y, m, 0)).getUTCDate()) throw fieldError('dispatches.days_month', 'days');
  const existing = await repo.presenceRow(ctx.db, id, input.month);
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    await repo.upsertPresence(trx, existing, {
      tenant_id: r.tenant_id,
      org_id: r.org_id,
      org_path: r.org_path,
      dispatch_id: id,
      month: input.month,
      days: input.days,
      note: input.note?.trim() || null,
      recorded_by: actor.userId || null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
    await writeAudit(ctx, trx, actor, {
      action: 'dispatches.presence',
      entityType: ENTITY,
      entityId: id,
      changes: diff({ days: existing?.days ?? null }, { days: input.days }),
      detail: input.month,
    });
    await bumpVersion(trx, actor.tenantId!, 'dispatches');
  });
  return get(ctx, actor, id);
}

const CHANGE = (action: string, deleting: boolean) => ({
  action,
  entityType: ENTITY,
  domains: ['dispatches' as const],
  stampUpdatedAt: true,
  before: async (
    trx: import('kysely').Transaction<import('../../../db/schema/index.js').DB>,
    row: Record<string, unknown>,
  ) => repo.markOrgs(trx, row.id as number, deleting ? new Date().toISOString() : null),
});

/** Soft-deletes a dispatch recorded by mistake (recoverable, audited). */
export async function remove(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  requireCapability(actor, 'dispatches.write');
  await softDelete(ctx, actor, 'dispatches', id, CHANGE('dispatches.delete', true));
}

/** Restores a deleted dispatch. */
export async function restore(ctx: Ctx, actor: Actor, id: number): Promise<DispatchDetailT> {
  requireCapability(actor, 'dispatches.write');
  await restoreRow(ctx, actor, 'dispatches', id, CHANGE('dispatches.restore', false));
  return get(ctx, actor, id);
}
