/** Every query on door-to-door visits and their quotas, inside the caller's scope. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { VisitsTable } from '../../../db/schema/index.js';
import { likeContains } from '../../../db/dialect.js';
import type { Actor } from '../../../platform/actor.js';
import { type Liveness, type Paging, paged, type Q, scoped } from '../../../platform/data/scoped.js';
import { notFound } from '../../../platform/errors.js';

/** A stored visit. */
export type VisitRow = Selectable<VisitsTable>;

/** What a list may ask for. */
export interface VisitFilter {
  /** A subtree inside the caller's scope (an org path). */
  underPath?: string;
  deleted?: boolean;
  from?: string;
  to?: string;
  visitor?: number;
  /** Text in what was found, or in the visited household's head or address. */
  q?: string;
}

/** One visit of the caller's scope (live unless asked), else 404. */
export async function getVisit(db: Q, actor: Actor, id: number, rows: Liveness = 'live'): Promise<VisitRow> {
  const row = await scoped(db, actor, 'visits', { rows }).selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return row as VisitRow;
}

/** One page of visits of a subtree, newest first, and the total (cached under the residents' data version). */
export async function listVisits(db: Q, actor: Actor, f: VisitFilter, paging: Paging, cacheKey: string) {
  let q = scoped(db, actor, 'visits', { as: 'v', under: f.underPath, rows: f.deleted ? 'deleted' : 'live' });
  if (f.from) q = q.where('v.visited_on', '>=', f.from);
  if (f.to) q = q.where('v.visited_on', '<=', f.to);
  if (f.visitor) q = q.where('v.visitor_member_id', '=', f.visitor);
  const text = f.q;
  if (text) {
    q = q.where((e) =>
      e.or([
        likeContains('v.found', text),
        e.exists(
          e
            .selectFrom('households as h')
            .select('h.id')
            .whereRef('h.id', '=', 'v.household_id')
            .where((h) => h.or([likeContains('h.head_name', text), likeContains('h.address', text)])),
        ),
      ]),
    );
  }
  return paged(
    db,
    actor.tenantId!,
    q,
    (b) =>
      b
        .select([
          'v.id',
          'v.org_id',
          'v.household_id',
          'v.visitor_member_id',
          'v.visited_on',
          'v.found',
          'v.promised',
          'v.request_id',
          'v.created_at',
          'v.updated_at',
          'v.deleted_at',
        ])
        .orderBy('v.visited_on', 'desc')
        .orderBy('v.id', 'desc'),
    paging,
    { domain: 'residents', key: cacheKey },
  );
}

/** The names a visit shows: households (head, address), visitors and organizations, by id. */
export async function namesOf(db: Q, ids: { households: number[]; members: number[]; orgs: number[] }) {
  const hh = await db
    .selectFrom('households')
    .select(['id', 'head_name', 'address'])
    .where('id', 'in', ids.households)
    .execute();
  const mm = await db.selectFrom('members').select(['id', 'name']).where('id', 'in', ids.members).execute();
  const oo = await db.selectFrom('orgs').select(['id', 'name', 'place_name']).where('id', 'in', ids.orgs).execute();
  return {
    households: new Map(hh.map((x) => [x.id, x])),
    members: new Map(mm.map((x) => [x.id, x.name])),
    // A visit's organization is its village: the place's name (大岭村) where it has one.
    orgs: new Map(oo.map((x) => [x.id, x.place_name ?? x.name])),
  };
}

/** Records a visit; its id. */
export async function insertVisit(trx: Q, values: Insertable<VisitsTable>): Promise<number> {
  const { id } = await trx.insertInto('visits').values(values).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Changes a visit's columns. */
export async function updateVisit(trx: Q, id: number, set: Updateable<VisitsTable>): Promise<void> {
  await trx.updateTable('visits').set(set).where('id', '=', id).execute();
}

/** The live organizations of a subtree (what the quotas count over). */
export async function orgsUnder(db: Q, actor: Actor, underPath?: string) {
  return scoped(db, actor, 'orgs', { under: underPath })
    .select(['id', 'parent_id', 'org_path', 'depth', 'type', 'field', 'name', 'place_name'])
    .execute();
}

/** The live organizations of the tenant one level below the county (townships among them). */
export async function depthOneOrgs(db: Q, tenantId: number) {
  return db
    .selectFrom('orgs')
    .select(['id', 'depth', 'type', 'field'])
    .where('tenant_id', '=', tenantId)
    .where('depth', '=', 1)
    .where('deleted_at', 'is', null)
    .execute();
}

/** Live visits of a subtree between two dates, counted by the visited household's organization path. */
export async function visitsByOrgPath(db: Q, actor: Actor, underPath: string | undefined, from: string, to: string) {
  return scoped(db, actor, 'visits', { under: underPath })
    .select(['org_path', (e) => e.fn.countAll<number>().as('n')])
    .where('visited_on', '>=', from)
    .where('visited_on', '<=', to)
    .groupBy('org_path')
    .execute();
}

/** The live members of some organizations of the tenant, by pinyin. */
export async function membersOfOrgs(db: Q, tenantId: number, orgIds: number[]) {
  if (!orgIds.length) return [];
  return db
    .selectFrom('members')
    .select(['id', 'name', 'org_id', 'name_pinyin'])
    .where('tenant_id', '=', tenantId)
    .where('org_id', 'in', orgIds)
    .where('deleted_at', 'is', null)
    .orderBy('name_pinyin')
    .execute();
}

/** Distinct visit days and households of each visitor between two dates, anywhere in the county. */
export async function visitorTallies(
  db: Q,
  tenantId: number,
  memberIds: number[],
  from: string,
  to: string,
): Promise<Map<number, { days: number; households: number }>> {
  const out = new Map<number, { days: number; households: number }>();
  for (let i = 0; i < memberIds.length; i += 500) {
    const rows = await db
      .selectFrom('visits')
      .select([
        'visitor_member_id',
        (e) => e.fn.count<number>('visited_on').distinct().as('days'),
        (e) => e.fn.count<number>('household_id').distinct().as('households'),
      ])
      .where('tenant_id', '=', tenantId)
      .where('visitor_member_id', 'in', memberIds.slice(i, i + 500))
      .where('visited_on', '>=', from)
      .where('visited_on', '<=', to)
      .where('deleted_at', 'is', null)
      .groupBy('visitor_member_id')
      .execute();
    for (const r of rows) out.set(r.visitor_member_id, { days: Number(r.days), households: Number(r.households) });
  }
  return out;
}
