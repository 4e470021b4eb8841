/**
 * The learning module's contracts (area life): monthly learning lists and how branches hold them (夜学). The county or
 * a township sets a month's list (1–3 items by the `learning` rule set); it applies to the organizations below the
 * setter. A branch holds an item by linking a meeting of that month already recorded in organizational life, or by
 * recording a study session with its attendees. Members' attendance counts; no study time, views or clicks do.
 */
import { type Static, Type } from '@sinclair/typebox';
import type { Labelled } from '../core/enums.js';
import { labelled } from '../core/fieldLabels.js';
import { Body, Id, KeyOf, ListOf, Nullable, Paging, Stamps } from '../core/schemas.js';

export const LEARNING_MODULE = 'learning' as const;

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** Kinds of learning item (data). */
export const LEARNING_KINDS = {
  theory: l('理论学习', 'Theory'),
  policy: l('政策解读', 'Policy'),
  skills: l('技能培训', 'Skills'),
  rules: l('党规党纪', 'Party rules'),
  cases: l('典型案例', 'Cases'),
} as const satisfies Record<string, Labelled>;
export type LearningKind = keyof typeof LEARNING_KINDS;

/** How a branch held an item: a meeting of organizational life, or a study session of this module. */
export const LEARNING_HOLD_MODES = {
  meeting: l('结合组织生活会议', 'At a meeting'),
  session: l('集中学习', 'Study session'),
} as const satisfies Record<string, Labelled>;
export type LearningHoldMode = keyof typeof LEARNING_HOLD_MODES;

/** The learning rule (rule set `learning`): items a month's list holds at least and at most. */
export const LEARNING_RULE_DEFAULTS = { minItems: 1, maxItems: 3 } as const;
export type LearningRuleKey = keyof typeof LEARNING_RULE_DEFAULTS;
export type LearningRules = { [K in LearningRuleKey]: number };
export const LEARNING_RULE_LABELS: Record<LearningRuleKey, Labelled> = {
  minItems: l('每月学习清单最少条目', 'Fewest items a month'),
  maxItems: l('每月学习清单最多条目', 'Most items a month'),
};
export const LEARNING_RULE_SET_LABEL = l('夜学学习清单', 'Monthly learning lists: the rule');

const Choice = <T extends Record<string, unknown>>(map: T, zh: string, en: string) =>
  Type.Union(
    Object.keys(map).map((k) => Type.Literal(k)),
    labelled(zh, en),
  ) as unknown as ReturnType<typeof KeyOf<T>>;
const Day = (zh: string, en: string) =>
  Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date', examples: ['2026-06-15'], ...labelled(zh, en) });
const Words = (max: number, zh: string, en: string) => Type.String({ maxLength: max, ...labelled(zh, en) });
const Words1 = (max: number, zh: string, en: string) =>
  Type.String({ minLength: 1, maxLength: max, ...labelled(zh, en) });
const Year = () => Type.Integer({ minimum: 2000, maximum: 2100, ...labelled('年度', 'Year') });
const Month = () => Type.Integer({ minimum: 1, maximum: 12, ...labelled('月份', 'Month') });

/** How one organization held an item. */
export const LearningHold = Type.Object({
  id: Type.Integer(),
  itemId: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  mode: KeyOf(LEARNING_HOLD_MODES),
  meetingId: Nullable(Type.Integer()),
  meetingTopic: Nullable(Type.String()),
  heldOn: Type.String(),
  place: Nullable(Type.String()),
  note: Nullable(Type.String()),
  attended: Type.Integer({ description: 'members present (from the meeting or the session)' }),
  attendeeNames: Type.Array(Type.String()),
  deletedAt: Nullable(Type.String()),
});
export type LearningHoldT = Static<typeof LearningHold>;

/** A learning item as a list row. */
export const LearningItem = Type.Object({
  id: Type.Integer(),
  orgId: Type.Integer({ description: 'the setter (county or township)' }),
  orgName: Type.String(),
  year: Type.Integer(),
  month: Type.Integer(),
  topic: Type.String(),
  material: Type.String(),
  link: Nullable(Type.String()),
  kind: KeyOf(LEARNING_KINDS),
  /** For a branch: whether it held the item, and how. */
  ownHold: Nullable(LearningHold),
  ...Stamps,
});
export type LearningItemT = Static<typeof LearningItem>;

/** An item with the holds of the caller's subtree and what the caller may do. */
export const LearningDetail = Type.Composite([
  LearningItem,
  Type.Object({
    holds: Type.Array(LearningHold),
    canEdit: Type.Boolean(),
    canHold: Type.Boolean({ description: 'the caller’s branch is below the setter and has not held it yet' }),
  }),
]);
export type LearningDetailT = Static<typeof LearningDetail>;
export const LearningList = ListOf(LearningItem);

export const LearningListQuery = Type.Object({
  org: Type.Optional(Id()),
  year: Type.Optional(Year()),
  month: Type.Optional(Month()),
  kind: Type.Optional(Choice(LEARNING_KINDS, '学习类别', 'Kind')),
  q: Type.Optional(Type.String({ maxLength: 40 })),
  deleted: Type.Optional(Type.Boolean()),
  ...Paging,
});
export type LearningListQueryT = Static<typeof LearningListQuery>;

/** The county or a township sets an item of a month's list. */
export const LearningCreate = Body({
  year: Year(),
  month: Month(),
  topic: Words1(100, '学习主题', 'Topic'),
  material: Words1(4000, '学习材料', 'Material'),
  link: Type.Optional(Nullable(Words(300, '材料链接', 'Link'))),
  kind: Choice(LEARNING_KINDS, '学习类别', 'Kind'),
});
export type LearningCreateT = Static<typeof LearningCreate>;

export const LearningUpdate = Body({
  topic: Type.Optional(Words1(100, '学习主题', 'Topic')),
  material: Type.Optional(Words1(4000, '学习材料', 'Material')),
  link: Type.Optional(Nullable(Words(300, '材料链接', 'Link'))),
  kind: Type.Optional(Choice(LEARNING_KINDS, '学习类别', 'Kind')),
});
export type LearningUpdateT = Static<typeof LearningUpdate>;

/** A branch holds an item: by a meeting of that month already recorded, or by a study session. */
export const LearningHoldCreate = Body({
  mode: Choice(LEARNING_HOLD_MODES, '落实方式', 'How'),
  meetingId: Type.Optional(
    Nullable(Type.Integer({ minimum: 1, maximum: 2_147_483_647, ...labelled('会议', 'Meeting') })),
  ),
  heldOn: Type.Optional(Nullable(Day('学习日期', 'Held on'))),
  place: Type.Optional(Nullable(Words(60, '学习地点', 'Place'))),
  attendeeIds: Type.Optional(
    Type.Array(Type.Integer({ minimum: 1, maximum: 2_147_483_647 }), {
      maxItems: 500,
      uniqueItems: true,
      ...labelled('参学党员', 'Attendees'),
    }),
  ),
  note: Type.Optional(Nullable(Words(500, '学习情况', 'Note'))),
});
export type LearningHoldCreateT = Static<typeof LearningHoldCreate>;
export const LearningHoldParams = Type.Object({
  id: Id(),
  holdId: Type.Integer({ minimum: 1, maximum: 2_147_483_647, ...labelled('落实登记', 'Holding') }),
});

/** Meetings of the caller's branch an item may be held at (the item's month, already held). */
export const LearningMeetingOption = Type.Object({
  id: Type.Integer(),
  topic: Type.String(),
  kind: Type.String(),
  heldOn: Type.String(),
  present: Type.Integer(),
});
export const LearningMeetingOptions = Type.Object({ items: Type.Array(LearningMeetingOption) });

/** Progress (学习清单落实情况) for the setter: its query and answer. */
export const LearningProgressQuery = Type.Object({
  org: Type.Optional(Id()),
  year: Year(),
  month: Type.Optional(Month()),
});
export type LearningProgressQueryT = Static<typeof LearningProgressQuery>;
const ShareCounts = {
  due: Type.Integer({ description: 'items × organizations they apply to' }),
  held: Type.Integer(),
  heldShare: Type.Number({ description: 'held / due, 0–1' }),
};
export const LearningProgress = Type.Object({
  orgId: Type.Integer(),
  orgName: Type.String(),
  year: Type.Integer(),
  month: Nullable(Type.Integer()),
  itemsSet: Type.Integer(),
  organizations: Type.Integer({ description: 'branches below the root that lists apply to' }),
  ...ShareCounts,
  attendanceShare: Type.Number({ description: 'members present / members of the branches that held, 0–1' }),
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      month: Type.Integer(),
      topic: Type.String(),
      setterName: Type.String(),
      ...ShareCounts,
    }),
  ),
  rows: Type.Array(Type.Object({ orgId: Type.Integer(), orgName: Type.String(), ...ShareCounts })),
  behind: Type.Array(
    Type.Object({
      orgId: Type.Integer(),
      orgName: Type.String(),
      itemId: Type.Integer(),
      topic: Type.String(),
      month: Type.Integer(),
    }),
  ),
});
export type LearningProgressT = Static<typeof LearningProgress>;

/** The member's phone page: this month's items of its branch. */
export const LearningMine = Type.Object({
  year: Type.Integer(),
  month: Type.Integer(),
  orgName: Type.String(),
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      topic: Type.String(),
      material: Type.String(),
      link: Nullable(Type.String()),
      kind: KeyOf(LEARNING_KINDS),
      held: Type.Boolean(),
      heldOn: Nullable(Type.String()),
      attended: Type.Boolean(),
    }),
  ),
});
export type LearningMineT = Static<typeof LearningMine>;
