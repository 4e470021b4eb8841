/** The command line's queries: the organizations it acts on, the accounts it manages, the numbers it re-encrypts. */
import type { Role } from '@dangjian/contracts';
import type { Ctx } from '../platform/context.js';
import { endUserSessions } from '../areas/core/auth/auth.repository.js';
import { clearAttempts, insertUser, setOneTimePassword } from '../areas/core/users/users.repository.js';

type Db = Ctx['db'];

/** The organization `orgId` (or the first county when none is given), if it exists. */
export function findCliOrg(db: Db, orgId?: number) {
  let q = db.selectFrom('orgs').select(['id', 'tenant_id', 'org_path']).where('deleted_at', 'is', null);
  q = orgId ? q.where('id', '=', orgId) : q.where('parent_id', 'is', null).orderBy('id');
  return q.executeTakeFirst();
}

/** Whether the database holds any organization at all. */
export async function hasAnyOrg(db: Db): Promise<boolean> {
  return !!(await db.selectFrom('orgs').select('id').limit(1).executeTakeFirst());
}

/** Which of `usernames` are live accounts (the demo accounts the start banner lists). */
export async function existingUsernames(db: Db, usernames: readonly string[]): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('username')
    .where('username', 'in', [...usernames])
    .where('deleted_at', 'is', null)
    .execute();
  return rows.map((r) => r.username);
}

/** The counties (the organizations without a parent): the same query the meeting reminders walk. */
export { rootOrgs } from '../areas/life/meetings/meetings.reminders.repository.js';

export function findLiveOrg(db: Db, orgId: number) {
  return db.selectFrom('orgs').selectAll().where('id', '=', orgId).where('deleted_at', 'is', null).executeTakeFirst();
}

export function findUserByName(db: Db, username: string) {
  return db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
}

export async function insertCliUser(
  db: Db,
  u: {
    tenantId: number;
    username: string;
    displayName: string;
    passwordHash: string;
    role: Role;
    orgId: number;
    orgPath: string;
    memberId: number | null;
  },
): Promise<number> {
  return insertUser(db, {
    tenant_id: u.tenantId,
    username: u.username,
    display_name: u.displayName,
    password_hash: u.passwordHash,
    role: u.role,
    org_id: u.orgId,
    org_path: u.orgPath,
    member_id: u.memberId,
    // The column's default: the operator chose this password.
    must_change_password: 0,
    now: new Date().toISOString(),
  });
}

/** Sets a new password to be replaced at the next sign-in, ends the user's sessions, clears the failed sign-ins. */
export async function resetUserPassword(db: Db, userId: number, username: string, hash: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    // The operator hands the password over; its holder must replace it at the next sign-in
    // (the operator never keeps it).
    await setOneTimePassword(trx, userId, hash, now);
    await endUserSessions(trx, userId, now);
    await clearAttempts(trx, username);
  });
}

/** Clears the failed sign-in counter and lock of a user name. */
export const clearLoginAttempts = clearAttempts;

/** Up to 1000 members whose numbers are not yet encrypted with the key `keyId`. */
export function membersNotOnKey(db: Db, keyId: string) {
  return db
    .selectFrom('members')
    .select(['id', 'id_number_enc', 'phone_enc'])
    .where('id_number_enc', 'not like', `${keyId}.%`)
    .limit(1000)
    .execute();
}

export interface MemberNumbers {
  id: number;
  id_number_enc: string;
  id_number_hash: string;
  phone_enc: string | null;
  phone_hash: string | null;
}

export async function updateMemberNumbers(db: Db, rows: MemberNumbers[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const { id, ...set } of rows) await trx.updateTable('members').set(set).where('id', '=', id).execute();
  });
}
