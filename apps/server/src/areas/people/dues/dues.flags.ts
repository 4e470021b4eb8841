/**
 * The six-month rule (党章: 连续六个月不交纳党费 without a proper reason): a live member whose bills of the six complete
 * months before this one are all unpaid — nothing paid, not exempt — is flagged for its branch until a reason is
 * recorded or it pays (a counted payment clears the reason, so a reason covers the run it explains). The daily job
 * makes this month's bills and tells the branch secretaries of their flagged members, once a month each.
 */
import { DUES_FLAG_MONTHS, type DuesFlagQueryT, type DuesFlagT, type DuesReasonBodyT } from '@dangjian/contracts';
import { type Actor, requireCapability, systemActor } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { writeAudit } from '../../../platform/data/audit.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { type Listed, pagingOf } from '../../../platform/listing.js';
import * as membersRepo from '../../core/members/members.repository.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { notify } from '../../core/notifications/notifications.service.js';
import { prevMonth, yuanOf } from './dues.money.js';
import * as payRepo from './dues.payments.repository.js';
import { generateFor } from './dues.service.js';
import { thisMonth } from './dues.versions.js';

/** The flagged members of a subtree as of `month` (the run ends the month before), with their full runs. */
async function flagged(
  ctx: Ctx,
  actor: Actor,
  month: string,
  f: { under?: string; q?: string; withReason?: boolean },
): Promise<(DuesFlagT & { orgPath: string })[]> {
  const to = prevMonth(month);
  const rows = await payRepo.unpaidRuns(ctx.db, actor, {
    ...f,
    from: prevMonth(month, DUES_FLAG_MONTHS),
    to,
    months: DUES_FLAG_MONTHS,
  });
  const shown = f.withReason ? rows : rows.filter((r) => !r.arrears_reason);
  const history = await payRepo.monthsOf(
    ctx.db,
    actor.tenantId!,
    shown.map((r) => r.member_id),
    to,
  );
  return shown.map((r) => {
    // The run: back from last month while every month has an unpaid bill.
    let expect = to;
    let since = to;
    let n = 0;
    for (const h of history) {
      if (h.member_id !== r.member_id || h.month > expect) continue;
      if (h.month !== expect || h.status !== 'due') {
        expect = '';
        continue;
      }
      since = h.month;
      n++;
      expect = prevMonth(expect);
    }
    return {
      memberId: r.member_id,
      memberName: r.member_name,
      orgId: r.org_id,
      orgName: r.org_name,
      orgPath: r.org_path,
      unpaidMonths: Math.max(n, DUES_FLAG_MONTHS),
      since,
      owed: yuanOf(r.owed),
      reason: r.arrears_reason,
    };
  });
}

/** The flagged members of the caller's subtree (with `withReason`, also those whose reason is recorded). */
export async function listFlags(ctx: Ctx, actor: Actor, q: DuesFlagQueryT): Promise<Listed<DuesFlagT>> {
  requireCapability(actor, 'dues.read');
  const under = await orgsRepo.underOrg(ctx.db, actor, q.org);
  const all = await flagged(ctx, actor, thisMonth(ctx), {
    under,
    q: q.q?.trim() || undefined,
    withReason: q.withReason,
  });
  const { page, pageSize } = pagingOf(q);
  const items = all.slice((page - 1) * pageSize, page * pageSize).map(({ orgPath: _p, ...flag }) => flag);
  return { items, total: all.length };
}

/** Records why a member of the caller's subtree has not paid (the flag then clears until it pays again). */
export async function recordReason(ctx: Ctx, actor: Actor, memberId: number, body: DuesReasonBodyT): Promise<void> {
  requireCapability(actor, 'dues.write');
  const reason = body.reason.trim();
  await ctx.db.transaction().execute(async (trx) => {
    const member = await membersRepo.requireMemberInScope(trx, actor, memberId);
    const now = ctx.clock().toISOString();
    const before = await payRepo.reasonOf(trx, memberId);
    await payRepo.setArrearsReason(trx, {
      tenant_id: member.tenant_id,
      member_id: memberId,
      reason,
      now,
      by: actor.userId || null,
    });
    await writeAudit(ctx, trx, actor, {
      action: 'dues_flag.reason',
      entityType: 'dues_profile',
      entityId: memberId,
      changes: { arrearsReason: { before: before ?? null, after: reason } },
    });
    await bumpVersion(trx, member.tenant_id, 'dues');
  });
}

/** What a run of the daily job did. */
export interface DuesJobResult {
  month: string;
  billsCreated: number;
  flagged: number;
  notified: number;
}

/** The daily job: this month's bills for every county, and the six-month flags told to the branch secretaries. */
export async function runDuesJob(ctx: Ctx): Promise<DuesJobResult> {
  const month = thisMonth(ctx);
  const result: DuesJobResult = { month, billsCreated: 0, flagged: 0, notified: 0 };
  for (const root of await payRepo.rootOrgs(ctx.db)) {
    const actor = systemActor(root.tenant_id, root.org_path, root.id);
    const made = await generateFor(ctx, actor, { ...root, name: '全县 county' }, month);
    result.billsCreated += made.created;
    const flags = await flagged(ctx, actor, month, {});
    result.flagged += flags.length;
    const secretaries = await payRepo.secretaries(ctx.db, root.tenant_id);
    for (const f of flags)
      for (const s of secretaries) {
        if (!s.org_path || !f.orgPath.startsWith(s.org_path)) continue;
        const created = await notify(ctx, ctx.db, {
          userId: s.id,
          tenantId: root.tenant_id,
          kind: 'dues.flag',
          title: `${f.memberName} 连续${f.unpaidMonths}个月未交纳党费`,
          body:
            `${f.orgName}：${f.memberName} 自 ${f.since} 起连续 ${f.unpaidMonths} 个月未交纳党费，` +
            `共欠 ${f.owed.toFixed(2)} 元。请了解情况，督促交纳或登记原因。`,
          link: `/dues/flags?org=${f.orgId}`,
          dedupeKey: `dues_flag:${month}:${f.memberId}:${s.id}`,
        });
        if (created) result.notified++;
      }
  }
  return result;
}
