/**
 * Every query on retraining files and their classes. Both tables lie on the path of the cadre's organization: a
 * scoped query (`scoped()`) gives each caller its subtree's files; a member (the cadre) is narrowed to its own.
 */
import type { Insertable, Selectable, SelectQueryBuilder } from 'kysely';
import { likeContains, subtreeRange } from '../../../db/dialect.js';
import type { RetrainingClassesTable, RetrainingFilesTable } from '../../../db/schema/retraining.js';
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

export type FileRow = Selectable<RetrainingFilesTable> & { org_name: string; cadre_name: string };
export type ClassRow = Selectable<RetrainingClassesTable>;
export type { Q };

/** States of a file still open. */
export const OPEN = ['suspended', 'training', 'tested'] as const;

/** What a list asks for. */
export interface FileFilter {
  underPath?: string;
  townshipPath?: string;
  /** Only this member's files (a cadre signed in as a member sees its own). */
  memberId?: number;
  q?: string;
  status?: string;
  year?: number;
  reason?: string;
  post?: string;
  /** Open files past this day (the overdue filter, with today). */
  overdueOn?: string;
  deleted?: boolean;
}

type AnyQ = SelectQueryBuilder<any, any, any>;

function base(db: Q, actor: Actor, under: string | undefined, rows: Liveness): AnyQ {
  return (scoped(db, actor, 'retraining_files', { as: 'f', under, rows }) as AnyQ)
    .innerJoin('orgs as o', 'o.id', 'f.org_id')
    .innerJoin('members as m', 'm.id', 'f.member_id');
}

const COLUMNS = (q: AnyQ) => q.selectAll('f').select(['o.name as org_name', 'm.name as cadre_name']);

/** A member (the cadre) sees only its own files. */
export const ownOnly = (actor: Actor): number | undefined =>
  actor.role === 'member' ? (actor.memberId ?? -1) : undefined;

/** One file of the caller's scope (404 otherwise; a member's other than its own is not found either). */
export async function getFile(db: Q, actor: Actor, id: number, rows: Liveness = 'live'): Promise<FileRow> {
  await getOr404(db, actor, 'retraining_files', id, rows);
  const r = (await COLUMNS(base(db, actor, undefined, 'any'))
    .where('f.id', '=', id)
    .executeTakeFirstOrThrow()) as FileRow;
  const own = ownOnly(actor);
  if (own !== undefined && r.member_id !== own) throw notFound();
  return r;
}

function filtered(db: Q, actor: Actor, f: FileFilter): AnyQ {
  let q = base(db, actor, f.underPath, f.deleted ? 'deleted' : 'live');
  if (f.townshipPath) {
    const [lo, hi] = subtreeRange(f.townshipPath);
    q = q.where('f.org_path', '>=', lo).where('f.org_path', '<', hi);
  }
  if (f.memberId !== undefined) q = q.where('f.member_id', '=', f.memberId);
  if (f.status) q = q.where('f.status', '=', f.status);
  if (f.year) q = q.where('f.year', '=', f.year);
  if (f.post) q = q.where('f.post', '=', f.post);
  // Reasons are a JSON array of codes: a code is a whole quoted word in it.
  if (f.reason) q = q.where('f.reasons', 'like', `%"${f.reason}"%`);
  if (f.overdueOn) q = q.where('f.status', 'in', [...OPEN]).where('f.due_on', '<', f.overdueOn);
  if (f.q) {
    const text = f.q;
    q = q.where((e: any) => e.or([likeContains('o.name', text), likeContains('m.name', text)]));
  }
  return q;
}

/** A page of files, the newest suspended first. */
export async function listFiles(
  db: Q,
  actor: Actor,
  f: FileFilter,
  paging: Paging,
): Promise<{ rows: FileRow[]; total: number }> {
  const order = (b: AnyQ) => COLUMNS(b).orderBy('f.suspended_on', 'desc').orderBy('f.id', 'desc');
  return paged(db, actor.tenantId!, filtered(db, actor, f), order, paging) as Promise<{
    rows: FileRow[];
    total: number;
  }>;
}

/** Whether a member has an open, live file (other than `exceptId`). */
export async function hasOpenFile(db: Q, memberId: number, exceptId?: number): Promise<boolean> {
  let q = db
    .selectFrom('retraining_files')
    .select('id')
    .where('member_id', '=', memberId)
    .where('status', 'in', [...OPEN])
    .where('deleted_at', 'is', null);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) != null;
}

/** A new file's row. */
export type NewFile = Omit<Insertable<RetrainingFilesTable>, 'id'>;

/** Inserts files; answers their ids in order. */
export async function insertFiles(db: Q, rows: NewFile[]): Promise<number[]> {
  if (!rows.length) return [];
  return (await db.insertInto('retraining_files').values(rows).returning('id').execute()).map((r) => r.id);
}

/** Changes columns of a file outside a move. */
export async function updateFile(db: Q, id: number, set: Partial<Selectable<RetrainingFilesTable>>): Promise<void> {
  await db.updateTable('retraining_files').set(set).where('id', '=', id).execute();
}

/** The live classes of files, oldest first. */
export async function classesOf(db: Q, fileIds: number[]): Promise<ClassRow[]> {
  if (!fileIds.length) return [];
  return db
    .selectFrom('retraining_classes')
    .selectAll()
    .where('file_id', 'in', fileIds)
    .where('deleted_at', 'is', null)
    .orderBy('held_on')
    .orderBy('id')
    .execute();
}

/** Inserts classes; answers their ids. */
export async function insertClasses(db: Q, rows: Omit<Insertable<RetrainingClassesTable>, 'id'>[]): Promise<number[]> {
  if (!rows.length) return [];
  const ids: number[] = [];
  // In batches: SQLite binds at most a few thousand parameters per statement.
  for (let i = 0; i < rows.length; i += 500)
    ids.push(
      ...(
        await db
          .insertInto('retraining_classes')
          .values(rows.slice(i, i + 500))
          .returning('id')
          .execute()
      ).map((r) => r.id),
    );
  return ids;
}

/** A member of the caller's scope by id, with its organization (the cadre to suspend). */
export async function memberInScope(db: Q, actor: Actor, memberId: number) {
  const r = await (scoped(db, actor, 'members', { as: 'm' }) as AnyQ)
    .innerJoin('orgs as o', 'o.id', 'm.org_id')
    .select([
      'm.id',
      'm.name',
      'm.tenant_id',
      'm.org_id',
      'm.org_path',
      'm.status',
      'o.depth',
      'o.type',
      'o.field',
      'o.name as org_name',
    ])
    .where('m.id', '=', memberId)
    .executeTakeFirst();
  if (!r) throw notFound();
  return r as {
    id: number;
    name: string;
    tenant_id: number;
    org_id: number;
    org_path: string;
    status: string;
    depth: number;
    type: string;
    field: string | null;
    org_name: string;
  };
}

/** Every live file of a subtree suspended by the end of a period and not decided before its start (the figure). */
export async function summaryFiles(db: Q, tenantId: number, range: [string, string], from: string, to: string) {
  return liveInSubtree(db, 'retraining_files', tenantId, range, 'f')
    .select(['f.id', 'f.org_path', 'f.reasons', 'f.suspended_on', 'f.decided_on', 'f.status'])
    .where('f.suspended_on', '<=', to)
    .where((e) => e.or([e('f.decided_on', 'is', null), e('f.decided_on', '>=', from)]))
    .execute();
}

/** Class hours (tenths) attended in a period by cadres of live files of a subtree (the figure). */
export async function hoursAttended(db: Q, tenantId: number, range: [string, string], from: string, to: string) {
  const r = await liveInSubtree(db, 'retraining_classes', tenantId, range, 'c')
    .innerJoin('retraining_files as f', 'f.id', 'c.file_id')
    .where('f.deleted_at', 'is', null)
    .where('c.present', '=', 1)
    .where('c.held_on', '>=', from)
    .where('c.held_on', '<=', to)
    .select((e) => e.fn.sum<number>('c.hours_tenths').as('n'))
    .executeTakeFirstOrThrow();
  return Number((r as { n: number | string | null }).n ?? 0);
}

/** The demo's candidates: members of village and community organizations of a county, the demo branch's first. */
export async function demoCadres(db: Q, tenantId: number) {
  const branch = await db
    .selectFrom('users')
    .select('org_id')
    .where('tenant_id', '=', tenantId)
    .where('username', '=', 'demo-branch')
    .executeTakeFirst();
  const orgs = await db
    .selectFrom('orgs')
    .select(['id', 'org_path', 'parent_id'])
    .where('tenant_id', '=', tenantId)
    .where('depth', '>=', 2)
    .where('type', 'in', ['branch', 'general_branch'])
    .where('field', 'in', ['rural', 'community'])
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
  return { orgs, branchOrgId: branch?.org_id ?? null };
}

/** Members of organizations (the demo picks one cadre in each), the oldest joined first. */
export async function membersOfOrgs(db: Q, tenantId: number, orgIds: number[]) {
  if (!orgIds.length) return [];
  return db
    .selectFrom('members')
    .select(['id', 'org_id', 'org_path', 'name', 'birth_date'])
    .where('tenant_id', '=', tenantId)
    .where('org_id', 'in', orgIds)
    .where('deleted_at', 'is', null)
    .where('status', '=', 'full')
    .orderBy('joined_at')
    .orderBy('id')
    .execute();
}
