/**
 * Household groups (联户组, 三带五联): a leader with about five households of one village, a few of them
 * poor; the size limits are rules. Coverage of any subtree and the households left out.
 */
import type {
  HouseholdGroupCreateT,
  HouseholdGroupDetailT,
  HouseholdGroupListQueryT,
  HouseholdGroupPatchT,
  HouseholdGroupT,
  ResidentsRules,
} from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import { diff } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { subtreeRange } from '../../../db/dialect.js';
import { type Q, restore as restoreRow, type SoftChange, softDelete } from '../../../platform/data/scoped.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { guardPhone } from '../../../platform/personal.js';
import { residentsRules } from '../common/residents.rules.js';
import { parseTags, villageOrg } from '../households/households.service.js';
import * as membersRepo from '../../core/members/members.repository.js';
import { flags } from './groups.coverage.js';
import * as repo from './groups.repository.js';
import { residentsChange } from '../common/recycle.js';
import { writeRecorder } from '../../../platform/data/record.js';
import { orgRefOf, placedIn, stampsOf } from '../../../platform/stamps.js';
import { type Listed, pagingOf, subtreeFilter } from '../../../platform/listing.js';

/** Group writes change the residents' figures and the household list (its group column). */
const recordHouseholdGroup = writeRecorder('household_group', ['residents', 'households']);

export { coverage, uncovered } from './groups.coverage.js';

function summary(g: repo.GroupRow, c: repo.Counts, rules: ResidentsRules): HouseholdGroupT {
  return {
    ...orgRefOf(g),
    name: g.name,
    leaderKind: g.leader_kind as HouseholdGroupT['leaderKind'],
    leaderName: g.leader_name,
    leaderMemberId: g.leader_member_id,
    leaderPhone: g.leader_phone_masked,
    households: c.households,
    poorHouseholds: c.poor,
    people: c.people,
    ...flags(c, rules),
    ...stampsOf(g),
  };
}

const EMPTY: repo.Counts = { households: 0, poor: 0, people: 0 };

/** Groups of a subtree with their sizes and rule flags. */
export async function list(ctx: Ctx, actor: Actor, query: HouseholdGroupListQueryT): Promise<Listed<HouseholdGroupT>> {
  const f = await subtreeFilter(ctx, actor, query, 'residents.read');
  const { rows, total } = await repo.listGroups(ctx.db, actor, f, pagingOf(query));
  const ids = rows.map((r) => r.id);
  const [counts, rules] = await Promise.all([repo.countsOf(ctx.db, ids), residentsRules(ctx.db, actor.tenantId!)]);
  return { items: rows.map((r) => summary(r, counts.get(r.id) ?? EMPTY, rules)), total };
}

/** One group with its households. */
export async function get(ctx: Ctx, actor: Actor, id: number): Promise<HouseholdGroupDetailT> {
  requireCapability(actor, 'residents.read');
  const g = await repo.getGroup(ctx.db, actor, id, 'any');
  const [counts, rules, households] = await Promise.all([
    repo.countsOf(ctx.db, [id]),
    residentsRules(ctx.db, actor.tenantId!),
    repo.householdsOfGroup(ctx.db, id),
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
  const rows = await repo.householdsToGroup(trx, actor, ids);
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

/** A group as it stands now (inside a write's transaction), for the audit record. */
async function summaryOf(trx: Q, actor: Actor, id: number, rules: ResidentsRules): Promise<HouseholdGroupT> {
  return summary(await repo.getGroup(trx, actor, id), (await repo.countsOf(trx, [id])).get(id) ?? EMPTY, rules);
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

/** Forms a group of households of one village. */
export async function create(ctx: Ctx, actor: Actor, input: HouseholdGroupCreateT): Promise<HouseholdGroupDetailT> {
  const org = await villageOrg(ctx.db, actor, input.orgId);
  if (input.leaderMemberId != null) await membersRepo.requireMemberInScope(ctx.db, actor, input.leaderMemberId);
  const phone = leaderPhone(ctx, input.leaderPhone);
  const id = await ctx.db.transaction().execute(async (trx) => {
    await checkHouseholds(trx, actor, org, null, input.householdIds);
    const now = ctx.clock().toISOString();
    const id = await repo.insertGroup(trx, {
      ...placedIn(org),
      name: input.name.trim(),
      leader_kind: input.leaderKind,
      leader_name: input.leaderName.trim(),
      leader_member_id: input.leaderMemberId ?? null,
      leader_household_id: null,
      ...phone,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
    await repo.setGroupOf(trx, input.householdIds, id, now);
    const rules = await residentsRules(trx, org.tenant_id);
    const after = await summaryOf(trx, actor, id, rules);
    await recordHouseholdGroup(ctx, trx, actor, org.tenant_id, {
      action: 'household_group.create',
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
  const g = await repo.getGroup(ctx.db, actor, id);
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
    const beforeIds = await repo.memberIds(trx, id);
    const before = summary(g, (await repo.countsOf(trx, [id])).get(id) ?? EMPTY, rules);
    // A move to another village keeps only the households given again (they must be of the new village).
    const ids = patch.householdIds ?? (org.id !== g.org_id ? [] : beforeIds);
    await checkHouseholds(trx, actor, org, id, ids);
    const now = ctx.clock().toISOString();
    await repo.updateGroup(trx, id, { ...set, updated_at: now });
    await repo.setGroupOf(
      trx,
      beforeIds.filter((h) => !ids.includes(h)),
      null,
      now,
    );
    await repo.setGroupOf(trx, ids, id, now);
    const after = await summaryOf(trx, actor, id, rules);
    await recordHouseholdGroup(ctx, trx, actor, g.tenant_id, {
      action: 'household_group.update',
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

const softChange = (action: string, before?: SoftChange['before']): SoftChange =>
  residentsChange('household_group', ['residents', 'households'], action, before);

/**
 * Soft-deletes a group. Its households keep `group_id` so that a restore brings back those not
 * regrouped since; a deleted group covers nobody (every figure joins live groups only).
 */
export async function remove(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  requireCapability(actor, 'residents.write');
  await softDelete(ctx, actor, 'household_groups', id, softChange('household_group.delete'));
}

/** Restores a group with the households still pointing to it (those regrouped meanwhile stay where they are). */
export async function restore(ctx: Ctx, actor: Actor, id: number): Promise<HouseholdGroupDetailT> {
  requireCapability(actor, 'residents.write');
  await restoreRow(
    ctx,
    actor,
    'household_groups',
    id,
    softChange('household_group.restore', async (trx, g) => {
      const rules = await residentsRules(trx, g.tenant_id as number);
      const ids = await repo.memberIds(trx, id);
      if (ids.length > rules.groupSizeMax)
        throw new DomainError('residents.group_size', { households: ids.length, max: rules.groupSizeMax });
    }),
  );
  return get(ctx, actor, id);
}
