/**
 * Grants of administrator roles by two persons (三员分立): the county admin proposes giving an account (an existing
 * one in scope, or a new one) a role of `ADMIN_ROLES` on an organization; the security admin approves or rejects.
 * Nobody decides their own proposal, nor a grant to themselves. Each step is audited.
 */
import { ADMIN_ROLES, type Role, type RoleGrantProposeT, type RoleGrantT } from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { scopeRange } from '../../../platform/actor.js';
import { diff, writeAudit } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import * as orgsRepo from '../orgs/orgs.repository.js';
import { endAllSessions } from '../auth/auth.service.js';
import * as repo from './grants.repository.js';
import * as usersRepo from './users.repository.js';
import { oneTimePassword } from './users.service.js';

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
  const { rows, total } = await repo.listGrants(ctx.db, actor, f);
  return { items: rows.map(present), total };
}

/** One grant in scope. */
export async function get(ctx: Ctx, actor: Actor, id: number): Promise<RoleGrantT> {
  const r = await repo.findGrant(ctx.db, actor, id);
  if (!r) throw notFound();
  return present(r);
}

/** Proposes an administrator role for an account of the scope, or for a new account created on approval. */
export async function propose(ctx: Ctx, actor: Actor, input: RoleGrantProposeT): Promise<RoleGrantT> {
  if (!ADMIN_ROLES.includes(input.role as Role)) throw new DomainError('users.grant_not_admin_role');
  const org = await orgsRepo.getOrg(ctx.db, actor, input.orgId);
  const [lo, hi] = scopeRange(actor);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const existing = await repo.liveUserByName(trx, input.username);
    // An account outside the scope is answered like any taken name: its existence is all that leaks, as on create.
    if (
      existing &&
      (existing.tenant_id !== actor.tenantId || !existing.org_path || existing.org_path < lo || existing.org_path >= hi)
    ) {
      throw new DomainError('users.username_taken');
    }
    if (existing?.id === actor.userId) throw new DomainError('users.grant_own');
    if (!existing && !input.displayName) throw new DomainError('users.display_name_required');
    if (await repo.pendingFor(trx, org.tenant_id, input.username)) throw new DomainError('users.grant_pending');
    const now = ctx.clock().toISOString();
    const id = await repo.insertGrant(trx, {
      tenant_id: org.tenant_id,
      org_id: org.id,
      org_path: org.org_path,
      user_id: existing?.id ?? null,
      username: existing?.username ?? input.username,
      display_name: existing?.display_name ?? input.displayName!,
      role: input.role,
      previous_role: existing?.role ?? null,
      proposed_by: actor.userId,
      proposed_at: now,
      note: input.note?.trim() || null,
    });
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
    const decided = await repo.decide(trx, id, { status: 'approved', by: actor.userId, at: now, note: note?.trim() });
    if (!decided) throw new DomainError('users.grant_decided');
    let userId = grant.userId;
    if (userId == null) {
      if (await usersRepo.usernameTaken(trx, grant.username)) throw new DomainError('users.username_taken');
      userId = await usersRepo.insertUser(trx, {
        tenant_id: org.tenant_id,
        username: grant.username,
        display_name: grant.displayName,
        password_hash: otp!.hash,
        role: grant.role,
        org_id: org.id,
        org_path: org.org_path,
        member_id: null,
        must_change_password: 1,
        now,
      });
      await repo.setGrantUser(trx, id, userId);
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
      const before = await repo.userPlacement(trx, userId);
      if (!before || before.deleted_at) throw notFound();
      await usersRepo.updateUser(trx, userId, {
        role: grant.role,
        org_id: org.id,
        org_path: org.org_path,
        member_id: null,
        updated_at: now,
      });
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
    const at = ctx.clock().toISOString();
    const decided = await repo.decide(trx, id, { status: 'rejected', by: actor.userId, at, note: note?.trim() });
    if (!decided) throw new DomainError('users.grant_decided');
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
