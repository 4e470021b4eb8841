/**
 * The bulletins module's contracts (area supervision): bulletins generated from the records (季度通报, 工作简报,
 * 专项通报). A bulletin covers a subtree and a period; its sections are computed from the figures catalogue and
 * every number carries its source (the figure, its arguments, the data versions, the list it counts). A draft is
 * regenerated and edited; issuing freezes the whole content and numbers it per issuing organization and year.
 */
import { type Static, Type } from '@sinclair/typebox';
import type { Labelled } from '../core/enums.js';
import { labelled } from '../core/fieldLabels.js';
import { Body, DateString, Id, KeyOf, ListOf, Nullable, Paging, Stamps } from '../core/schemas.js';

export const BULLETINS_MODULE = 'bulletins' as const;

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** Kinds of bulletin. */
export const BULLETIN_KINDS = {
  quarterly: l('季度通报', 'Quarterly bulletin'),
  briefing: l('工作简报', 'Work briefing'),
  special: l('专项通报', 'Special bulletin'),
} as const satisfies Record<string, Labelled>;
export type BulletinKind = keyof typeof BULLETIN_KINDS;

/** States of a bulletin: a draft is regenerated and edited; an issued one is frozen; a withdrawn one keeps its text. */
export const BULLETIN_STATUSES = {
  draft: l('草稿', 'Draft'),
  issued: l('已印发', 'Issued'),
  withdrawn: l('已撤回', 'Withdrawn'),
} as const satisfies Record<string, Labelled>;
export type BulletinStatus = keyof typeof BULLETIN_STATUSES;

/** The sections a bulletin is made of, in their default order (star ratings come with issue 12). */
export const BULLETIN_SECTIONS = {
  meetings: l('组织生活落实情况', 'Organizational life'),
  development: l('发展党员计划执行情况', 'Member development against the plan'),
  dues: l('党费收缴情况', 'Party dues'),
  residents: l('为民服务情况', 'Service to residents'),
  tasks: l('工作任务落实情况', 'Tasks'),
  inspections: l('督查检查情况', 'Inspections'),
  problems: l('问题整改情况', 'Problems and rectification'),
  weakOrgs: l('软弱涣散党组织整顿情况', 'Weak and lax organizations'),
  accountability: l('问责情况', 'Accountability'),
  ranking: l('下级党组织排名', 'Ranking of the organizations below'),
} as const satisfies Record<string, Labelled>;
export type BulletinSectionKey = keyof typeof BULLETIN_SECTIONS;
export const BULLETIN_SECTION_KEYS = Object.keys(BULLETIN_SECTIONS) as BulletinSectionKey[];

/** How a number reads: a rate (0–1, shown as a percentage), a count, an amount in 元, days. */
export const BULLETIN_UNITS = {
  rate: l('%', '%'),
  count: l('', ''),
  yuan: l('元', 'yuan'),
  days: l('天', 'days'),
} as const satisfies Record<string, Labelled>;

const Words = Type.Object({ zh: Type.String(), en: Type.String() });

/** Where a number comes from: the figure and its arguments, the data versions it was computed at, its list. */
export const BulletinTrace = Type.Object({
  figure: Type.String({ description: 'the figure key in the catalogue' }),
  figureName: Words,
  args: Type.Record(Type.String(), Type.Unknown()),
  versions: Type.Record(Type.String(), Type.Integer()),
  /** The web page listing what the number counts (a path with its query). */
  link: Nullable(Type.String()),
  /** For short lists (who is behind): the record ids. */
  ids: Type.Optional(Type.Array(Type.Integer())),
});
export type BulletinTraceT = Static<typeof BulletinTrace>;

/** One number of a section, with its source. */
export const BulletinFigure = Type.Object({
  key: Type.String(),
  label: Words,
  value: Nullable(Type.Number()),
  unit: KeyOf(BULLETIN_UNITS),
  trace: BulletinTrace,
});
export type BulletinFigureT = Static<typeof BulletinFigure>;

/** A table of a section: its columns in words and its rows (a row may link to its list). */
export const BulletinTable = Type.Object({
  key: Type.String(),
  title: Words,
  columns: Type.Array(Type.Object({ key: Type.String(), label: Words, unit: Type.Optional(KeyOf(BULLETIN_UNITS)) })),
  rows: Type.Array(
    Type.Object({
      cells: Type.Record(Type.String(), Type.Union([Type.Null(), Type.String(), Type.Number()])),
      link: Type.Optional(Nullable(Type.String())),
      ids: Type.Optional(Type.Array(Type.Integer())),
    }),
  ),
  trace: BulletinTrace,
});
export type BulletinTableT = Static<typeof BulletinTable>;

/** One section: its numbers and tables, or, when its figure is not available, why (in words). */
export const BulletinSection = Type.Object({
  key: KeyOf(BULLETIN_SECTIONS),
  title: Words,
  available: Type.Boolean(),
  /** A sentence summing the section up, or why there is no data. */
  text: Words,
  figures: Type.Array(BulletinFigure),
  tables: Type.Array(BulletinTable),
});
export type BulletinSectionT = Static<typeof BulletinSection>;

/** The whole computed content of a bulletin: frozen as it is when the bulletin is issued. */
export const BulletinContent = Type.Object({
  orgName: Type.String(),
  periodLabel: Type.String(),
  from: Type.String(),
  to: Type.String(),
  computedAt: Type.String(),
  sections: Type.Array(BulletinSection),
});
export type BulletinContentT = Static<typeof BulletinContent>;

/** What a caller may do with a bulletin now. */
export const BULLETIN_ACTIONS = {
  edit: l('编辑', 'Edit'),
  regenerate: l('重新生成', 'Regenerate'),
  issue: l('印发', 'Issue'),
  withdraw: l('撤回', 'Withdraw'),
  delete: l('删除', 'Delete'),
  restore: l('恢复', 'Restore'),
} as const satisfies Record<string, Labelled>;
export type BulletinAction = keyof typeof BULLETIN_ACTIONS;

/** A bulletin in a list. */
export const BulletinItem = Type.Object({
  id: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  issuerOrgId: Type.Integer(),
  issuerName: Type.String(),
  kind: KeyOf(BULLETIN_KINDS),
  status: KeyOf(BULLETIN_STATUSES),
  title: Type.String(),
  periodLabel: Type.String(),
  from: Type.String(),
  to: Type.String(),
  year: Nullable(Type.Integer()),
  seq: Nullable(Type.Integer()),
  /** `2026年第3期` once issued. */
  numberLabel: Nullable(Type.String()),
  issuedAt: Nullable(Type.String()),
  issuedByName: Nullable(Type.String()),
  withdrawnAt: Nullable(Type.String()),
  withdrawReason: Nullable(Type.String()),
  ...Stamps,
});
export type BulletinItemT = Static<typeof BulletinItem>;
export const BulletinList = ListOf(BulletinItem);

/** A bulletin with its text, its section order, its content and what the caller may do. */
export const BulletinDetail = Type.Object({
  ...BulletinItem.properties,
  foreword: Nullable(Type.String()),
  conclusion: Nullable(Type.String()),
  sectionOrder: Type.Array(KeyOf(BULLETIN_SECTIONS)),
  content: BulletinContent,
  actions: Type.Array(KeyOf(BULLETIN_ACTIONS)),
});
export type BulletinDetailT = Static<typeof BulletinDetail>;

const PERIOD_PATTERN = '^\\d{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$';

export const BulletinListQuery = Type.Object({
  ...Paging,
  org: Type.Optional(Id()),
  kind: Type.Optional(KeyOf(BULLETIN_KINDS)),
  status: Type.Optional(KeyOf(BULLETIN_STATUSES)),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100, ...labelled('年度', 'Year') })),
  q: Type.Optional(Type.String({ maxLength: 40, ...labelled('标题', 'Title') })),
  deleted: Type.Optional(Type.Boolean()),
});
export type BulletinListQueryT = Static<typeof BulletinListQuery>;

/** Generate a draft: the subtree, the period (a quarter, a month, a year, or from/to), the kind, a title. */
export const BulletinCreate = Body({
  orgId: Id(),
  kind: KeyOf(BULLETIN_KINDS),
  period: Type.Optional(
    Nullable(
      Type.String({
        pattern: PERIOD_PATTERN,
        description: 'YYYY-Qn, YYYY-MM or YYYY',
        ...labelled('统计期间', 'Period'),
      }),
    ),
  ),
  from: Type.Optional(Nullable(DateString('from (with to, instead of a period)'))),
  to: Type.Optional(Nullable(DateString('to (with from)'))),
  title: Type.Optional(Nullable(Type.String({ maxLength: 80, ...labelled('标题', 'Title') }))),
});
export type BulletinCreateT = Static<typeof BulletinCreate>;

/** Edit a draft: its title, foreword and conclusion, the order of its sections. */
export const BulletinUpdate = Body({
  title: Type.Optional(Type.String({ minLength: 1, maxLength: 80, ...labelled('标题', 'Title') })),
  foreword: Type.Optional(Nullable(Type.String({ maxLength: 4000, ...labelled('导语', 'Foreword') }))),
  conclusion: Type.Optional(Nullable(Type.String({ maxLength: 4000, ...labelled('结语与工作要求', 'Conclusion') }))),
  sectionOrder: Type.Optional(
    Type.Array(KeyOf(BULLETIN_SECTIONS), { maxItems: 20, ...labelled('栏目顺序', 'Order of sections') }),
  ),
});
export type BulletinUpdateT = Static<typeof BulletinUpdate>;

/** Withdraw an issued bulletin: the reason is kept. */
export const BulletinWithdraw = Body({
  reason: Type.String({ minLength: 1, maxLength: 500, ...labelled('撤回理由', 'Reason for withdrawal') }),
});
