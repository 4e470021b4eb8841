/**
 * Problems opened from another module's records by hand: an overdue development step (发展党员逾期; source
 * `development`, `source_ref` `development:<candidate id>`), refused when the step is not overdue or a problem
 * of it is still open.
 */
import { DEVELOPMENT_STEP_LABELS, type ProblemDetailT } from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import * as development from '../../people/development/development.service.js';
import { fieldError } from './problems.categories.js';
import * as repo from './problems.repository.js';
import { get, openProblem } from './problems.service.js';

/** Opens a problem of a candidate's overdue step in the candidate's organization (the caller's subtree). */
export async function fromDevelopment(
  ctx: Ctx,
  actor: Actor,
  input: { candidateId: number; category?: string },
): Promise<ProblemDetailT> {
  const c = await development.get(ctx, actor, input.candidateId);
  if (!c.next || c.next.state !== 'overdue') throw fieldError('problems.not_overdue', 'candidateId');
  const sourceRef = `development:${c.id}`;
  if (await repo.openFromSource(ctx.db, actor.tenantId!, sourceRef))
    throw fieldError('problems.already_open', 'candidateId', 409);
  const step = DEVELOPMENT_STEP_LABELS[c.next.step]?.zh ?? c.next.step;
  const { id } = await openProblem(ctx, actor, {
    orgId: c.orgId,
    source: 'development',
    sourceRef,
    category: input.category ?? 'organization',
    title: `发展党员步骤逾期：${c.name}「${step}」`,
    description: `「${step}」应于 ${c.next.dueOn} 前办理，已逾期。`,
  });
  return get(ctx, actor, id);
}
