/**
 * A check-up's findings that become problems (问题整改): each topic marked to open one, with its findings, opens a
 * problem of the file's organization through the one problem lifecycle (`openProblem`), inside the check-up's
 * transaction, with `sourceRef` `weak_org:<id>` so the problem links back to the file.
 */
import { CHECKUP_PROBLEM_CATEGORY, CHECKUP_TOPICS, type CheckupCreateT } from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { openProblem } from '../problems/problems.service.js';
import type { Q, WeakOrgRow } from './weakOrgs.repository.js';

/** Opens the problems a check-up asks for; answers each item's problem id (null where none), in order. */
export async function openProblems(
  ctx: Ctx,
  trx: Q,
  actor: Actor,
  file: WeakOrgRow,
  input: CheckupCreateT,
): Promise<(number | null)[]> {
  const out: (number | null)[] = [];
  for (const item of input.items) {
    const findings = item.findings?.trim();
    if (!item.openProblem || !findings) {
      out.push(null);
      continue;
    }
    const { id } = await openProblem({ ...ctx, db: trx } as Ctx, actor, {
      orgId: file.org_id,
      source: 'inspection',
      sourceRef: `weak_org:${file.id}`,
      category: CHECKUP_PROBLEM_CATEGORY[item.topic],
      title: `${file.org_name}全面体检（${input.month}）：${CHECKUP_TOPICS[item.topic].zh}`.slice(0, 100),
      description: findings,
      foundOn: null,
      foundBy: input.checkedBy.trim(),
    });
    out.push(id);
  }
  return out;
}
