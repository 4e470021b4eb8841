/**
 * Every query on industry projects and their yearly records. Both tables lie on the path of the lead village's
 * organization: a scoped query (`scoped()`) gives each caller its subtree's projects.
 */
import type { Insertable, Selectable, SelectQueryBuilder } from 'kysely';
import { likeContains, subtreeRange } from '../../../db/dialect.js';
import type { ProjectsTable, ProjectYearsTable } from '../../../db/schema/projects.js';
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

export type ProjectRow = Selectable<ProjectsTable> & { org_name: string };
export type YearRow = Selectable<ProjectYearsTable>;
export type { Q };

/** What a list asks for. */
export interface ProjectFilter {
  underPath?: string;
  townshipPath?: string;
  q?: string;
  model?: string;
  industry?: string;
  status?: string;
  /** Projects running in the year: started by then, not stopped before it. */
  year?: number;
  deleted?: boolean;
}

type AnyQ = SelectQueryBuilder<any, any, any>;

function base(db: Q, actor: Actor, under: string | undefined, rows: Liveness): AnyQ {
  return (scoped(db, actor, 'projects', { as: 'p', under, rows }) as AnyQ).innerJoin('orgs as o', 'o.id', 'p.org_id');
}

const COLUMNS = (q: AnyQ) => q.selectAll('p').select(['o.name as org_name']);

/** One project of the caller's scope (404 otherwise). */
export async function getProject(db: Q, actor: Actor, id: number, rows: Liveness = 'live'): Promise<ProjectRow> {
  await getOr404(db, actor, 'projects', id, rows);
  return (await COLUMNS(base(db, actor, undefined, 'any'))
    .where('p.id', '=', id)
    .executeTakeFirstOrThrow()) as ProjectRow;
}

function filtered(db: Q, actor: Actor, f: ProjectFilter): AnyQ {
  let q = base(db, actor, f.underPath, f.deleted ? 'deleted' : 'live');
  if (f.townshipPath) {
    const [lo, hi] = subtreeRange(f.townshipPath);
    q = q.where('p.org_path', '>=', lo).where('p.org_path', '<', hi);
  }
  if (f.status) q = q.where('p.status', '=', f.status);
  if (f.industry) q = q.where('p.industry', '=', f.industry);
  // Models are a JSON array of codes: a code is a whole quoted word in it.
  if (f.model) q = q.where('p.models', 'like', `%"${f.model}"%`);
  if (f.year) {
    const y = f.year;
    q = q
      .where('p.start_year', '<=', y)
      .where((e: any) => e.or([e('p.stopped_year', 'is', null), e('p.stopped_year', '>=', y)]));
  }
  if (f.q) {
    const text = f.q;
    q = q.where((e: any) => e.or([likeContains('p.name', text), likeContains('o.name', text)]));
  }
  return q;
}

/** A page of projects, the newest started first. */
export async function listProjects(
  db: Q,
  actor: Actor,
  f: ProjectFilter,
  paging: Paging,
): Promise<{ rows: ProjectRow[]; total: number }> {
  const order = (b: AnyQ) => COLUMNS(b).orderBy('p.start_year', 'desc').orderBy('p.id', 'desc');
  return paged(db, actor.tenantId!, filtered(db, actor, f), order, paging) as Promise<{
    rows: ProjectRow[];
    total: number;
  }>;
}

/** A new project's row. */
export type NewProject = Omit<Insertable<ProjectsTable>, 'id'>;
/** A new yearly record's row. */
export type NewYear = Omit<Insertable<ProjectYearsTable>, 'id'>;

/** Inserts projects in batches; answers their ids in order. */
export async function insertProjects(db: Q, rows: NewProject[]): Promise<number[]> {
  const ids: number[] = [];
  // In batches: SQLite binds at most a few thousand parameters per statement.
  for (let i = 0; i < rows.length; i += 200)
    ids.push(
      ...(
        await db
          .insertInto('projects')
          .values(rows.slice(i, i + 200))
          .returning('id')
          .execute()
      ).map((r) => r.id),
    );
  return ids;
}

/** Changes columns of a project. */
export async function updateProject(db: Q, id: number, set: Partial<Selectable<ProjectsTable>>): Promise<void> {
  await db.updateTable('projects').set(set).where('id', '=', id).execute();
}

/** Inserts yearly records in batches. */
export async function insertYears(db: Q, rows: NewYear[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('project_years')
      .values(rows.slice(i, i + 200))
      .execute();
}

/** The record of a project and year, if any. */
export async function yearOf(db: Q, projectId: number, year: number): Promise<YearRow | undefined> {
  return db
    .selectFrom('project_years')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('year', '=', year)
    .executeTakeFirst();
}

/** Replaces the values of a yearly record. */
export async function updateYear(db: Q, id: number, set: Partial<Selectable<ProjectYearsTable>>): Promise<void> {
  await db.updateTable('project_years').set(set).where('id', '=', id).execute();
}

/** The yearly records of projects, oldest first. */
export async function yearsOf(db: Q, projectIds: number[]): Promise<YearRow[]> {
  if (!projectIds.length) return [];
  return db
    .selectFrom('project_years')
    .selectAll()
    .where('project_id', 'in', projectIds)
    .where('deleted_at', 'is', null)
    .orderBy('year')
    .execute();
}

/** Organizations of the caller's scope by id, with what tells a village (404 for any outside the scope). */
export async function orgsInScope(db: Q, actor: Actor, ids: number[]) {
  if (!ids.length) return [];
  const rows = (await (scoped(db, actor, 'orgs', { as: 'o' }) as AnyQ)
    .select(['o.id', 'o.name', 'o.org_path', 'o.depth', 'o.type', 'o.field', 'o.tenant_id'])
    .where('o.id', 'in', [...new Set(ids)])
    .execute()) as {
    id: number;
    name: string;
    org_path: string;
    depth: number;
    type: string;
    field: string | null;
    tenant_id: number;
  }[];
  if (rows.length !== new Set(ids).size) throw notFound();
  return rows;
}

/** The live projects of a subtree started by the end of a year (the figure). */
export async function figureProjects(db: Q, tenantId: number, range: [string, string], year: number) {
  return liveInSubtree(db, 'projects', tenantId, range, 'p')
    .select(['p.id', 'p.org_path', 'p.models', 'p.industry', 'p.cooperatives', 'p.status', 'p.stopped_year'])
    .where('p.start_year', '<=', year)
    .execute();
}

/** The yearly records up to a year of the live projects of a subtree (the figure). */
export async function figureYears(db: Q, tenantId: number, range: [string, string], year: number) {
  return liveInSubtree(db, 'project_years', tenantId, range, 'y')
    .innerJoin('projects as p', 'p.id', 'y.project_id')
    .where('p.deleted_at', 'is', null)
    .where('y.year', '<=', year)
    .select([
      'y.org_path',
      'y.year',
      'y.funds',
      'y.given_fen',
      'y.leveraged_fen',
      'y.households',
      'y.households_poor',
      'y.households_monitored',
      'y.household_income_fen',
      'y.collective_income_fen',
    ])
    .execute();
}

/** The demo's villages: the rural and community branches of a county, and the demo branch's organization. */
export async function demoVillages(db: Q, tenantId: number) {
  const branch = await db
    .selectFrom('users')
    .select('org_id')
    .where('tenant_id', '=', tenantId)
    .where('username', '=', 'demo-branch')
    .executeTakeFirst();
  const orgs = await db
    .selectFrom('orgs')
    .select(['id', 'name', 'org_path', 'parent_id'])
    .where('tenant_id', '=', tenantId)
    .where('depth', '>=', 2)
    .where('type', 'in', ['branch', 'general_branch'])
    .where('field', 'in', ['rural', 'community'])
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
  return { orgs, branchOrgId: branch?.org_id ?? null };
}
