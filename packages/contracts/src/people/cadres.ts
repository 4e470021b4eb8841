/**
 * The cadres module's contracts (area people): the two village committees' people, their posts and terms,
 * elections analytics, filing and joint review (村两委, 换届).
 *
 * One person record (`cadres`) with a history of posts (`cadre_posts`: committee, post, term), not a wide table; a
 * person who is a party member may link the roster (then name, gender and birth date come from there). The election
 * analytics (`/api/elections/analytics`) are computed from the posts of a term for any subtree. A new party
 * secretary is filed with the county (备案: filed → acknowledged | returned), and a candidate is reviewed before the
 * appointment by the units (联审: one stop stops the candidate, all clear → cleared). Terms are election years
 * (`2021`, `2026`); shares are fractions 0–1.
 */
import { type Static, Type } from '@sinclair/typebox';
import { GENDERS } from '../core/enums.js';
import { labelled } from '../core/fieldLabels.js';
import { Body, Id, KeyOf, ListOf, Nullable, Paging, Stamps, VERBATIM } from '../core/schemas.js';
import {
  CADRE_COMMITTEES,
  CADRE_EDUCATIONS,
  CADRE_KINDS,
  CADRE_POST_CODES,
  ELECTIONS_RULE_DEFAULTS,
  POST_END_REASONS,
} from './cadres.enums.js';
import { Choice, Day, RefId, Term, Words, Words1 } from './cadres.fields.js';

export * from './cadres.enums.js';
export * from './cadres.flows.js';

const Kinds = Type.Array(Choice(CADRE_KINDS, '四类人员', 'Four kinds'), {
  maxItems: 4,
  uniqueItems: true,
  ...labelled('“四类人员”', 'Four kinds'),
});

/** One post in one term. */
export const CadrePostRecord = Type.Object({
  id: Type.Integer(),
  cadreId: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  committee: KeyOf(CADRE_COMMITTEES),
  post: KeyOf(CADRE_POST_CODES),
  term: Type.Integer(),
  startedOn: Type.String(),
  endedOn: Nullable(Type.String({ description: 'null while the post is held' })),
  endReason: Nullable(KeyOf(POST_END_REASONS)),
  endNote: Nullable(Type.String()),
  ...Stamps,
});
export type CadrePostRecordT = Static<typeof CadrePostRecord>;

/** A person of the committees as a list row (the phone masked; no ID number). */
export const CadreItem = Type.Object({
  id: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  townshipId: Nullable(Type.Integer()),
  townshipName: Nullable(Type.String()),
  memberId: Nullable(Type.Integer({ description: 'the roster member this person is, if a party member' })),
  name: Type.String(),
  gender: KeyOf(GENDERS),
  birthDate: Type.String(),
  age: Type.Integer({ description: 'today, in whole years' }),
  kinds: Type.Array(KeyOf(CADRE_KINDS)),
  education: Nullable(KeyOf(CADRE_EDUCATIONS)),
  phone: Nullable(Type.String({ description: 'masked' })),
  note: Nullable(Type.String()),
  /** The posts held now (not ended, not deleted), latest term first. */
  currentPosts: Type.Array(
    Type.Object({ committee: KeyOf(CADRE_COMMITTEES), post: KeyOf(CADRE_POST_CODES), term: Type.Integer() }),
  ),
  ...Stamps,
});
export type CadreItemT = Static<typeof CadreItem>;

/** A person with the posts across terms (history, latest first; deleted posts only with `deletedAt`). */
export const CadreDetail = Type.Composite([
  CadreItem,
  Type.Object({
    posts: Type.Array(CadrePostRecord),
    /** Whether the caller may change the person and the posts. */
    canEdit: Type.Boolean(),
  }),
]);
export type CadreDetailT = Static<typeof CadreDetail>;
export const CadreList = ListOf(CadreItem);

export const CadreListQuery = Type.Object({
  org: Type.Optional(Id()),
  q: Type.Optional(Type.String({ maxLength: 40, ...labelled('姓名', 'Name') })),
  committee: Type.Optional(Choice(CADRE_COMMITTEES, '班子', 'Committee')),
  post: Type.Optional(Choice(CADRE_POST_CODES, '职务', 'Post')),
  term: Type.Optional(Term()),
  kind: Type.Optional(Choice(CADRE_KINDS, '四类人员', 'Four kinds')),
  gender: Type.Optional(Choice(GENDERS, '性别', 'Gender')),
  education: Type.Optional(Choice(CADRE_EDUCATIONS, '学历', 'Education')),
  /** Only people holding a post now. */
  current: Type.Optional(Type.Boolean(labelled('现任', 'Holding a post now'))),
  deleted: Type.Optional(Type.Boolean()),
  ...Paging,
});
export type CadreListQueryT = Static<typeof CadreListQuery>;

/**
 * A person of a village's committees. With `memberId` (a roster member in scope) the name, gender and birth date
 * come from the roster; otherwise they are required.
 */
export const CadreCreate = Body({
  orgId: RefId('所属村（社区）', 'Village or community'),
  memberId: Type.Optional(Nullable(RefId('关联党员', 'Roster member'))),
  name: Type.Optional(Words1(20, '姓名', 'Name')),
  gender: Type.Optional(Choice(GENDERS, '性别', 'Gender')),
  birthDate: Type.Optional(Day('出生日期', 'Birth date')),
  kinds: Type.Optional(Kinds),
  education: Type.Optional(Nullable(Choice(CADRE_EDUCATIONS, '学历', 'Education'))),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 20, ...VERBATIM, ...labelled('联系电话', 'Phone') }))),
  note: Type.Optional(Nullable(Words(500, '备注', 'Note'))),
});
export type CadreCreateT = Static<typeof CadreCreate>;

/** Changes a person (the organization stays; a linked person's name, gender and birth date follow the roster). */
export const CadreUpdate = Body({
  memberId: Type.Optional(Nullable(RefId('关联党员', 'Roster member'))),
  name: Type.Optional(Words1(20, '姓名', 'Name')),
  gender: Type.Optional(Choice(GENDERS, '性别', 'Gender')),
  birthDate: Type.Optional(Day('出生日期', 'Birth date')),
  kinds: Type.Optional(Kinds),
  education: Type.Optional(Nullable(Choice(CADRE_EDUCATIONS, '学历', 'Education'))),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 20, ...VERBATIM, ...labelled('联系电话', 'Phone') }))),
  note: Type.Optional(Nullable(Words(500, '备注', 'Note'))),
});
export type CadreUpdateT = Static<typeof CadreUpdate>;

/** A post in a term (`POST /api/cadres/:id/posts`). */
export const CadrePostCreate = Body({
  committee: Choice(CADRE_COMMITTEES, '班子', 'Committee'),
  post: Choice(CADRE_POST_CODES, '职务', 'Post'),
  term: Term(),
  startedOn: Day('任职日期', 'Started on'),
});
export type CadrePostCreateT = Static<typeof CadrePostCreate>;

/** Changes a post or ends it with a reason (`PATCH /api/cadres/:id/posts/:postId`). */
export const CadrePostUpdate = Body({
  startedOn: Type.Optional(Day('任职日期', 'Started on')),
  endedOn: Type.Optional(Nullable(Day('离任日期', 'Ended on'))),
  endReason: Type.Optional(Nullable(Choice(POST_END_REASONS, '离任原因', 'Reason it ended'))),
  endNote: Type.Optional(Nullable(Words(200, '离任说明', 'In words'))),
});
export type CadrePostUpdateT = Static<typeof CadrePostUpdate>;

export const CadrePostParams = Type.Object({ id: Id(), postId: Id() });

/** The election analytics: a subtree and a term. */
export const ElectionsQuery = Type.Object({
  org: Type.Optional(Id()),
  term: Term(),
});
export type ElectionsQueryT = Static<typeof ElectionsQuery>;

/** The measures of one subtree and term (shares are fractions 0–1; null when there is nothing to divide). */
export const ElectionMeasures = {
  villages: Type.Integer({ description: 'villages (communities) with posts in the term' }),
  oneShoulder: Type.Integer({ description: 'villages whose party secretary is also the director (一肩挑)' }),
  oneShoulderShare: Nullable(Type.Number()),
  villagersPeople: Type.Integer({ description: "people on the villagers' committee" }),
  cross: Type.Integer({ description: 'of them, people also on the party committee (交叉任职)' }),
  crossShare: Nullable(Type.Number()),
  people: Type.Integer({ description: 'distinct people holding a post in the term' }),
  posts: Type.Integer(),
  averageAge: Nullable(Type.Number({ description: "at the term's start, one decimal" })),
  previousAverageAge: Nullable(Type.Number()),
  ageChange: Nullable(Type.Number({ description: 'this term minus the previous one (negative: younger)' })),
  education: Type.Array(Type.Object({ education: Nullable(KeyOf(CADRE_EDUCATIONS)), count: Type.Integer() })),
  highSchoolUp: Type.Integer(),
  highSchoolUpShare: Nullable(Type.Number()),
  women: Type.Integer(),
  womenShare: Nullable(Type.Number()),
  kinds: Type.Array(Type.Object({ kind: KeyOf(CADRE_KINDS), count: Type.Integer(), share: Nullable(Type.Number()) })),
  anyKind: Type.Integer({ description: 'people of any of the four kinds' }),
  anyKindShare: Nullable(Type.Number()),
  newPeople: Type.Integer({ description: "this term's people who held no post in the previous term" }),
  turnoverShare: Nullable(Type.Number()),
};
export const ElectionRow = Type.Object({ orgId: Type.Integer(), orgName: Type.String(), ...ElectionMeasures });
export type ElectionRowT = Static<typeof ElectionRow>;

/** A target of the `elections` rule set, met or not. */
export const ElectionFlag = Type.Object({
  key: KeyOf(ELECTIONS_RULE_DEFAULTS),
  label: Type.String(),
  value: Nullable(Type.Number({ description: 'percent, or years for the average age' })),
  target: Type.Number(),
  met: Nullable(Type.Boolean()),
});
export const ElectionAnalytics = Type.Object({
  orgId: Type.Integer(),
  orgName: Type.String(),
  term: Type.Integer(),
  previousTerm: Nullable(Type.Integer()),
  ...ElectionMeasures,
  flags: Type.Array(ElectionFlag),
  /** The same per child organization (township rows for the county). */
  rows: Type.Array(ElectionRow),
});
export type ElectionAnalyticsT = Static<typeof ElectionAnalytics>;
/** The terms with posts in the caller's scope, latest first (for the term picker). */
export const ElectionTerms = Type.Object({ items: Type.Array(Type.Integer()) });
