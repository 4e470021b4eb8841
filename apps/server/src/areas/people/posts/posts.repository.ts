/**
 * Every query on posts for members (设岗定责) and their holders. Both tables lie on the path of the post's
 * organization, so a scoped query gives each caller its subtree. Coverage counts live members not flowing out.
 */
import type { Insertable, Selectable, SelectQueryBuilder } from 'kysely';
import { likeContains, subtreeRange } from '../../../db/dialect.js';
import type { MemberPostHoldersTable, MemberPostsTable } from '../../../db/schema/posts.js';
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
// The organizations' own readers, under the names this module's code calls them.
export { childOrgs, orgOfTenant } from '../../core/orgs/orgs.repository.js';

export type PostRow = Selectable<MemberPostsTable> & { org_name: string };
export type HolderRow = Selectable<MemberPostHoldersTable> & { member_name: string };
type AnyQ = SelectQueryBuilder<any, any, any>;

/** What a list asks for. */
export interface PostFilter {
  underPath?: string;
  q?: string;
  kind?: string;
  deleted?: boolean;
}

function base(db: Q, actor: Actor, under: string | undefined, rows: Liveness): AnyQ {
  return (scoped(db, actor, 'member_posts', { as: 'p', under, rows }) as AnyQ).innerJoin(
    'orgs as o',
    'o.id',
    'p.org_id',
  );
}
const COLUMNS = (q: AnyQ) => q.selectAll('p').select('o.name as org_name');

/** One post of the caller's scope (404 otherwise). */
export async function getPost(db: Q, actor: Actor, id: number, rows: Liveness = 'live'): Promise<PostRow> {
  await getOr404(db, actor, 'member_posts', id, rows);
  return (await COLUMNS(base(db, actor, undefined, 'any'))
    .where('p.id', '=', id)
    .executeTakeFirstOrThrow()) as PostRow;
}

/** A page of posts, by organization then name. */
export async function listPosts(db: Q, actor: Actor, f: PostFilter, paging: Paging) {
  let q = base(db, actor, f.underPath, f.deleted ? 'deleted' : 'live');
  if (f.kind) q = q.where('p.kind', '=', f.kind);
  if (f.q) {
    const text = f.q;
    q = q.where((e: any) => e.or([likeContains('p.name', text), likeContains('o.name', text)]));
  }
  const order = (b: AnyQ) => COLUMNS(b).orderBy('p.org_path').orderBy('p.id');
  return paged(db, actor.tenantId!, q, order, paging) as Promise<{ rows: PostRow[]; total: number }>;
}

/** The holders of posts (all, or only those holding on a day), the earliest first. */
export async function holdersOf(db: Q, postIds: number[], on?: string): Promise<HolderRow[]> {
  if (!postIds.length) return [];
  let q = db
    .selectFrom('member_post_holders as h')
    .innerJoin('members as m', 'm.id', 'h.member_id')
    .selectAll('h')
    .select('m.name as member_name')
    .where('h.post_id', 'in', postIds)
    .where('h.deleted_at', 'is', null);
  if (on)
    q = q.where('h.started_on', '<=', on).where((e) => e.or([e('h.ended_on', 'is', null), e('h.ended_on', '>', on)]));
  return q.orderBy('h.started_on').orderBy('h.id').execute() as Promise<HolderRow[]>;
}

/** One holding of a post. */
export async function getHolder(db: Q, postId: number, holderId: number) {
  return db
    .selectFrom('member_post_holders')
    .selectAll()
    .where('id', '=', holderId)
    .where('post_id', '=', postId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Inserts posts; answers their ids. */
export async function insertPosts(db: Q, rows: Omit<Insertable<MemberPostsTable>, 'id'>[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 300)
    ids.push(
      ...(
        await db
          .insertInto('member_posts')
          .values(rows.slice(i, i + 300))
          .returning('id')
          .execute()
      ).map((r) => r.id),
    );
  return ids;
}

/** Inserts holdings; answers their ids. */
export async function insertHolders(db: Q, rows: Omit<Insertable<MemberPostHoldersTable>, 'id'>[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 300)
    ids.push(
      ...(
        await db
          .insertInto('member_post_holders')
          .values(rows.slice(i, i + 300))
          .returning('id')
          .execute()
      ).map((r) => r.id),
    );
  return ids;
}

/** Changes columns of a post. */
export async function updatePost(db: Q, id: number, set: Partial<Selectable<MemberPostsTable>>): Promise<void> {
  await db.updateTable('member_posts').set(set).where('id', '=', id).execute();
}

/** Changes columns of a holding. */
export async function updateHolder(db: Q, id: number, set: Partial<Selectable<MemberPostHoldersTable>>): Promise<void> {
  await db.updateTable('member_post_holders').set(set).where('id', '=', id).execute();
}

/** A live member of the caller's scope, or none. */
export async function memberInScope(db: Q, actor: Actor, memberId: number) {
  return (scoped(db, actor, 'members', { as: 'm' }) as AnyQ)
    .select(['m.id', 'm.name', 'm.org_id', 'm.org_path', 'm.tenant_id'])
    .where('m.id', '=', memberId)
    .executeTakeFirst() as Promise<
    { id: number; name: string; org_id: number; org_path: string; tenant_id: number } | undefined
  >;
}

/** Members flowing out now (流出), whom coverage leaves out. */
function flowingIds(db: Q, tenantId: number) {
  return db
    .selectFrom('member_mobility')
    .select('member_id')
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'flowing')
    .where('deleted_at', 'is', null);
}

/** Members holding a live post on a day. */
function coveredIds(db: Q, tenantId: number, on: string) {
  return db
    .selectFrom('member_post_holders as h')
    .innerJoin('member_posts as p', 'p.id', 'h.post_id')
    .select('h.member_id')
    .where('h.tenant_id', '=', tenantId)
    .where('h.deleted_at', 'is', null)
    .where('p.deleted_at', 'is', null)
    .where('h.started_on', '<=', on)
    .where((e) => e.or([e('h.ended_on', 'is', null), e('h.ended_on', '>', on)]));
}

/** The members counted in a subtree's coverage (live, not flowing out), each with whether it holds a post. */
export async function coverageMembers(db: Q, tenantId: number, path: string, on: string) {
  const rows = await liveInSubtree(db, 'members', tenantId, subtreeRange(path), 'm')
    .select(['m.id', 'm.org_path'])
    .where('m.id', 'not in', flowingIds(db, tenantId))
    .select((e) => e.exists((coveredIds(db, tenantId, on) as AnyQ).whereRef('h.member_id', '=', 'm.id')).as('covered'))
    .execute();
  return rows.map((r) => ({ id: r.id, org_path: r.org_path, covered: Boolean(Number(r.covered)) }));
}

/** The live posts of a subtree with their holders on a day, by kind. */
export async function postsByKind(db: Q, tenantId: number, path: string, on: string) {
  const posts = await liveInSubtree(db, 'member_posts', tenantId, subtreeRange(path), 'p')
    .select(['p.kind', (e) => e.fn.countAll<number>().as('n')])
    .groupBy('p.kind')
    .execute();
  const holders = await coveredIds(db, tenantId, on)
    .where('p.org_path', '>=', subtreeRange(path)[0])
    .where('p.org_path', '<', subtreeRange(path)[1])
    .clearSelect()
    .select(['p.kind', (e) => e.fn.countAll<number>().as('n')])
    .groupBy('p.kind')
    .execute();
  return { posts, holders };
}

/** A page of members of a subtree without a post today (live, not flowing out). */
export async function uncovered(
  db: Q,
  actor: Actor,
  under: string | undefined,
  on: string,
  q: string | undefined,
  paging: Paging,
) {
  const tenantId = actor.tenantId!;
  let b = (scoped(db, actor, 'members', { as: 'm', under }) as AnyQ)
    .innerJoin('orgs as o', 'o.id', 'm.org_id')
    .where('m.id', 'not in', flowingIds(db, tenantId))
    .where('m.id', 'not in', coveredIds(db, tenantId, on));
  if (q) b = b.where(likeContains('m.name', q));
  return paged(
    db,
    tenantId,
    b,
    (x) =>
      x
        .select(['m.id as memberId', 'm.name', 'm.org_id as orgId', 'o.name as orgName'])
        .orderBy('m.org_path')
        .orderBy('m.id'),
    paging,
  ) as Promise<{ rows: { memberId: number; name: string; orgId: number; orgName: string }[]; total: number }>;
}

/** The demo's branches of a county (the organizations that define posts). */
export async function demoBranches(db: Q, tenantId: number) {
  return db
    .selectFrom('orgs')
    .select(['id', 'org_path'])
    .where('tenant_id', '=', tenantId)
    .where('type', 'in', ['branch', 'general_branch', 'joint_branch'])
    .where('deleted_at', 'is', null)
    .execute();
}

/** The demo's live members of a county with their organizations' paths. */
export async function demoMembers(db: Q, tenantId: number) {
  return db
    .selectFrom('members')
    .select(['id', 'org_path'])
    .where('tenant_id', '=', tenantId)
    .where('deleted_at', 'is', null)
    .execute();
}
