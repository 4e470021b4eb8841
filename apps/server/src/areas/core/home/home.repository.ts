/** Queries of the home's to-do summary: meetings whose sign-in is open now in a subtree. */
import type { Q } from '../../../platform/data/scoped.js';

/** At most this many open sign-ins are listed (a county rarely has more at one moment). */
const CHECKIN_LIMIT = 10;

/** Live meetings of a subtree ([lo, hi) on org_path) whose sign-in window holds `nowIso`, closing soonest first. */
export async function openCheckinsIn(db: Q, tenantId: number, lo: string, hi: string, nowIso: string) {
  return db
    .selectFrom('meetings as mt')
    .innerJoin('orgs as o', 'o.id', 'mt.org_id')
    .select(['mt.id', 'mt.kind', 'mt.topic', 'mt.held_on', 'mt.start_time', 'mt.checkin_to', 'o.name as org_name'])
    .where('mt.tenant_id', '=', tenantId)
    .where('mt.org_path', '>=', lo)
    .where('mt.org_path', '<', hi)
    .where('mt.deleted_at', 'is', null)
    .where('mt.checkin_code', 'is not', null)
    .where('mt.checkin_from', '<=', nowIso)
    .where('mt.checkin_to', '>=', nowIso)
    .orderBy('mt.checkin_to')
    .limit(CHECKIN_LIMIT)
    .execute();
}
