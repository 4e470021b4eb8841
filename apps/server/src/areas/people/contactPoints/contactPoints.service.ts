/**
 * County leaders' contact points (联系点): leaders (a name and post, optionally an account), the organizations each
 * guides or takes on (包抓, linked to the weak-organization record where there is one), visits with the issues they
 * found, and issues solved. The county manages; a township reads the points of its subtree and their leaders.
 */
import {
  chinaToday,
  type ContactIssueSolveT,
  type ContactPointCreateT,
  type ContactPointDetailT,
  type ContactPointItemT,
  type ContactPointListQueryT,
  type ContactPointUpdateT,
  type ContactVisitCreateT,
  type ErrorCode,
} from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import { diff, writeAudit } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { restore as restoreRow, softDelete } from '../../../platform/data/scoped.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { DomainError } from '../../../platform/errors.js';
import { type Listed, pagingOf } from '../../../platform/listing.js';
import { stampsOf } from '../../../platform/stamps.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import * as repo from './contactPoints.repository.js';

/** A refusal placed on one field of the form. */
export function fieldError(code: ErrorCode, field: string, status?: number): DomainError {
  return new DomainError(code, { fields: [{ field, code }] }, status);
}

const year = (ctx: Ctx) => chinaToday(ctx.clock()).slice(0, 4);

/** The answers of some points: this year's visits and open issues. */
export async function presentPoints(ctx: Ctx, rows: repo.PointRow[]): Promise<ContactPointItemT[]> {
  const { visits, issues } = await repo.countsOf(
    ctx.db,
    rows.map((r) => r.id),
    year(ctx),
  );
  return rows.map((r) => {
    const v = visits.find((x) => x.point_id === r.id);
    return {
      id: r.id,
      leaderId: r.leader_id,
      leaderName: r.leader_name,
      leaderPost: r.leader_post,
      orgId: r.org_id,
      orgName: r.org_name,
      kind: r.kind as ContactPointItemT['kind'],
      weakOrgId: r.weak_org_id,
      since: r.since,
      visits: Number(v?.n ?? 0),
      lastVisitOn: (v?.last as string | null | undefined) ?? null,
      openIssues: Number(issues.find((x) => x.point_id === r.id)?.n ?? 0),
      note: r.note,
      ...stampsOf(r),
    };
  });
}

/** Points of the caller's subtree. */
export async function list(ctx: Ctx, actor: Actor, query: ContactPointListQueryT): Promise<Listed<ContactPointItemT>> {
  requireCapability(actor, 'contactPoints.read');
  const underPath = await orgsRepo.underOrg(ctx.db, actor, query.org);
  const f = {
    underPath,
    leaderId: query.leaderId,
    kind: query.kind,
    openIssues: query.openIssues,
    deleted: query.deleted,
  };
  const { rows, total } = await repo.listPoints(ctx.db, actor, f, pagingOf(query));
  return { items: await presentPoints(ctx, rows), total };
}

/** One point with its visits and their issues. */
export async function get(ctx: Ctx, actor: Actor, id: number): Promise<ContactPointDetailT> {
  requireCapability(actor, 'contactPoints.read');
  const row = await repo.getPoint(ctx.db, actor, id, 'any');
  const [item] = await presentPoints(ctx, [row]);
  const { visits, issues } = await repo.visitsOf(ctx.db, id);
  return {
    ...item!,
    visitList: visits.map((v) => ({
      id: v.id,
      visitedOn: v.visited_on,
      content: v.content,
      issues: issues
        .filter((i) => i.visit_id === v.id)
        .map((i) => ({
          id: i.id,
          visitId: i.visit_id,
          text: i.text,
          state: i.state as 'open' | 'solved',
          solvedOn: i.solved_on,
          solution: i.solution,
        })),
    })),
  };
}

/** Adds a contact point of a leader; a weak organization taken on links its weak-organization record. */
export async function create(ctx: Ctx, actor: Actor, input: ContactPointCreateT): Promise<ContactPointDetailT> {
  requireCapability(actor, 'contactPoints.write');
  const org = await orgsRepo.getOrg(ctx.db, actor, input.orgId);
  const leader = await repo.getLeader(ctx.db, actor, input.leaderId).catch(() => {
    throw fieldError('contactPoints.leader_unknown', 'leaderId', 404);
  });
  if (input.since > chinaToday(ctx.clock())) throw fieldError('contactPoints.future_date', 'since');
  if (await repo.pointTaken(ctx.db, leader.id, org.id)) throw fieldError('contactPoints.duplicate', 'orgId', 409);
  const weak = input.kind === 'weak_takeover' ? await repo.weakFileOf(ctx.db, actor.tenantId!, org.id) : undefined;
  const id = await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    const id = await repo.insertPoint(trx, {
      tenant_id: actor.tenantId!,
      org_id: org.id,
      org_path: org.org_path,
      leader_id: leader.id,
      kind: input.kind,
      since: input.since,
      weak_org_id: weak?.id ?? null,
      note: input.note?.trim() || null,
      created_by: actor.userId || null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
    await writeAudit(ctx, trx, actor, {
      action: 'contactPoints.create',
      entityType: 'contact_point',
      entityId: id,
      changes: diff(null, { leaderId: leader.id, orgId: org.id, kind: input.kind }),
    });
    await bumpVersion(trx, actor.tenantId!, 'contactPoints');
    return id;
  });
  return get(ctx, actor, id);
}

/** Changes a point's kind, date or note. */
export async function update(
  ctx: Ctx,
  actor: Actor,
  id: number,
  input: ContactPointUpdateT,
): Promise<ContactPointDetailT> {
  requireCapability(actor, 'contactPoints.write');
  const r = await repo.getPoint(ctx.db, actor, id);
  const set: Record<string, unknown> = {};
  if (input.kind !== undefined) {
    set.kind = input.kind;
    const weak = input.kind === 'weak_takeover' ? await repo.weakFileOf(ctx.db, actor.tenantId!, r.org_id) : undefined;
    set.weak_org_id = weak?.id ?? null;
  }
  if (input.since !== undefined) {
    if (input.since > chinaToday(ctx.clock())) throw fieldError('contactPoints.future_date', 'since');
    set.since = input.since;
  }
  if (input.note !== undefined) set.note = input.note?.trim() || null;
  const before = Object.fromEntries(Object.keys(set).map((k) => [k, (r as Record<string, unknown>)[k]]));
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updatePoint(trx, id, { ...set, updated_at: ctx.clock().toISOString() });
    await writeAudit(ctx, trx, actor, {
      action: 'contactPoints.update',
      entityType: 'contact_point',
      entityId: id,
      changes: diff(before, set),
    });
    await bumpVersion(trx, actor.tenantId!, 'contactPoints');
  });
  return get(ctx, actor, id);
}

/** How a soft delete or restore of this module is recorded. */
export const CHANGE = (action: string, entityType: string) => ({
  action,
  entityType,
  domains: ['contactPoints' as const],
  stampUpdatedAt: true,
});

/** Soft-deletes a point recorded by mistake. */
export async function remove(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  requireCapability(actor, 'contactPoints.write');
  await softDelete(ctx, actor, 'contact_points', id, CHANGE('contactPoints.delete', 'contact_point'));
}

/** Restores a deleted point. */
export async function restore(ctx: Ctx, actor: Actor, id: number): Promise<ContactPointDetailT> {
  requireCapability(actor, 'contactPoints.write');
  await restoreRow(ctx, actor, 'contact_points', id, CHANGE('contactPoints.restore', 'contact_point'));
  return get(ctx, actor, id);
}

/** Records a visit to a point with the issues it found (each open). */
export async function visit(
  ctx: Ctx,
  actor: Actor,
  id: number,
  input: ContactVisitCreateT,
): Promise<ContactPointDetailT> {
  requireCapability(actor, 'contactPoints.write');
  const p = await repo.getPoint(ctx.db, actor, id);
  if (input.visitedOn > chinaToday(ctx.clock())) throw fieldError('contactPoints.future_date', 'visitedOn');
  if (input.visitedOn < p.since) throw fieldError('contactPoints.before_since', 'visitedOn');
  const content = input.content.trim();
  if (!content) throw fieldError('validation', 'content');
  const issues = (input.issues ?? []).map((s) => s.trim()).filter(Boolean);
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    const keys = { tenant_id: p.tenant_id, org_id: p.org_id, org_path: p.org_path };
    const visitId = await repo.insertVisit(trx, {
      ...keys,
      point_id: id,
      visited_on: input.visitedOn,
      content,
      created_by: actor.userId || null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
    await repo.insertIssues(
      trx,
      issues.map((text) => ({
        ...keys,
        visit_id: visitId,
        point_id: id,
        text,
        state: 'open',
        solved_on: null,
        solution: null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })),
    );
    await writeAudit(ctx, trx, actor, {
      action: 'contactPoints.visit',
      entityType: 'contact_point',
      entityId: id,
      detail: `${input.visitedOn}; ${issues.length} issues`,
    });
    await bumpVersion(trx, actor.tenantId!, 'contactPoints');
  });
  return get(ctx, actor, id);
}

/** Marks an issue of a point solved, with how. */
export async function solve(
  ctx: Ctx,
  actor: Actor,
  id: number,
  issueId: number,
  input: ContactIssueSolveT,
): Promise<ContactPointDetailT> {
  requireCapability(actor, 'contactPoints.write');
  await repo.getPoint(ctx.db, actor, id);
  const issue = await repo.issueOf(ctx.db, id, issueId);
  if (!issue) throw fieldError('contactPoints.issue_unknown', 'issueId', 404);
  if (issue.state === 'solved') throw new DomainError('contactPoints.issue_solved', undefined, 409);
  if (input.solvedOn > chinaToday(ctx.clock())) throw fieldError('contactPoints.future_date', 'solvedOn');
  const solution = input.solution.trim();
  if (!solution) throw fieldError('validation', 'solution');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.solveIssue(trx, issueId, {
      state: 'solved',
      solved_on: input.solvedOn,
      solution,
      updated_at: ctx.clock().toISOString(),
    });
    await writeAudit(ctx, trx, actor, {
      action: 'contactPoints.solve',
      entityType: 'contact_point',
      entityId: id,
      changes: diff({ state: 'open' }, { state: 'solved' }),
      detail: `issue ${issueId}`,
    });
    await bumpVersion(trx, actor.tenantId!, 'contactPoints');
  });
  return get(ctx, actor, id);
}
