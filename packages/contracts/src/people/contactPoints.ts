/**
 * The contactPoints module's contracts (area people): county leaders' contact points (联系点) — each leader (a name
 * and post, optionally an account) has organizations to guide and weak ones they take on (包抓, linked to the
 * weak-organization record where there is one); visits are recorded (date, what was done, issues found) and each
 * issue is open until solved. The county manages; a township reads the points in its subtree.
 */
import { type Static, Type } from '@sinclair/typebox';
import type { Labelled } from '../core/enums.js';
import { labelled } from '../core/fieldLabels.js';
import { Body, Id, KeyOf, ListOf, MAX_ID, Nullable, Paging, Stamps } from '../core/schemas.js';

export const CONTACT_POINTS_MODULE = 'contactPoints' as const;

const l = (zh: string, en: string): Labelled => ({ zh, en });
/** A calendar date named in words. */
const Day = (zh: string, en: string) =>
  Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date', examples: ['2026-06-15'], ...labelled(zh, en) });
/** An enum named in words. */
function Named<T extends Record<string, Labelled>>(map: T, zh: string, en: string) {
  return Type.Union(
    Object.keys(map).map((k) => Type.Literal(k)),
    labelled(zh, en),
  ) as unknown as ReturnType<typeof KeyOf<T>>;
}
/** A record id named in words. */
const Ref = (zh: string, en: string) => Type.Integer({ minimum: 1, maximum: MAX_ID, ...labelled(zh, en) });

/** The kinds of contact point. */
export const CONTACT_POINT_KINDS = {
  guide: l('联系点', 'Contact point'),
  weak_takeover: l('包抓软弱涣散党组织', 'Weak organization taken on'),
} as const satisfies Record<string, Labelled>;
export type ContactPointKind = keyof typeof CONTACT_POINT_KINDS;

/** The states of an issue found on a visit. */
export const CONTACT_ISSUE_STATES = {
  open: l('待解决', 'Open'),
  solved: l('已解决', 'Solved'),
} as const satisfies Record<string, Labelled>;
export type ContactIssueState = keyof typeof CONTACT_ISSUE_STATES;

/** Issues one visit may record. */
export const CONTACT_VISIT_ISSUES_MAX = 10;

/** A contact point in a list. */
export const ContactPointItem = Type.Object({
  id: Type.Integer(),
  leaderId: Type.Integer(),
  leaderName: Type.String(),
  leaderPost: Type.String(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  kind: KeyOf(CONTACT_POINT_KINDS),
  weakOrgId: Nullable(Type.Integer({ description: 'the weak-organization record taken on' })),
  since: Type.String(),
  visits: Type.Integer({ description: 'visits recorded this year' }),
  lastVisitOn: Nullable(Type.String()),
  openIssues: Type.Integer(),
  note: Nullable(Type.String()),
  ...Stamps,
});
export type ContactPointItemT = Static<typeof ContactPointItem>;
export const ContactPointList = ListOf(ContactPointItem);

/** An issue found on a visit. */
export const ContactIssue = Type.Object({
  id: Type.Integer(),
  visitId: Type.Integer(),
  text: Type.String(),
  state: KeyOf(CONTACT_ISSUE_STATES),
  solvedOn: Nullable(Type.String()),
  solution: Nullable(Type.String()),
});
export type ContactIssueT = Static<typeof ContactIssue>;

/** A visit to a contact point. */
export const ContactVisit = Type.Object({
  id: Type.Integer(),
  visitedOn: Type.String(),
  content: Type.String(),
  issues: Type.Array(ContactIssue),
});
export type ContactVisitT = Static<typeof ContactVisit>;

/** A contact point with its visits, latest first. */
export const ContactPointDetail = Type.Composite([
  ContactPointItem,
  Type.Object({ visitList: Type.Array(ContactVisit) }),
]);
export type ContactPointDetailT = Static<typeof ContactPointDetail>;

export const ContactPointListQuery = Type.Object({
  org: Type.Optional(Id()),
  leaderId: Type.Optional(Ref('县级领导', 'Leader')),
  kind: Type.Optional(Named(CONTACT_POINT_KINDS, '联系类型', 'Kind')),
  openIssues: Type.Optional(Type.Boolean({ ...labelled('有待解决问题', 'With open issues') })),
  deleted: Type.Optional(Type.Boolean()),
  ...Paging,
});
export type ContactPointListQueryT = Static<typeof ContactPointListQuery>;

/** A new contact point of a leader. */
export const ContactPointCreate = Body({
  leaderId: Ref('县级领导', 'Leader'),
  orgId: Ref('联系的党组织', 'Organization'),
  kind: Named(CONTACT_POINT_KINDS, '联系类型', 'Kind'),
  since: Day('确定联系日期', 'Since'),
  note: Type.Optional(Nullable(Type.String({ maxLength: 300, ...labelled('备注', 'Note') }))),
});
export type ContactPointCreateT = Static<typeof ContactPointCreate>;

/** A change of a contact point. */
export const ContactPointUpdate = Body({
  kind: Type.Optional(Named(CONTACT_POINT_KINDS, '联系类型', 'Kind')),
  since: Type.Optional(Day('确定联系日期', 'Since')),
  note: Type.Optional(Nullable(Type.String({ maxLength: 300, ...labelled('备注', 'Note') }))),
});
export type ContactPointUpdateT = Static<typeof ContactPointUpdate>;

/** A visit with the issues it found (each starts open). */
export const ContactVisitCreate = Body({
  visitedOn: Day('走访日期', 'Visited on'),
  content: Type.String({ minLength: 1, maxLength: 1000, ...labelled('开展的工作', 'What was done') }),
  issues: Type.Optional(
    Type.Array(Type.String({ minLength: 1, maxLength: 300 }), {
      maxItems: CONTACT_VISIT_ISSUES_MAX,
      ...labelled('发现的问题', 'Issues found'),
    }),
  ),
});
export type ContactVisitCreateT = Static<typeof ContactVisitCreate>;

/** An issue marked solved. */
export const ContactIssueSolve = Body({
  solvedOn: Day('解决日期', 'Solved on'),
  solution: Type.String({ minLength: 1, maxLength: 500, ...labelled('解决情况', 'How it was solved') }),
});
export type ContactIssueSolveT = Static<typeof ContactIssueSolve>;

/** A county leader with the points they hold (those in the caller's scope). */
export const ContactLeaderItem = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  post: Type.String(),
  userId: Nullable(Type.Integer()),
  sortOrder: Type.Integer(),
  points: Type.Array(
    Type.Object({
      id: Type.Integer(),
      orgId: Type.Integer(),
      orgName: Type.String(),
      kind: KeyOf(CONTACT_POINT_KINDS),
      openIssues: Type.Integer(),
    }),
  ),
  visits: Type.Integer({ description: 'visits this year' }),
  openIssues: Type.Integer(),
  ...Stamps,
});
export type ContactLeaderItemT = Static<typeof ContactLeaderItem>;
export const ContactLeaderList = ListOf(ContactLeaderItem);

export const ContactLeaderListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 40, ...labelled('姓名或职务', 'Name or post') })),
  deleted: Type.Optional(Type.Boolean()),
  ...Paging,
});
export type ContactLeaderListQueryT = Static<typeof ContactLeaderListQuery>;

/** A new county leader. */
export const ContactLeaderCreate = Body({
  name: Type.String({ minLength: 1, maxLength: 40, ...labelled('领导姓名', 'Name') }),
  post: Type.String({ minLength: 1, maxLength: 80, ...labelled('职务', 'Post') }),
  userId: Type.Optional(Nullable(Ref('关联账号', 'Account'))),
  sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 999, ...labelled('排序', 'Order') })),
});
export type ContactLeaderCreateT = Static<typeof ContactLeaderCreate>;

/** A change of a leader. */
export const ContactLeaderUpdate = Body({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 40, ...labelled('领导姓名', 'Name') })),
  post: Type.Optional(Type.String({ minLength: 1, maxLength: 80, ...labelled('职务', 'Post') })),
  userId: Type.Optional(Nullable(Ref('关联账号', 'Account'))),
  sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 999, ...labelled('排序', 'Order') })),
});
export type ContactLeaderUpdateT = Static<typeof ContactLeaderUpdate>;

/** The figure's parameters: a subtree (the caller's own by default) and a year. */
export const ContactPointSummaryQuery = Type.Object({
  org: Type.Optional(Id()),
  year: Type.Integer({ minimum: 2000, maximum: 2100, ...labelled('年度', 'Year') }),
});
export type ContactPointSummaryQueryT = Static<typeof ContactPointSummaryQuery>;

/** 县级领导联系点情况 of a subtree and year. */
export const ContactPointSummary = Type.Object({
  orgId: Type.Integer(),
  orgName: Type.String(),
  year: Type.Integer(),
  leaders: Type.Integer(),
  organizations: Type.Integer(),
  weakTakenOn: Type.Integer(),
  visits: Type.Integer(),
  issues: Type.Integer(),
  openIssues: Type.Integer(),
  rows: Type.Array(
    Type.Object({
      orgId: Type.Integer(),
      orgName: Type.String(),
      organizations: Type.Integer(),
      visits: Type.Integer(),
      openIssues: Type.Integer(),
    }),
  ),
});
export type ContactPointSummaryT = Static<typeof ContactPointSummary>;
