/**
 * The supervision overview's contracts (督查总览, area supervision): seed 000's list of a year's supervision work —
 * problems collected and rectified, notices, inspections, bulletins, units and persons criticised, persons punished,
 * tasks, weak organizations — for any subtree and period, read from the modules' own figures; and the supervision
 * part of the homes (what waits on a county or township below it, and a branch's own to-do).
 */
import { type Static, Type } from '@sinclair/typebox';
import { capability as cap, type CapabilityDef, type Labelled } from '../core/enums.js';
import { DateString, Id, Nullable } from '../core/schemas.js';

/** The overview module's name (its folder on each side). */
export const OVERVIEW_MODULE = 'overview' as const;

/** Its capability: the county and the townships read the overview of their subtree. */
export const OVERVIEW_CAPABILITIES = {
  'overview.read': cap('查看督查总览', 'View the supervision overview', ['county_admin', 'township_admin']),
} as const satisfies Record<string, CapabilityDef>;

/** Its error codes, zh/en. */
export const OVERVIEW_ERRORS = {
  'overview.period_reversed': { zh: '截止日期不能早于开始日期', en: 'The last day cannot be before the first day' },
} as const satisfies Record<string, Labelled>;

/** `GET /api/supervision/overview`: a subtree (default the caller's organization) and a period (default this year). */
export const OverviewQuery = Type.Object({
  org: Type.Optional(Id('narrow to this organization of my subtree')),
  from: Type.Optional(DateString('first day of the period (default 1 January of this year)')),
  to: Type.Optional(DateString('last day of the period (default today)')),
});
export type OverviewQueryT = Static<typeof OverviewQuery>;

const Count = (description: string) => Type.Integer({ minimum: 0, description });

/** The counts of one subtree over the period, each read from its module's figure. */
export const OverviewCounts = Type.Object({
  problems: Count('problems found in the period (问题，all sources)'),
  rectified: Count('of those, rectified and closed (销号)'),
  overdueProblems: Count('problems past their due day and not closed, now'),
  notices: Count('rectification notices issued (交办单)'),
  inspections: Count('inspections held in the period (督查检查)'),
  bulletins: Count('bulletins issued in the period (通报、简报)'),
  unitsCriticised: Count('organizations publicly criticised (通报批评的单位)'),
  personsCriticised: Count('persons publicly criticised (通报批评的个人)'),
  punished: Count('persons punished (处分)'),
  accountability: Count('accountability records of every kind (问责)'),
  tasksIssued: Count('tasks issued in the period (下发任务)'),
  tasksCompleted: Count('task targets completed (任务完成)'),
  tasksOverdue: Count('task targets overdue (任务逾期)'),
  weakFlagged: Count('weak organizations flagged in the period (软弱涣散，排查)'),
  weakReleased: Count('weak organizations released in the period (整顿销号)'),
});
export type OverviewCountsT = Static<typeof OverviewCounts>;

/** One organization right below the subtree's root, with its counts. */
export const OverviewRow = Type.Composite([
  Type.Object({ orgId: Type.Integer(), orgName: Type.String(), orgType: Type.String() }),
  OverviewCounts,
]);
export type OverviewRowT = Static<typeof OverviewRow>;

/** A count under a key with its words (a problem category is data: its words travel with it). */
export const OverviewKeyCount = Type.Object({
  key: Type.String(),
  label: Type.Object({ zh: Type.String(), en: Type.String() }),
  count: Type.Integer({ minimum: 0 }),
});
export type OverviewKeyCountT = Static<typeof OverviewKeyCount>;

/** 督查总览: the subtree's counts, broken down by category and kind, and the same counts per organization below. */
export const Overview = Type.Object({
  orgId: Type.Integer(),
  orgName: Type.String(),
  from: DateString(),
  to: DateString(),
  total: OverviewCounts,
  problemsByCategory: Type.Array(OverviewKeyCount),
  inspectionsByKind: Type.Array(OverviewKeyCount),
  accountabilityByKind: Type.Array(OverviewKeyCount),
  rows: Type.Array(OverviewRow, { description: 'each organization right below the root' }),
});
export type OverviewT = Static<typeof Overview>;

// ---- the supervision part of the homes ----

/** The supervision part of a county's or township's home: what is late or waits below it, now. */
export const HomeSupervision = Type.Object({
  tasksOverdue: Count('task targets of the subtree past their due day and not done'),
  tasksToReport: Count("task targets of the caller's own organization still to report (pending or returned)"),
  problemsOpen: Count('problems of the subtree not closed'),
  problemsOverdue: Count('of those, past their due day'),
  problemsAwaiting: Count('rectification claimed, awaiting verification'),
  problemsToRectify: Count('assigned or being rectified: the responsible organization has to act'),
  weakRectifying: Count('weak organizations in rectification (flagged, rectifying, accepting)'),
  weakCheckupsDue: Count("weak organizations' files with no check-up this month"),
  items: Type.Array(
    Type.Object({
      kind: Type.Union([Type.Literal('task'), Type.Literal('problem'), Type.Literal('weak_org')]),
      id: Type.Integer(),
      title: Type.String(),
      orgName: Type.String(),
      dueOn: Nullable(DateString()),
      overdue: Type.Boolean(),
    }),
    { description: 'the first few rows waiting: overdue first' },
  ),
});
export type HomeSupervisionT = Static<typeof HomeSupervision>;
