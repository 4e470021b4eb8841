/** The month of a request: the unit under which request figures are cached and recomputed. */
import type { Q } from '../../../platform/data/scoped.js';
import { bumpVersion } from '../../../platform/data/versions.js';

/** The China month (YYYY-MM) of a request's acceptance: the unit under which request figures are cached. */
export function requestMonth(acceptedAt: string): string {
  return new Date(Date.parse(acceptedAt) + 8 * 3_600_000).toISOString().slice(0, 7);
}

/**
 * Marks the month of a request's acceptance as changed (inside the writing transaction, with the
 * 'residents' bump): the figures recompute that month alone, not five years of requests.
 */
export async function bumpRequestMonth(trx: Q, tenantId: number, acceptedAt: string): Promise<void> {
  await bumpVersion(trx, tenantId, `requests:${requestMonth(acceptedAt)}`);
}
