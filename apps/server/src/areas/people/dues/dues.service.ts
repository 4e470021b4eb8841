/**
 * Dues profiles (a member's category and income base, set by its branch), the monthly bills (made by the daily job
 * and on demand for a subtree, one per member and month), and a member's own bills. The income is personal: only
 * staff of the member's subtree read it, the export leaves it out, the audit trail records that it changed.
 */
import {
  type DuesBillQueryT,
  type DuesBillT,
  type DuesCategory,
  type DuesGenerateT,
  type DuesMineT,
  type DuesProfileQueryT,
  type DuesProfileSetT,
  type DuesProfileT,
  DUES_CATEGORIES,
  monthRange,
} from '@dangjian/contracts';
import { type Actor, requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { writeAudit } from '../../../platform/data/audit.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { type Listed, pagingOf } from '../../../platform/listing.js';
import { orgRefOf, stampsOf } from '../../../platform/stamps.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { subtreeRange } from '../../../db/dialect.js';
import { billStatus, duesOrNull, fenOf, type RuleVersion, versionFor, yuanOf, yuanOrNull } from './dues.money.js';
import * as repo from './dues.repository.js';
import * as payRepo from './dues.payments.repository.js';
import { thisMonth, versionsOf } from './dues.versions.js';

/** The dues category a member record implies when its branch set none (a rate category needs the income). */
export function impliedCategory(memberCategory: string | null): DuesCategory | null {
  if (memberCategory === 'farmer') return 'farmer';
  if (memberCategory === 'student') return 'student';
  if (memberCategory === 'retired') return 'retired';
  return null;
}

function asCategory(c: string | null): DuesCategory | null {
  return c && c in DUES_CATEGORIES ? (c as DuesCategory) : null;
}

function presentProfile(r: repo.MemberProfileRow, v: RuleVersion): DuesProfileT {
  const category = asCategory(r.category) ?? impliedCategory(r.member_category);
  const exempt = r.exempt === 1;
  return {
    memberId: r.member_id,
    memberName: r.member_name,
    orgId: r.org_id,
    orgName: r.org_name,
    category,
    categorySet: r.category != null,
    monthlyIncome: yuanOrNull(r.income_fen),
    fixedAmount: yuanOrNull(r.fixed_fen),
    exempt,
    exemptReason: r.exempt_reason,
    monthlyDues: exempt ? 0 : yuanOrNull(duesOrNull(v, category, r.income_fen, r.fixed_fen)),
    arrearsReason: r.arrears_reason,
    updatedAt: r.updated_at,
  };
}

/** The members of the caller's subtree with their dues profiles and this month's dues. */
export async function listProfiles(ctx: Ctx, actor: Actor, q: DuesProfileQueryT): Promise<Listed<DuesProfileT>> {
  requireCapability(actor, 'dues.read');
  const under = await orgsRepo.underOrg(ctx.db, actor, q.org);
  const v = versionFor(await versionsOf(ctx.db, actor.tenantId!), thisMonth(ctx));
  const { rows, total } = await repo.listProfiles(
    ctx.db,
    actor,
    { under, q: q.q?.trim() || undefined, category: q.category, unset: q.unset },
    pagingOf(q),
  );
  return { items: rows.map((r) => presentProfile(r, v)), total };
}

/** One member's dues profile (404 outside the caller's subtree). */
export async function getProfile(ctx: Ctx, actor: Actor, memberId: number): Promise<DuesProfileT> {
  requireCapability(actor, 'dues.read');
  const row = await repo.memberProfile(ctx.db, actor, memberId);
  if (!row) throw notFound();
  const v = versionFor(await versionsOf(ctx.db, actor.tenantId!), thisMonth(ctx));
  return presentProfile(row, v);
}

/**
 * Sets a member's category and base (the branch, for a member of its subtree). A rate category needs the income;
 * a fixed category may take the branch's own amount within the range of this month's version; an exemption needs
 * its reason. Bills already made keep the base they were made with; the next month's bill uses the new one.
 */
export async function setProfile(
  ctx: Ctx,
  actor: Actor,
  memberId: number,
  body: DuesProfileSetT,
): Promise<DuesProfileT> {
  requireCapability(actor, 'dues.write');
  const v = versionFor(await versionsOf(ctx.db, actor.tenantId!), thisMonth(ctx));
  const scale = v.scales[body.category];
  const income = body.monthlyIncome == null ? null : fenOf(body.monthlyIncome, 'monthlyIncome');
  const fixed = body.fixedAmount == null ? null : fenOf(body.fixedAmount, 'fixedAmount');
  if (scale.kind === 'rate') {
    if (income == null) throw new DomainError('dues.income_required', { field: 'monthlyIncome' });
    if (fixed != null) throw new DomainError('dues.fixed_not_applicable', { field: 'fixedAmount' });
  } else if (fixed != null && (fixed < fenOf(scale.min) || fixed > fenOf(scale.max))) {
    throw new DomainError('dues.fixed_out_of_range', { field: 'fixedAmount', min: scale.min, max: scale.max });
  }
  const exempt = body.exempt === true;
  const exemptReason = body.exemptReason?.trim() || null;
  if (exempt && !exemptReason) throw new DomainError('dues.exempt_reason_required', { field: 'exemptReason' });
  await ctx.db.transaction().execute(async (trx) => {
    const member = await repo.memberProfile(trx, actor, memberId);
    if (!member) throw notFound();
    const now = ctx.clock().toISOString();
    await repo.saveProfile(trx, {
      tenant_id: member.tenant_id,
      member_id: memberId,
      category: body.category,
      income_fen: income,
      fixed_fen: fixed,
      exempt: exempt ? 1 : 0,
      exempt_reason: exempt ? exemptReason : null,
      updated_by: actor.userId || null,
      created_at: now,
      updated_at: now,
    });
    // The income is personal: the trail says it changed, never what it is.
    const incomeChanged = member.income_fen !== income;
    await writeAudit(ctx, trx, actor, {
      action: 'dues_profile.set',
      entityType: 'dues_profile',
      entityId: memberId,
      changes: {
        category: { before: member.category, after: body.category },
        ...(incomeChanged ? { monthlyIncome: { before: '***', after: '***' } } : {}),
        fixedAmount: { before: yuanOrNull(member.fixed_fen), after: yuanOrNull(fixed) },
        exempt: { before: member.exempt === 1, after: exempt },
      },
    });
    await bumpVersion(trx, member.tenant_id, 'dues');
  });
  return getProfile(ctx, actor, memberId);
}

/** What a generation made: new bills, bills that were there, members left out for an incomplete profile. */
export interface Generated {
  month: string;
  created: number;
  existing: number;
  missingProfile: number;
}

/**
 * Makes the bills of a month for the live members of a subtree who had joined by its last day (idempotent: one
 * bill per member and month; a concurrent run's bill is skipped). Each bill keeps the version of its month.
 */
export async function generateFor(
  ctx: Ctx,
  actor: Actor,
  org: { id: number; tenant_id: number; org_path: string; name: string },
  month: string,
): Promise<Generated> {
  if (month > thisMonth(ctx)) throw new DomainError('dues.future_month', { field: 'month' });
  const v = versionFor(await versionsOf(ctx.db, org.tenant_id), month);
  const members = await repo.membersToBill(
    ctx.db,
    org.tenant_id,
    subtreeRange(org.org_path),
    month,
    monthRange(month).to,
  );
  const now = ctx.clock().toISOString();
  let existing = 0;
  let missingProfile = 0;
  const rows: repo.NewBill[] = [];
  for (const m of members) {
    if (m.bill_id != null) {
      existing++;
      continue;
    }
    const category = asCategory(m.category) ?? impliedCategory(m.member_category);
    const exempt = m.exempt === 1;
    const amount = duesOrNull(v, category, m.income_fen, m.fixed_fen);
    if (!category || amount == null) {
      missingProfile++;
      continue;
    }
    const amountFen = exempt ? 0 : amount;
    rows.push({
      tenant_id: m.tenant_id,
      org_id: m.org_id,
      org_path: m.org_path,
      member_id: m.member_id,
      month,
      category,
      base_fen: v.scales[category].kind === 'rate' ? m.income_fen : null,
      amount_fen: amountFen,
      rule_version: v.version,
      paid_fen: 0,
      status: billStatus(amountFen, 0, exempt),
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
  }
  const created = await ctx.db.transaction().execute(async (trx) => {
    const n = await repo.insertBills(trx, rows);
    if (n) {
      await writeAudit(ctx, trx, actor, {
        action: 'dues_bill.generate',
        entityType: 'dues_bill',
        entityId: null,
        detail: `${org.name} ${month}: ${n} 笔 bills (规则第${v.version}版 rule version ${v.version})`,
      });
      await bumpVersion(trx, org.tenant_id, 'dues');
    }
    return n;
  });
  return { month, created, existing: existing + rows.length - created, missingProfile };
}

/** Makes a month's bills for an organization's subtree (a branch its own, a township or the county theirs). */
export async function generate(ctx: Ctx, actor: Actor, body: DuesGenerateT): Promise<Generated> {
  requireCapability(actor, 'dues.write');
  const org = await orgsRepo.getOrg(ctx.db, actor, body.orgId);
  return generateFor(ctx, actor, org, body.month);
}

/** A bill as the console shows it (the caller is staff of its subtree, who may read the base). */
export function presentBill(r: repo.BillRow): DuesBillT {
  return {
    ...orgRefOf(r),
    memberId: r.member_id,
    memberName: r.member_name,
    month: r.month,
    category: r.category as DuesCategory,
    base: yuanOrNull(r.base_fen),
    amount: yuanOf(r.amount_fen),
    paid: yuanOf(r.paid_fen),
    outstanding: r.status === 'exempt' ? 0 : yuanOf(Math.max(0, r.amount_fen - r.paid_fen)),
    ruleVersion: r.rule_version,
    status: r.status as DuesBillT['status'],
    ...stampsOf(r),
  };
}

/** The bills of the caller's subtree, filtered, a page at a time. */
export async function listBills(ctx: Ctx, actor: Actor, q: DuesBillQueryT): Promise<Listed<DuesBillT>> {
  requireCapability(actor, 'dues.read');
  const under = await orgsRepo.underOrg(ctx.db, actor, q.org);
  const f: repo.BillFilter = {
    under,
    q: q.q?.trim() || undefined,
    month: q.month,
    from: q.from,
    to: q.to,
    status: q.status,
    memberId: q.memberId,
    unpaid: q.unpaid,
  };
  const { rows, total } = await repo.listBills(ctx.db, actor, f, pagingOf(q), ctx.dialect === 'sqlite');
  return { items: rows.map(presentBill), total };
}

/** The signed-in member's own bills (nothing of anyone else), latest first, with what it owes in all. */
export async function mine(
  ctx: Ctx,
  actor: Actor,
  q: { year?: number; page?: number; pageSize?: number },
): Promise<DuesMineT> {
  requireCapability(actor, 'dues.own');
  if (actor.memberId == null || actor.tenantId == null)
    throw new DomainError('dues.not_member_account', undefined, 403);
  const all = await repo.ownBills(ctx.db, actor.tenantId, actor.memberId);
  const pending = await payRepo.pendingOn(
    ctx.db,
    all.map((b) => b.id),
  );
  const shown = q.year ? all.filter((b) => b.month.startsWith(`${q.year}-`)) : all;
  const page = q.page ?? 1;
  const size = q.pageSize ?? 24;
  const owed = all.reduce((s, b) => s + (b.status === 'exempt' ? 0 : Math.max(0, b.amount_fen - b.paid_fen)), 0);
  const profile = await repo.memberProfile(ctx.db, actor, actor.memberId);
  return {
    items: shown.slice((page - 1) * size, page * size).map((b) => ({
      id: b.id,
      month: b.month,
      category: b.category as DuesCategory,
      amount: yuanOf(b.amount_fen),
      paid: yuanOf(b.paid_fen),
      outstanding: b.status === 'exempt' ? 0 : yuanOf(Math.max(0, b.amount_fen - b.paid_fen)),
      status: b.status as DuesBillT['status'],
      ruleVersion: b.rule_version,
      pending: yuanOf(pending.get(b.id) ?? 0),
    })),
    total: shown.length,
    owed: yuanOf(owed),
    orgName: profile?.org_name ?? null,
    category: profile ? (asCategory(profile.category) ?? impliedCategory(profile.member_category)) : null,
  };
}
