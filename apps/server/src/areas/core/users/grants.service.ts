/**
 * Grants of administrator roles by two persons (三员分立): the county admin proposes giving an account (an existing
 * one in scope, or a new one) a role of `ADMIN_ROLES` on an organization; the security admin approves or rejects.
 * Nobody decides their own proposal, nor a grant to themselves. Each step is audited.
 */
import { ADMIN_ROLES, type Role, type RoleGrantProposeT, type RoleGrantT } from '@dangjian/contracts';
import { sql } from 'kysely';
import type { Actor } from '../../../platform/actor.js';
import { scopeRange } from '../../../platform/actor.js';
import { diff, writeAudit } from '../../../platform/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import * as orgsRepo from '../orgs/orgs.repository.js';
import { endAllSessions } from '../auth/auth.service.js';
import { oneTimePassword } from './users.service.js';

function baseQuery(ctx: Ctx, actor: Actor) {
  const [lo, hi] = scopeRange(actor);
  return ctx.db
    .selectFrom('role_grants as g')
    .leftJoin('orgs as o', 'o.id', 'g.org_id')
    .leftJoin('users as p', 'p.id', 'g.proposed_by')
    .leftJoin('users as d', 'd.id', 'g.decided_by')
    .where('g.tenant_id', '=', actor.tenantId!)
    .where('g.org_path', '>=', lo)
    .where('g.org_path', '<', hi);
}

const COLUMNS = [
  'g.id',
  'g.user_id',
  'g.username',
  'g.display_name',
  'g.role',
  'g.previous_role',
  'g.org_id',
  'o.name as org_name',
  'g.status',
  'g.proposed_by',
  'p.display_name as proposed_by_name',
  'g.proposed_at',
  'g.decided_by',
  'd.display_name as decided_by_name',
  'g.decided_at',
  'g.note',
] as const;

function present(r: Record<string, any>): RoleGrantT {
  return {
    id: r.id,
    userId: r.user_id,
    username: r.username,
    displayName: r.display_name,
    newAccount: r.previous_role == null,
    role: r.role,
    previousRole: r.previous_role,
    orgId: r.org_id,
    orgName: r.org_name ?? null,
    status: r.status,
    proposedBy: r.proposed_by,
    proposedByName: r.proposed_by_name ?? null,
    proposedAt: r.proposed_at,
    decidedBy: r.decided_by,
    decidedByName: r.decided_by_name ?? null,
    decidedAt: r.decided_at,
    note: r.note,
  };
}

/** Grants in the caller's scope, pending first, for the proposer and the approver. */
export async function list(ctx: Ctx, actor: Actor, f: { status?: string; page?: number; pageSize?: number }) {
  let q = baseQuery(ctx, actor);
  if (f.status) q = q.where('g.status', '=', f.status);
  const total = Number((await q.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const pageSize = f.pageSize ?? 20;
  const rows = await q
    .select(COLUMNS)
    .orderBy(sql`case when g.status = 'pending' then 0 else 1 end`)
    .orderBy('g.id', 'desc')
    .limit(pageSize)
    .offset(((f.page ?? 1) - 1) * pageSize)
    .execute();
  return { items: rows.map(present), total };
}

/** One grant in scope. */
export async function get(ctx: Ctx, actor: Actor, id: number): Promise<RoleGrantT> {
  const r = await baseQuery(ctx, actor).select(COLUMNS).where('g.id', '=', id).executeTakeFirst();
  if (!r) throw notFound();
  return present(r);
}

/** Proposes an administrator role for an account of the scope, or for a new account created on approval. */
export async function propose(ctx: Ctx, actor: Actor, input: RoleGrantProposeT): Promise<RoleGrantT> {
  if (!ADMIN_ROLES.includes(input.role as Role)) throw new DomainError('users.grant_not_admin_role');
  const org = await orgsRepo.getOrg(ctx.db, actor, input.orgId);
  const [lo, hi] = scopeRange(actor);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('users')
      .select(['id', 'username', 'display_name', 'role', 'tenant_id', 'org_path'])
      .where(sql`lower(username)`, '=', input.username.toLowerCase())
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    // An account outside the scope is answered like any taken name: its existence is all that leaks, as on create.
    if (
      existing &&
      (existing.tenant_id !== actor.tenantId || !existing.org_path || existing.org_path < lo || existing.org_path >= hi)
    ) {
      throw new DomainError('users.username_taken');
    }
    if (existing?.id === actor.userId) throw new DomainError('users.grant_own');
    if (!existing && !input.displayName) throw new DomainError('users.display_name_required');
    const pending = await trx
      .selectFrom('role_grants')
      .select('id')
      .where('tenant_id', '=', org.tenant_id)
      .where('status', '=', 'pending')
      .where(sql`lower(username)`, '=', input.username.toLowerCase())
      .executeTakeFirst();
    if (pending) throw new DomainError('users.grant_pending');
    const now = ctx.clock().toISOString();
    const { id } = await trx
      .insertInto('role_grants')
      .values({
        tenant_id: org.tenant_id,
        org_id: org.id,
        org_path: org.org_path,
        user_id: existing?.id ?? null,
        username: existing?.username ?? input.username,
        display_name: existing?.display_name ?? input.displayName!,
        role: input.role,
        previous_role: existing?.role ?? null,
        status: 'pending',
        proposed_by: actor.userId,
        proposed_at: now,
        decided_by: null,
        decided_at: null,
        note: input.note?.trim() || null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(ctx, trx, actor, {
      action: 'user.grant_propose',
      entityType: 'role_grant',
      entityId: id,
      changes: diff(null, {
        username: existing?.username ?? input.username,
        role: input.role,
        orgId: org.id,
        previousRole: existing?.role ?? null,
      }),
    });
    return id;
  });
  return get(ctx, actor, id);
}

/** Loads a pending grant the caller may decide: in scope, proposed by someone else, not about the caller. */
async function decidable(ctx: Ctx, actor: Actor, id: number): Promise<RoleGrantT> {
  const grant = await get(ctx, actor, id);
  if (grant.status !== 'pending') throw new DomainError('users.grant_decided');
  if (grant.proposedBy === actor.userId || grant.userId === actor.userId) throw new DomainError('users.grant_own');
  return grant;
}

/** Approves a grant: the account is created (with a one-time password, answered once) or given the role and org. */
export async function approve(
  ctx: Ctx,
  actor: Actor,
  id: number,
  note?: string,
): Promise<{ grant: RoleGrantT; oneTimePassword: string | null }> {
  const grant = await decidable(ctx, actor, id);
  const org = await orgsRepo.getOrg(ctx.db, actor, grant.orgId);
  const otp = grant.userId == null ? await oneTimePassword(ctx) : null;
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    // Decided once: a concurrent second decision finds the row no longer pending.
    const res = await trx
      .updateTable('role_grants')
      .set({
        status: 'approved',
        decided_by: actor.userId,
        decided_at: now,
        ...(note?.trim() ? { note: note.trim() } : {}),
      })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (!Number(res.numUpdatedRows)) throw new DomainError('users.grant_decided');
    let userId = grant.userId;
    if (userId == null) {
      const taken = await trx
        .selectFrom('users')
        .select('id')
        .where(sql`lower(username)`, '=', grant.username.toLowerCase())
        .executeTakeFirst();
      if (taken) throw new DomainError('users.username_taken');
      ({ id: userId } = await trx
        .insertInto('users')
        .values({
          tenant_id: org.tenant_id,
          username: grant.username,
          display_name: grant.displayName,
          password_hash: otp!.hash,
          role: grant.role,
          org_id: org.id,
          org_path: org.org_path,
          member_id: null,
          status: 'active',
          locale: 'zh-CN',
          last_login_at: null,
          password_changed_at: now,
          must_change_password: 1,
          created_at: now,
          updated_at: now,
          deleted_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow());
      await trx.updateTable('role_grants').set({ user_id: userId }).where('id', '=', id).execute();
      await writeAudit(ctx, trx, actor, {
        action: 'user.create',
        entityType: 'user',
        entityId: userId,
        changes: diff(null, {
          username: grant.username,
          displayName: grant.displayName,
          role: grant.role,
          orgId: org.id,
        }),
        detail: `grant ${id}; one-time password issued`,
      });
    } else {
      const before = await trx
        .selectFrom('users')
        .select(['role', 'org_id', 'deleted_at'])
        .where('id', '=', userId)
        .executeTakeFirst();
      if (!before || before.deleted_at) throw notFound();
      await trx
        .updateTable('users')
        .set({ role: grant.role, org_id: org.id, org_path: org.org_path, member_id: null, updated_at: now })
        .where('id', '=', userId)
        .execute();
      const ended = await endAllSessions(ctx, trx, userId);
      await writeAudit(ctx, trx, actor, {
        action: 'user.update',
        entityType: 'user',
        entityId: userId,
        changes: diff({ role: before.role, orgId: before.org_id }, { role: grant.role, orgId: org.id }),
        detail: `grant ${id}${ended ? `; ${ended} sessions ended` : ''}`,
      });
    }
    await writeAudit(ctx, trx, actor, {
      action: 'user.grant_approve',
      entityType: 'role_grant',
      entityId: id,
      changes: { status: { before: 'pending', after: 'approved' } },
      detail: `${grant.role} for ${grant.username}, proposed by user ${grant.proposedBy}`,
    });
  });
  return { grant: await get(ctx, actor, id), oneTimePassword: otp?.password ?? null };
}

/** Rejects a pending grant. */
export async function reject(ctx: Ctx, actor: Actor, id: number, note?: string): Promise<RoleGrantT> {
  const grant = await decidable(ctx, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    const res = await trx
      .updateTable('role_grants')
      .set({
        status: 'rejected',
        decided_by: actor.userId,
        decided_at: ctx.clock().toISOString(),
        ...(note?.trim() ? { note: note.trim() } : {}),
      })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (!Number(res.numUpdatedRows)) throw new DomainError('users.grant_decided');
    await writeAudit(ctx, trx, actor, {
      action: 'user.grant_reject',
      entityType: 'role_grant',
      entityId: id,
      changes: { status: { before: 'pending', after: 'rejected' } },
      detail: `${grant.role} for ${grant.username}`,
    });
  });
  return get(ctx, actor, id);
}
