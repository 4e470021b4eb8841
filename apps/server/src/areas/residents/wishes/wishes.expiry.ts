/** Claims not fulfilled in time go back to the wall: the wish flow's `expire` move, by the system. */
import type { Ctx } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { act, SYSTEM } from '../../../platform/workflow.js';
import * as repo from './wishes.repository.js';
import { wishFlow } from './wishes.workflow.js';

/**
 * Releases claims not fulfilled by their deadline back to the wall (event 'released'). Idempotent: a
 * released wish is open and no longer matches. Runs daily (`jobs run wishes`) and before wishes are read
 * or claimed, so a stale claim never blocks another member.
 */
export async function releaseExpiredClaims(
  ctx: Ctx,
  now: Date = ctx.clock(),
  tenantId: number | null = null,
): Promise<{ released: number }> {
  const nowIso = now.toISOString();
  const due = await repo.expiredClaims(ctx.db, tenantId, nowIso);
  let released = 0;
  for (const d of due) {
    const row = await repo.findWish(ctx.db, d.id);
    if (!row) continue;
    try {
      await act(ctx, SYSTEM, wishFlow, row, 'expire', { now: nowIso });
      released++;
    } catch (err) {
      // Fulfilled or released meanwhile: the conditional update found it moved on.
      if (!(err instanceof DomainError)) throw err;
    }
  }
  return { released };
}
