/**
 * The home's to-do summary: what a role has to do now across modules (meetings due, sign-ins open, requests, wishes
 * and errands waiting) and the few figures its home shows — small answers, never lists of a whole county.
 */
import { Type, type Static } from '@sinclair/typebox';
import { DateString, Id, KeyOf, Nullable } from './core/schemas.js';
import { FrequencyRuleSchema, MEETING_KIND_LABELS } from './life/meetings.js';
import {
  ERRAND_STATUSES,
  REQUEST_CATEGORIES,
  REQUEST_STATUSES,
  WISH_KINDS,
  WISH_STATUSES,
} from './residents/residents.js';
import { DEVELOPMENT_STAGES, DEVELOPMENT_STEP_LABELS, NextStep } from './people/development.js';
import { TRANSFER_KINDS, TRANSFER_SIDES, TRANSFER_STATUSES } from './people/transfers.js';
import { DUES_BILL_STATUSES } from './people/dues.js';
import { HomeSupervision } from './supervision/overview.js';
import { HomeAssessment, HomeMyAssessment } from './assessment/overview.js';
import { HomeEconomy, HomeMyLearning } from './home.economy.js';

/** At most this many rows of each to-do list travel to the home; the counts say how many there are. */
export const HOME_LIST_LIMIT = 10;

export const HomeQuery = Type.Object({ org: Type.Optional(Id('narrow to this organization of my subtree')) });

const Rule = FrequencyRuleSchema;

/** One organization × kind still owed this period, with the rule that makes it due. */
export const HomeMeetingDue = Type.Object({
  orgId: Type.Integer(),
  orgName: Type.String(),
  kind: KeyOf(MEETING_KIND_LABELS),
  status: Type.Union([Type.Literal('due_soon'), Type.Literal('behind')]),
  required: Type.Integer(),
  held: Type.Integer(),
  dueBy: Nullable(DateString()),
  rule: Rule,
});
export type HomeMeetingDueT = Static<typeof HomeMeetingDue>;

/** How many organizations owe a kind this period (the county's and townships' view of the same list). */
export const HomeMeetingKind = Type.Object({
  kind: KeyOf(MEETING_KIND_LABELS),
  rule: Rule,
  dueSoon: Type.Integer(),
  behind: Type.Integer(),
});

/** A meeting whose sign-in is open now. */
export const HomeCheckin = Type.Object({
  id: Type.Integer(),
  orgName: Type.String(),
  kind: KeyOf(MEETING_KIND_LABELS),
  topic: Type.String(),
  heldOn: DateString(),
  startTime: Type.String(),
  until: Type.String({ description: 'sign-in closes at this instant' }),
  checkedIn: Type.Optional(Type.Boolean({ description: 'the member has signed in (member variant)' })),
});

export const HomeRequest = Type.Object({
  id: Type.Integer(),
  requestNo: Type.String({ description: '受理编号 acceptance number' }),
  orgId: Type.Integer(),
  orgName: Type.String(),
  category: KeyOf(REQUEST_CATEGORIES),
  status: KeyOf(REQUEST_STATUSES),
  householdHead: Nullable(Type.String()),
  residentName: Nullable(Type.String()),
  dueAt: Nullable(Type.String()),
  overdue: Type.Boolean(),
});

export const HomeWish = Type.Object({
  id: Type.Integer(),
  orgName: Type.String(),
  kind: KeyOf(WISH_KINDS),
  title: Type.String(),
  status: KeyOf(WISH_STATUSES),
  claimDueAt: Nullable(Type.String()),
});

export const HomeErrand = Type.Object({
  id: Type.Integer(),
  orgName: Type.String(),
  title: Type.String(),
  status: KeyOf(ERRAND_STATUSES),
  takenAt: Type.String(),
});

/** The fixed party day (主题党日) of the county's rules and its next date. */
export const HomeThemeDay = Nullable(Type.Object({ day: Type.Integer(), date: DateString() }));

// ---- the people area's part (development, transfers, dues, mobility) ----
const Count = (description?: string) => Type.Integer({ minimum: 0, description });

/** A candidate whose next step is past its due day. */
export const HomeDevelopmentDue = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  orgName: Type.String(),
  stage: KeyOf(DEVELOPMENT_STAGES),
  step: KeyOf(DEVELOPMENT_STEP_LABELS),
  dueOn: DateString(),
});

/** Member development in the subtree: candidates on each open stage now, steps overdue and due soon. */
export const HomeDevelopment = Type.Object({
  applicant: Count('applicants (申请入党) now'),
  activist: Count('activists (入党积极分子) now'),
  target: Count('development targets (发展对象) now'),
  probationary: Count('probationary members (预备党员) now'),
  overdue: Count('candidates whose next step is past its due day'),
  dueSoon: Count('candidates whose next step falls due within the warning days'),
  warnDays: Type.Integer({ description: "the county's warning days" }),
  items: Type.Array(HomeDevelopmentDue, { description: `the longest overdue first; at most ${HOME_LIST_LIMIT}` }),
});
export type HomeDevelopmentT = Static<typeof HomeDevelopment>;

/** A transfer waiting on the subtree: overdue, to accept, or to approve. */
export const HomeTransfer = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  kind: KeyOf(TRANSFER_KINDS),
  status: KeyOf(TRANSFER_STATUSES),
  side: KeyOf(TRANSFER_SIDES),
  fromOrgName: Type.String(),
  toOrgName: Nullable(Type.String()),
  validUntil: Nullable(DateString()),
  overdue: Type.Boolean(),
});

/** Transfers waiting on the subtree: letters to accept, its own applications still open, overdue letters. */
export const HomeTransfers = Type.Object({
  incoming: Count('letters issued to the subtree, awaiting its acceptance'),
  outgoing: Count("the subtree's own transfers still open (applied, letter issued, sent back)"),
  awaitingApproval: Count('of those, applications awaiting approval'),
  returned: Count('of those, sent back by the receiving side'),
  overdue: Count('letters past their validity, not yet received (either side)'),
  items: Type.Array(HomeTransfer, {
    description: `overdue first, then to accept, then to approve; ${HOME_LIST_LIMIT}`,
  }),
});
export type HomeTransfersT = Static<typeof HomeTransfers>;

/** A member flagged by the six-month rule. */
export const HomeDuesFlag = Type.Object({
  memberId: Type.Integer(),
  memberName: Type.String(),
  orgName: Type.String(),
  since: Type.String({ description: 'YYYY-MM, the first month of the unpaid run' }),
  unpaidMonths: Type.Integer(),
  owed: Type.Number({ description: '元' }),
});

/** Party dues of the subtree this month, and the members the six-month rule flags. */
export const HomeDues = Type.Object({
  month: Type.String({ description: 'YYYY-MM' }),
  bills: Count(),
  due: Type.Number({ description: '元 billed this month' }),
  paid: Type.Number({ description: "元 paid on this month's bills" }),
  rate: Nullable(Type.Number({ description: 'paid / due, 0–1; null when nothing is due' })),
  arrears: Type.Number({ description: "元 outstanding on this month's bills" }),
  unpaid: Count('members whose bill of this month is not settled'),
  flagged: Count('members who paid nothing for six months without a reason'),
  items: Type.Array(HomeDuesFlag, { description: `flagged members; at most ${HOME_LIST_LIMIT}` }),
});
export type HomeDuesT = Static<typeof HomeDues>;

/** Members of the subtree away (流动) or out of contact (失联) now. */
export const HomeMobility = Type.Object({
  members: Count('live members'),
  flowing: Count(),
  outOfContact: Count(),
});
export type HomeMobilityT = Static<typeof HomeMobility>;

/** The signed-in member's dues: this month's bill and what it owes in all, since when. */
export const HomeMyDues = Type.Object({
  month: Type.String({ description: 'this month, YYYY-MM' }),
  bill: Nullable(
    Type.Object({
      id: Type.Integer(),
      amount: Type.Number({ description: '元' }),
      paid: Type.Number({ description: '元' }),
      outstanding: Type.Number({ description: '元' }),
      status: KeyOf(DUES_BILL_STATUSES),
    }),
  ),
  owed: Type.Number({ description: '元 outstanding over all its bills' }),
  owedSince: Nullable(Type.String({ description: 'YYYY-MM, the oldest month not settled' })),
  unpaidBills: Count('bills not settled'),
});
export type HomeMyDuesT = Static<typeof HomeMyDues>;

/** The signed-in member's way into the Party while still on it: its stage and the next step with its days. */
export const HomeMyDevelopment = Type.Object({
  id: Type.Integer(),
  stage: KeyOf(DEVELOPMENT_STAGES),
  probationEnd: Nullable(DateString()),
  next: Nullable(NextStep),
});
export type HomeMyDevelopmentT = Static<typeof HomeMyDevelopment>;

/** `GET /api/home`: the to-do summary of a subtree; a section is null when the caller may not read its module. */
export const Home = Type.Object({
  today: DateString(),
  period: Type.String({ description: 'this month, YYYY-MM' }),
  orgId: Type.Integer(),
  orgName: Type.String(),
  orgType: Type.String(),
  themeDay: HomeThemeDay,
  meetings: Nullable(
    Type.Object({
      rate: Type.Number(),
      required: Type.Integer(),
      held: Type.Integer(),
      done: Type.Integer(),
      dueSoon: Type.Integer(),
      behind: Type.Integer(),
      byKind: Type.Array(HomeMeetingKind),
      items: Type.Array(HomeMeetingDue, { description: `behind first, then by deadline; at most ${HOME_LIST_LIMIT}` }),
      checkins: Type.Array(HomeCheckin),
      year: Type.Object({
        meetings: Type.Integer(),
        attendanceRate: Type.Number(),
        lectures: Type.Integer(),
        lecturesBySecretaries: Type.Integer(),
        incomplete: Type.Integer(),
      }),
    }),
  ),
  requests: Nullable(Type.Object({ open: Type.Integer(), overdue: Type.Integer(), items: Type.Array(HomeRequest) })),
  wishes: Nullable(Type.Object({ open: Type.Integer(), toConfirm: Type.Integer(), items: Type.Array(HomeWish) })),
  errands: Nullable(Type.Object({ inProgress: Type.Integer(), items: Type.Array(HomeErrand) })),
  development: Nullable(HomeDevelopment),
  transfers: Nullable(HomeTransfers),
  dues: Nullable(HomeDues),
  mobility: Nullable(HomeMobility),
  supervision: Nullable(HomeSupervision),
  assessment: Nullable(HomeAssessment),
  /** Cadres, learning and training, the village economy (issue 14). */
  economy: Nullable(HomeEconomy),
});
export type HomeT = Static<typeof Home>;

/** A meeting the member is expected at this month. */
export const HomeMyMeeting = Type.Object({
  id: Type.Integer(),
  kind: KeyOf(MEETING_KIND_LABELS),
  topic: Type.String(),
  heldOn: DateString(),
  startTime: Type.String(),
  place: Nullable(Type.String()),
  orgName: Type.String(),
  status: Type.String({ description: 'the member attendance status' }),
  checkedInAt: Nullable(Type.String()),
});

/** `GET /api/home/mine`: what is asked of me this month (the member's phone home). */
export const HomeMine = Type.Object({
  today: DateString(),
  period: Type.String(),
  themeDay: HomeThemeDay,
  meetings: Type.Array(HomeMyMeeting),
  checkins: Type.Array(HomeCheckin),
  wishes: Type.Array(HomeWish),
  errands: Type.Array(HomeErrand),
  /** Null for an account that keeps no dues of its own. */
  dues: Nullable(HomeMyDues),
  /** Null unless the member is still on its way in (applicant to probationary). */
  development: Nullable(HomeMyDevelopment),
  /** Null for an account that is no member. */
  assessment: Nullable(HomeMyAssessment),
  /** My training hours and this month's learning items; null for an account that is no member. */
  learning: Nullable(HomeMyLearning),
});
export type HomeMineT = Static<typeof HomeMine>;
