/**
 * The selections module's contracts (area assessment): selections of the best (十佳村干部, 十杰百优, 优秀党员).
 * An organizer (the county or a township) announces a selection with its places, categories, rules and two
 * windows; organizations below nominate members within a quota with their deeds and evidence; the organizer
 * accepts or rejects each nomination with a reason; eligible voters (signed-in accounts of the organizer's subtree)
 * cast one secret ballot each with up to N choices (no clicks or likes: a ballot is recorded with who and when,
 * and the count is the organizer's alone); the organizer names the winners (top N, or others with a reason),
 * they are publicized (公示) for some days, then published.
 */
import { type Static, Type } from '@sinclair/typebox';
import type { Labelled } from '../core/enums.js';
import { labelled } from '../core/fieldLabels.js';
import { Body, Id, KeyOf, ListOf, Nullable, Paging, Stamps } from '../core/schemas.js';
import { AllowedActions, defineFlowSpec, moveSpec, TimelineEvent } from '../core/workflow.js';

export const SELECTIONS_MODULE = 'selections' as const;

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** Kinds of selections. */
export const SELECTION_KINDS = {
  village_cadres: l('十佳村干部', 'Ten best village cadres'),
  ten_hundred: l('十杰百优', 'Ten outstanding and a hundred excellent'),
  members: l('优秀共产党员', 'Outstanding members'),
  other: l('其他评选', 'Other'),
} as const satisfies Record<string, Labelled>;
export type SelectionKind = keyof typeof SELECTION_KINDS;

/** States of a selection. */
export const SELECTION_STATUSES = {
  nominating: l('推荐中', 'Nominating'),
  voting: l('投票中', 'Voting'),
  publicizing: l('公示中', 'Publicized'),
  published: l('已公布', 'Published'),
} as const satisfies Record<string, Labelled>;
export type SelectionStatus = keyof typeof SELECTION_STATUSES;

/** States of a nomination. */
export const NOMINATION_STATUSES = {
  pending: l('待审核', 'Pending'),
  accepted: l('审核通过', 'Accepted'),
  rejected: l('未通过', 'Rejected'),
} as const satisfies Record<string, Labelled>;
export type NominationStatus = keyof typeof NOMINATION_STATUSES;

const Words = (max: number, zh: string, en: string) => Type.String({ maxLength: max, ...labelled(zh, en) });
const Words1 = (max: number, zh: string, en: string) =>
  Type.String({ minLength: 1, maxLength: max, ...labelled(zh, en) });
const Day = (zh: string, en: string) =>
  Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date', examples: ['2026-12-31'], ...labelled(zh, en) });
const Year = (zh = '年度', en = 'Year') => Type.Integer({ minimum: 2000, maximum: 2100, ...labelled(zh, en) });
const RefId = (zh: string, en: string) => Type.Integer({ minimum: 1, maximum: 2_147_483_647, ...labelled(zh, en) });

/** A selection as a list row. */
export const SelectionItem = Type.Object({
  id: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  year: Type.Integer(),
  title: Type.String(),
  kind: KeyOf(SELECTION_KINDS),
  places: Type.Integer(),
  categories: Type.Array(Type.String()),
  nominateFrom: Type.String(),
  nominateTo: Type.String(),
  voteFrom: Type.String(),
  voteTo: Type.String(),
  quotaPerOrg: Type.Integer(),
  maxChoices: Type.Integer(),
  publicizeDays: Type.Integer(),
  status: KeyOf(SELECTION_STATUSES),
  publicizedOn: Nullable(Type.String()),
  publishedOn: Nullable(Type.String()),
  nominees: Type.Integer({ description: 'accepted nominations' }),
  winners: Type.Integer(),
  organizer: Type.Boolean({ description: 'whether the caller organizes it' }),
  ...Stamps,
});
export type SelectionItemT = Static<typeof SelectionItem>;
export const SelectionList = ListOf(SelectionItem);

/** A nomination as the organizer and the nominating organization see it. */
export const Nomination = Type.Object({
  id: Type.Integer(),
  selectionId: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  memberId: Type.Integer(),
  memberName: Type.String(),
  memberOrgName: Type.String(),
  category: Nullable(Type.String()),
  deeds: Type.String(),
  evidence: Nullable(Type.String()),
  status: KeyOf(NOMINATION_STATUSES),
  reviewReason: Nullable(Type.String()),
  winner: Type.Boolean(),
  winnerReason: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type NominationT = Static<typeof Nomination>;

export const SelectionDetail = Type.Composite([
  SelectionItem,
  Type.Object({
    rules: Nullable(Type.String()),
    nominations: Type.Array(Nomination, { description: "the caller's subtree's nominations (all for the organizer)" }),
    /** Published winners (after 公示 starts), for everyone who sees the selection. */
    winnerList: Type.Array(
      Type.Object({ memberName: Type.String(), orgName: Type.String(), category: Nullable(Type.String()) }),
    ),
    events: Type.Array(TimelineEvent),
    actions: AllowedActions,
    canNominate: Type.Boolean(),
    canVote: Type.Boolean(),
    voted: Type.Boolean(),
  }),
]);
export type SelectionDetailT = Static<typeof SelectionDetail>;

export const SelectionListQuery = Type.Object({
  year: Type.Optional(Year()),
  status: Type.Optional(KeyOf(SELECTION_STATUSES)),
  kind: Type.Optional(KeyOf(SELECTION_KINDS)),
  deleted: Type.Optional(Type.Boolean()),
  ...Paging,
});
export type SelectionListQueryT = Static<typeof SelectionListQuery>;

const Categories = Type.Array(Type.String({ minLength: 1, maxLength: 30 }), {
  maxItems: 20,
  uniqueItems: true,
  ...labelled('评选类别', 'Categories'),
});

/** An organizer announces a selection. */
export const SelectionCreate = Body({
  orgId: Type.Optional(RefId('组织单位', 'Organizer')),
  year: Year('评选年度', 'Year'),
  title: Words1(100, '评选名称', 'Title'),
  kind: KeyOf(SELECTION_KINDS, '评选类型'),
  places: Type.Integer({ minimum: 1, maximum: 500, ...labelled('评选名额', 'Places') }),
  categories: Type.Optional(Categories),
  rules: Type.Optional(Nullable(Words(4000, '评选办法', 'Rules'))),
  nominateFrom: Day('推荐开始日期', 'Nominations open'),
  nominateTo: Day('推荐截止日期', 'Nominations close'),
  voteFrom: Day('投票开始日期', 'Voting opens'),
  voteTo: Day('投票截止日期', 'Voting closes'),
  quotaPerOrg: Type.Integer({ minimum: 1, maximum: 50, ...labelled('每个组织推荐名额', 'Quota per organization') }),
  maxChoices: Type.Integer({ minimum: 1, maximum: 100, ...labelled('每票最多可选人数', 'Choices per ballot') }),
  publicizeDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 30, ...labelled('公示天数', 'Days publicized') })),
});
export type SelectionCreateT = Static<typeof SelectionCreate>;

/** An organization nominates a member of its subtree. */
export const NominationCreate = Body({
  memberId: RefId('推荐人选', 'Nominee'),
  category: Type.Optional(Nullable(Words(30, '类别', 'Category'))),
  deeds: Words1(4000, '主要事迹', 'Deeds'),
  evidence: Type.Optional(Nullable(Words(1000, '证明材料', 'Evidence'))),
});
export type NominationCreateT = Static<typeof NominationCreate>;

/** The organizer's review of a nomination; a rejection names its reason. */
export const NominationReview = Body({
  accept: Type.Boolean(labelled('审核结果', 'Accepted')),
  reason: Type.Optional(Nullable(Words(500, '审核意见', 'Reason'))),
});
export type NominationReviewT = Static<typeof NominationReview>;

/** One ballot: up to N accepted nominations. */
export const BallotCast = Body({
  choices: Type.Array(RefId('候选人', 'Candidate'), {
    minItems: 1,
    maxItems: 100,
    uniqueItems: true,
    ...labelled('选择的候选人', 'Choices'),
  }),
});
export type BallotCastT = Static<typeof BallotCast>;

/** The ballot paper as a voter sees it: the candidates, and whether (and how) the caller voted. */
export const Ballot = Type.Object({
  selectionId: Type.Integer(),
  title: Type.String(),
  maxChoices: Type.Integer(),
  voteFrom: Type.String(),
  voteTo: Type.String(),
  open: Type.Boolean(),
  candidates: Type.Array(
    Type.Object({
      id: Type.Integer(),
      memberName: Type.String(),
      orgName: Type.String(),
      category: Nullable(Type.String()),
      deeds: Type.String(),
    }),
  ),
  myChoices: Nullable(Type.Array(Type.Integer())),
  castAt: Nullable(Type.String()),
});
export type BallotT = Static<typeof Ballot>;

/** The live count, for the organizer alone. */
export const SelectionCount = Type.Object({
  selectionId: Type.Integer(),
  ballots: Type.Integer(),
  voters: Type.Integer({ description: 'eligible voters (active accounts of the subtree)' }),
  rows: Type.Array(
    Type.Object({
      nominationId: Type.Integer(),
      memberName: Type.String(),
      orgName: Type.String(),
      category: Nullable(Type.String()),
      votes: Type.Integer(),
      rank: Type.Integer(),
      winner: Type.Boolean(),
    }),
  ),
});
export type SelectionCountT = Static<typeof SelectionCount>;

/** The organizer names the winners; a choice off the count's top N needs its reason. */
export const WinnersBody = Body({
  nominationIds: Type.Array(RefId('当选人', 'Winner'), {
    minItems: 1,
    maxItems: 500,
    uniqueItems: true,
    ...labelled('当选人', 'Winners'),
  }),
  reason: Type.Optional(Nullable(Words(1000, '调整理由', 'Reason for departing from the count'))),
});
export type WinnersBodyT = Static<typeof WinnersBody>;

export const SelectionNote = Body({ note: Type.Optional(Nullable(Words(500, '说明', 'Note'))) });

/** The flow of a selection. */
export const SELECTION_FLOW = defineFlowSpec({
  entityType: 'selection',
  label: l('评选表彰', 'Selection'),
  states: SELECTION_STATUSES,
  actions: {
    open_vote: moveSpec('结束推荐、开始投票', 'Open the vote', 'vote_opened', {
      from: ['nominating'],
      to: 'voting',
      by: ['selections.manage'],
    }),
    publicize: moveSpec('确定当选人并公示', 'Name the winners and publicize', 'publicized', {
      from: ['voting'],
      to: 'publicizing',
      by: ['selections.manage'],
    }),
    publish: moveSpec('公示期满，公布结果', 'Publish the winners', 'published', {
      from: ['publicizing'],
      to: 'published',
      by: ['selections.manage'],
    }),
  },
});
export type SelectionAction = keyof typeof SELECTION_FLOW.actions;

/** 评选表彰情况 of a subtree and year. */
export const SelectionsSummaryQuery = Type.Object({ org: Type.Optional(Id()), year: Year() });
export type SelectionsSummaryQueryT = Static<typeof SelectionsSummaryQuery>;
export const SelectionsSummary = Type.Object({
  orgId: Type.Integer(),
  orgName: Type.String(),
  year: Type.Integer(),
  selections: Type.Integer({ description: 'selections organized in the subtree in the year' }),
  nominees: Type.Integer({ description: 'accepted nominations of members of the subtree' }),
  winners: Type.Integer({ description: 'winners among members of the subtree' }),
});
export type SelectionsSummaryT = Static<typeof SelectionsSummary>;
