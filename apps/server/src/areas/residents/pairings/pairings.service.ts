/**
 * Pairing (结对帮扶): a cadre — a member of any organization of the county — with a poor household of the
 * scope, within the load the rules allow; and the gaps of a subtree.
 */
import type { PairingCreateT, PairingGapsT, PairingListQueryT, PairingT } from '@dangjian/contracts';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability, scopeRange } from '../../../platform/actor.js';
import { diff, writeAudit } from '../../../platform/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { likeContains, subtreeRange } from '../../../db/dialect.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { bumpVersion } from '../../../platform/versions.js';
import { gapsFigure } from './pairings.figures.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { today } from '../../core/orgs/orgs.service.js';
import { residentsRules } from '../common/residents.rules.js';
import * as membersRepo from '../../core/members/members.repository.js';
import * as repo from '../households/households.repository.js';

type Q = Kysely<DB> | Transaction<DB>;

function base(db: Q) {
  return db
    .selectFrom('pairings as p')
    .innerJoin('households as h', 'h.id', 'p.household_id')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .innerJoin('members as m', 'm.id', 'p.cadre_member_id')
    .innerJoin('orgs as mo', 'mo.id', 'm.org_id')
    .select([
      'p.id',
      'p.org_id',
      'o.name as org_name',
      'p.household_id',
      'h.head_name',
      'h.address',
      'p.cadre_member_id',
      'm.name as cadre_name',
      'mo.name as cadre_org_name',
      'p.started_on',
      'p.ended_on',
      'p.created_at',
      'p.updated_at',
      'p.deleted_at',
      'p.tenant_id',
    ]);
}
type PairingRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

function present(r: PairingRow): PairingT {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    householdId: r.household_id,
    householdHead: r.head_name,
    householdAddress: r.address,
    cadreMemberId: r.cadre_member_id,
    cadreName: r.cadre_name,
    cadreOrgName: r.cadre_org_name,
    startedOn: r.started_on,
    endedOn: r.ended_on,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  };
}

/** The live pairings of a household, current first (for the household's detail). */
export async function pairingsOfHousehold(db: Q, householdId: number): Promise<PairingT[]> {
  const rows = await base(db)
    .where('p.household_id', '=', householdId)
    .where('p.deleted_at', 'is', null)
    .orderBy('p.ended_on', 'desc')
    .orderBy('p.id')
    .execute();
  // Unended (null) first: null sorts differently on the two engines, so order in code.
  return rows.sort((a, b) => Number(a.ended_on != null) - Number(b.ended_on != null)).map(present);
}

async function getPairing(
  db: Q,
  actor: Actor,
  id: number,
  opts: { includeDeleted?: boolean } = {},
): Promise<PairingRow> {
  const [lo, hi] = scopeRange(actor);
  let q = base(db)
    .where('p.id', '=', id)
    .where('p.tenant_id', '=', actor.tenantId!)
    .where('p.org_path', '>=', lo)
    .where('p.org_path', '<', hi);
  if (!opts.includeDeleted) q = q.where('p.deleted_at', 'is', null);
  const row = await q.executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/** Pairings of households of a subtree (default: the caller's scope). */
export async function list(
  ctx: Ctx,
  actor: Actor,
  query: PairingListQueryT,
): Promise<{ items: PairingT[]; total: number }> {
  requireCapability(actor, 'residents.read');
  const [lo, hi] = query.org
    ? subtreeRange((await orgsRepo.getOrg(ctx.db, actor, query.org)).org_path)
    : scopeRange(actor);
  let q = base(ctx.db)
    .where('p.tenant_id', '=', actor.tenantId!)
    .where('p.org_path', '>=', lo)
    .where('p.org_path', '<', hi);
  q = query.deleted
    ? q.where('p.deleted_at', 'is not', null)
    : q.where('p.deleted_at', 'is', null).where('h.deleted_at', 'is', null);
  if (query.cadre) q = q.where('p.cadre_member_id', '=', query.cadre);
  if (query.active !== undefined) q = q.where('p.ended_on', query.active ? 'is' : 'is not', null);
  const text = query.q?.trim();
  if (text)
    q = q.where((eb) =>
      eb.or([likeContains('m.name', text), likeContains('h.head_name', text), likeContains('h.address', text)]),
    );
  const total = Number(
    (
      await q
        .clearSelect()
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const pageSize = query.pageSize ?? 20;
  const rows = total
    ? await q
        .orderBy('p.org_path')
        .orderBy('p.id')
        .limit(pageSize)
        .offset(((query.page ?? 1) - 1) * pageSize)
        .execute()
    : [];
  return { items: rows.map(present), total };
}

/** A cadre's load: live, unended pairings with live households, anywhere in the county. */
async function loadOf(db: Q, cadreMemberId: number): Promise<number> {
  const r = await db
    .selectFrom('pairings as p')
    .innerJoin('households as h', 'h.id', 'p.household_id')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('p.cadre_member_id', '=', cadreMemberId)
    .where('p.deleted_at', 'is', null)
    .where('p.ended_on', 'is', null)
    .where('h.deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Refuses a pairing that would duplicate a live one or exceed the cadre's load (inside the writing transaction). */
async function checkPairable(
  trx: Q,
  tenantId: number,
  householdId: number,
  cadreMemberId: number,
  exceptId?: number,
): Promise<void> {
  let dup = trx
    .selectFrom('pairings')
    .select('id')
    .where('household_id', '=', householdId)
    .where('cadre_member_id', '=', cadreMemberId)
    .where('deleted_at', 'is', null)
    .where('ended_on', 'is', null);
  if (exceptId) dup = dup.where('id', '!=', exceptId);
  if (await dup.executeTakeFirst()) throw new DomainError('residents.already_paired', undefined, 409);
  const rules = await residentsRules(trx, tenantId);
  const load = await loadOf(trx, cadreMemberId);
  if (load + 1 > rules.pairingLoadMax)
    throw new DomainError('residents.pairing_load', { load, max: rules.pairingLoadMax }, 409);
}

/** Pairs a cadre with a poor household of the scope. */
export async function create(ctx: Ctx, actor: Actor, input: PairingCreateT): Promise<PairingT> {
  requireCapability(actor, 'residents.write');
  const h = await repo.getHousehold(ctx.db, actor, input.householdId);
  if (!Number(h.is_poor)) throw new DomainError('residents.not_poor');
  // The documented widening: a pairing cadre may be any member of the county (a county organ, another township).
  await membersRepo.requireMemberOfCounty(ctx.db, actor, input.cadreMemberId);
  if (input.startedOn > today(ctx)) throw new DomainError('residents.in_future');
  const id = await ctx.db.transaction().execute(async (trx) => {
    await checkPairable(trx, h.tenant_id, h.id, input.cadreMemberId);
    const now = ctx.clock().toISOString();
    const { id } = await trx
      .insertInto('pairings')
      .values({
        tenant_id: h.tenant_id,
        org_id: h.org_id,
        org_path: h.org_path,
        household_id: h.id,
        cadre_member_id: input.cadreMemberId,
        started_on: input.startedOn,
        ended_on: null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await bumpVersion(trx, h.tenant_id, 'residents');
    await bumpVersion(trx, h.tenant_id, 'households');
    await writeAudit(ctx, trx, actor, {
      action: 'pairing.create',
      entityType: 'pairing',
      entityId: id,
      changes: diff(null, { householdId: h.id, cadreMemberId: input.cadreMemberId, startedOn: input.startedOn }),
    });
    return id;
  });
  return present(await getPairing(ctx.db, actor, id));
}

/** Ends a pairing on a date (not before it started, not in the future). */
export async function end(ctx: Ctx, actor: Actor, id: number, endedOn: string): Promise<PairingT> {
  requireCapability(actor, 'residents.write');
  const row = await getPairing(ctx.db, actor, id);
  if (endedOn > today(ctx)) throw new DomainError('residents.in_future');
  if (endedOn < row.started_on)
    throw new DomainError('validation', { fields: [{ field: 'endedOn', code: 'validation' }] });
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('pairings')
      .set({ ended_on: endedOn, updated_at: ctx.clock().toISOString() })
      .where('id', '=', id)
      .execute();
    await bumpVersion(trx, row.tenant_id, 'residents');
    await bumpVersion(trx, row.tenant_id, 'households');
    await writeAudit(ctx, trx, actor, {
      action: 'pairing.end',
      entityType: 'pairing',
      entityId: id,
      changes: { endedOn: { before: row.ended_on, after: endedOn } },
    });
  });
  return present(await getPairing(ctx.db, actor, id));
}

/** Soft-deletes a pairing entered by mistake (an ended pairing is history, not a mistake). */
export async function remove(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  requireCapability(actor, 'residents.write');
  const row = await getPairing(ctx.db, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    await trx.updateTable('pairings').set({ deleted_at: now, updated_at: now }).where('id', '=', id).execute();
    await bumpVersion(trx, row.tenant_id, 'residents');
    await bumpVersion(trx, row.tenant_id, 'households');
    await writeAudit(ctx, trx, actor, {
      action: 'pairing.delete',
      entityType: 'pairing',
      entityId: id,
      changes: { deletedAt: { before: null, after: now } },
    });
  });
}

/** Restores a pairing unless that would duplicate a live one or exceed the cadre's load now. */
export async function restore(ctx: Ctx, actor: Actor, id: number): Promise<PairingT> {
  requireCapability(actor, 'residents.write');
  const row = await getPairing(ctx.db, actor, id, { includeDeleted: true });
  if (!row.deleted_at) throw new DomainError('residents.not_deleted', undefined, 409);
  await ctx.db.transaction().execute(async (trx) => {
    if (!row.ended_on) await checkPairable(trx, row.tenant_id, row.household_id, row.cadre_member_id, id);
    await trx
      .updateTable('pairings')
      .set({ deleted_at: null, updated_at: ctx.clock().toISOString() })
      .where('id', '=', id)
      .execute();
    await bumpVersion(trx, row.tenant_id, 'residents');
    await bumpVersion(trx, row.tenant_id, 'households');
    await writeAudit(ctx, trx, actor, {
      action: 'pairing.restore',
      entityType: 'pairing',
      entityId: id,
      changes: { deletedAt: { before: row.deleted_at, after: null } },
    });
  });
  return present(await getPairing(ctx.db, actor, id));
}

/**
 * The gaps of a subtree: poor households without a live pairing (first 200 and the total), and the
 * cadres paired with its households whose county-wide load is over or under the rules.
 */
export async function gaps(ctx: Ctx, actor: Actor, orgId?: number): Promise<PairingGapsT> {
  requireCapability(actor, 'residents.read');
  const [lo, hi] = orgId ? subtreeRange((await orgsRepo.getOrg(ctx.db, actor, orgId)).org_path) : scopeRange(actor);
  const tenantId = actor.tenantId!;
  return gapsFigure.get(ctx, tenantId, { lo, hi }, async () => {
    const rules = await residentsRules(ctx.db, tenantId);
    const poor = ctx.db
      .selectFrom('households as h')
      .where('h.tenant_id', '=', tenantId)
      .where('h.org_path', '>=', lo)
      .where('h.org_path', '<', hi)
      .where('h.deleted_at', 'is', null)
      .where('h.is_poor', '=', 1);
    const paired = sql<boolean>`exists (select 1 from pairings p where p.household_id = h.id and p.deleted_at is null and p.ended_on is null)`;
    const counts = await poor
      .select((e) => e.fn.countAll<number>().as('n'))
      .select(sql<number>`sum(case when ${paired} then 1 else 0 end)`.as('paired'))
      .executeTakeFirstOrThrow();
    const unpairedRows = await poor
      .innerJoin('orgs as o', 'o.id', 'h.org_id')
      .select(['h.id', 'h.head_name', 'h.address', 'o.name as org_name'])
      .where(sql<boolean>`not ${paired}`)
      .orderBy('h.org_path')
      .orderBy('h.id')
      .limit(200)
      .execute();
    // Cadres paired with a household here; their load counts every live pairing in the county.
    const cadres = await ctx.db
      .selectFrom('members as m')
      .innerJoin('orgs as mo', 'mo.id', 'm.org_id')
      .select(['m.id', 'm.name', 'mo.name as org_name'])
      .select(
        sql<number>`(select count(*) from pairings p2 inner join households h2 on h2.id = p2.household_id where p2.cadre_member_id = m.id and p2.deleted_at is null and p2.ended_on is null and h2.deleted_at is null)`.as(
          'load',
        ),
      )
      .where('m.id', 'in', (eb) =>
        eb
          .selectFrom('pairings as p')
          .innerJoin('households as h', 'h.id', 'p.household_id')
          .select('p.cadre_member_id')
          .where('p.tenant_id', '=', tenantId)
          .where('p.org_path', '>=', lo)
          .where('p.org_path', '<', hi)
          .where('p.deleted_at', 'is', null)
          .where('p.ended_on', 'is', null)
          .where('h.deleted_at', 'is', null),
      )
      .orderBy('m.id')
      .execute();
    const loads = cadres.map((c) => ({ memberId: c.id, name: c.name, orgName: c.org_name, load: Number(c.load) }));
    const total = Number(counts.n);
    return {
      poorHouseholds: total,
      pairedHouseholds: Number(counts.paired ?? 0),
      unpaired: unpairedRows.map((r) => ({
        householdId: r.id,
        headName: r.head_name,
        address: r.address,
        orgName: r.org_name,
      })),
      unpairedTotal: total - Number(counts.paired ?? 0),
      cadres: loads.length,
      overloaded: loads.filter((c) => c.load > rules.pairingLoadMax),
      underloaded: loads.filter((c) => c.load < rules.pairingLoadMin),
      loadMin: rules.pairingLoadMin,
      loadMax: rules.pairingLoadMax,
    };
  });
}
