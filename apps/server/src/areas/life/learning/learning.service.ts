/**
 * Learning lists (夜学): the county or a township sets a month's items (at most the rule's number); a branch below
 * holds an item by linking a meeting of that month already recorded, or by a study session with attendees from its
 * roster. Members' attendance is what counts — no study time, views or clicks. Soft delete and restore of items
 * and holdings recorded by mistake.
 */
import {
  can as roleCan,
  chinaToday,
  type ErrorCode,
  type LearningCreateT,
  type LearningDetailT,
  type LearningHoldCreateT,
  type LearningItemT,
  type LearningKind,
  type LearningListQueryT,
  type LearningMineT,
  type LearningUpdateT,
} from '@dangjian/contracts';
import { subtreeRange } from '../../../db/dialect.js';
import { type Actor, requireCapability, scopeRange } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { writeAudit } from '../../../platform/data/audit.js';
import { restore as restoreRow, softDelete } from '../../../platform/data/scoped.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { type Listed, pagingOf } from '../../../platform/listing.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import * as repo from './learning.repository.js';
import { presentHold } from './learning.present.js';
import { learningRules } from './learning.rules.js';

/** Today in China by the context's clock. */
export const todayOf = (ctx: Ctx) => chinaToday(ctx.clock());

/** A refusal placed on one field of the form. */
export function fieldError(code: ErrorCode, field: string, status?: number): DomainError {
  return new DomainError(code, { fields: [{ field, code }] }, status);
}

const monthStart = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}-01`;
const monthEnd = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}-31`;

/** Whether an organization is a branch strictly below an item's setter. */
const applies = (item: { org_path: string }, org: { org_path: string; type: string }) =>
  org.org_path !== item.org_path &&
  org.org_path.startsWith(item.org_path) &&
  (repo.HOLDING_TYPES as readonly string[]).includes(org.type);

/** The caller's own branch, when it is one (the one that holds items). */
async function ownBranch(ctx: Ctx, actor: Actor) {
  if (!actor.orgId || !actor.tenantId) return undefined;
  const o = await repo.orgOfTenant(ctx.db, actor.tenantId, actor.orgId);
  return o && (repo.HOLDING_TYPES as readonly string[]).includes(o.type) ? o : undefined;
}

/** List rows, each with the caller's branch's own holding. */
async function rowsOf(ctx: Ctx, actor: Actor, rows: repo.ItemRow[]): Promise<LearningItemT[]> {
  const branch = await ownBranch(ctx, actor);
  const holds = branch
    ? await repo.holdsOf(
        ctx.db,
        actor.tenantId!,
        rows.map((r) => r.id),
        subtreeRange(branch.org_path),
      )
    : [];
  const own = holds.filter((h) => h.org_id === branch?.id);
  const present = await repo.presentAt(ctx.db, own);
  return rows.map((r) => {
    const h = own.find((x) => x.item_id === r.id);
    return {
      id: r.id,
      orgId: r.org_id,
      orgName: r.org_name,
      year: r.year,
      month: r.month,
      topic: r.topic,
      material: r.material,
      link: r.link,
      kind: r.kind as LearningKind,
      ownHold: h ? presentHold(h, present.get(h.id) ?? []) : null,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      deletedAt: r.deleted_at,
    };
  });
}

/** Items the caller sees (set in its subtree or above it), the latest month first. */
export async function list(ctx: Ctx, actor: Actor, query: LearningListQueryT): Promise<Listed<LearningItemT>> {
  requireCapability(actor, 'learning.read');
  const { rows, total } = await repo.listItems(
    ctx.db,
    actor,
    {
      orgPath: await orgsRepo.underOrg(ctx.db, actor, query.org),
      year: query.year,
      month: query.month,
      kind: query.kind,
      q: query.q?.trim() || undefined,
      deleted: query.deleted,
    },
    pagingOf(query),
  );
  return { items: await rowsOf(ctx, actor, rows), total };
}

/** An item with the holdings of the caller's subtree and what the caller may do. */
export async function get(ctx: Ctx, actor: Actor, id: number): Promise<LearningDetailT> {
  requireCapability(actor, 'learning.read');
  const r = await repo.getItem(ctx.db, actor, id, 'any');
  const [item] = await rowsOf(ctx, actor, [r]);
  const holds = await repo.holdsOf(ctx.db, actor.tenantId!, [id], scopeRange(actor));
  const present = await repo.presentAt(ctx.db, holds);
  const branch = await ownBranch(ctx, actor);
  return {
    ...item!,
    holds: holds.map((h) => presentHold(h, present.get(h.id) ?? [])),
    canEdit: !r.deleted_at && roleCan(actor.role, 'learning.write') && r.org_id === actor.orgId,
    canHold:
      !r.deleted_at &&
      roleCan(actor.role, 'learning.hold') &&
      !!branch &&
      applies(r, branch) &&
      !holds.some((h) => h.org_id === branch.id),
  };
}

/** The county or a township sets an item of a month's list, within the rule's most. */
export async function create(ctx: Ctx, actor: Actor, input: LearningCreateT): Promise<LearningDetailT> {
  requireCapability(actor, 'learning.write');
  const org = await orgsRepo.getOrg(ctx.db, actor, actor.orgId!);
  const rules = await learningRules(ctx.db, org.tenant_id, input.year);
  const now = ctx.clock().toISOString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    if ((await repo.countForMonth(trx, org.id, input.year, input.month)) >= rules.maxItems)
      throw fieldError('learning.too_many', 'month', 409);
    const [id] = await repo.insertItems(trx, [
      {
        tenant_id: org.tenant_id,
        org_id: org.id,
        org_path: org.org_path,
        year: input.year,
        month: input.month,
        topic: input.topic.trim(),
        material: input.material.trim(),
        link: input.link?.trim() || null,
        kind: input.kind,
        created_by: actor.userId || null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      },
    ]);
    await writeAudit(ctx, trx, actor, {
      action: 'learning.create',
      entityType: 'learning',
      entityId: id!,
      changes: { topic: { before: null, after: input.topic.trim() }, month: { before: null, after: input.month } },
    });
    await bumpVersion(trx, org.tenant_id, 'learning');
    return id!;
  });
  return get(ctx, actor, id);
}

/** Only the setter changes its items. */
async function ownItem(ctx: Ctx, actor: Actor, id: number, rows: 'live' | 'any' = 'live') {
  requireCapability(actor, 'learning.write');
  const r = await repo.getItem(ctx.db, actor, id, rows);
  // The county reads a township's list but does not rewrite it: a rule of the list, not a record out of reach.
  if (r.org_id !== actor.orgId) throw new DomainError('learning.not_own', undefined, 403);
  return r;
}

/** Changes an item's topic, material, link or kind. */
export async function update(ctx: Ctx, actor: Actor, id: number, input: LearningUpdateT): Promise<LearningDetailT> {
  const r = await ownItem(ctx, actor, id);
  const set: Record<string, unknown> = {};
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  const put = (col: 'topic' | 'material' | 'link' | 'kind', after: unknown) => {
    if (after === undefined || r[col] === after) return;
    set[col] = after;
    changes[col] = { before: r[col], after };
  };
  put('topic', input.topic?.trim());
  put('material', input.material?.trim());
  put('link', input.link === undefined ? undefined : input.link?.trim() || null);
  put('kind', input.kind);
  if (!Object.keys(set).length) return get(ctx, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateItem(trx, id, { ...set, updated_at: ctx.clock().toISOString() });
    await writeAudit(ctx, trx, actor, { action: 'learning.update', entityType: 'learning', entityId: id, changes });
    await bumpVersion(trx, r.tenant_id, 'learning');
  });
  return get(ctx, actor, id);
}

const CHANGE = (action: string, entityType = 'learning') => ({
  action,
  entityType,
  domains: ['learning' as const],
  stampUpdatedAt: true,
});

/** Soft-deletes an item set by mistake, before any branch held it. */
export async function remove(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  const r = await ownItem(ctx, actor, id);
  if ((await repo.holdsOf(ctx.db, r.tenant_id, [id], subtreeRange(r.org_path))).length)
    throw new DomainError('learning.has_holds', undefined, 409);
  await softDelete(ctx, actor, 'learning_items', id, CHANGE('learning.delete'));
}

/** Restores a deleted item, within the month's most. */
export async function restore(ctx: Ctx, actor: Actor, id: number): Promise<LearningDetailT> {
  const r = await ownItem(ctx, actor, id, 'any');
  const rules = await learningRules(ctx.db, r.tenant_id, r.year);
  await restoreRow(ctx, actor, 'learning_items', id, {
    ...CHANGE('learning.restore'),
    before: async (trx) => {
      if ((await repo.countForMonth(trx, r.org_id, r.year, r.month)) >= rules.maxItems)
        throw fieldError('learning.too_many', 'month', 409);
    },
  });
  return get(ctx, actor, id);
}

/** Meetings of the caller's branch in the item's month, already held: what an item may be held at. */
export async function meetingOptions(ctx: Ctx, actor: Actor, id: number) {
  requireCapability(actor, 'learning.hold');
  const r = await repo.getItem(ctx.db, actor, id);
  const rows = await repo.meetingsOfMonth(ctx.db, actor.orgId!, r.year, r.month, todayOf(ctx));
  return { items: rows.map((m) => ({ ...m, present: Number(m.present ?? 0) })) };
}

/** The caller's branch holds an item: by a meeting of that month, or by a study session with attendees. */
export async function hold(ctx: Ctx, actor: Actor, id: number, input: LearningHoldCreateT): Promise<LearningDetailT> {
  requireCapability(actor, 'learning.hold');
  const r = await repo.getItem(ctx.db, actor, id);
  const branch = await ownBranch(ctx, actor);
  if (!branch || !applies(r, branch)) throw new DomainError('learning.not_applicable', undefined, 409);
  const today = todayOf(ctx);
  let heldOn: string;
  let meetingId: number | null = null;
  let attendees: number[] = [];
  if (input.mode === 'meeting') {
    if (!input.meetingId) throw fieldError('learning.meeting_required', 'meetingId');
    const options = await repo.meetingsOfMonth(ctx.db, branch.id, r.year, r.month, today);
    const m = options.find((x) => x.id === input.meetingId);
    if (!m) throw fieldError('learning.meeting_month', 'meetingId');
    heldOn = m.heldOn;
    meetingId = m.id;
  } else {
    heldOn = input.heldOn ?? today;
    if (heldOn < monthStart(r.year, r.month) || heldOn > today) throw fieldError('learning.session_date', 'heldOn');
    attendees = input.attendeeIds ?? [];
    const onRoster = await repo.rosterAmong(ctx.db, branch.tenant_id, branch.org_path, attendees);
    if (onRoster.length !== attendees.length) throw fieldError('learning.not_roster', 'attendeeIds');
  }
  await ctx.db.transaction().execute(async (trx) => {
    const held = await repo.holdsOf(trx, branch.tenant_id, [id], subtreeRange(branch.org_path));
    if (held.some((h) => h.org_id === branch.id)) throw new DomainError('learning.already_held', undefined, 409);
    const now = ctx.clock().toISOString();
    const [hid] = await repo.insertHolds(trx, [
      {
        tenant_id: branch.tenant_id,
        org_id: branch.id,
        org_path: branch.org_path,
        item_id: id,
        mode: input.mode,
        held_on: heldOn,
        meeting_id: meetingId,
        place: input.mode === 'session' ? input.place?.trim() || null : null,
        note: input.note?.trim() || null,
        created_by: actor.userId || null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      },
    ]);
    await repo.insertAttendance(
      trx,
      attendees.map((member_id) => ({ hold_id: hid!, member_id })),
    );
    await writeAudit(ctx, trx, actor, {
      action: 'learning.hold',
      entityType: 'learning_hold',
      entityId: hid!,
      changes: {
        itemId: { before: null, after: id },
        mode: { before: null, after: input.mode },
        ...(meetingId ? { meetingId: { before: null, after: meetingId } } : {}),
      },
    });
    await bumpVersion(trx, branch.tenant_id, 'learning');
  });
  return get(ctx, actor, id);
}

/** The branch's holding of an item (its own only). */
async function ownHold(ctx: Ctx, actor: Actor, id: number, holdId: number, rows: 'live' | 'any') {
  requireCapability(actor, 'learning.hold');
  await repo.getItem(ctx.db, actor, id, 'any');
  const [h] = (await repo.holdsOf(ctx.db, actor.tenantId!, [id], scopeRange(actor), rows)).filter(
    (x) => x.id === holdId,
  );
  if (!h || h.org_id !== actor.orgId) throw notFound();
  return h;
}

/** Withdraws a holding recorded by mistake (recoverable). */
export async function unhold(ctx: Ctx, actor: Actor, id: number, holdId: number): Promise<LearningDetailT> {
  await ownHold(ctx, actor, id, holdId, 'live');
  await softDelete(ctx, actor, 'learning_holds', holdId, CHANGE('learning.unhold', 'learning_hold'));
  return get(ctx, actor, id);
}

/** Restores a withdrawn holding, unless the branch has held the item again since. */
export async function rehold(ctx: Ctx, actor: Actor, id: number, holdId: number): Promise<LearningDetailT> {
  const h = await ownHold(ctx, actor, id, holdId, 'any');
  await restoreRow(ctx, actor, 'learning_holds', holdId, {
    ...CHANGE('learning.rehold', 'learning_hold'),
    before: async (trx) => {
      const live = await repo.holdsOf(trx, h.tenant_id, [id], subtreeRange(h.org_path));
      if (live.some((x) => x.org_id === h.org_id)) throw new DomainError('learning.already_held', undefined, 409);
    },
  });
  return get(ctx, actor, id);
}

/** The member's phone page: this month's items of its branch, whether held and whether it attended. */
export async function mine(ctx: Ctx, actor: Actor): Promise<LearningMineT> {
  requireCapability(actor, 'learning.read');
  const today = todayOf(ctx);
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const m = actor.memberId ? await repo.memberOrg(ctx.db, actor.memberId) : undefined;
  const path = m?.org_path ?? actor.orgPath!;
  // The member's branch: its own organization or the nearest branch above it (a party group's branch).
  const chain = [...repo.ancestorsOf(path), path].reverse();
  let branch: Awaited<ReturnType<typeof repo.orgOfTenant>>;
  for (const p of chain) {
    const id = Number(p.split('/').filter(Boolean).at(-1));
    const o = await repo.orgOfTenant(ctx.db, actor.tenantId!, id);
    if (o && (repo.HOLDING_TYPES as readonly string[]).includes(o.type)) {
      branch = o;
      break;
    }
  }
  if (!branch) {
    const o = await repo.orgOfTenant(ctx.db, actor.tenantId!, actor.orgId!);
    return { year, month, orgName: o?.name ?? '', items: [] };
  }
  const b = branch;
  const items = (await repo.itemsFor(ctx.db, b.tenant_id, b.org_path, year, month)).filter((i) => applies(i, b));
  const holds = (
    await repo.holdsOf(
      ctx.db,
      b.tenant_id,
      items.map((i) => i.id),
      subtreeRange(b.org_path),
    )
  ).filter((h) => h.org_id === b.id);
  const present = await repo.presentAt(ctx.db, holds);
  return {
    year,
    month,
    orgName: b.name,
    items: items.map((i) => {
      const h = holds.find((x) => x.item_id === i.id);
      return {
        id: i.id,
        topic: i.topic,
        material: i.material,
        link: i.link,
        kind: i.kind as LearningKind,
        held: !!h,
        heldOn: h?.held_on ?? null,
        attended: !!h && !!actor.memberId && (present.get(h.id) ?? []).some((p) => p.id === actor.memberId),
      };
    }),
  };
}

export { monthEnd };
