/**
 * The three evaluations (三评): the leader's monthly review (领导月点评), the residents' half-year
 * evaluation (群众半年评) and the year-end organization evaluation (组织年终评, by a higher level).
 * One per organization, kind and period.
 */
import type { EvaluationCreateT, EvaluationListQueryT, EvaluationT } from '@dangjian/contracts';
import { subtreeRange } from '../../../db/dialect.js';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability, scopeRange } from '../../../platform/actor.js';
import { diff, writeAudit } from '../../../platform/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { bumpVersion } from '../../../platform/versions.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { ratingsClosedIn } from '../requests/requests.repository.js';
import { addDays, chinaDayStart, evaluationPeriod } from '../requests/requests.time.js';

type Row = {
  id: number;
  org_id: number;
  kind: string;
  period: string;
  grade: string | null;
  satisfied: number | null;
  fairly_satisfied: number | null;
  dissatisfied: number | null;
  comments: string | null;
  evaluator_name: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  org_name: string;
};

function toItem(r: Row): EvaluationT {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    kind: r.kind as EvaluationT['kind'],
    period: r.period,
    grade: r.grade as EvaluationT['grade'],
    satisfied: r.satisfied,
    fairlySatisfied: r.fairly_satisfied,
    dissatisfied: r.dissatisfied,
    comments: r.comments,
    evaluatorName: r.evaluator_name,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  };
}

function base(ctx: Ctx) {
  return ctx.db
    .selectFrom('residents_evaluations as e')
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

/** Evaluations of a subtree, newest period first. */
export async function list(
  ctx: Ctx,
  actor: Actor,
  query: EvaluationListQueryT,
): Promise<{ items: EvaluationT[]; total: number }> {
  requireCapability(actor, 'residents.read');
  const [lo, hi] = query.org
    ? subtreeRange((await orgsRepo.getOrg(ctx.db, actor, query.org)).org_path)
    : scopeRange(actor);
  let q = ctx.db
    .selectFrom('residents_evaluations as e')
    .where('e.tenant_id', '=', actor.tenantId!)
    .where('e.org_path', '>=', lo)
    .where('e.org_path', '<', hi);
  q = query.deleted ? q.where('e.deleted_at', 'is not', null) : q.where('e.deleted_at', 'is', null);
  if (query.kind) q = q.where('e.kind', '=', query.kind);
  if (query.period) q = q.where('e.period', '=', query.period);
  const total = Number((await q.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const pageSize = query.pageSize ?? 20;
  const ids = (
    await q
      .select('e.id')
      .orderBy('e.period', 'desc')
      .orderBy('e.id', 'desc')
      .limit(pageSize)
      .offset(((query.page ?? 1) - 1) * pageSize)
      .execute()
  ).map((r) => r.id);
  if (!ids.length) return { items: [], total };
  const rows = (await base(ctx)
    .where('e.id', 'in', ids)
    .orderBy('e.period', 'desc')
    .orderBy('e.id', 'desc')
    .execute()) as Row[];
  return { items: rows.map(toItem), total };
}

async function getRow(ctx: Ctx, actor: Actor, id: number, includeDeleted = false): Promise<Row> {
  const [lo, hi] = scopeRange(actor);
  let q = base(ctx)
    .where('e.id', '=', id)
    .where('e.tenant_id', '=', actor.tenantId!)
    .where('e.org_path', '>=', lo)
    .where('e.org_path', '<', hi);
  if (!includeDeleted) q = q.where('e.deleted_at', 'is', null);
  const r = (await q.executeTakeFirst()) as Row | undefined;
  if (!r) throw notFound();
  return r;
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
    const clash = await trx
      .selectFrom('residents_evaluations')
      .select('id')
      .where('org_id', '=', org.id)
      .where('kind', '=', input.kind)
      .where('period', '=', input.period)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (clash) throw new DomainError('residents.evaluation_exists', { id: clash.id }, 409);
    const now = ctx.clock().toISOString();
    const { id } = await trx
      .insertInto('residents_evaluations')
      .values({
        tenant_id: org.tenant_id,
        org_id: org.id,
        org_path: org.org_path,
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
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await bumpVersion(trx, org.tenant_id, 'residents');
    await writeAudit(ctx, trx, actor, {
      action: 'evaluation.create',
      entityType: 'residents_evaluation',
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
  return toItem(await getRow(ctx, actor, id));
}

/** Soft-deletes or restores an evaluation (a restore refuses a second live one for the same period). */
export async function setDeleted(ctx: Ctx, actor: Actor, id: number, deleted: boolean): Promise<EvaluationT> {
  requireCapability(actor, 'residents.read');
  const r = await getRow(ctx, actor, id, true);
  const org = await orgsRepo.getOrg(ctx.db, actor, r.org_id);
  checkEvaluator(actor, r.kind, org.org_path);
  if (Boolean(r.deleted_at) === deleted) {
    if (deleted) throw notFound();
    return toItem(r);
  }
  const now = ctx.clock().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    if (!deleted) {
      const clash = await trx
        .selectFrom('residents_evaluations')
        .select('id')
        .where('org_id', '=', r.org_id)
        .where('kind', '=', r.kind)
        .where('period', '=', r.period)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (clash) throw new DomainError('residents.evaluation_exists', { id: clash.id }, 409);
    }
    await trx
      .updateTable('residents_evaluations')
      .set({ deleted_at: deleted ? now : null, updated_at: now })
      .where('id', '=', id)
      .execute();
    await bumpVersion(trx, org.tenant_id, 'residents');
    await writeAudit(ctx, trx, actor, {
      action: deleted ? 'evaluation.delete' : 'evaluation.restore',
      entityType: 'residents_evaluation',
      entityId: id,
      changes: { deletedAt: { before: r.deleted_at, after: deleted ? now : null } },
    });
  });
  return toItem(await getRow(ctx, actor, id, true));
}

/** Counts of the residents' ratings of the requests handled in a subtree and closed in the period (to prefill an evaluation). */
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
