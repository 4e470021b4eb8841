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
});
export type HomeMineT = Static<typeof HomeMine>;
