/** Queries of the daily reminders job: its run record, the counties, the recipients and the robot's queue. */
import type { Q } from '../../../platform/data/scoped.js';

/** Records the start of a run (once per key: a second run of the day keeps the first record). */
export async function startRun(db: Q, job: string, runKey: string, nowIso: string): Promise<void> {
  await db
    .insertInto('job_runs')
    .values({ job, run_key: runKey, started_at: nowIso, finished_at: null, result: null })
    .onConflict((oc) => oc.column('run_key').doNothing())
    .execute();
}

/** Records the end and result of a run. */
export async function finishRun(db: Q, runKey: string, nowIso: string, result: unknown): Promise<void> {
  await db
    .updateTable('job_runs')
    .set({ finished_at: nowIso, result: JSON.stringify(result) })
    .where('run_key', '=', runKey)
    .execute();
}

/** The live root org of every county, oldest first (the start-up warm-up takes the same first counties each time). */
export async function rootOrgs(db: Q) {
  return db
    .selectFrom('orgs')
    .select(['id', 'tenant_id', 'org_path'])
    .where('parent_id', 'is', null)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** Active branch secretaries' accounts of a county, with their org. */
export async function activeSecretaries(db: Q, tenantId: number) {
  return db
    .selectFrom('users')
    .select(['id', 'org_id'])
    .where('tenant_id', '=', tenantId)
    .where('role', '=', 'branch_secretary')
    .where('status', '=', 'active')
    .where('deleted_at', 'is', null)
    .execute();
}

/** Active accounts of live members of a county, with the day each joined the party. */
export async function memberAccounts(db: Q, tenantId: number) {
  return db
    .selectFrom('users as u')
    .innerJoin('members as m', 'm.id', 'u.member_id')
    .select(['u.id as user_id', 'm.id as member_id', 'm.name', 'm.joined_at'])
    .where('u.tenant_id', '=', tenantId)
    .where('u.status', '=', 'active')
    .where('u.deleted_at', 'is', null)
    .where('m.deleted_at', 'is', null)
    .execute();
}

/** Reminders not yet sent to the group robot, oldest first. */
export async function unsentReminders(db: Q, limit: number) {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('sent_at', 'is', null)
    .where('kind', 'like', 'reminder.%')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Marks notifications sent to the group robot. */
export async function markSent(db: Q, ids: number[], nowIso: string): Promise<void> {
  await db.updateTable('notifications').set({ sent_at: nowIso }).where('id', 'in', ids).execute();
}
