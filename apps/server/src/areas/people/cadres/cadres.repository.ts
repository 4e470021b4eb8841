/**
 * Every query of the cadres module: the people of the two committees, their posts, the filings and the joint
 * reviews. Every table lies on the path of the village (community) organization: a scoped query gives each caller
 * its subtree. A person linked to the roster reads its name, gender and birth date from there (a left join).
 */
import type { Insertable, Selectable, SelectQueryBuilder } from 'kysely';
import { likeContains } from '../../../db/dialect.js';
import type { CadrePostsTable, CadresTable } from '../../../db/schema/cadres.js';
import type { Actor } from '../../../platform/actor.js';
import {
  getOr404,
  type Liveness,
  liveInSubtree,
  type Paging,
  paged,
  type Q,
  scoped,
} from '../../../platform/data/scoped.js';
import { notFound } from '../../../platform/errors.js';
// The organizations' own readers, under the names this module's code calls them.
export { childOrgs, namesOf as orgNames, orgOfTenant } from '../../core/orgs/orgs.repository.js';

export type { Q };
/** A person with the roster's words where linked, and the organization's name. */
export type CadreRow = Selectable<CadresTable> & { org_name: string };
export type PostRow = Selectable<CadrePostsTable> & { org_name: string };

type AnyQ = SelectQueryBuilder<any, any, any>;

/** The person's columns, the roster's name, gender and birth date where linked. */
function personColumns(q: AnyQ): AnyQ {
  return q
    .selectAll('c')
    .select((e: any) => [
      e.fn.coalesce('m.name', 'c.name').as('name'),
      e.fn.coalesce('m.gender', 'c.gender').as('gender'),
      e.fn.coalesce('m.birth_date', 'c.birth_date').as('birth_date'),
      'o.name as org_name',
    ]);
}

function cadreBase(db: Q, actor: Actor, under: string | undefined, rows: Liveness): AnyQ {
  return (scoped(db, actor, 'cadres', { as: 'c', under, rows }) as AnyQ)
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .leftJoin('members as m', 'm.id', 'c.member_id');
}

/** What a list of people asks for. */
export interface CadreFilter {
  underPath?: string;
  q?: string;
  committee?: string;
  post?: string;
  term?: string;
  kind?: string;
  gender?: string;
  education?: string;
  current?: boolean;
  deleted?: boolean;
}

function cadresFiltered(db: Q, actor: Actor, f: CadreFilter): AnyQ {
  let q = cadreBase(db, actor, f.underPath, f.deleted ? 'deleted' : 'live');
  if (f.q) {
    const text = f.q;
    q = q.where((e: any) => e.or([likeContains('c.name', text), likeContains('m.name', text)]));
  }
  if (f.gender) q = q.where((e: any) => e(e.fn.coalesce('m.gender', 'c.gender'), '=', f.gender));
  if (f.education) q = q.where('c.education', '=', f.education);
  // Kinds are a JSON array of codes: a code is a whole quoted word in it.
  if (f.kind) q = q.where('c.kinds', 'like', `%"${f.kind}"%`);
  if (f.committee || f.post || f.term || f.current) {
    q = q.where((e: any) => {
      let sub = e
        .selectFrom('cadre_posts as p')
        .select('p.id')
        .whereRef('p.cadre_id', '=', 'c.id')
        .where('p.deleted_at', 'is', null);
      if (f.committee) sub = sub.where('p.committee', '=', f.committee);
      if (f.post) sub = sub.where('p.post', '=', f.post);
      if (f.term) sub = sub.where('p.term', '=', f.term);
      if (f.current) sub = sub.where('p.ended_on', 'is', null);
      return e.exists(sub);
    });
  }
  return q;
}

/** A page of people, by organization then name. */
export async function listCadres(db: Q, actor: Actor, f: CadreFilter, paging: Paging) {
  const order = (b: AnyQ) => personColumns(b).orderBy('c.org_path').orderBy('c.id');
  return paged(db, actor.tenantId!, cadresFiltered(db, actor, f), order, paging) as Promise<{
    rows: CadreRow[];
    total: number;
  }>;
}

/** One person of the caller's scope (404 otherwise). */
export async function getCadre(db: Q, actor: Actor, id: number, rows: Liveness = 'live'): Promise<CadreRow> {
  await getOr404(db, actor, 'cadres', id, rows);
  return (await personColumns(cadreBase(db, actor, undefined, 'any'))
    .where('c.id', '=', id)
    .executeTakeFirstOrThrow()) as CadreRow;
}

/** Inserts people; answers their ids in order. */
export async function insertCadres(db: Q, rows: Omit<Insertable<CadresTable>, 'id'>[]): Promise<number[]> {
  const ids: number[] = [];
  // In batches: SQLite binds at most a few thousand parameters per statement.
  for (let i = 0; i < rows.length; i += 200)
    ids.push(
      ...(
        await db
          .insertInto('cadres')
          .values(rows.slice(i, i + 200))
          .returning('id')
          .execute()
      ).map((r) => r.id),
    );
  return ids;
}

/** Changes columns of a person. */
export async function updateCadre(db: Q, id: number, set: Partial<Selectable<CadresTable>>): Promise<void> {
  await db.updateTable('cadres').set(set).where('id', '=', id).execute();
}

/** The live person linked to a roster member, other than `exceptId`. */
export async function cadreOfMember(db: Q, memberId: number, exceptId?: number) {
  let q = db.selectFrom('cadres').select('id').where('member_id', '=', memberId).where('deleted_at', 'is', null);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return q.executeTakeFirst();
}

/** Posts of people (live, or every one with `withDeleted`), latest term first. */
export async function postsOf(db: Q, cadreIds: number[], withDeleted = false): Promise<PostRow[]> {
  if (!cadreIds.length) return [];
  let q = db
    .selectFrom('cadre_posts as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .selectAll('p')
    .select('o.name as org_name')
    .where('p.cadre_id', 'in', cadreIds);
  if (!withDeleted) q = q.where('p.deleted_at', 'is', null);
  return (await q
    .orderBy('p.term', 'desc')
    .orderBy('p.started_on', 'desc')
    .orderBy('p.id', 'desc')
    .execute()) as PostRow[];
}

/** One post of a person of the caller's scope (404 otherwise). */
export async function getPost(db: Q, actor: Actor, cadreId: number, postId: number, rows: Liveness = 'live') {
  const p = await getOr404(db, actor, 'cadre_posts', postId, rows);
  if (p.cadre_id !== cadreId) throw notFound();
  return p;
}

/** Inserts posts; answers their ids. */
export async function insertPosts(db: Q, rows: Omit<Insertable<CadrePostsTable>, 'id'>[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 300)
    ids.push(
      ...(
        await db
          .insertInto('cadre_posts')
          .values(rows.slice(i, i + 300))
          .returning('id')
          .execute()
      ).map((r) => r.id),
    );
  return ids;
}

/** Changes columns of a post. */
export async function updatePost(db: Q, id: number, set: Partial<Selectable<CadrePostsTable>>): Promise<void> {
  await db.updateTable('cadre_posts').set(set).where('id', '=', id).execute();
}

/** Live posts held in a village in a term on one committee and post (a single post has one holder). */
export async function holdersOf(db: Q, orgId: number, term: string, committee: string, post: string) {
  return db
    .selectFrom('cadre_posts')
    .select(['id', 'cadre_id'])
    .where('org_id', '=', orgId)
    .where('term', '=', term)
    .where('committee', '=', committee)
    .where('post', '=', post)
    .where('ended_on', 'is', null)
    .where('deleted_at', 'is', null)
    .execute();
}

/** Live posts of one person in a term on a committee. */
export async function postsInTerm(db: Q, cadreId: number, term: string, committee?: string) {
  let q = db
    .selectFrom('cadre_posts')
    .select(['id', 'committee', 'post', 'ended_on'])
    .where('cadre_id', '=', cadreId)
    .where('term', '=', term)
    .where('deleted_at', 'is', null);
  if (committee) q = q.where('committee', '=', committee);
  return q.execute();
}

/** A roster member of the caller's scope (404 otherwise). */
export async function memberInScope(db: Q, actor: Actor, memberId: number) {
  const r = await (scoped(db, actor, 'members', { as: 'm' }) as AnyQ)
    .select(['m.id', 'm.org_id', 'm.org_path', 'm.name', 'm.gender', 'm.birth_date', 'm.education'])
    .where('m.id', '=', memberId)
    .executeTakeFirst();
  if (!r) throw notFound();
  return r as {
    id: number;
    org_id: number;
    org_path: string;
    name: string;
    gender: string;
    birth_date: string;
    education: string | null;
  };
}

/** The latest term before `term` with live posts in a subtree (the analytics' previous term). */
export async function previousTerm(db: Q, tenantId: number, range: [string, string], term: string) {
  const r = await liveInSubtree(db, 'cadre_posts', tenantId, range, 'p')
    .where('p.term', '<', term)
    .select((e) => e.fn.max('p.term').as('t'))
    .executeTakeFirst();
  return ((r as { t: string | null } | undefined)?.t ?? null) as string | null;
}

/**
 * The live posts of a subtree in the given terms with their people (one pass: the analytics compute every measure
 * from these rows).
 */
export async function termPosts(db: Q, tenantId: number, range: [string, string], terms: string[]) {
  if (!terms.length) return [];
  return liveInSubtree(db, 'cadre_posts', tenantId, range, 'p')
    .innerJoin('cadres as c', 'c.id', 'p.cadre_id')
    .leftJoin('members as m', 'm.id', 'c.member_id')
    .where('c.deleted_at', 'is', null)
    .where('p.term', 'in', terms)
    .select((e) => [
      'p.cadre_id',
      'p.org_id',
      'p.org_path',
      'p.committee',
      'p.post',
      'p.term',
      'p.started_on',
      'c.kinds',
      'c.education',
      e.fn.coalesce('m.gender', 'c.gender').as('gender'),
      e.fn.coalesce('m.birth_date', 'c.birth_date').as('birth_date'),
    ])
    .execute() as Promise<
    {
      cadre_id: number;
      org_id: number;
      org_path: string;
      committee: string;
      post: string;
      term: string;
      started_on: string;
      kinds: string;
      education: string | null;
      gender: string;
      birth_date: string;
    }[]
  >;
}

/** The terms with live posts in the caller's scope, latest first. */
export async function termsInScope(db: Q, actor: Actor): Promise<string[]> {
  const rows = await (scoped(db, actor, 'cadre_posts', { as: 'p' }) as AnyQ)
    .select('p.term')
    .distinct()
    .orderBy('p.term', 'desc')
    .execute();
  return (rows as { term: string }[]).map((r) => r.term);
}

/** The demo's villages and communities of a county (depth 2, rural or community). */
export async function demoVillages(db: Q, tenantId: number) {
  return db
    .selectFrom('orgs')
    .select(['id', 'org_path', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('depth', '=', 2)
    .where('field', 'in', ['rural', 'community'])
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** The full members of a county (the demo links the party committees' people to them). */
export async function demoMembers(db: Q, tenantId: number) {
  return db
    .selectFrom('members as m')
    .select(['m.id', 'm.org_path', 'm.name', 'm.gender', 'm.birth_date'])
    .where('m.tenant_id', '=', tenantId)
    .where('m.status', '=', 'full')
    .where('m.deleted_at', 'is', null)
    .execute();
}
