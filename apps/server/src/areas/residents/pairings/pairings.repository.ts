/** Every query on pairings (结对帮扶) and the gaps of a subtree, inside the caller's scope. */
import { type Insertable, sql, type Updateable } from 'kysely';
import type { PairingsTable } from '../../../db/schema/index.js';
import { likeContains } from '../../../db/dialect.js';
import type { Actor } from '../../../platform/actor.js';
import {
  countOf,
  type Liveness,
  type Paging,
  paged,
  type Q,
  type ScopedQuery,
  scoped,
} from '../../../platform/data/scoped.js';
import { firstOr404, scopedList, type SubtreeFilter } from '../../../platform/data/orgReader.js';
import { placeNameOf } from '../common/places.repository.js';

/** What a list may ask for. */
export interface PairingFilter extends SubtreeFilter {
  cadre?: number;
  active?: boolean;
}

function joined(q: ScopedQuery<'pairings', 'p'>) {
  return q
    .innerJoin('households as h', 'h.id', 'p.household_id')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .innerJoin('members as m', 'm.id', 'p.cadre_member_id')
    .innerJoin('orgs as mo', 'mo.id', 'm.org_id');
}

function withNames(q: ReturnType<typeof joined>) {
  return q.select([
    'p.id',
    'p.org_id',
    placeNameOf('o').as('org_name'),
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

/** A pairing with its household, cadre and organization names. */
export type PairingRow = Awaited<ReturnType<ReturnType<typeof withNames>['executeTakeFirstOrThrow']>>;

/** The live pairings of a household of the scope. */
export async function pairingsOfHousehold(db: Q, actor: Actor, householdId: number): Promise<PairingRow[]> {
  return withNames(joined(scoped(db, actor, 'pairings', { as: 'p' })))
    .where('p.household_id', '=', householdId)
    .orderBy('p.ended_on', 'desc')
    .orderBy('p.id')
    .execute();
}

/** One pairing of the caller's scope (live unless asked), else 404. */
export async function getPairing(db: Q, actor: Actor, id: number, rows: Liveness = 'live'): Promise<PairingRow> {
  return firstOr404(withNames(joined(scoped(db, actor, 'pairings', { as: 'p', rows }))).where('p.id', '=', id));
}

/** One page of pairings of a subtree (by org, then id), and the total. */
export async function listPairings(
  db: Q,
  actor: Actor,
  f: PairingFilter,
  paging: Paging,
): Promise<{ rows: PairingRow[]; total: number }> {
  let q = joined(scopedList(db, actor, 'pairings', 'p', f));
  if (!f.deleted) q = q.where('h.deleted_at', 'is', null);
  if (f.cadre) q = q.where('p.cadre_member_id', '=', f.cadre);
  if (f.active !== undefined) q = q.where('p.ended_on', f.active ? 'is' : 'is not', null);
  const text = f.q;
  if (text)
    q = q.where((eb) =>
      eb.or([likeContains('m.name', text), likeContains('h.head_name', text), likeContains('h.address', text)]),
    );
  return paged(db, actor.tenantId!, q, (b) => withNames(b).orderBy('p.org_path').orderBy('p.id'), paging);
}

/** A cadre's load: live, unended pairings with live households, anywhere in the county. */
export async function loadOf(db: Q, cadreMemberId: number): Promise<number> {
  return countOf(
    db
      .selectFrom('pairings as p')
      .innerJoin('households as h', 'h.id', 'p.household_id')
      .where('p.cadre_member_id', '=', cadreMemberId)
      .where('p.deleted_at', 'is', null)
      .where('p.ended_on', 'is', null)
      .where('h.deleted_at', 'is', null),
  );
}

/** Whether a live, unended pairing of this household and cadre exists (other than `exceptId`). */
export async function isPaired(db: Q, householdId: number, cadreMemberId: number, exceptId?: number): Promise<boolean> {
  let dup = db
    .selectFrom('pairings')
    .select('id')
    .where('household_id', '=', householdId)
    .where('cadre_member_id', '=', cadreMemberId)
    .where('deleted_at', 'is', null)
    .where('ended_on', 'is', null);
  if (exceptId) dup = dup.where('id', '!=', exceptId);
  return Boolean(await dup.executeTakeFirst());
}

/** Records a pairing; its id. */
export async function insertPairing(trx: Q, values: Insertable<PairingsTable>): Promise<number> {
  const { id } = await trx.insertInto('pairings').values(values).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Changes a pairing's columns. */
export async function updatePairing(trx: Q, id: number, set: Updateable<PairingsTable>): Promise<void> {
  await trx.updateTable('pairings').set(set).where('id', '=', id).execute();
}

/** A live, unended pairing of the household in `h`. */
const paired = sql<boolean>`exists (select 1 from pairings p where p.household_id = h.id
  and p.deleted_at is null and p.ended_on is null)`;

/**
 * What the gaps of a subtree are computed from: its poor households (how many, how many paired), the first
 * 200 unpaired ones, and the cadres paired with its households with their county-wide load.
 */
export async function gapsData(db: Q, actor: Actor, underPath?: string) {
  const poor = scoped(db, actor, 'households', { as: 'h', under: underPath }).where('h.is_poor', '=', 1);
  const counts = await poor
    .select((e) => e.fn.countAll<number>().as('n'))
    .select(sql<number>`sum(case when ${paired} then 1 else 0 end)`.as('paired'))
    .executeTakeFirstOrThrow();
  const unpaired = await poor
    .innerJoin('orgs as o', 'o.id', 'h.org_id')
    .select(['h.id', 'h.head_name', 'h.address', placeNameOf('o').as('org_name')])
    .where(sql<boolean>`not ${paired}`)
    .orderBy('h.org_path')
    .orderBy('h.id')
    .limit(200)
    .execute();
  // Cadres paired with a household here; their load counts every live pairing in the county.
  const pairedHere = scoped(db, actor, 'pairings', { as: 'p', under: underPath })
    .innerJoin('households as h', 'h.id', 'p.household_id')
    .select('p.cadre_member_id')
    .where('p.ended_on', 'is', null)
    .where('h.deleted_at', 'is', null);
  const cadres = await db
    .selectFrom('members as m')
    .innerJoin('orgs as mo', 'mo.id', 'm.org_id')
    .select(['m.id', 'm.name', 'mo.name as org_name'])
    .select(
      sql<number>`(select count(*) from pairings p2 inner join households h2 on h2.id = p2.household_id
        where p2.cadre_member_id = m.id and p2.deleted_at is null and p2.ended_on is null
        and h2.deleted_at is null)`.as('load'),
    )
    .where('m.id', 'in', pairedHere)
    .orderBy('m.id')
    .execute();
  return { poor: Number(counts.n), paired: Number(counts.paired ?? 0), unpaired, cadres };
}
