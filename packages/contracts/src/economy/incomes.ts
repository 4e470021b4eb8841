/**
 * The incomes module's contracts (area economy): yearly collective income of villages and their classes (村集体经济).
 * A village (or its township for it) enters each income of a year with its source and evidence; the township
 * reviews it (submitted → accepted, or returned with the reason and submitted again). Only accepted entries count.
 * A village's class for a year follows the `incomes` rule set (thresholds in fen): 振兴 ≥ 200万, 富裕 ≥ 100万,
 * 小康 ≥ 50万, below that 薄弱村 (seed 004: 1 / 12 / 32 villages, 3,700万 in all).
 */
import { type Static, Type } from '@sinclair/typebox';
import type { Labelled } from '../core/enums.js';
import { labelled } from '../core/fieldLabels.js';
import { Body, Id, KeyOf, ListOf, Nullable, Paging, Stamps } from '../core/schemas.js';
import { AllowedActions, defineFlowSpec, moveSpec, TimelineEvent } from '../core/workflow.js';

export const INCOMES_MODULE = 'incomes' as const;

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** Where a village's collective income comes from (data, not code). */
export const INCOME_SOURCES = {
  resources: l('资源发包', 'Resources contracted out'),
  property: l('物业租赁', 'Property rent'),
  dividends: l('入股分红', 'Dividends of shares'),
  services: l('经营服务', 'Business services'),
  industry: l('产业项目', 'Industry projects'),
  other: l('其他', 'Other'),
} as const satisfies Record<string, Labelled>;
export type IncomeSource = keyof typeof INCOME_SOURCES;

/** States of an income entry: only accepted ones count. */
export const INCOME_STATUSES = {
  submitted: l('待乡镇审核', 'Awaiting review'),
  returned: l('已退回', 'Returned'),
  accepted: l('已审核', 'Accepted'),
} as const satisfies Record<string, Labelled>;
export type IncomeStatus = keyof typeof INCOME_STATUSES;

/** A village's class by its accepted income of a year, highest first. */
export const INCOME_CLASSES = {
  revitalized: l('振兴村', 'Revitalized'),
  prosperous: l('富裕村', 'Prosperous'),
  comfortable: l('小康村', 'Comfortable'),
  weak: l('薄弱村', 'Weak'),
} as const satisfies Record<string, Labelled>;
export type IncomeClass = keyof typeof INCOME_CLASSES;
/** The classes from the highest down (a move up the list is a class gained). */
export const INCOME_CLASS_ORDER: readonly IncomeClass[] = ['revitalized', 'prosperous', 'comfortable', 'weak'];

/** The `incomes` rule set: the class thresholds in fen (振兴 200万, 富裕 100万, 小康 50万 元). */
export const INCOMES_RULE_DEFAULTS = {
  revitalizedFen: 200_0000_00,
  prosperousFen: 100_0000_00,
  comfortableFen: 50_0000_00,
} as const;
export type IncomesRuleKey = keyof typeof INCOMES_RULE_DEFAULTS;
export type IncomesRules = { [K in IncomesRuleKey]: number };
export const INCOMES_RULE_LABELS: Record<IncomesRuleKey, Labelled> = {
  revitalizedFen: l('振兴村收入下限（分）', 'Revitalized from (fen)'),
  prosperousFen: l('富裕村收入下限（分）', 'Prosperous from (fen)'),
  comfortableFen: l('小康村收入下限（分）', 'Comfortable from (fen)'),
};
export const INCOMES_RULE_SET_LABEL = l('村集体经济分类', 'Village collective income classes');

/** The class of a year's total by the thresholds: at a threshold exactly, the higher class. */
export function incomeClassOf(totalFen: number, rules: IncomesRules): IncomeClass {
  if (totalFen >= rules.revitalizedFen) return 'revitalized';
  if (totalFen >= rules.prosperousFen) return 'prosperous';
  if (totalFen >= rules.comfortableFen) return 'comfortable';
  return 'weak';
}

/** Largest amount of one entry, in fen (2,000万元; an int4 column on both engines). */
export const INCOME_MAX_FEN = 2_000_000_000;

const Words = (max: number, zh: string, en: string) => Type.String({ maxLength: max, ...labelled(zh, en) });
const Words1 = (max: number, zh: string, en: string) =>
  Type.String({ minLength: 1, maxLength: max, ...labelled(zh, en) });
const Year = (zh = '年度', en = 'Year') => Type.Integer({ minimum: 2000, maximum: 2100, ...labelled(zh, en) });

/** An income entry as a list row. */
export const IncomeItem = Type.Object({
  id: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String({ description: "the village's place name" }),
  townshipName: Nullable(Type.String()),
  year: Type.Integer(),
  source: KeyOf(INCOME_SOURCES),
  amountFen: Type.Integer(),
  note: Nullable(Type.String()),
  evidence: Nullable(Type.String()),
  status: KeyOf(INCOME_STATUSES),
  returnReason: Nullable(Type.String()),
  reviewedOn: Nullable(Type.String()),
  photoCount: Type.Integer(),
  ...Stamps,
});
export type IncomeItemT = Static<typeof IncomeItem>;

/** An entry with its photos, timeline and the moves the caller may make. */
export const IncomeDetail = Type.Composite([
  IncomeItem,
  Type.Object({
    photos: Type.Array(Type.Object({ id: Type.Integer(), url: Type.String() })),
    events: Type.Array(TimelineEvent),
    actions: AllowedActions,
    canEdit: Type.Boolean(),
  }),
]);
export type IncomeDetailT = Static<typeof IncomeDetail>;
export const IncomeList = ListOf(IncomeItem);

export const IncomeListQuery = Type.Object({
  org: Type.Optional(Id()),
  q: Type.Optional(Type.String({ maxLength: 40 })),
  year: Type.Optional(Year()),
  source: Type.Optional(KeyOf(INCOME_SOURCES)),
  status: Type.Optional(KeyOf(INCOME_STATUSES)),
  deleted: Type.Optional(Type.Boolean()),
  ...Paging,
});
export type IncomeListQueryT = Static<typeof IncomeListQuery>;

/** A new income entry: submitted for the township's review at once. */
export const IncomeCreate = Body({
  orgId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647, ...labelled('村', 'Village') })),
  year: Year(),
  source: KeyOf(INCOME_SOURCES),
  amountFen: Type.Integer({ minimum: 1, maximum: INCOME_MAX_FEN, ...labelled('金额', 'Amount') }),
  note: Type.Optional(Nullable(Words(500, '说明', 'Note'))),
  evidence: Type.Optional(Nullable(Words(1000, '佐证材料', 'Evidence'))),
});
export type IncomeCreateT = Static<typeof IncomeCreate>;

/** Changes a submitted or returned entry (before the township accepts it). */
export const IncomeUpdate = Body({
  source: Type.Optional(KeyOf(INCOME_SOURCES)),
  amountFen: Type.Optional(Type.Integer({ minimum: 1, maximum: INCOME_MAX_FEN, ...labelled('金额', 'Amount') })),
  note: Type.Optional(Nullable(Words(500, '说明', 'Note'))),
  evidence: Type.Optional(Nullable(Words(1000, '佐证材料', 'Evidence'))),
});
export type IncomeUpdateT = Static<typeof IncomeUpdate>;

export const IncomeNote = Body({ note: Type.Optional(Nullable(Words(500, '审核意见', 'Note'))) });
export const IncomeReason = Body({ reason: Words1(500, '退回原因', 'Reason') });

/** The flow: submitted → accepted (counts) or returned with the reason → submitted again. */
export const INCOME_FLOW = defineFlowSpec({
  entityType: 'income',
  label: l('集体经济收入', 'Collective income'),
  states: INCOME_STATUSES,
  actions: {
    create: moveSpec('填报收入', 'Enter', 'created', { from: [], to: 'submitted', by: ['incomes.write'] }),
    accept: moveSpec('审核通过', 'Accept', 'accepted', {
      from: ['submitted'],
      to: 'accepted',
      by: ['incomes.review'],
    }),
    return: moveSpec('退回修改', 'Return', 'returned', {
      from: ['submitted'],
      to: 'returned',
      by: ['incomes.review'],
      required: ['reason'],
    }),
    resubmit: moveSpec('重新提交', 'Submit again', 'resubmitted', {
      from: ['returned'],
      to: 'submitted',
      by: ['incomes.write'],
    }),
    reopen: moveSpec('撤销审核', 'Reopen', 'reopened', {
      from: ['accepted'],
      to: 'submitted',
      by: ['incomes.review'],
      required: ['reason'],
    }),
  },
});
export type IncomeAction = keyof typeof INCOME_FLOW.actions;
/** Timeline words of entries that are not moves. */
export const INCOME_EVENTS = {
  photo: l('上传佐证照片', 'Photo'),
  updated: l('修改收入', 'Changed'),
} as const satisfies Record<string, Labelled>;

/** The classes page's query: a subtree and a year. */
export const IncomeClassesQuery = Type.Object({
  org: Type.Optional(Id()),
  year: Type.Optional(Year()),
});
export type IncomeClassesQueryT = Static<typeof IncomeClassesQuery>;

const ClassCounts = Type.Object({
  revitalized: Type.Integer(),
  prosperous: Type.Integer(),
  comfortable: Type.Integer(),
  weak: Type.Integer(),
});
export type IncomeClassCountsT = Static<typeof ClassCounts>;

/** One village's year: its accepted total, class, last year's total and class, and the move. */
export const IncomeVillageClass = Type.Object({
  orgId: Type.Integer(),
  orgName: Type.String(),
  townshipName: Nullable(Type.String()),
  totalFen: Type.Integer(),
  class: KeyOf(INCOME_CLASSES),
  lastTotalFen: Type.Integer(),
  lastClass: KeyOf(INCOME_CLASSES),
  changeFen: Type.Integer(),
  /** 1 up, -1 down, 0 the same class. */
  move: Type.Integer({ minimum: -1, maximum: 1 }),
});
export type IncomeVillageClassT = Static<typeof IncomeVillageClass>;

/** Counts per class, the total and the change from last year of a group of villages. */
export const IncomeRollup = Type.Object({
  villages: Type.Integer(),
  counts: ClassCounts,
  lastCounts: ClassCounts,
  totalFen: Type.Integer(),
  lastTotalFen: Type.Integer(),
  changeFen: Type.Integer(),
  up: Type.Integer(),
  down: Type.Integer(),
});
export type IncomeRollupT = Static<typeof IncomeRollup>;

/** 村集体经济分类 of a subtree and year: the whole, each child organization, each village. */
export const IncomeClasses = Type.Object({
  orgId: Type.Integer(),
  orgName: Type.String(),
  year: Type.Integer(),
  thresholds: Type.Object({
    revitalizedFen: Type.Integer(),
    prosperousFen: Type.Integer(),
    comfortableFen: Type.Integer(),
  }),
  total: IncomeRollup,
  children: Type.Array(Type.Object({ orgId: Type.Integer(), orgName: Type.String(), rollup: IncomeRollup })),
  villages: Type.Array(IncomeVillageClass),
});
export type IncomeClassesT = Static<typeof IncomeClasses>;
