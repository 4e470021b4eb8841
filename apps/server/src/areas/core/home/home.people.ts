/**
 * The people area's part of the homes: member development, transfers, dues and mobility. Each section reads its
 * module's own service or cached figure (so the home counts exactly what the module's list page or figure shows)
 * and keeps counts and the first few rows; a section is null when the role may not read its module.
 */
import {
  addDays,
  can,
  DEVELOPMENT_OPEN_STAGES,
  HOME_LIST_LIMIT,
  type HomeDevelopmentT,
  type HomeDuesT,
  type HomeMobilityT,
  type HomeMyDevelopmentT,
  type HomeMyDuesT,
  type HomeTransfersT,
  type TransferItemT,
  type TransferListQueryT,
} from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import * as development from '../../people/development/development.service.js';
import * as dues from '../../people/dues/dues.service.js';
import { collection } from '../../people/dues/dues.figures.js';
import { listFlags } from '../../people/dues/dues.flags.js';
import { thisMonth } from '../../people/dues/dues.versions.js';
import { states } from '../../people/mobility/mobility.figures.js';
import * as transfers from '../../people/transfers/transfers.service.js';
import { countTransfers } from '../../people/transfers/transfers.repository.js';
import * as repo from './home.repository.js';

type Org = { id: number; org_path: string };
const page = { page: 1, pageSize: HOME_LIST_LIMIT };

/** Candidates on each stage now, steps overdue and due within the warning days, the longest overdue first. */
async function developmentSection(ctx: Ctx, actor: Actor, org: Org): Promise<HomeDevelopmentT> {
  const today = development.todayOf(ctx);
  const { warnDays } = await development.rulesNow(ctx, ctx.db, actor.tenantId!);
  const counts = await repo.developmentCounts(ctx.db, actor, org.org_path, today, addDays(today, warnDays));
  const of = (stage: string) => counts.find((c) => c.stage === stage)?.n ?? 0;
  // The overdue list's own query and order: the home's count is the list page's total.
  const overdue = await development.overdue(ctx, actor, { ...page, org: org.id });
  return {
    applicant: of('applicant'),
    activist: of('activist'),
    target: of('target'),
    probationary: of('probationary'),
    overdue: overdue.total,
    dueSoon: counts.reduce((s, c) => s + c.soon, 0),
    warnDays,
    items: overdue.items.flatMap((c) =>
      c.next?.dueOn ? [{ id: c.id, name: c.name, orgName: c.orgName, stage: c.stage, ...stepOf(c.next) }] : [],
    ),
  };
}

const stepOf = (n: { step: HomeDevelopmentT['items'][number]['step']; dueOn: string | null }) => ({
  step: n.step,
  dueOn: n.dueOn!,
});

const transferItem = (t: TransferItemT): HomeTransfersT['items'][number] => ({
  id: t.id,
  name: t.name,
  kind: t.kind,
  status: t.status,
  side: t.side,
  fromOrgName: t.fromOrgName,
  toOrgName: t.toOrgName,
  validUntil: t.validUntil,
  overdue: t.overdue,
});

/** Letters to accept, the subtree's own open transfers (to approve, out, sent back) and overdue letters. */
async function transfersSection(ctx: Ctx, actor: Actor, org: Org): Promise<HomeTransfersT> {
  const today = transfers.todayOf(ctx);
  const count = (q: Partial<TransferListQueryT>) =>
    countTransfers(ctx.db, actor, transfers.toFilter(q, org.org_path, today));
  const [applied, issued, returned] = [
    await count({ direction: 'out', status: 'applied' }),
    await count({ direction: 'out', status: 'issued' }),
    await count({ direction: 'out', status: 'returned' }),
  ];
  const list = (q: Partial<TransferListQueryT>) => transfers.list(ctx, actor, { ...page, org: org.id, ...q });
  const overdue = await list({ overdue: true });
  const incoming = await list({ direction: 'in', status: 'issued' });
  const toApprove = can(actor.role, 'transfers.approve')
    ? await list({ direction: 'out', status: 'applied' })
    : { items: [] };
  const seen = new Set<number>();
  const items = [...overdue.items, ...incoming.items, ...toApprove.items]
    .filter((t) => !seen.has(t.id) && !!seen.add(t.id))
    .slice(0, HOME_LIST_LIMIT)
    .map(transferItem);
  return {
    incoming: incoming.total,
    outgoing: applied + issued + returned,
    awaitingApproval: applied,
    returned,
    overdue: overdue.total,
    items,
  };
}

/** This month's collection of the subtree (the cached dues figure) and the members the six-month rule flags. */
async function duesSection(ctx: Ctx, actor: Actor, org: Org): Promise<HomeDuesT> {
  const month = thisMonth(ctx);
  const { total } = await collection(ctx, actor, { org: org.id, period: month });
  const flags = await listFlags(ctx, actor, { ...page, org: org.id });
  return {
    month,
    bills: total.bills,
    due: total.due,
    paid: total.paid,
    rate: total.rate,
    arrears: total.arrears,
    unpaid: total.unpaidBills,
    flagged: flags.total,
    items: flags.items.map((f) => ({
      memberId: f.memberId,
      memberName: f.memberName,
      orgName: f.orgName,
      since: f.since,
      unpaidMonths: f.unpaidMonths,
      owed: f.owed,
    })),
  };
}

/** Members away and out of contact in the subtree (the cached mobility figure). */
async function mobilitySection(ctx: Ctx, actor: Actor, org: Org): Promise<HomeMobilityT> {
  const s = await states(ctx, actor, org.id);
  return { members: s.members, flowing: s.flowing, outOfContact: s.outOfContact };
}

/** The people sections of `GET /api/home` for a subtree the caller may see; null where its role may not read. */
export async function peopleSections(ctx: Ctx, actor: Actor, org: Org) {
  const may = (c: Parameters<typeof can>[1]) => can(actor.role, c);
  return {
    development: may('development.read') ? await developmentSection(ctx, actor, org) : null,
    transfers: may('transfers.read') ? await transfersSection(ctx, actor, org) : null,
    dues: may('dues.read') ? await duesSection(ctx, actor, org) : null,
    mobility: may('mobility.read') ? await mobilitySection(ctx, actor, org) : null,
  };
}

/** The signed-in member's dues: this month's bill and what it owes, since the oldest month not settled. */
async function myDues(ctx: Ctx, actor: Actor): Promise<HomeMyDuesT | null> {
  if (!can(actor.role, 'dues.own') || actor.memberId == null) return null;
  // A member's bills are one a month: every one of them is a small answer.
  const mine = await dues.mine(ctx, actor, { page: 1, pageSize: Number.MAX_SAFE_INTEGER });
  if (!mine.total) return null;
  const month = thisMonth(ctx);
  const bill = mine.items.find((b) => b.month === month);
  const open = mine.items.filter((b) => b.outstanding > 0);
  return {
    month,
    bill: bill
      ? { id: bill.id, amount: bill.amount, paid: bill.paid, outstanding: bill.outstanding, status: bill.status }
      : null,
    owed: mine.owed,
    owedSince: open.length ? open.map((b) => b.month).sort()[0]! : null,
    unpaidBills: open.length,
  };
}

/** The signed-in member's stage and next step while it is still on its way in (applicant to probationary). */
async function myDevelopment(ctx: Ctx, actor: Actor): Promise<HomeMyDevelopmentT | null> {
  if (actor.memberId == null) return null;
  const { candidate: c } = await development.mine(ctx, actor);
  if (!c || !DEVELOPMENT_OPEN_STAGES.includes(c.stage)) return null;
  return { id: c.id, stage: c.stage, probationEnd: c.probationEnd, next: c.next };
}

/** The people part of `GET /api/home/mine`: my dues and my development progress (null when I have none). */
export async function myPeople(ctx: Ctx, actor: Actor) {
  return { dues: await myDues(ctx, actor), development: await myDevelopment(ctx, actor) };
}
