/** Every query on the three evaluations, inside the caller's scope (platform/data/scoped.ts). */
import type { Insertable, Selectable } from 'kysely';
import type { ResidentsEvaluationsTable } from '../../../db/schema/index.js';
import type { Actor } from '../../../platform/actor.js';
import { type Liveness, type Paging, paged, type Q, type ScopedQuery, scoped } from '../../../platform/data/scoped.js';
import { firstOr404, scopedList, type SubtreeFilter } from '../../../platform/data/orgReader.js';

/** An evaluation with the name of its organization. */
export type EvaluationRow = Omit<Selectable<ResidentsEvaluationsTable>, 'tenant_id' | 'org_path' | 'created_by'> & {
  org_name: string;
};

/** What a list may ask for. */
export interface EvaluationFilter extends Omit<SubtreeFilter, 'q'> {
  kind?: string;
  period?: string;
}

function withOrg(q: ScopedQuery<'residents_evaluations', 'e'>) {
  return q
    .innerJoin('orgs as o', 'o.id', 'e.org_id')
    .select([
      'e.id',
      'e.org_id',
      'e.kind',
      'e.period',
      'e.grade',
      'e.satisfied',
      'e.fairly_satisfied',
      'e.dissatisfied',
      'e.comments',
      'e.evaluator_name',
      'e.created_at',
      'e.updated_at',
      'e.deleted_at',
      'o.name as org_name',
    ]);
}

/** One page of evaluations of a subtree, newest period first, and the total. */
export async function listEvaluations(
  db: Q,
  actor: Actor,
  f: EvaluationFilter,
  paging: Paging,
): Promise<{ rows: EvaluationRow[]; total: number }> {
  let q = scopedList(db, actor, 'residents_evaluations', 'e', f);
  if (f.kind) q = q.where('e.kind', '=', f.kind);
  if (f.period) q = q.where('e.period', '=', f.period);
  const page = await paged(
    db,
    actor.tenantId!,
    q,
    (b) => b.select('e.id').orderBy('e.period', 'desc').orderBy('e.id', 'desc'),
    paging,
  );
  const ids = page.rows.map((r) => r.id);
  if (!ids.length) return { rows: [], total: page.total };
  const rows = (await withOrg(scoped(db, actor, 'residents_evaluations', { as: 'e', rows: 'any' }))
    .where('e.id', 'in', ids)
    .orderBy('e.period', 'desc')
    .orderBy('e.id', 'desc')
    .execute()) as EvaluationRow[];
  return { rows, total: page.total };
}

/** One evaluation of the caller's scope (live unless asked), else 404. */
export async function getEvaluation(db: Q, actor: Actor, id: number, rows: Liveness = 'live'): Promise<EvaluationRow> {
  return firstOr404(withOrg(scoped(db, actor, 'residents_evaluations', { as: 'e', rows })).where('e.id', '=', id));
}

/** The live evaluation of an organization, kind and period, if any. */
export async function liveEvaluationOf(
  db: Q,
  orgId: number,
  kind: string,
  period: string,
): Promise<{ id: number } | undefined> {
  return db
    .selectFrom('residents_evaluations')
    .select('id')
    .where('org_id', '=', orgId)
    .where('kind', '=', kind)
    .where('period', '=', period)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Records an evaluation; its id. */
export async function insertEvaluation(trx: Q, values: Insertable<ResidentsEvaluationsTable>): Promise<number> {
  const { id } = await trx.insertInto('residents_evaluations').values(values).returning('id').executeTakeFirstOrThrow();
  return id;
}
