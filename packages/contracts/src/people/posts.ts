/**
 * The posts module's contracts (area people): posts defined for members and who holds them (设岗定责, 党员先锋岗).
 * A branch defines its posts (name, kind, duties, capacity) and gives members a post for a period; a post held ends
 * with a reason. Coverage: the live members of an organization (not flowing out) holding a post, out of all of them.
 */
import { type Static, Type } from '@sinclair/typebox';
import type { Labelled } from '../core/enums.js';
import { labelled } from '../core/fieldLabels.js';
import { Body, Id, KeyOf, ListOf, Nullable, Paging, Stamps } from '../core/schemas.js';

export const POSTS_MODULE = 'posts' as const;

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** The kinds of post a branch sets (data: a county's usual ones). */
export const POST_KINDS = {
  policy: l('政策宣传岗', 'Policy outreach'),
  environment: l('环境整治岗', 'Environment'),
  mediation: l('矛盾调解岗', 'Dispute mediation'),
  industry: l('产业服务岗', 'Industry services'),
  care: l('关爱帮扶岗', 'Care and help'),
  pioneer: l('党员先锋岗', 'Pioneer post'),
  safety: l('平安巡逻岗', 'Safety patrol'),
  other: l('其他岗位', 'Other'),
} as const satisfies Record<string, Labelled>;
export type PostKind = keyof typeof POST_KINDS;

/** A choice among an enum's keys, with its name in words (the form's label of a refusal). */
const Choice = <T extends Record<string, unknown>>(map: T, zh: string, en: string) =>
  Type.Union(
    Object.keys(map).map((k) => Type.Literal(k)),
    labelled(zh, en),
  ) as unknown as ReturnType<typeof KeyOf<T>>;
const Day = (zh: string, en: string) =>
  Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date', examples: ['2026-06-15'], ...labelled(zh, en) });
const Words1 = (max: number, zh: string, en: string) =>
  Type.String({ minLength: 1, maxLength: max, ...labelled(zh, en) });

/** One member holding (or having held) a post. */
export const PostHolder = Type.Object({
  id: Type.Integer(),
  memberId: Type.Integer(),
  memberName: Type.String(),
  startedOn: Type.String(),
  endedOn: Nullable(Type.String()),
  endReason: Nullable(Type.String()),
});
export type PostHolderT = Static<typeof PostHolder>;

/** A post as a list row. */
export const PostItem = Type.Object({
  id: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  name: Type.String(),
  kind: KeyOf(POST_KINDS),
  duties: Type.String(),
  capacity: Nullable(Type.Integer()),
  holders: Type.Integer({ description: 'members holding it now' }),
  holderNames: Type.Array(Type.String()),
  ...Stamps,
});
export type PostItemT = Static<typeof PostItem>;

/** A post with its holders, past and present, and whether the caller may change it. */
export const PostDetail = Type.Composite([
  PostItem,
  Type.Object({ history: Type.Array(PostHolder), canEdit: Type.Boolean() }),
]);
export type PostDetailT = Static<typeof PostDetail>;
export const PostList = ListOf(PostItem);

export const PostListQuery = Type.Object({
  org: Type.Optional(Id()),
  q: Type.Optional(Type.String({ maxLength: 40 })),
  kind: Type.Optional(Choice(POST_KINDS, '岗位类别', 'Kind')),
  deleted: Type.Optional(Type.Boolean()),
  ...Paging,
});
export type PostListQueryT = Static<typeof PostListQuery>;

/** A branch defines a post of its own. */
export const PostCreate = Body({
  name: Words1(40, '岗位名称', 'Post name'),
  kind: Choice(POST_KINDS, '岗位类别', 'Kind'),
  duties: Words1(1000, '岗位职责', 'Duties'),
  capacity: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 500, ...labelled('设岗人数', 'Capacity') }))),
});
export type PostCreateT = Static<typeof PostCreate>;

/** Changes a post's name, kind, duties or capacity. */
export const PostUpdate = Body({
  name: Type.Optional(Words1(40, '岗位名称', 'Post name')),
  kind: Type.Optional(Choice(POST_KINDS, '岗位类别', 'Kind')),
  duties: Type.Optional(Words1(1000, '岗位职责', 'Duties')),
  capacity: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 500, ...labelled('设岗人数', 'Capacity') }))),
});
export type PostUpdateT = Static<typeof PostUpdate>;

/** Gives a member of the post's organization the post from a day. */
export const PostAssign = Body({
  memberId: Type.Integer({ minimum: 1, maximum: 2_147_483_647, ...labelled('党员', 'Member') }),
  startedOn: Type.Optional(Day('上岗日期', 'From')),
});
export type PostAssignT = Static<typeof PostAssign>;

/** Ends a member's holding of a post, with the reason. */
export const PostEnd = Body({
  endedOn: Type.Optional(Day('离岗日期', 'Until')),
  reason: Words1(200, '离岗原因', 'Reason'),
});
export type PostEndT = Static<typeof PostEnd>;

export const PostHolderParams = Type.Object({
  id: Id(),
  holderId: Type.Integer({ minimum: 1, maximum: 2_147_483_647, ...labelled('上岗记录', 'Holding') }),
});

/** Coverage (岗位覆盖) of a subtree: its query and answer. */
export const PostCoverageQuery = Type.Object({
  org: Type.Optional(Id()),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100, ...labelled('年度', 'Year') })),
});
export type PostCoverageQueryT = Static<typeof PostCoverageQuery>;
const CoverageCounts = {
  members: Type.Integer({ description: 'live members, not flowing out' }),
  covered: Type.Integer({ description: 'of them holding a post' }),
  share: Type.Number({ description: 'covered / members, 0–1' }),
};
export const PostCoverage = Type.Object({
  orgId: Type.Integer(),
  orgName: Type.String(),
  on: Type.String({ description: 'the day counted (the year’s end or today)' }),
  ...CoverageCounts,
  posts: Type.Integer({ description: 'live posts defined' }),
  byKind: Type.Array(Type.Object({ kind: KeyOf(POST_KINDS), posts: Type.Integer(), holders: Type.Integer() })),
  rows: Type.Array(Type.Object({ orgId: Type.Integer(), orgName: Type.String(), ...CoverageCounts })),
});
export type PostCoverageT = Static<typeof PostCoverage>;

/** Members without a post (the list with one click to give one). */
export const UncoveredQuery = Type.Object({
  org: Type.Optional(Id()),
  q: Type.Optional(Type.String({ maxLength: 40 })),
  ...Paging,
});
export type UncoveredQueryT = Static<typeof UncoveredQuery>;
export const UncoveredMember = Type.Object({
  memberId: Type.Integer(),
  name: Type.String(),
  orgId: Type.Integer(),
  orgName: Type.String(),
});
export const UncoveredList = ListOf(UncoveredMember);
export type UncoveredMemberT = Static<typeof UncoveredMember>;
