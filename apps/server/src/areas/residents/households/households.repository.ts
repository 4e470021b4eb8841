/** Every query on households and residents, always inside the caller's scope (tenant and org-path range). */
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Actor } from '../../../platform/actor.js';
import type { HouseholdsTable, ResidentsTable } from '../../../db/schema/index.js';
import { likeContains } from '../../../db/dialect.js';
import { batchesByPath } from '../../../platform/data/batches.js';
import { idHashesHeld, idNumberHeld, type IdHolders } from '../../../platform/data/idNumbers.js';
import {
  countOf,
  type Paging,
  paged,
  type Q,
  rangeOf,
  type ScopedQuery,
  scoped,
} from '../../../platform/data/scoped.js';
import { notFound } from '../../../platform/errors.js';
import { placeNameOf } from '../common/places.repository.js';
import { firstOr404, scopedList, type SubtreeFilter } from '../../../platform/data/orgReader.js';

export type HouseholdRow = Selectable<HouseholdsTable> & { org_name: string; group_name: string | null };
export type ResidentRow = Selectable<ResidentsTable>;

/** What a list may ask for. */
export interface HouseholdFilter extends SubtreeFilter {
  /** Keyed hashes to match exactly when the query is a full ID or phone number. */
  idHash?: string;
  phoneHash?: string;
  tag?: string;
  poor?: boolean;
  grouped?: boolean;
  paired?: boolean;
}

/** A live, unended pairing of the household in `h`. */
const livePairingOf = (col: string) =>
  sql<boolean>`exists (select 1 from pairings p where p.household_id = ${sql.ref(col)}
    and p.deleted_at is null and p.ended_on is null)`;
/** The household in `h` belongs to a live group. */
const inLiveGroup = (col: string) =>
  sql<boolean>`exists (select 1 from household_groups g where g.id = ${sql.ref(col)} and g.deleted_at is null)`;

function filtered(db: Q, actor: Actor, f: HouseholdFilter) {
  let q = scopedList(db, actor, 'households', 'h', f);
  if (f.idHash) {
    const idHash = f.idHash;
    q = q.where('h.id', 'in', (eb) =>
      eb
        .selectFrom('residents as r')
        .select('r.household_id')
        .where('r.tenant_id', '=', actor.tenantId!)
        .where('r.id_number_hash', '=', idHash)
        .where('r.deleted_at', 'is', null),
    );
  } else if (f.phoneHash) {
    const phoneHash = f.phoneHash;
    q = q.where((eb) =>
      eb.or([
        eb('h.phone_hash', '=', phoneHash),
        eb(
          'h.id',
          'in',
          eb
            .selectFrom('residents as r')
            .select('r.household_id')
            .where('r.tenant_id', '=', actor.tenantId!)
            .where('r.phone_hash', '=', phoneHash)
            .where('r.deleted_at', 'is', null),
        ),
      ]),
    );
  } else if (f.q) {
    const text = f.q;
    q = q.where((eb) => eb.or([likeContains('h.head_name', text), likeContains('h.address', text)]));
  }
  // Tags are a JSON array of keys; a key quoted is unambiguous inside it.
  if (f.tag) q = q.where(likeContains('h.tags', `"${f.tag}"`));
  if (f.poor !== undefined) q = q.where('h.is_poor', '=', f.poor ? 1 : 0);
  if (f.grouped !== undefined)
    q = f.grouped ? q.where(inLiveGroup('h.group_id')) : q.where(sql<boolean>`not ${inLiveGroup('h.group_id')}`);
  if (f.paired !== undefined)
    q = f.paired ? q.where(livePairingOf('h.id')) : q.where(sql<boolean>`not ${livePairingOf('h.id')}`);
  return q;
}

function withNames(q: ScopedQuery<'households', 'h'>) {
  return q
    .innerJoin('orgs as o', 'o.id', 'h.org_id')
    .leftJoin('household_groups as g', (j) => j.onRef('g.id', '=', 'h.group_id').on('g.deleted_at', 'is', null))
    .selectAll('h')
    .select([placeNameOf('o').as('org_name'), 'g.name as group_name']);
}

/** One page of households matching a filter (by org, then id), and the total. */
export async function listHouseholds(
  db: Q,
  actor: Actor,
  f: HouseholdFilter,
  page: Paging,
): Promise<{ rows: HouseholdRow[]; total: number }> {
  const [lo, hi] = rangeOf(actor, f.underPath);
  // The total reads the whole subtree; it changes only when residents' data does.
  const key = `households|${lo}|${hi}|${JSON.stringify({ ...f, underPath: undefined })}`;
  const rows = (b: ScopedQuery<'households', 'h'>) => withNames(b).orderBy('h.org_path').orderBy('h.id');
  const out = await paged(db, actor.tenantId!, filtered(db, actor, f), rows, page, { domain: 'residents', key });
  return out as { rows: HouseholdRow[]; total: number };
}

/** Streams every household matching a filter in batches (export). */
export async function* iterateHouseholds(
  db: Q,
  actor: Actor,
  f: HouseholdFilter,
  batch = 2000,
): AsyncGenerator<HouseholdRow[]> {
  yield* batchesByPath<HouseholdRow>(withNames(filtered(db, actor, f)), 'h', batch);
}

/** One household by id; 404 when missing, deleted (unless asked) or outside the scope. */
export async function getHousehold(
  db: Q,
  actor: Actor,
  id: number,
  opts: { includeDeleted?: boolean } = {},
): Promise<HouseholdRow> {
  const rows = opts.includeDeleted ? 'any' : 'live';
  return firstOr404(withNames(scoped(db, actor, 'households', { as: 'h', rows })).where('h.id', '=', id));
}

/**
 * A live household of the caller's scope named by a write body, and (when given) inside the subtree of
 * `underPath`; else 404.
 */
export async function requireHouseholdInScope(
  db: Q,
  actor: Actor,
  id: number,
  underPath?: string,
): Promise<HouseholdRow> {
  const h = await getHousehold(db, actor, id);
  if (underPath && !h.org_path.startsWith(underPath)) throw notFound();
  return h;
}

/** One resident by id (its household must be live and in scope). */
export async function getResident(db: Q, actor: Actor, id: number): Promise<ResidentRow> {
  return firstOr404(
    scoped(db, actor, 'residents', { as: 'r' })
      .innerJoin('households as h', 'h.id', 'r.household_id')
      .selectAll('r')
      .where('r.id', '=', id)
      .where('h.deleted_at', 'is', null),
  );
}

/** The live residents of households, by household. */
export async function residentsOf(db: Q, householdIds: number[]): Promise<Map<number, ResidentRow[]>> {
  const out = new Map<number, ResidentRow[]>();
  for (let i = 0; i < householdIds.length; i += 500) {
    const chunk = householdIds.slice(i, i + 500);
    const rows = await db
      .selectFrom('residents')
      .selectAll()
      .where('household_id', 'in', chunk)
      .where('deleted_at', 'is', null)
      .orderBy('household_id')
      .orderBy('id')
      .execute();
    for (const r of rows) out.set(r.household_id, [...(out.get(r.household_id) ?? []), r]);
  }
  return out;
}

/** The cadres of the live, unended pairings of households, by household. */
export async function cadresOf(
  db: Q,
  householdIds: number[],
): Promise<Map<number, { memberId: number; name: string }[]>> {
  const out = new Map<number, { memberId: number; name: string }[]>();
  if (!householdIds.length) return out;
  const rows = await db
    .selectFrom('pairings as p')
    .innerJoin('members as m', 'm.id', 'p.cadre_member_id')
    .select(['p.household_id', 'm.id', 'm.name'])
    .where('p.household_id', 'in', householdIds)
    .where('p.deleted_at', 'is', null)
    .where('p.ended_on', 'is', null)
    .orderBy('p.id')
    .execute();
  for (const r of rows) out.set(r.household_id, [...(out.get(r.household_id) ?? []), { memberId: r.id, name: r.name }]);
  return out;
}

/** The live residents of live households of a county: whose ID numbers count as taken. */
function liveResidentsOfTenant(db: Q, tenantId: number) {
  return db
    .selectFrom('residents as r')
    .innerJoin('households as h', 'h.id', 'r.household_id')
    .where('r.tenant_id', '=', tenantId)
    .where('r.deleted_at', 'is', null)
    .where('h.deleted_at', 'is', null);
}

const ID_HOLDERS: IdHolders = { rows: liveResidentsOfTenant, id: 'r.id', hash: 'r.id_number_hash' };

/** Whether a live resident of a live household of the tenant has this ID-number hash (but `exceptResidentId`). */
export function idNumberTaken(db: Q, tenantId: number, hash: string, exceptResidentId?: number): Promise<boolean> {
  return idNumberHeld(db, ID_HOLDERS, tenantId, hash, exceptResidentId);
}

/** Which of `hashes` are ID numbers of live residents of live households in the county (an import's lookup). */
export function idHashesAmong(db: Q, tenantId: number, hashes: string[], pause: () => Promise<void>) {
  return idHashesHeld(db, ID_HOLDERS, tenantId, hashes, pause);
}

/** Recounts a household's live residents into `people` (after a resident is added or removed). */
export async function recountPeople(trx: Q, householdId: number, now: string): Promise<number> {
  const n = await countOf(
    trx.selectFrom('residents').where('household_id', '=', householdId).where('deleted_at', 'is', null),
  );
  await trx.updateTable('households').set({ people: n, updated_at: now }).where('id', '=', householdId).execute();
  return n;
}

/** Records a household; its id. */
export async function insertHousehold(trx: Q, values: Insertable<HouseholdsTable>): Promise<number> {
  const { id } = await trx.insertInto('households').values(values).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Changes a household's columns. */
export async function updateHousehold(trx: Q, id: number, set: Updateable<HouseholdsTable>): Promise<void> {
  await trx.updateTable('households').set(set).where('id', '=', id).execute();
}

/** Moves what belongs to a household (its residents, pairings and visits) to another organization. */
export async function moveHouseholdRows(
  trx: Q,
  householdId: number,
  org: { id: number; org_path: string },
): Promise<void> {
  for (const table of ['residents', 'pairings', 'visits'] as const) {
    await trx
      .updateTable(table)
      .set({ org_id: org.id, org_path: org.org_path })
      .where('household_id', '=', householdId)
      .execute();
  }
}

/** Records residents; their ids, in order. */
export async function insertResidents(trx: Q, values: Insertable<ResidentsTable>[]): Promise<number[]> {
  if (!values.length) return [];
  return (await trx.insertInto('residents').values(values).returning('id').execute()).map((r) => r.id);
}

/** Changes a resident's columns. */
export async function updateResident(trx: Q, id: number, set: Updateable<ResidentsTable>): Promise<void> {
  await trx.updateTable('residents').set(set).where('id', '=', id).execute();
}

/** The five latest live visits to a household, with the visitor's name. */
export async function recentVisits(db: Q, householdId: number) {
  return db
    .selectFrom('visits as v')
    .innerJoin('members as m', 'm.id', 'v.visitor_member_id')
    .select(['v.id', 'v.visited_on', 'v.found', 'm.name'])
    .where('v.household_id', '=', householdId)
    .where('v.deleted_at', 'is', null)
    .orderBy('v.visited_on', 'desc')
    .orderBy('v.id', 'desc')
    .limit(5)
    .execute();
}

/** How many live requests a household raised. */
export async function requestCount(db: Q, householdId: number): Promise<number> {
  return countOf(db.selectFrom('requests').where('household_id', '=', householdId).where('deleted_at', 'is', null));
}

/** The live organizations of the caller's scope, by path (the import keeps the villages and communities). */
export async function orgsInScope(db: Q, actor: Actor) {
  return scoped(db, actor, 'orgs')
    .select(['id', 'name', 'place_name', 'type', 'field', 'depth', 'org_path', 'tenant_id'])
    .orderBy('org_path')
    .execute();
}

/** The first live household of an organization with this address and head, if any (an import adds to it). */
export async function findHousehold(
  db: Q,
  h: { tenantId: number; orgId: number; address: string; head: string },
): Promise<{ id: number; tags: string } | undefined> {
  return db
    .selectFrom('households')
    .select(['id', 'tags'])
    .where('tenant_id', '=', h.tenantId)
    .where('org_id', '=', h.orgId)
    .where('address', '=', h.address)
    .where('head_name', '=', h.head)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .executeTakeFirst();
}
