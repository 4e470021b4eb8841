/**
 * The three evaluations (三评): the leader's monthly review (领导月点评), the residents' half-year
 * evaluation (群众半年评) and the year-end organization evaluation (组织年终评, by a higher level).
 * One per organization, kind and period.
 */
import type { EvaluationCreateT, EvaluationListQueryT, EvaluationT } from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import { diff } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { restore, type SoftChange, softDelete } from '../../../platform/data/scoped.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { ratingsClosedIn } from '../requests/requests.repository.js';
import { addDays, chinaDayStart, evaluationPeriod } from '../requests/requests.time.js';
import * as repo from './evaluations.repository.js';
import { orgRefOf, placedIn, stampsOf } from '../../../platform/stamps.js';
import { type Listed, pagingOf, subtreeFilter } from '../../../platform/listing.js';
import { writeRecorder } from '../../../platform/data/record.js';

/** Evaluation writes change the residents' figures. */
const recordResidentsEvaluation = writeRecorder('residents_evaluation', ['residents']);

function toItem(r: repo.EvaluationRow): EvaluationT {
  return {
    ...orgRefOf(r),
    kind: r.kind as EvaluationT['kind'],
    period: r.period,
    grade: r.grade as EvaluationT['grade'],
    satisfied: r.satisfied,
    fairlySatisfied: r.fairly_satisfied,
    dissatisfied: r.dissatisfied,
    comments: r.comments,
    evaluatorName: r.evaluator_name,
    ...stampsOf(r),
  };
}

/** Evaluations of a subtree, newest period first. */
export async function list(ctx: Ctx, actor: Actor, query: EvaluationListQueryT): Promise<Listed<EvaluationT>> {
  const { underPath, deleted } = await subtreeFilter(ctx, actor, query, 'residents.read');
  const filter = { underPath, kind: query.kind, period: query.period, deleted };
  const { rows, total } = await repo.listEvaluations(ctx.db, actor, filter, pagingOf(query));
  return { items: rows.map(toItem), total };
}

/**
 * Who may record an evaluation: the year-end organization evaluation is made by a higher level
 * (service.evaluate, and the evaluated organization strictly below the actor's); the others by any
 * service worker of the scope (service.write).
 */
function checkEvaluator(actor: Actor, kind: string, orgPath: string): void {
  if (kind === 'year_end_org') {
    requireCapability(actor, 'residents.evaluate');
    if (orgPath === actor.orgPath)
      throw new DomainError('forbidden', { reason: 'an organization is evaluated by a higher level' });
  } else requireCapability(actor, 'residents.write');
}

/** Records an evaluation (one per organization, kind and period). */
export async function create(ctx: Ctx, actor: Actor, input: EvaluationCreateT): Promise<EvaluationT> {
  requireCapability(actor, 'residents.read');
  const org = await orgsRepo.getOrg(ctx.db, actor, input.orgId);
  checkEvaluator(actor, input.kind, org.org_path);
  evaluationPeriod(input.kind, input.period);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const clash = await repo.liveEvaluationOf(trx, org.id, input.kind, input.period);
    if (clash) throw new DomainError('residents.evaluation_exists', { id: clash.id }, 409);
    const now = ctx.clock().toISOString();
    const id = await repo.insertEvaluation(trx, {
      ...placedIn(org),
      kind: input.kind,
      period: input.period,
      grade: input.grade ?? null,
      satisfied: input.satisfied ?? null,
      fairly_satisfied: input.fairlySatisfied ?? null,
      dissatisfied: input.dissatisfied ?? null,
      comments: input.comments?.trim() || null,
      evaluator_name: input.evaluatorName.trim(),
      created_by: actor.userId || null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
    await recordResidentsEvaluation(ctx, trx, actor, org.tenant_id, {
      action: 'evaluation.create',
      entityId: id,
      changes: diff(null, {
        orgId: org.id,
        kind: input.kind,
        period: input.period,
        grade: input.grade ?? null,
        satisfied: input.satisfied ?? null,
        fairlySatisfied: input.fairlySatisfied ?? null,
        dissatisfied: input.dissatisfied ?? null,
      }),
    });
    return id;
  });
  return toItem(await repo.getEvaluation(ctx.db, actor, id));
}

/** Soft-deletes or restores an evaluation (a restore refuses a second live one for the same period). */
export async function setDeleted(ctx: Ctx, actor: Actor, id: number, deleted: boolean): Promise<EvaluationT> {
  requireCapability(actor, 'residents.read');
  const r = await repo.getEvaluation(ctx.db, actor, id, 'any');
  const org = await orgsRepo.getOrg(ctx.db, actor, r.org_id);
  checkEvaluator(actor, r.kind, org.org_path);
  if (Boolean(r.deleted_at) === deleted) {
    if (deleted) throw notFound();
    return toItem(r);
  }
  const change: SoftChange = {
    action: deleted ? 'evaluation.delete' : 'evaluation.restore',
    entityType: 'residents_evaluation',
    domains: ['residents'],
    stampUpdatedAt: true,
    // A restore refuses a second live evaluation of the same organization, kind and period.
    before: async (trx) => {
      const clash = deleted ? undefined : await repo.liveEvaluationOf(trx, r.org_id, r.kind, r.period);
      if (clash) throw new DomainError('residents.evaluation_exists', { id: clash.id }, 409);
    },
  };
  if (deleted) await softDelete(ctx, actor, 'residents_evaluations', id, change);
  else await restore(ctx, actor, 'residents_evaluations', id, change);
  return toItem(await repo.getEvaluation(ctx.db, actor, id, 'any'));
}

/**
 * Counts of the residents' ratings of the requests handled in a subtree and closed in the period (to prefill an
 * evaluation).
 */
export async function suggest(ctx: Ctx, actor: Actor, query: { org?: number; kind?: string; period: string }) {
  requireCapability(actor, 'residents.read');
  const kind = query.kind ?? 'half_year_residents';
  const { from, to } = evaluationPeriod(kind, query.period);
  const org = await orgsRepo.getOrg(ctx.db, actor, query.org ?? actor.orgId!);
  const { closed, byRating } = await ratingsClosedIn(
    ctx.db,
    org.tenant_id,
    org.org_path,
    chinaDayStart(from),
    chinaDayStart(addDays(to, 1)),
  );
  const satisfied = byRating.get('satisfied') ?? 0;
  const fairlySatisfied = byRating.get('fairly_satisfied') ?? 0;
  const dissatisfied = byRating.get('dissatisfied') ?? 0;
  return {
    orgId: org.id,
    orgName: org.name,
    kind: kind as EvaluationT['kind'],
    period: query.period,
    from,
    to,
    closed,
    rated: satisfied + fairlySatisfied + dissatisfied,
    satisfied,
    fairlySatisfied,
    dissatisfied,
  };
}
