/** Every query of member development, on the caller's scope (`scoped`): candidates and their steps. */
import { type Insertable, type Selectable, sql } from 'kysely';
import { likeContains } from '../../../db/dialect.js';
import type {
  DevelopmentCandidatesTable,
  DevelopmentFilesTable,
  DevelopmentStepsTable,
} from '../../../db/schema/development.js';
import type { Actor } from '../../../platform/actor.js';
import {
  getOr404,
  type Liveness,
  liveInSubtree,
  paged,
  type Paging,
  type Q,
  scoped,
} from '../../../platform/data/scoped.js';

export type CandidateRow = Selectable<DevelopmentCandidatesTable>;
export type StepRow = Selectable<DevelopmentStepsTable>;
export type CandidateListRow = CandidateRow & { org_name: string };

/** The filters of the list. */
export interface CandidateFilter {
  underPath?: string;
  q?: string;
  idHash?: string;
  stage?: string;
  /** Open candidacies past their next step's due day (`today`). */
  overdue?: boolean;
  today: string;
  planYear?: number;
  deleted?: boolean;
}

function filtered(db: Q, actor: Actor, f: CandidateFilter) {
  const rows: Liveness = f.deleted ? 'deleted' : 'live';
  let q = scoped(db, actor, 'development_candidates', { as: 'c', under: f.underPath, rows }).innerJoin(
    'orgs as o',
    'o.id',
    'c.org_id',
  );
  if (f.idHash) q = q.where('c.id_number_hash', '=', f.idHash);
  else if (f.q) q = q.where(likeContains('c.name', f.q));
  if (f.stage) q = q.where('c.status', '=', f.stage);
  if (f.planYear) q = q.where('c.plan_year', '=', f.planYear);
  if (f.overdue === true) q = q.where('c.next_due_on', '<', f.today);
  if (f.overdue === false)
    q = q.where((eb) => eb.or([eb('c.next_due_on', 'is', null), eb('c.next_due_on', '>=', f.today)]));
  return q;
}

/** A page of candidates, newest application first (overdue ones: the longest overdue first). */
export async function listCandidates(
  db: Q,
  actor: Actor,
  f: CandidateFilter,
  paging: Paging,
): Promise<{ rows: CandidateListRow[]; total: number }> {
  return paged(
    db,
    actor.tenantId!,
    filtered(db, actor, f),
    (b) => {
      const q = b.selectAll('c').select('o.name as org_name');
      return (f.overdue ? q.orderBy('c.next_due_on', 'asc') : q.orderBy('c.applied_on', 'desc')).orderBy(
        'c.id',
        'desc',
      );
    },
    paging,
  ) as Promise<{ rows: CandidateListRow[]; total: number }>;
}

/** One candidate of the scope (deleted ones too when asked), or 404. */
export async function getCandidate(db: Q, actor: Actor, id: number, rows: Liveness = 'live'): Promise<CandidateRow> {
  return getOr404(db, actor, 'development_candidates', id, rows);
}

/** The candidate whose member record is `memberId` (a member's own progress), or undefined. */
export async function candidateOfMember(db: Q, tenantId: number, memberId: number) {
  return db
    .selectFrom('development_candidates as c')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .selectAll('c')
    .select('o.name as org_name')
    .where('c.tenant_id', '=', tenantId)
    .where('c.member_id', '=', memberId)
    .where('c.deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Whether a live open or admitted candidacy of the county holds this ID number (other than `exceptId`). */
export async function idNumberHeldByCandidate(db: Q, tenantId: number, hash: string, exceptId?: number) {
  let q = db
    .selectFrom('development_candidates')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id_number_hash', '=', hash)
    .where('deleted_at', 'is', null)
    .where('status', 'not in', ['refused', 'lapsed']);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) != null;
}

/** Inserts a candidate; answers its id. */
export async function insertCandidate(db: Q, row: Omit<Insertable<DevelopmentCandidatesTable>, 'id'>) {
  const r = await db.insertInto('development_candidates').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Inserts many candidates (the demo); answers their ids in order. */
export async function insertCandidates(db: Q, rows: Omit<Insertable<DevelopmentCandidatesTable>, 'id'>[]) {
  if (!rows.length) return [];
  return (await db.insertInto('development_candidates').values(rows).returning('id').execute()).map((r) => r.id);
}

/** Changes columns of a candidate. */
export async function updateCandidate(db: Q, id: number, set: Record<string, unknown>): Promise<void> {
  await db.updateTable('development_candidates').set(set).where('id', '=', id).execute();
}

/** The recorded steps of a candidate, in the order they were done. */
export async function stepsOf(db: Q, candidateId: number): Promise<StepRow[]> {
  return db
    .selectFrom('development_steps')
    .selectAll()
    .where('candidate_id', '=', candidateId)
    .orderBy('done_on')
    .orderBy('step_no')
    .orderBy('id')
    .execute();
}

/** Inserts recorded steps. */
export async function insertSteps(db: Q, rows: Omit<Insertable<DevelopmentStepsTable>, 'id'>[]): Promise<void> {
  if (rows.length) await db.insertInto('development_steps').values(rows).execute();
}

/** Members of the county by id with their org path and status (contacts, introducers, talkers). */
export async function membersByIds(db: Q, tenantId: number, ids: number[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('members')
    .select(['id', 'name', 'org_id', 'org_path', 'status'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .where('deleted_at', 'is', null)
    .execute();
}

/** A general meeting of an organization, for the vote's link (undefined if none). */
export async function meetingOf(db: Q, tenantId: number, meetingId: number) {
  return db
    .selectFrom('meetings')
    .select(['id', 'org_id', 'kind'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', meetingId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Open candidacies whose next step is due by `until` (the reminders job), with their org. */
export async function dueBy(db: Q, tenantId: number, until: string) {
  return db
    .selectFrom('development_candidates')
    .select(['id', 'name', 'org_id', 'org_path', 'next_step', 'next_due_on'])
    .where('tenant_id', '=', tenantId)
    .where('deleted_at', 'is', null)
    .where('next_due_on', 'is not', null)
    .where('next_due_on', '<=', until)
    .execute();
}

/** Active branch secretaries' accounts of some organizations. */
export async function secretariesOf(db: Q, tenantId: number, orgIds: number[]) {
  if (!orgIds.length) return [];
  return db
    .selectFrom('users')
    .select(['id', 'org_id'])
    .where('tenant_id', '=', tenantId)
    .where('role', '=', 'branch_secretary')
    .where('status', '=', 'active')
    .where('deleted_at', 'is', null)
    .where('org_id', 'in', orgIds)
    .execute();
}

/** Every county's id (the daily job runs per county). */
export async function tenants(db: Q): Promise<number[]> {
  const rows = await db
    .selectFrom('orgs')
    .select('tenant_id')
    .where('parent_id', 'is', null)
    .where('deleted_at', 'is', null)
    .execute();
  return rows.map((r) => r.tenant_id);
}

/** Each stage's entries in [from, to] per organization of a subtree (the pipeline figure). */
export async function pipelineCounts(db: Q, tenantId: number, range: [string, string], from: string, to: string) {
  const within = (col: string) =>
    sql<number>`sum(case when ${sql.ref(col)} >= ${from} and ${sql.ref(col)} <= ${to} then 1 else 0 end)`;
  const rows = await liveInSubtree(db, 'development_candidates', tenantId, range, 'c')
    .select('c.org_path')
    .select([
      within('c.applied_on').as('applicants'),
      within('c.activist_on').as('activists'),
      within('c.target_on').as('targets'),
      within('c.admitted_on').as('admitted'),
      within('c.converted_on').as('converted'),
    ])
    .groupBy('c.org_path')
    .execute();
  return rows.map((r) => ({
    org_path: r.org_path as string,
    applicants: Number(r.applicants ?? 0),
    activists: Number(r.activists ?? 0),
    targets: Number(r.targets ?? 0),
    admitted: Number(r.admitted ?? 0),
    converted: Number(r.converted ?? 0),
  }));
}

/** The live scans of a candidate's materials, in upload order. */
export async function filesOf(db: Q, candidateId: number) {
  return db
    .selectFrom('development_files')
    .select(['id', 'step', 'material', 'mime', 'bytes', 'created_at'])
    .where('candidate_id', '=', candidateId)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** One live scan of a candidate (undefined if none). */
export async function fileOf(db: Q, candidateId: number, fileId: number) {
  return db
    .selectFrom('development_files')
    .select(['id', 'file_hash', 'mime'])
    .where('id', '=', fileId)
    .where('candidate_id', '=', candidateId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Records a stored scan; answers its id. */
export async function insertFile(db: Q, row: Omit<Insertable<DevelopmentFilesTable>, 'id'>): Promise<number> {
  return (await db.insertInto('development_files').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Removes a scan from the file (soft). */
export async function removeFile(db: Q, fileId: number, at: string): Promise<void> {
  await db.updateTable('development_files').set({ deleted_at: at }).where('id', '=', fileId).execute();
}
