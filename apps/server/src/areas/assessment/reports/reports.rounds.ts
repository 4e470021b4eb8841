/**
 * The reporting rounds of the secretaries' annual reports: a round is opened by the higher committee with its panel
 * and a draft report for each organization that reports (so "due" is counted from records), and closed when the
 * drafts are no longer taken.
 */
import {
  can as roleCan,
  type RoundCreateT,
  type RoundDetailT,
  type RoundItemT,
  type RoundListQueryT,
} from '@dangjian/contracts';
import { type Actor, inScope, requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { writeAudit } from '../../../platform/data/audit.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { DomainError } from '../../../platform/errors.js';
import { type Listed, pagingOf } from '../../../platform/listing.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import * as panelRepo from './reports.panel.repository.js';
import * as repo from './reports.repository.js';
import { fieldError } from './reports.service.js';

/** Rounds as the API answers them, with their counts and the caller's part (organizer, panelist). */
export async function presentRounds(ctx: Ctx, actor: Actor, rows: repo.RoundRow[]): Promise<RoundItemT[]> {
  const counts = await repo.roundCounts(
    ctx.db,
    rows.map((r) => r.id),
  );
  const seats = await panelRepo.roundsOfPanelist(ctx.db, actor.memberId);
  return rows.map((r) => {
    const c = counts.get(r.id) ?? { due: 0, submitted: 0, graded: 0 };
    return {
      id: r.id,
      orgId: r.org_id,
      orgName: r.org_name,
      year: r.year,
      title: r.title,
      deadline: r.deadline,
      status: r.status as RoundItemT['status'],
      reportsDue: c.due,
      submitted: c.submitted,
      graded: c.graded,
      organizer: roleCan(actor.role, 'reports.grade') && inScope(actor, r.tenant_id, r.org_path),
      panelist: seats.has(r.id),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      deletedAt: r.deleted_at,
    };
  });
}

/** Rounds the caller sees: its subtree's and those of the committees above it. */
export async function listRounds(ctx: Ctx, actor: Actor, q: RoundListQueryT): Promise<Listed<RoundItemT>> {
  requireCapability(actor, 'reports.panel');
  const { rows, total: n } = await repo.listRounds(ctx.db, actor, q, pagingOf(q));
  return { items: await presentRounds(ctx, actor, rows), total: n };
}

/** One round with its panel. */
export async function getRound(ctx: Ctx, actor: Actor, id: number): Promise<RoundDetailT> {
  requireCapability(actor, 'reports.panel');
  const r = await repo.getRound(ctx.db, actor, id);
  const [item] = await presentRounds(ctx, actor, [r]);
  const panel = await panelRepo.panelOf(ctx.db, id);
  return {
    ...item!,
    notes: r.notes,
    panel: panel.map((p) => ({
      id: p.id,
      memberId: p.member_id,
      name: p.name,
      orgName: p.org_name,
      hasAccount: Boolean(p.has_account),
    })),
  };
}

/** The county (for township secretaries) or a township (for its villages') opens a round with its panel. */
export async function createRound(ctx: Ctx, actor: Actor, input: RoundCreateT): Promise<RoundDetailT> {
  requireCapability(actor, 'reports.grade');
  const org = await orgsRepo.getOrg(ctx.db, actor, input.orgId ?? actor.orgId!);
  if (org.type !== 'committee' || org.depth > 1) throw fieldError('reports.not_committee', 'orgId');
  const orgs = await repo.reportingOrgs(ctx.db, org.tenant_id, org);
  if (!orgs.length) throw fieldError('reports.no_secretaries', 'orgId');
  const panelIds = input.panelMemberIds ?? [];
  const panel = await repo.membersIn(ctx.db, org.tenant_id, org.org_path, panelIds);
  if (panel.length !== panelIds.length) throw fieldError('reports.panel_outside', 'panelMemberIds');
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (await repo.roundTaken(trx, org.id, input.year)) throw fieldError('reports.round_taken', 'year', 409);
    const now = ctx.clock().toISOString();
    const [id] = await repo.insertRounds(trx, [
      {
        tenant_id: org.tenant_id,
        org_id: org.id,
        org_path: org.org_path,
        year: input.year,
        title: input.title.trim(),
        deadline: input.deadline,
        status: 'open',
        notes: input.notes?.trim() || null,
        created_by: actor.userId || null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      },
    ]);
    await panelRepo.insertPanelists(
      trx,
      panel.map((m) => ({
        tenant_id: org.tenant_id,
        org_id: org.id,
        org_path: org.org_path,
        round_id: id!,
        member_id: m.id,
        name: m.name,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })),
    );
    await repo.insertReports(
      trx,
      orgs.map((o) => newReport(o, id!, input.year, org.tenant_id, now)),
    );
    await writeAudit(ctx, trx, actor, {
      action: 'report_round.create',
      entityType: 'report_round',
      entityId: id!,
      changes: {
        year: { before: null, after: input.year },
        reportsDue: { before: null, after: orgs.length },
        panel: { before: null, after: panel.map((m) => m.name) },
      },
    });
    await bumpVersion(trx, org.tenant_id, 'reports');
    return id!;
  });
  return getRound(ctx, actor, id);
}

/** The secretary's name of an organization: its recorded secretary, else the committee's 书记. */
export function secretaryName(o: { secretary_name?: string | null; committee: string }): string | null {
  if (o.secretary_name) return o.secretary_name;
  try {
    const c = JSON.parse(o.committee) as { name: string; position: string }[];
    return c.find((x) => x.position === '书记')?.name ?? null;
  } catch {
    return null;
  }
}

/** A report row to insert, the residents' counts included. */
export type NewReport = repo.ReportInsert & {
  residents_good: number;
  residents_fair_good: number;
  residents_average: number;
  residents_poor: number;
};

/** A new draft report of an organization in a round. */
export function newReport(
  o: {
    id: number;
    org_path: string;
    secretary_member_id: number | null;
    secretary_name: string | null;
    committee: string;
  },
  roundId: number,
  year: number,
  tenantId: number,
  now: string,
): NewReport {
  return {
    tenant_id: tenantId,
    org_id: o.id,
    org_path: o.org_path,
    round_id: roundId,
    year,
    status: 'draft',
    secretary_member_id: o.secretary_member_id,
    secretary_name: secretaryName(o),
    content: null,
    attachments: null,
    submitted_on: null,
    committee_grade: null,
    committee_note: null,
    final_grade: null,
    graded_on: null,
    published_on: null,
    residents_good: 0,
    residents_fair_good: 0,
    residents_average: 0,
    residents_poor: 0,
    score_tenths: null,
    problem_id: null,
    followup_on: null,
    followup_note: null,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
}

/** The organizer closes a round: no further drafts are taken (graded reports stay as they are). */
export async function closeRound(ctx: Ctx, actor: Actor, id: number): Promise<RoundDetailT> {
  requireCapability(actor, 'reports.grade');
  const r = await repo.getRound(ctx.db, actor, id);
  if (!inScope(actor, r.tenant_id, r.org_path)) throw new DomainError('reports.not_organizer', undefined, 403);
  if (r.status !== 'open') throw new DomainError('reports.round_closed', undefined, 409);
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    await repo.setRoundStatus(trx, id, 'closed', now);
    await writeAudit(ctx, trx, actor, {
      action: 'report_round.close',
      entityType: 'report_round',
      entityId: id,
      changes: { status: { before: 'open', after: 'closed' } },
    });
    await bumpVersion(trx, r.tenant_id, 'reports');
  });
  return getRound(ctx, actor, id);
}
