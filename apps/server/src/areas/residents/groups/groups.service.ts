/**
 * Household groups (联户组, 三带五联): a leader with about five households of one village, a few of them
 * poor; the size limits are rules. Coverage of any subtree and the households left out.
 */
import type {
  GroupCoverageT,
  HouseholdGroupCreateT,
  HouseholdGroupDetailT,
  HouseholdGroupListQueryT,
  HouseholdGroupPatchT,
  HouseholdGroupT,
  HouseholdListQueryT,
  HouseholdT,
  ResidentsRules,
} from '@dangjian/contracts';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DB, HouseholdGroupsTable } from '../../../db/schema.js';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability, scopeRange } from '../../../platform/actor.js';
import { diff, writeAudit } from '../../../platform/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { likeContains, subtreeRange } from '../../../db/dialect.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { bumpVersion } from '../../../platform/versions.js';
import { coverageFigure } from './groups.figures.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { guardPhone } from '../common/residents.shared.js';
import { residentsRules } from '../common/residents.rules.js';
import * as repo from '../households/households.repository.js';
import { parseTags, present as presentHousehold, villageOrg } from '../households/households.service.js';
import * as membersRepo from '../../core/members/members.repository.js';

type Q = Kysely<DB> | Transaction<DB>;
type GroupRow = Selectable<HouseholdGroupsTable> & { org_name: string };
interface Counts {
  households: number;
  poor: number;
  people: number;
}

/** Whether a group's size and poor count keep to the rules (reported, not refused: villages form groups gradually). */
function flags(c: Counts, rules: ResidentsRules): { sizeOk: boolean; poorOk: boolean } {
  return {
    sizeOk: c.households >= rules.groupSizeMin && c.households <= rules.groupSizeMax,
    poorOk: c.poor >= rules.groupPoorMin && c.poor <= rules.groupPoorMax,
  };
}

function summary(g: GroupRow, c: Counts, rules: ResidentsRules): HouseholdGroupT {
  return {
    id: g.id,
    orgId: g.org_id,
    orgName: g.org_name,
    name: g.name,
    leaderKind: g.leader_kind as HouseholdGroupT['leaderKind'],
    leaderName: g.leader_name,
    leaderMemberId: g.leader_member_id,
    leaderPhone: g.leader_phone_masked,
    households: c.households,
    poorHouseholds: c.poor,
    people: c.people,
    ...flags(c, rules),
    createdAt: g.created_at,
    updatedAt: g.updated_at,
    deletedAt: g.deleted_at,
  };
}

/** Live households, poor households and people of groups, by group. */
async function countsOf(db: Q, groupIds: number[]): Promise<Map<number, Counts>> {
  const out = new Map<number, Counts>();
  for (let i = 0; i < groupIds.length; i += 500) {
    const rows = await db
      .selectFrom('households')
      .select('group_id')
      .select((e) => e.fn.countAll<number>().as('n'))
      .select(sql<number>`sum(is_poor)`.as('poor'))
      .select(sql<number>`sum(people)`.as('people'))
      .where('group_id', 'in', groupIds.slice(i, i + 500))
      .where('deleted_at', 'is', null)
      .groupBy('group_id')
      .execute();
    for (const r of rows)
      out.set(r.group_id!, { households: Number(r.n), poor: Number(r.poor ?? 0), people: Number(r.people ?? 0) });
  }
  return out;
}

const EMPTY: Counts = { households: 0, poor: 0, people: 0 };

async function getGroup(db: Q, actor: Actor, id: number, opts: { includeDeleted?: boolean } = {}): Promise<GroupRow> {
  const [lo, hi] = scopeRange(actor);
  let q = db
    .selectFrom('household_groups as g')
    .innerJoin('orgs as o', 'o.id', 'g.org_id')
    .selectAll('g')
    .select('o.name as org_name')
    .where('g.id', '=', id)
    .where('g.tenant_id', '=', actor.tenantId!)
    .where('g.org_path', '>=', lo)
    .where('g.org_path', '<', hi);
  if (!opts.includeDeleted) q = q.where('g.deleted_at', 'is', null);
  const row = (await q.executeTakeFirst()) as GroupRow | undefined;
  if (!row) throw notFound();
  return row;
}

async function pathRange(ctx: Ctx, actor: Actor, orgId?: number): Promise<[string, string]> {
  return orgId ? subtreeRange((await orgsRepo.getOrg(ctx.db, actor, orgId)).org_path) : scopeRange(actor);
}

/** Groups of a subtree with their sizes and rule flags. */
export async function list(
  ctx: Ctx,
  actor: Actor,
  query: HouseholdGroupListQueryT,
): Promise<{ items: HouseholdGroupT[]; total: number }> {
  requireCapability(actor, 'residents.read');
  const [lo, hi] = await pathRange(ctx, actor, query.org);
  let q = ctx.db
    .selectFrom('household_groups as g')
    .innerJoin('orgs as o', 'o.id', 'g.org_id')
    .where('g.tenant_id', '=', actor.tenantId!)
    .where('g.org_path', '>=', lo)
    .where('g.org_path', '<', hi);
  q = query.deleted ? q.where('g.deleted_at', 'is not', null) : q.where('g.deleted_at', 'is', null);
  const text = query.q?.trim();
  if (text) q = q.where((eb) => eb.or([likeContains('g.name', text), likeContains('g.leader_name', text)]));
  const total = Number((await q.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const pageSize = query.pageSize ?? 20;
  const rows = total
    ? ((await q
        .selectAll('g')
        .select('o.name as org_name')
        .orderBy('g.org_path')
        .orderBy('g.id')
        .limit(pageSize)
        .offset(((query.page ?? 1) - 1) * pageSize)
        .execute()) as GroupRow[])
    : [];
  const [counts, rules] = await Promise.all([
    countsOf(
      ctx.db,
      rows.map((r) => r.id),
    ),
    residentsRules(ctx.db, actor.tenantId!),
  ]);
  return { items: rows.map((r) => summary(r, counts.get(r.id) ?? EMPTY, rules)), total };
}

/** One group with its households. */
export async function get(ctx: Ctx, actor: Actor, id: number): Promise<HouseholdGroupDetailT> {
  requireCapability(actor, 'residents.read');
  const g = await getGroup(ctx.db, actor, id, { includeDeleted: true });
  const [counts, rules, households] = await Promise.all([
    countsOf(ctx.db, [id]),
    residentsRules(ctx.db, actor.tenantId!),
    ctx.db
      .selectFrom('households')
      .select(['id', 'address', 'head_name', 'tags', 'is_poor', 'people'])
      .where('group_id', '=', id)
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .execute(),
  ]);
  return {
    ...summary(g, counts.get(id) ?? EMPTY, rules),
    households: households.map((h) => ({
      id: h.id,
      address: h.address,
      headName: h.head_name,
      tags: parseTags(h.tags),
      isPoor: Boolean(Number(h.is_poor)),
      people: Number(h.people),
    })),
  };
}

/**
 * Checks the households of a group inside the writing transaction: live, of the group's village, in no
 * other live group, and no more than groupSizeMax of them.
 */
async function checkHouseholds(
  trx: Q,
  actor: Actor,
  org: { id: number; org_path: string; tenant_id: number },
  groupId: number | null,
  ids: number[],
): Promise<void> {
  const rules = await residentsRules(trx, org.tenant_id);
  if (ids.length > rules.groupSizeMax)
    throw new DomainError('residents.group_size', { households: ids.length, max: rules.groupSizeMax });
  if (!ids.length) return;
  const [lo, hi] = scopeRange(actor);
  const rows = await trx
    .selectFrom('households as h')
    .leftJoin('household_groups as g', (j) => j.onRef('g.id', '=', 'h.group_id').on('g.deleted_at', 'is', null))
    .select(['h.id', 'h.org_path', 'g.id as live_group'])
    .where('h.id', 'in', ids)
    .where('h.tenant_id', '=', org.tenant_id)
    .where('h.org_path', '>=', lo)
    .where('h.org_path', '<', hi)
    .where('h.deleted_at', 'is', null)
    .execute();
  if (rows.length !== ids.length) throw notFound();
  const [olo, ohi] = subtreeRange(org.org_path);
  for (const r of rows) {
    if (r.org_path < olo || r.org_path >= ohi)
      throw new DomainError('residents.household_other_org', { householdId: r.id });
    if (r.live_group != null && r.live_group !== groupId)
      throw new DomainError('residents.household_in_group', { householdId: r.id }, 409);
  }
}

function leaderPhone(ctx: Ctx, raw: string | null | undefined) {
  return guardPhone(ctx, raw, 'leader_phone') as {
    leader_phone_enc: string | null;
    leader_phone_hash: string | null;
    leader_phone_masked: string | null;
  };
}

function auditable(g: HouseholdGroupT, householdIds: number[]) {
  return {
    orgId: g.orgId,
    name: g.name,
    leaderKind: g.leaderKind,
    leaderName: g.leaderName,
    leaderMemberId: g.leaderMemberId,
    leaderPhone: g.leaderPhone,
    householdIds,
  };
}

async function memberIds(db: Q, groupId: number): Promise<number[]> {
  return (
    await db
      .selectFrom('households')
      .select('id')
      .where('group_id', '=', groupId)
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .execute()
  ).map((r) => r.id);
}

/** Forms a group of households of one village. */
export async function create(ctx: Ctx, actor: Actor, input: HouseholdGroupCreateT): Promise<HouseholdGroupDetailT> {
  requireCapability(actor, 'residents.write');
  const org = await villageOrg(ctx.db, actor, input.orgId);
  if (input.leaderMemberId != null) await membersRepo.requireMemberInScope(ctx.db, actor, input.leaderMemberId);
  const phone = leaderPhone(ctx, input.leaderPhone);
  const id = await ctx.db.transaction().execute(async (trx) => {
    await checkHouseholds(trx, actor, org, null, input.householdIds);
    const now = ctx.clock().toISOString();
    const { id } = await trx
      .insertInto('household_groups')
      .values({
        tenant_id: org.tenant_id,
        org_id: org.id,
        org_path: org.org_path,
        name: input.name.trim(),
        leader_kind: input.leaderKind,
        leader_name: input.leaderName.trim(),
        leader_member_id: input.leaderMemberId ?? null,
        leader_household_id: null,
        ...phone,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.householdIds.length)
      await trx
        .updateTable('households')
        .set({ group_id: id, updated_at: now })
        .where('id', 'in', input.householdIds)
        .execute();
    const rules = await residentsRules(trx, org.tenant_id);
    const after = summary(await getGroup(trx, actor, id), (await countsOf(trx, [id])).get(id) ?? EMPTY, rules);
    await bumpVersion(trx, org.tenant_id, 'residents');
    await bumpVersion(trx, org.tenant_id, 'households');
    await writeAudit(ctx, trx, actor, {
      action: 'household_group.create',
      entityType: 'household_group',
      entityId: id,
      changes: diff(
        null,
        auditable(
          after,
          [...input.householdIds].sort((a, b) => a - b),
        ),
      ),
    });
    return id;
  });
  return get(ctx, actor, id);
}

/** Edits a group; `householdIds` replaces its set of households. */
export async function update(
  ctx: Ctx,
  actor: Actor,
  id: number,
  patch: HouseholdGroupPatchT,
): Promise<HouseholdGroupDetailT> {
  requireCapability(actor, 'residents.write');
  const g = await getGroup(ctx.db, actor, id);
  const org =
    patch.orgId !== undefined && patch.orgId !== g.org_id
      ? await villageOrg(ctx.db, actor, patch.orgId)
      : { id: g.org_id, org_path: g.org_path, tenant_id: g.tenant_id };
  if (patch.leaderMemberId != null) await membersRepo.requireMemberInScope(ctx.db, actor, patch.leaderMemberId);
  const set: Record<string, unknown> = {};
  if (org.id !== g.org_id) Object.assign(set, { org_id: org.id, org_path: org.org_path });
  if (patch.name !== undefined) set.name = patch.name.trim();
  if (patch.leaderKind !== undefined) set.leader_kind = patch.leaderKind;
  if (patch.leaderName !== undefined) set.leader_name = patch.leaderName.trim();
  if (patch.leaderMemberId !== undefined) set.leader_member_id = patch.leaderMemberId;
  if (patch.leaderPhone !== undefined) {
    const phone = leaderPhone(ctx, patch.leaderPhone);
    if (phone.leader_phone_hash !== g.leader_phone_hash) Object.assign(set, phone);
  }
  await ctx.db.transaction().execute(async (trx) => {
    const rules = await residentsRules(trx, g.tenant_id);
    const beforeIds = await memberIds(trx, id);
    const before = summary(g, (await countsOf(trx, [id])).get(id) ?? EMPTY, rules);
    // A move to another village keeps only the households given again (they must be of the new village).
    const ids = patch.householdIds ?? (org.id !== g.org_id ? [] : beforeIds);
    await checkHouseholds(trx, actor, org, id, ids);
    const now = ctx.clock().toISOString();
    await trx
      .updateTable('household_groups')
      .set({ ...set, updated_at: now })
      .where('id', '=', id)
      .execute();
    const removed = beforeIds.filter((h) => !ids.includes(h));
    if (removed.length)
      await trx.updateTable('households').set({ group_id: null, updated_at: now }).where('id', 'in', removed).execute();
    if (ids.length)
      await trx.updateTable('households').set({ group_id: id, updated_at: now }).where('id', 'in', ids).execute();
    const after = summary(await getGroup(trx, actor, id), (await countsOf(trx, [id])).get(id) ?? EMPTY, rules);
    await bumpVersion(trx, g.tenant_id, 'residents');
    await bumpVersion(trx, g.tenant_id, 'households');
    await writeAudit(ctx, trx, actor, {
      action: 'household_group.update',
      entityType: 'household_group',
      entityId: id,
      changes: diff(
        auditable(before, beforeIds),
        auditable(
          after,
          [...ids].sort((a, b) => a - b),
        ),
      ),
    });
  });
  return get(ctx, actor, id);
}

/**
 * Soft-deletes a group. Its households keep `group_id` so that a restore brings back those not
 * regrouped since; a deleted group covers nobody (every figure joins live groups only).
 */
export async function remove(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  requireCapability(actor, 'residents.write');
  const g = await getGroup(ctx.db, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    await trx.updateTable('household_groups').set({ deleted_at: now, updated_at: now }).where('id', '=', id).execute();
    await bumpVersion(trx, g.tenant_id, 'residents');
    await bumpVersion(trx, g.tenant_id, 'households');
    await writeAudit(ctx, trx, actor, {
      action: 'household_group.delete',
      entityType: 'household_group',
      entityId: id,
      changes: { deletedAt: { before: null, after: now } },
    });
  });
}

/** Restores a group with the households still pointing to it (those regrouped meanwhile stay where they are). */
export async function restore(ctx: Ctx, actor: Actor, id: number): Promise<HouseholdGroupDetailT> {
  requireCapability(actor, 'residents.write');
  const g = await getGroup(ctx.db, actor, id, { includeDeleted: true });
  if (!g.deleted_at) throw new DomainError('residents.not_deleted', undefined, 409);
  await ctx.db.transaction().execute(async (trx) => {
    const rules = await residentsRules(trx, g.tenant_id);
    const ids = await memberIds(trx, id);
    if (ids.length > rules.groupSizeMax)
      throw new DomainError('residents.group_size', { households: ids.length, max: rules.groupSizeMax });
    await trx
      .updateTable('household_groups')
      .set({ deleted_at: null, updated_at: ctx.clock().toISOString() })
      .where('id', '=', id)
      .execute();
    await bumpVersion(trx, g.tenant_id, 'residents');
    await bumpVersion(trx, g.tenant_id, 'households');
    await writeAudit(ctx, trx, actor, {
      action: 'household_group.restore',
      entityType: 'household_group',
      entityId: id,
      changes: { deletedAt: { before: g.deleted_at, after: null } },
    });
  });
  return get(ctx, actor, id);
}

interface Tally {
  groups: number;
  households: number;
  householdsTotal: number;
  people: number;
  peopleTotal: number;
}
const rate = (t: Tally) => (t.householdsTotal ? t.households / t.householdsTotal : 0);

/**
 * Coverage of a subtree (default: the caller's scope): groups, households and people in a live group
 * against all, poor households covered, groups off the rules, and the same by child organization.
 */
export async function coverage(ctx: Ctx, actor: Actor, orgId?: number): Promise<GroupCoverageT> {
  requireCapability(actor, 'residents.read');
  const root = orgId ? await orgsRepo.getOrg(ctx.db, actor, orgId) : await orgsRepo.getOrg(ctx.db, actor, actor.orgId!);
  const tenantId = actor.tenantId!;
  const [lo, hi] = subtreeRange(root.org_path);
  return coverageFigure.get(ctx, tenantId, { root: root.id, path: root.org_path }, async () => {
    const rules = await residentsRules(ctx.db, tenantId);
    const children = await ctx.db
      .selectFrom('orgs')
      .select(['id', 'name', 'org_path'])
      .where('parent_id', '=', root.id)
      .where('tenant_id', '=', tenantId)
      .where('deleted_at', 'is', null)
      .orderBy('sort_order')
      .orderBy('id')
      .execute();
    const childOf = (path: string) => children.find((c) => path.startsWith(c.org_path));
    // Households by village: all, covered, their people and poor ones.
    const byVillage = await ctx.db
      .selectFrom('households as h')
      .leftJoin('household_groups as g', (j) => j.onRef('g.id', '=', 'h.group_id').on('g.deleted_at', 'is', null))
      .select('h.org_path')
      .select((e) => e.fn.countAll<number>().as('n'))
      .select(sql<number>`sum(h.people)`.as('people'))
      .select(sql<number>`sum(case when g.id is not null then 1 else 0 end)`.as('covered'))
      .select(sql<number>`sum(case when g.id is not null then h.people else 0 end)`.as('people_covered'))
      .select(sql<number>`sum(h.is_poor)`.as('poor'))
      .select(sql<number>`sum(case when g.id is not null then h.is_poor else 0 end)`.as('poor_covered'))
      .where('h.tenant_id', '=', tenantId)
      .where('h.org_path', '>=', lo)
      .where('h.org_path', '<', hi)
      .where('h.deleted_at', 'is', null)
      .groupBy('h.org_path')
      .execute();
    // Live groups with their sizes (a group with no live household counts too).
    const groups = await ctx.db
      .selectFrom('household_groups as g')
      .leftJoin('households as h', (j) => j.onRef('h.group_id', '=', 'g.id').on('h.deleted_at', 'is', null))
      .select(['g.id', 'g.org_path'])
      .select(sql<number>`count(h.id)`.as('n'))
      .select(sql<number>`coalesce(sum(h.is_poor), 0)`.as('poor'))
      .where('g.tenant_id', '=', tenantId)
      .where('g.org_path', '>=', lo)
      .where('g.org_path', '<', hi)
      .where('g.deleted_at', 'is', null)
      .groupBy(['g.id', 'g.org_path'])
      .execute();
    const zero = (): Tally => ({ groups: 0, households: 0, householdsTotal: 0, people: 0, peopleTotal: 0 });
    const total = zero();
    const byChild = new Map(children.map((c) => [c.id, zero()]));
    let poor = 0;
    let poorCovered = 0;
    let offRule = 0;
    for (const v of byVillage) {
      const add = (t: Tally) => {
        t.households += Number(v.covered ?? 0);
        t.householdsTotal += Number(v.n);
        t.people += Number(v.people_covered ?? 0);
        t.peopleTotal += Number(v.people ?? 0);
      };
      add(total);
      const c = childOf(v.org_path);
      if (c) add(byChild.get(c.id)!);
      poor += Number(v.poor ?? 0);
      poorCovered += Number(v.poor_covered ?? 0);
    }
    for (const g of groups) {
      total.groups++;
      const c = childOf(g.org_path);
      if (c) byChild.get(c.id)!.groups++;
      const f = flags({ households: Number(g.n), poor: Number(g.poor), people: 0 }, rules);
      if (!f.sizeOk || !f.poorOk) offRule++;
    }
    return {
      ...total,
      coverageRate: rate(total),
      poorHouseholds: poor,
      poorCovered,
      groupsOffRule: offRule,
      byOrg: children.map((c) => {
        const t = byChild.get(c.id)!;
        return { orgId: c.id, orgName: c.name, ...t, coverageRate: rate(t) };
      }),
    };
  });
}

/** Households of a subtree in no live group, paged. */
export async function uncovered(
  ctx: Ctx,
  actor: Actor,
  query: Pick<HouseholdListQueryT, 'org' | 'page' | 'pageSize'>,
): Promise<{ items: HouseholdT[]; total: number }> {
  requireCapability(actor, 'residents.read');
  const underPath = query.org ? (await orgsRepo.getOrg(ctx.db, actor, query.org)).org_path : undefined;
  const { rows, total } = await repo.listHouseholds(
    ctx.db,
    actor,
    { underPath, grouped: false },
    { page: query.page ?? 1, pageSize: query.pageSize ?? 20 },
  );
  const cadres = await repo.cadresOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => presentHousehold(r, cadres.get(r.id))), total };
}
