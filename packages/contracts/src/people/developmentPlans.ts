/**
 * The annual guiding plan of member development (指导性发展计划): quotas per organization and year, the plan's
 * figures, the quarterly supervision list and the marks a badly developing organization receives. Its capability,
 * error codes and audit words are here too, gathered in `modules.ts` beside the development module's own.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Body, Id, KeyOf, ListOf, Nullable, Paging } from '../core/schemas.js';
import { capability as cap, type CapabilityDef, type Labelled } from '../core/enums.js';
import { labelled } from '../core/fieldLabels.js';

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** How an organization stands against its plan. */
export const PLAN_STATUSES = {
  no_plan: l('未下达计划', 'No plan'),
  on_track: l('按计划推进', 'On track'),
  behind: l('进度滞后', 'Behind'),
  over: l('超计划发展', 'Over the quota'),
  done: l('已完成计划', 'Plan fulfilled'),
} as const satisfies Record<string, Labelled>;
export type PlanStatus = keyof typeof PLAN_STATUSES;

/** The problems the quarterly supervision lists. */
export const SUPERVISION_KINDS = {
  behind: l('进度滞后', 'Behind the plan'),
  over: l('超计划发展', 'Over the quota'),
  outside: l('计划外发展', 'Developed outside the plan'),
  files_missing: l('档案材料缺失', 'Files missing'),
} as const satisfies Record<string, Labelled>;
export type SupervisionKind = keyof typeof SUPERVISION_KINDS;

/** The capability of the plan: set quotas of the subtree, mark organizations after supervision. */
export const DEVELOPMENT_PLANS_CAPABILITIES = {
  'development.plan': cap('下达发展计划、督查标记', 'Set development plans, mark after supervision', [
    'county_admin',
    'township_admin',
  ]),
} as const satisfies Record<string, CapabilityDef>;

/** Error codes of the plan. */
export const DEVELOPMENT_PLANS_ERRORS = {
  'development.plan_over_parent': l(
    '下级计划数合计超过上级下达的计划数',
    "The children's quotas add up to more than the parent's quota",
  ),
  'development.plan_below_children': l(
    '计划数少于已分解到下级的合计',
    'The quota is less than what is already split to the organizations below',
  ),
  'development.plan_own_org': l(
    '本级的计划由上级党委下达，不能自行设置',
    "An organization's own quota is set by the committee above it",
  ),
  'development.plan_org_twice': l('同一组织在一次提交中出现了两次', 'The same organization appears twice'),
  'development.mark_exists': l('该组织本年度已被标记', 'The organization is already marked for this year'),
  'development.mark_own_org': l('不能标记本级组织', 'An organization cannot mark itself'),
  'development.mark_undone': l('该标记已撤销', 'The mark is already undone'),
} as const satisfies Record<string, Labelled>;

/** Audit actions of the plan. */
export const DEVELOPMENT_PLANS_AUDIT_ACTIONS = {
  'development_plan.set': l('下达发展计划', 'Set a development quota'),
  'development_plan.remove': l('撤销发展计划', 'Remove a development quota'),
  'development_mark.create': l('督查标记组织（取消评优资格、约谈书记）', 'Mark an organization after supervision'),
  'development_mark.undo': l('撤销督查标记', 'Undo a supervision mark'),
} as const satisfies Record<string, Labelled>;

/** Audit entity types of the plan. */
export const DEVELOPMENT_PLANS_AUDIT_ENTITIES = {
  development_plan: l('发展计划', 'Development quota'),
  development_mark: l('督查标记', 'Supervision mark'),
} as const satisfies Record<string, Labelled>;

/** A plan's year. */
export const PlanYear = Type.Integer({ minimum: 2000, maximum: 2100, ...labelled('年度', 'Year') });
const PlanQuota = Type.Integer({ minimum: 0, maximum: 100_000, ...labelled('计划数', 'Quota') });
const OrgId = Id();

/** One organization's quota for a year. */
export const DevelopmentPlan = Type.Object({
  id: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  parentId: Nullable(Type.Integer()),
  year: Type.Integer(),
  quota: Type.Integer(),
  /** What its children's plans add up to. */
  allocated: Type.Integer(),
  note: Nullable(Type.String()),
  updatedAt: Type.String(),
});
export type DevelopmentPlanT = Static<typeof DevelopmentPlan>;
export const DevelopmentPlanList = ListOf(DevelopmentPlan);
export const DevelopmentPlanQuery = Type.Object({
  year: PlanYear,
  org: Type.Optional(Id()),
  ...Paging,
});

/** One quota set: `quota: null` removes the organization's plan. */
export const DevelopmentPlanEntry = Body({
  org: { ...OrgId, ...labelled('组织', 'Organization') },
  quota: Nullable(PlanQuota),
  note: Type.Optional(Nullable(Type.String({ maxLength: 200, ...labelled('说明', 'Note') }))),
});
export const DevelopmentPlanPut = Body({
  year: PlanYear,
  items: Type.Array(DevelopmentPlanEntry, { minItems: 1, maxItems: 500, ...labelled('计划', 'Quotas') }),
});
export type DevelopmentPlanPutT = Static<typeof DevelopmentPlanPut>;

/** One row of the plan's figures: an organization against its quota. */
export const PlanFigureRow = Type.Object({
  orgId: Type.Integer(),
  orgName: Type.String(),
  quota: Nullable(Type.Integer()),
  allocated: Type.Integer(),
  admitted: Type.Integer(),
  remaining: Type.Integer(),
  /** What it should have admitted by the end of the completed quarters (quota × quarter / 4). */
  expected: Type.Integer(),
  outsidePlan: Type.Integer(),
  /** Development targets (发展对象) in the subtree now: the pipeline the quota is filled from. */
  targets: Type.Integer(),
  status: KeyOf(PLAN_STATUSES),
});
export type PlanFigureRowT = Static<typeof PlanFigureRow>;
export const PlanFigures = Type.Object({
  org: Type.Object({ id: Type.Integer(), name: Type.String() }),
  year: Type.Integer(),
  /** Quarters of the year completed (4 for a past year): `expected` is quota × quarter / 4. */
  quarter: Type.Integer(),
  total: PlanFigureRow,
  byOrg: Type.Array(PlanFigureRow),
  monthly: Type.Array(Type.Object({ month: Type.String(), admitted: Type.Integer() })),
});
export type PlanFiguresT = Static<typeof PlanFigures>;
export const PlanFiguresQuery = Type.Object({ org: Type.Optional(Id()), year: Type.Optional(PlanYear) });

/** A supervision mark: the organization loses its award eligibility for the year, its secretary is called in. */
export const DevelopmentMark = Type.Object({
  id: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  year: Type.Integer(),
  reason: Type.String(),
  secretaryName: Nullable(Type.String()),
  markedBy: Type.String(),
  createdAt: Type.String(),
  undoneAt: Nullable(Type.String()),
  undoReason: Nullable(Type.String()),
});
export type DevelopmentMarkT = Static<typeof DevelopmentMark>;
export const DevelopmentMarkList = ListOf(DevelopmentMark);
export const DevelopmentMarkQuery = Type.Object({
  year: PlanYear,
  org: Type.Optional(Id()),
  undone: Type.Optional(Type.Boolean({ ...labelled('含已撤销', 'Include undone') })),
  ...Paging,
});
const Reason = Type.String({ minLength: 2, maxLength: 500, ...labelled('理由', 'Reason') });
export const DevelopmentMarkCreate = Body({
  org: { ...OrgId, ...labelled('组织', 'Organization') },
  year: PlanYear,
  reason: Reason,
});
export const DevelopmentMarkUndo = Body({ reason: Reason });

/** One organization of the quarterly supervision list, with every problem found. */
export const SupervisionItem = Type.Object({
  orgId: Type.Integer(),
  orgName: Type.String(),
  parentName: Nullable(Type.String()),
  kinds: Type.Array(KeyOf(SUPERVISION_KINDS)),
  quota: Nullable(Type.Integer()),
  admitted: Type.Integer(),
  expected: Type.Integer(),
  outsidePlan: Type.Integer(),
  filesMissing: Type.Integer(),
  mark: Nullable(DevelopmentMark),
});
export type SupervisionItemT = Static<typeof SupervisionItem>;
export const Supervision = Type.Object({
  year: Type.Integer(),
  quarter: Type.Integer(),
  items: Type.Array(SupervisionItem),
  total: Type.Integer(),
});
export type SupervisionT = Static<typeof Supervision>;
export const SupervisionQuery = Type.Object({
  year: PlanYear,
  quarter: Type.Integer({ minimum: 1, maximum: 4, ...labelled('季度', 'Quarter') }),
  org: Type.Optional(Id()),
});
