/**
 * The home's to-do summary. Each section reuses its module's own rules and scoped reads — compliance from the
 * meetings' rules (`meetings.compliance.ts` through the cached compliance figure), requests' deadlines from the
 * requests' workflow, wishes and errands from their services, the people area from `home.people.ts` — and keeps
 * only counts and the first few rows, so a county's home never downloads a county's lists.
 */
import {
  HOME_LIST_LIMIT,
  addMonths,
  can,
  type HomeMineT,
  type HomeT,
  type WishT,
  type ErrandT,
} from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { subtreeRange } from '../../../db/dialect.js';
import * as orgsRepo from '../orgs/orgs.repository.js';
import { today as chinaToday } from '../orgs/orgs.service.js';
import * as meetingFigures from '../../life/meetings/meetings.figures.js';
import { fixedDayOf } from '../../life/meetings/meetings.periods.js';
import { MEETING_KINDS, type FrequencyRules, type MeetingKind } from '../../life/meetings/meetings.rules.js';
import * as requests from '../../residents/requests/requests.service.js';
import * as wishes from '../../residents/wishes/wishes.service.js';
import * as errands from '../../residents/errands/errands.service.js';
import * as repo from './home.repository.js';
import * as checkinRepo from '../../life/meetings/meetings.checkin.repository.js';
import { myMeeting } from '../../life/meetings/meetings.checkin.js';
import { myPeople, peopleSections } from './home.people.js';
import { supervisionSection } from './home.supervision.js';
import { assessmentSection, myAssessment } from './home.assessment.js';
import { economySection, myLearning } from './home.economy.js';

type Section<K extends keyof HomeT> = NonNullable<HomeT[K]>;

/** The next fixed party day (主题党日) on or after `day`, when the county's rule fixes one. */
export function nextThemeDay(rules: FrequencyRules, day: string): HomeT['themeDay'] {
  const fixed = rules.theme_day?.fixedDay;
  if (!fixed) return null;
  const month = day.slice(0, 7);
  const date = fixedDayOf(month, fixed);
  return { day: fixed, date: date >= day ? date : fixedDayOf(addMonths(`${month}-01`, 1).slice(0, 7), fixed) };
}

/** The compliance of this month cut to what is owed: counts per kind and the most urgent rows, with their rules. */
async function meetingsSection(
  ctx: Ctx,
  actor: Actor,
  org: { id: number; org_path: string; tenant_id: number },
  day: string,
  rules: FrequencyRules,
): Promise<Section<'meetings'>> {
  const period = day.slice(0, 7);
  const c = await meetingFigures.compliance(ctx, actor, { org: org.id, period }, { today: day });
  const owed = c.items.filter((i) => i.status !== 'done');
  const byKind = MEETING_KINDS.flatMap((kind: MeetingKind) => {
    const of = owed.filter((i) => i.kind === kind);
    const rule = rules[kind];
    if (!of.length || !rule) return [];
    const behind = of.filter((i) => i.status === 'behind').length;
    return [{ kind, rule, dueSoon: of.length - behind, behind }];
  });
  // Behind first, then by deadline; the compliance figure's own order (org path, kind) breaks ties.
  const urgent = owed
    .map((i, n) => ({ i, n }))
    .sort(
      (a, b) =>
        (a.i.status === 'behind' ? 0 : 1) - (b.i.status === 'behind' ? 0 : 1) ||
        (a.i.dueBy ?? '').localeCompare(b.i.dueBy ?? '') ||
        a.n - b.n,
    )
    .slice(0, HOME_LIST_LIMIT)
    .map(({ i }) => ({
      orgId: i.orgId,
      orgName: i.orgName,
      kind: i.kind,
      status: i.status as 'due_soon' | 'behind',
      required: i.required,
      held: i.held,
      dueBy: i.dueBy,
      rule: rules[i.kind]!,
    }));
  const [lo, hi] = subtreeRange(org.org_path);
  const open = await repo.openCheckinsIn(ctx.db, org.tenant_id, lo, hi, ctx.clock().toISOString());
  const year = await meetingFigures.stats(ctx, actor, { org: org.id, period: day.slice(0, 4) });
  return {
    ...c.summary,
    byKind,
    items: urgent,
    checkins: open.map(openCheckin),
    year: {
      meetings: year.meetings,
      attendanceRate: year.attendance.rate,
      lectures: year.lectures.total,
      lecturesBySecretaries: year.lectures.bySecretaries,
      incomplete: year.incomplete,
    },
  };
}

/** Requests waiting in the subtree: open or reopened, the overdue ones (the workflow's deadline) first. */
async function requestsSection(ctx: Ctx, actor: Actor, orgId: number): Promise<Section<'requests'>> {
  const page = { org: orgId, page: 1, pageSize: HOME_LIST_LIMIT };
  const overdue = await requests.list(ctx, actor, { ...page, overdue: true });
  const open = await requests.list(ctx, actor, { ...page, status: 'open' });
  const reopened = await requests.list(ctx, actor, { ...page, status: 'reopened' });
  const seen = new Set<number>();
  const items = [...overdue.items, ...reopened.items, ...open.items]
    .filter((r) => !seen.has(r.id) && !!seen.add(r.id))
    .slice(0, HOME_LIST_LIMIT)
    .map((r) => ({
      id: r.id,
      requestNo: r.requestNo,
      orgId: r.orgId,
      orgName: r.orgName,
      category: r.category,
      status: r.status,
      householdHead: r.householdHead,
      residentName: r.residentName,
      dueAt: r.dueAt,
      overdue: r.overdue,
    }));
  return { open: open.total + reopened.total, overdue: overdue.total, items };
}

const wishItem = (w: WishT) => ({
  id: w.id,
  orgName: w.orgName,
  kind: w.kind,
  title: w.title,
  status: w.status,
  claimDueAt: w.claimDueAt,
});
const errandItem = (e: ErrandT) => ({
  id: e.id,
  orgName: e.orgName,
  title: e.title,
  status: e.status,
  takenAt: e.takenAt,
});

/** Wishes waiting in the subtree: fulfilled ones to confirm first, then open ones nobody has claimed. */
async function wishesSection(ctx: Ctx, actor: Actor, orgId: number): Promise<Section<'wishes'>> {
  const page = { org: orgId, page: 1, pageSize: HOME_LIST_LIMIT };
  const toConfirm = await wishes.list(ctx, actor, { ...page, status: 'fulfilled' });
  const open = await wishes.list(ctx, actor, { ...page, status: 'open' });
  const items = [...toConfirm.items, ...open.items].slice(0, HOME_LIST_LIMIT).map(wishItem);
  return { open: open.total, toConfirm: toConfirm.total, items };
}

/** Errands still in progress in the subtree. */
async function errandsSection(ctx: Ctx, actor: Actor, orgId: number): Promise<Section<'errands'>> {
  const list = await errands.list(ctx, actor, {
    org: orgId,
    status: 'in_progress',
    page: 1,
    pageSize: HOME_LIST_LIMIT,
  });
  return { inProgress: list.total, items: list.items.map(errandItem) };
}

/** The to-do summary of the caller's subtree (or of an organization in it; 404 outside it). */
export async function summary(ctx: Ctx, actor: Actor, orgId?: number): Promise<HomeT> {
  requireCapability(actor, 'stats.read');
  const org = await orgsRepo.getOrg(ctx.db, actor, orgId ?? actor.orgId!);
  const day = chinaToday(ctx);
  const { rules } = await meetingFigures.rulesFor(ctx, org.tenant_id, Number(day.slice(0, 4)));
  const residents = can(actor.role, 'residents.read');
  return {
    today: day,
    period: day.slice(0, 7),
    orgId: org.id,
    orgName: org.name,
    orgType: org.type,
    themeDay: nextThemeDay(rules, day),
    meetings: can(actor.role, 'meetings.read') ? await meetingsSection(ctx, actor, org, day, rules) : null,
    requests: residents ? await requestsSection(ctx, actor, org.id) : null,
    wishes: residents ? await wishesSection(ctx, actor, org.id) : null,
    errands: residents ? await errandsSection(ctx, actor, org.id) : null,
    ...(await peopleSections(ctx, actor, org)),
    supervision: await supervisionSection(ctx, actor, org),
    assessment: await assessmentSection(ctx, actor, org),
    economy: await economySection(ctx, actor, org),
  };
}

/** A meeting whose sign-in is open now, as the home lists it (until when). */
function openCheckin(m: {
  id: number;
  org_name: string;
  kind: string;
  topic: string;
  held_on: string;
  start_time: string;
  checkin_to: string | null;
}) {
  return {
    id: m.id,
    orgName: m.org_name,
    kind: m.kind as MeetingKind,
    topic: m.topic,
    heldOn: m.held_on,
    startTime: m.start_time,
    until: m.checkin_to!,
  };
}

/** What is asked of the signed-in member this month: meetings, sign-ins, wishes, errands, dues and development. */
export async function mine(ctx: Ctx, actor: Actor): Promise<HomeMineT> {
  requireCapability(actor, 'self.party');
  const day = chinaToday(ctx);
  const period = day.slice(0, 7);
  const { rules } = await meetingFigures.rulesFor(ctx, actor.tenantId!, Number(day.slice(0, 4)));
  const memberId = actor.memberId;
  const base = { today: day, period, themeDay: nextThemeDay(rules, day) };
  if (!memberId)
    return {
      ...base,
      meetings: [],
      checkins: [],
      wishes: [],
      errands: [],
      dues: null,
      development: null,
      assessment: null,
      learning: null,
    };
  const last = fixedDayOf(period, 31);
  const meetings = await checkinRepo.meetingsOfMember(ctx.db, memberId, 50, { from: `${period}-01`, to: last });
  const open = await checkinRepo.meetingsOfMember(ctx.db, memberId, 10, { openAt: ctx.clock().toISOString() });
  const claims = can(actor.role, 'residents.claim');
  const claimed = claims ? await wishes.mine(ctx, actor, 1, HOME_LIST_LIMIT) : { items: [] };
  const taken = claims
    ? await errands.list(ctx, actor, { status: 'in_progress', mine: true, page: 1, pageSize: HOME_LIST_LIMIT })
    : { items: [] };
  return {
    ...base,
    meetings: meetings.map((m) => myMeeting(ctx, m)),
    checkins: open.map((m) => ({ ...openCheckin(m), checkedIn: m.checked_in_at != null })),
    // A claimed wish is the member's to fulfil by its claim deadline; fulfilled ones wait on staff.
    wishes: claimed.items.filter((w) => w.status === 'claimed').map(wishItem),
    errands: taken.items.map(errandItem),
    ...(await myPeople(ctx, actor)),
    assessment: await myAssessment(ctx, actor),
    learning: await myLearning(ctx, actor),
  };
}
