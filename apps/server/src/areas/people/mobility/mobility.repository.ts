/** Every query on the records of members away (流动党员) and out of contact (失联), inside the caller's scope. */
import type { ExpressionBuilder, Insertable, Selectable } from 'kysely';
import { MOBILITY_OPEN } from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { likeContains, subtreeRange } from '../../../db/dialect.js';
import type { DB, MemberMobilityTable, MembersTable } from '../../../db/schema/index.js';
import { liveInSubtree, paged, type Paging, type Q, scoped } from '../../../platform/data/scoped.js';
// The organizations' own readers, under the names this module's code calls them.
export { childOrgs } from '../../core/orgs/orgs.repository.js';

export type { Q };

/** A new record's row. */
export type NewMobilityRow = Insertable<MemberMobilityTable>;

/** A record with the names a page shows. */
export type MobilityRow = Selectable<MemberMobilityTable> & {
  org_name: string;
  member_name: string;
  contact_name: string | null;
};

export interface MobilityFilter {
  underPath?: string;
  q?: string;
  status?: string;
  open?: boolean;
  memberId?: number;
  deleted?: boolean;
}

function withNames<B extends ReturnType<typeof base>>(q: B) {
  return q
    .innerJoin('orgs as o', 'o.id', 'mm.org_id')
    .innerJoin('members as m', 'm.id', 'mm.member_id')
    .leftJoin('members as c', 'c.id', 'mm.contact_member_id')
    .selectAll('mm')
    .select(['o.name as org_name', 'm.name as member_name', 'c.name as contact_name']);
}

function base(db: Q, actor: Actor, f: MobilityFilter) {
  let q = scoped(db, actor, 'member_mobility', { as: 'mm', under: f.underPath, rows: f.deleted ? 'deleted' : 'live' });
  if (f.status) q = q.where('mm.status', '=', f.status);
  if (f.open) q = q.where('mm.status', 'in', [...MOBILITY_OPEN]);
  if (f.memberId != null) q = q.where('mm.member_id', '=', f.memberId);
  if (f.q) {
    const text = f.q;
    q = q.where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('members as qm')
            .select('qm.id')
            .whereRef('qm.id', '=', 'mm.member_id')
            .where(likeContains('qm.name', text)),
        ),
        likeContains('mm.destination', text),
        likeContains('mm.unit', text),
      ]),
    );
  }
  return q;
}

/** A page of records, newest absence first, and the total (cached under the mobility version). */
export async function listRecords(
  db: Q,
  actor: Actor,
  f: MobilityFilter,
  paging: Paging,
): Promise<{ rows: MobilityRow[]; total: number }> {
  const key = `mobility|${actor.orgPath}|${JSON.stringify(f)}`;
  return paged(
    db,
    actor.tenantId!,
    base(db, actor, f),
    (b) => withNames(b).orderBy('mm.since', 'desc').orderBy('mm.id', 'desc'),
    paging,
    { domain: 'mobility', key },
  ) as Promise<{ rows: MobilityRow[]; total: number }>;
}

/** One record of the caller's scope by id (deleted ones only when asked), or undefined. */
export async function findRecord(
  db: Q,
  actor: Actor,
  id: number,
  rows: 'live' | 'any' = 'live',
): Promise<MobilityRow | undefined> {
  const q = withNames(scoped(db, actor, 'member_mobility', { as: 'mm', rows })).where('mm.id', '=', id);
  return (await q.executeTakeFirst()) as MobilityRow | undefined;
}

/** Every record of one member (live), newest first. */
export async function recordsOfMember(db: Q, actor: Actor, memberId: number): Promise<MobilityRow[]> {
  const q = withNames(scoped(db, actor, 'member_mobility', { as: 'mm' })).where('mm.member_id', '=', memberId);
  return (await q.orderBy('mm.since', 'desc').orderBy('mm.id', 'desc').execute()) as MobilityRow[];
}

/** The live open record of a member (any scope of its county), other than `exceptId`. */
export async function openRecordOf(db: Q, tenantId: number, memberId: number, exceptId?: number) {
  let q = db
    .selectFrom('member_mobility')
    .select(['id', 'status'])
    .where('tenant_id', '=', tenantId)
    .where('member_id', '=', memberId)
    .where('status', 'in', [...MOBILITY_OPEN])
    .where('deleted_at', 'is', null);
  if (exceptId != null) q = q.where('id', '<>', exceptId);
  return q.executeTakeFirst();
}

/** Inserts a record; answers its id. */
export async function insertRecord(db: Q, row: Insertable<MemberMobilityTable>): Promise<number> {
  return (await db.insertInto('member_mobility').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Sets columns of a record. */
export async function updateRecord(db: Q, id: number, set: Partial<Selectable<MemberMobilityTable>>): Promise<void> {
  await db.updateTable('member_mobility').set(set).where('id', '=', id).execute();
}

/** Live members of a subtree, and those away and out of contact, by organization path. */
export async function stateCounts(db: Q, tenantId: number, path: string) {
  const range = subtreeRange(path);
  const members = await liveInSubtree(db, 'members', tenantId, range)
    .select(['org_path', (e) => e.fn.countAll<number>().as('n')])
    .groupBy('org_path')
    .execute();
  const away = await liveInSubtree(db, 'member_mobility', tenantId, range)
    .where('status', 'in', [...MOBILITY_OPEN])
    .select(['org_path', 'status', (e) => e.fn.countAll<number>().as('n')])
    .groupBy(['org_path', 'status'])
    .execute();
  return { members, away };
}

/** Where the members away of a subtree are: destinations with their counts, most first. */
export async function destinations(db: Q, tenantId: number, path: string, limit: number) {
  return liveInSubtree(db, 'member_mobility', tenantId, subtreeRange(path))
    .where('status', '=', 'flowing')
    .where('destination', 'is not', null)
    .select(['destination', (e) => e.fn.countAll<number>().as('n')])
    .groupBy('destination')
    .orderBy('n', 'desc')
    .orderBy('destination')
    .limit(limit)
    .execute();
}

/** The live members of a county with their organizations (the demo picks who is away). */
export async function membersOfCounty(db: Q, tenantId: number) {
  return db
    .selectFrom('members')
    .select(['id', 'org_id', 'org_path', 'joined_at'])
    .where('tenant_id', '=', tenantId)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** Inserts many records at once (the demo), 200 a statement; answers their ids in order. */
export async function insertRecords(db: Q, rows: Insertable<MemberMobilityTable>[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 200) {
    const got = await db
      .insertInto('member_mobility')
      .values(rows.slice(i, i + 200))
      .returning('id')
      .execute();
    ids.push(...got.map((g) => g.id));
  }
  return ids;
}

/** An organization of a county by id (a figure's root, already checked in the caller's scope). */
export async function orgOf(db: Q, tenantId: number, id: number) {
  return db
    .selectFrom('orgs')
    .select(['id', 'name', 'org_path', 'tenant_id'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

/**
 * The members-list condition on a member's state now (alias `m`): away or out of contact by its open record,
 * local by having none. The index on (member_id, status) answers it per member.
 */
export function mobilityStateIs(state: string) {
  return (eb: ExpressionBuilder<DB & { m: MembersTable }, 'm'>) => {
    const open = eb
      .selectFrom('member_mobility as ms')
      .select('ms.id')
      .whereRef('ms.member_id', '=', 'm.id')
      .where('ms.deleted_at', 'is', null);
    return state === 'local'
      ? eb.not(eb.exists(open.where('ms.status', 'in', [...MOBILITY_OPEN])))
      : eb.exists(open.where('ms.status', '=', state));
  };
}
