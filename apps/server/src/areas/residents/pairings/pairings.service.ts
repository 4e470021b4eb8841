/**
 * Pairing (结对帮扶): a cadre — a member of any organization of the county — with a poor household of the
 * scope, within the load the rules allow; and the gaps of a subtree.
 */
import type { PairingCreateT, PairingGapsT, PairingListQueryT, PairingT } from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import { diff } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { type Q, rangeOf, restore as restoreRow, type SoftChange, softDelete } from '../../../platform/data/scoped.js';
import { DomainError } from '../../../platform/errors.js';
import { gapsFigure } from './pairings.figures.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { today } from '../../core/orgs/orgs.service.js';
import { residentsRules } from '../common/residents.rules.js';
import * as membersRepo from '../../core/members/members.repository.js';
import * as householdsRepo from '../households/households.repository.js';
import * as repo from './pairings.repository.js';
import { residentsChange } from '../common/recycle.js';
import { orgRefOf, stampsOf } from '../../../platform/stamps.js';
import { type Listed, pagingOf, subtreeFilter } from '../../../platform/listing.js';
import { writeRecorder } from '../../../platform/data/record.js';

/** Pairing writes change the residents' figures and the household list (its pairing columns). */
const recordPairing = writeRecorder('pairing', ['residents', 'households']);

function present(r: repo.PairingRow): PairingT {
  return {
    ...orgRefOf(r),
    householdId: r.household_id,
    householdHead: r.head_name,
    householdAddress: r.address,
    cadreMemberId: r.cadre_member_id,
    cadreName: r.cadre_name,
    cadreOrgName: r.cadre_org_name,
    startedOn: r.started_on,
    endedOn: r.ended_on,
    ...stampsOf(r),
  };
}

/** The live pairings of a household, current first (for the household's detail). */
export async function pairingsOfHousehold(db: Q, actor: Actor, householdId: number): Promise<PairingT[]> {
  const rows = await repo.pairingsOfHousehold(db, actor, householdId);
  // Unended (null) first: null sorts differently on the two engines, so order in code.
  return rows.sort((a, b) => Number(a.ended_on != null) - Number(b.ended_on != null)).map(present);
}

/** Pairings of households of a subtree (default: the caller's scope). */
export async function list(ctx: Ctx, actor: Actor, query: PairingListQueryT): Promise<Listed<PairingT>> {
  const f = await subtreeFilter(ctx, actor, query, 'residents.read');
  const { cadre, active } = query;
  const { rows, total } = await repo.listPairings(ctx.db, actor, { ...f, cadre, active }, pagingOf(query));
  return { items: rows.map(present), total };
}

/** Refuses a pairing that would duplicate a live one or exceed the cadre's load (inside the writing transaction). */
async function checkPairable(
  trx: Q,
  tenantId: number,
  householdId: number,
  cadreMemberId: number,
  exceptId?: number,
): Promise<void> {
  if (await repo.isPaired(trx, householdId, cadreMemberId, exceptId))
    throw new DomainError('residents.already_paired', undefined, 409);
  const rules = await residentsRules(trx, tenantId);
  const load = await repo.loadOf(trx, cadreMemberId);
  if (load + 1 > rules.pairingLoadMax)
    throw new DomainError('residents.pairing_load', { load, max: rules.pairingLoadMax }, 409);
}

/** Pairs a cadre with a poor household of the scope. */
export async function create(ctx: Ctx, actor: Actor, input: PairingCreateT): Promise<PairingT> {
  requireCapability(actor, 'residents.write');
  const h = await householdsRepo.getHousehold(ctx.db, actor, input.householdId);
  if (!Number(h.is_poor)) throw new DomainError('residents.not_poor');
  // The documented widening: a pairing cadre may be any member of the county (a county organ, another township).
  await membersRepo.requireMemberOfCounty(ctx.db, actor, input.cadreMemberId);
  if (input.startedOn > today(ctx)) throw new DomainError('residents.in_future');
  const id = await ctx.db.transaction().execute(async (trx) => {
    await checkPairable(trx, h.tenant_id, h.id, input.cadreMemberId);
    const now = ctx.clock().toISOString();
    const id = await repo.insertPairing(trx, {
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
    });
    await recordPairing(ctx, trx, actor, h.tenant_id, {
      action: 'pairing.create',
      entityId: id,
      changes: diff(null, { householdId: h.id, cadreMemberId: input.cadreMemberId, startedOn: input.startedOn }),
    });
    return id;
  });
  return present(await repo.getPairing(ctx.db, actor, id));
}

/** Ends a pairing on a date (not before it started, not in the future). */
export async function end(ctx: Ctx, actor: Actor, id: number, endedOn: string): Promise<PairingT> {
  requireCapability(actor, 'residents.write');
  const row = await repo.getPairing(ctx.db, actor, id);
  if (endedOn > today(ctx)) throw new DomainError('residents.in_future');
  if (endedOn < row.started_on)
    throw new DomainError('validation', { fields: [{ field: 'endedOn', code: 'validation' }] });
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updatePairing(trx, id, { ended_on: endedOn, updated_at: ctx.clock().toISOString() });
    await recordPairing(ctx, trx, actor, row.tenant_id, {
      action: 'pairing.end',
      entityId: id,
      changes: { endedOn: { before: row.ended_on, after: endedOn } },
    });
  });
  return present(await repo.getPairing(ctx.db, actor, id));
}

const softChange = (action: string, before?: SoftChange['before']): SoftChange =>
  residentsChange('pairing', ['residents', 'households'], action, before);

/** Soft-deletes a pairing entered by mistake (an ended pairing is history, not a mistake). */
export async function remove(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  requireCapability(actor, 'residents.write');
  await softDelete(ctx, actor, 'pairings', id, softChange('pairing.delete'));
}

/** Restores a pairing unless that would duplicate a live one or exceed the cadre's load now. */
export async function restore(ctx: Ctx, actor: Actor, id: number): Promise<PairingT> {
  requireCapability(actor, 'residents.write');
  const row = await repo.getPairing(ctx.db, actor, id, 'any');
  await restoreRow(
    ctx,
    actor,
    'pairings',
    id,
    softChange('pairing.restore', async (trx) => {
      if (!row.ended_on) await checkPairable(trx, row.tenant_id, row.household_id, row.cadre_member_id, id);
    }),
  );
  return present(await repo.getPairing(ctx.db, actor, id));
}

/**
 * The gaps of a subtree: poor households without a live pairing (first 200 and the total), and the
 * cadres paired with its households whose county-wide load is over or under the rules.
 */
export async function gaps(ctx: Ctx, actor: Actor, orgId?: number): Promise<PairingGapsT> {
  requireCapability(actor, 'residents.read');
  const underPath = orgId ? (await orgsRepo.getOrg(ctx.db, actor, orgId)).org_path : undefined;
  const [lo, hi] = rangeOf(actor, underPath);
  const tenantId = actor.tenantId!;
  return gapsFigure.get(ctx, tenantId, { lo, hi }, async () => {
    const rules = await residentsRules(ctx.db, tenantId);
    const { poor, paired, unpaired: unpairedRows, cadres } = await repo.gapsData(ctx.db, actor, underPath);
    const loads = cadres.map((c) => ({ memberId: c.id, name: c.name, orgName: c.org_name, load: Number(c.load) }));
    return {
      poorHouseholds: poor,
      pairedHouseholds: paired,
      unpaired: unpairedRows.map((r) => ({
        householdId: r.id,
        headName: r.head_name,
        address: r.address,
        orgName: r.org_name,
      })),
      unpairedTotal: poor - paired,
      cadres: loads.length,
      overloaded: loads.filter((c) => c.load > rules.pairingLoadMax),
      underloaded: loads.filter((c) => c.load < rules.pairingLoadMin),
      loadMin: rules.pairingLoadMin,
      loadMax: rules.pairingLoadMax,
    };
  });
}
