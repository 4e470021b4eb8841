/**
 * The projects module's contracts (area economy): "Party branch +" industry projects (党支部+). A project is led by
 * one village's organization (its path scopes the project) with partner villages; its industry, its models
 * (党支部+龙头企业/合作社/基地/群众户, several may apply), its cooperatives, its status, and one record a year of the
 * funds given by source (红色基金, 财政衔接资金 …), the social capital leveraged, the households linked (of them
 * 脱贫户 and 监测户), their added income and the collective's income from it. Money in fen; the lists of industries,
 * models and sources are data here (codes with their words), not words typed anew.
 */
import { type Static, Type } from '@sinclair/typebox';
import type { Labelled } from '../core/enums.js';
import { labelled } from '../core/fieldLabels.js';
import { Body, Id, KeyOf, ListOf, MAX_ID, Nullable, Paging, Stamps } from '../core/schemas.js';
import { TimelineEvent } from '../core/workflow.js';

export const PROJECTS_MODULE = 'projects' as const;

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** The industries of a project (产业类别). */
export const PROJECT_INDUSTRIES = {
  planting: l('种植', 'Planting'),
  breeding: l('养殖', 'Breeding'),
  processing: l('农产品加工', 'Processing'),
  tourism: l('乡村旅游', 'Rural tourism'),
  ecommerce: l('电商', 'E-commerce'),
  photovoltaic: l('光伏', 'Photovoltaic'),
  labour: l('劳务', 'Labour services'),
  other: l('其他', 'Other'),
} as const satisfies Record<string, Labelled>;
export type ProjectIndustry = keyof typeof PROJECT_INDUSTRIES;

/** The "Party branch +" models (党支部+ 模式); a project may follow several. */
export const PROJECT_MODELS = {
  enterprise: l('党支部+龙头企业', 'Branch + leading enterprise'),
  cooperative: l('党支部+合作社', 'Branch + cooperative'),
  base: l('党支部+基地', 'Branch + production base'),
  households: l('党支部+群众户', 'Branch + households'),
} as const satisfies Record<string, Labelled>;
export type ProjectModel = keyof typeof PROJECT_MODELS;

/** Where the funds given come from (资金来源). */
export const PROJECT_FUND_SOURCES = {
  red_fund: l('红色基金', 'Red fund'),
  fiscal: l('财政衔接资金', 'Fiscal linkage funds'),
  department: l('部门帮扶资金', 'Support of departments'),
  collective: l('村集体自筹', 'Raised by the collective'),
  other: l('其他', 'Other'),
} as const satisfies Record<string, Labelled>;
export type ProjectFundSource = keyof typeof PROJECT_FUND_SOURCES;

/** The states of a project. */
export const PROJECT_STATUSES = {
  planned: l('规划', 'Planned'),
  building: l('在建', 'Being built'),
  operating: l('运营', 'Operating'),
  stopped: l('停办', 'Stopped'),
} as const satisfies Record<string, Labelled>;
export type ProjectStatus = keyof typeof PROJECT_STATUSES;

/** The largest amount of one field in fen (2,000万元): every money column is a 32-bit integer. */
export const PROJECT_MAX_FEN = 2_000_000_000;

/** A choice among an enum's keys, with its name in words (the form's label of a refusal). */
const Choice = <T extends Record<string, unknown>>(map: T, zh: string, en: string) =>
  Type.Union(
    Object.keys(map).map((k) => Type.Literal(k)),
    labelled(zh, en),
  ) as unknown as ReturnType<typeof KeyOf<T>>;
const Words = (max: number, zh: string, en: string) => Type.String({ maxLength: max, ...labelled(zh, en) });
const Words1 = (max: number, zh: string, en: string) =>
  Type.String({ minLength: 1, maxLength: max, ...labelled(zh, en) });
const Fen = (zh: string, en: string) => Type.Integer({ minimum: 0, maximum: PROJECT_MAX_FEN, ...labelled(zh, en) });
const Count = (zh: string, en: string) => Type.Integer({ minimum: 0, maximum: 100_000, ...labelled(zh, en) });
const Year = (zh: string, en: string) => Type.Integer({ minimum: 2000, maximum: 2100, ...labelled(zh, en) });

/** A cooperative of a project (专业合作社) and its members. */
export const ProjectCooperative = Type.Object(
  {
    name: Words1(60, '合作社名称', 'Cooperative'),
    members: Count('社员人数', 'Members'),
  },
  { additionalProperties: false },
);
export type ProjectCooperativeT = Static<typeof ProjectCooperative>;

/** Funds given from one source in a year. */
export const ProjectFund = Type.Object(
  {
    source: Choice(PROJECT_FUND_SOURCES, '资金来源', 'Source'),
    amountFen: Fen('投入金额（分）', 'Amount (fen)'),
  },
  { additionalProperties: false },
);
export type ProjectFundT = Static<typeof ProjectFund>;

/** One year of a project: funds, households linked and their income, the collective's income. */
export const ProjectYear = Type.Object({
  year: Type.Integer(),
  funds: Type.Array(ProjectFund),
  givenFen: Type.Integer({ description: 'the funds given that year, every source' }),
  leveragedFen: Type.Integer(),
  households: Type.Integer(),
  householdsPoor: Type.Integer({ description: '脱贫户 among the households linked' }),
  householdsMonitored: Type.Integer({ description: '监测户 among the households linked' }),
  householdIncomeFen: Type.Integer({ description: "the households' added income that year" }),
  collectiveIncomeFen: Type.Integer(),
  note: Nullable(Type.String()),
  updatedAt: Type.String(),
});
export type ProjectYearT = Static<typeof ProjectYear>;

/** A project as a list row: its latest year and its funds over all years. */
export const ProjectItem = Type.Object({
  id: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  townshipId: Nullable(Type.Integer()),
  townshipName: Nullable(Type.String()),
  name: Type.String(),
  industry: KeyOf(PROJECT_INDUSTRIES),
  industryText: Nullable(Type.String()),
  models: Type.Array(KeyOf(PROJECT_MODELS)),
  partners: Type.Array(Type.Object({ orgId: Type.Integer(), orgName: Type.String() })),
  cooperatives: Type.Array(ProjectCooperative),
  startYear: Type.Integer(),
  status: KeyOf(PROJECT_STATUSES),
  stopReason: Nullable(Type.String()),
  stoppedYear: Nullable(Type.Integer()),
  note: Nullable(Type.String()),
  givenFen: Type.Integer({ description: 'funds given over all years' }),
  leveragedFen: Type.Integer({ description: 'social capital leveraged over all years' }),
  latest: Nullable(ProjectYear),
  ...Stamps,
});
export type ProjectItemT = Static<typeof ProjectItem>;

/** A project with its yearly records and timeline. */
export const ProjectDetail = Type.Composite([
  ProjectItem,
  Type.Object({
    years: Type.Array(ProjectYear),
    events: Type.Array(TimelineEvent),
    /** Whether the caller may change the project and record its years. */
    canEdit: Type.Boolean(),
  }),
]);
export type ProjectDetailT = Static<typeof ProjectDetail>;
export const ProjectList = ListOf(ProjectItem);

export const ProjectListQuery = Type.Object({
  org: Type.Optional(Id()),
  township: Type.Optional(Id()),
  q: Type.Optional(Type.String({ maxLength: 40 })),
  model: Type.Optional(Choice(PROJECT_MODELS, '模式', 'Model')),
  industry: Type.Optional(Choice(PROJECT_INDUSTRIES, '产业类别', 'Industry')),
  status: Type.Optional(Choice(PROJECT_STATUSES, '状态', 'Status')),
  year: Type.Optional(Year('年度', 'Year')),
  deleted: Type.Optional(Type.Boolean()),
  ...Paging,
});
export type ProjectListQueryT = Static<typeof ProjectListQuery>;

const Models = Type.Array(Choice(PROJECT_MODELS, '模式', 'Model'), {
  minItems: 1,
  maxItems: 4,
  uniqueItems: true,
  ...labelled('党支部+模式', 'Models'),
});
const Partners = Type.Array(Type.Integer({ minimum: 1, maximum: MAX_ID, ...labelled('联建村', 'Partner village') }), {
  maxItems: 20,
  uniqueItems: true,
  ...labelled('联建村', 'Partner villages'),
});
const Cooperatives = Type.Array(ProjectCooperative, { maxItems: 20, ...labelled('专业合作社', 'Cooperatives') });
const Fields = {
  name: Words1(60, '项目名称', 'Project'),
  industry: Choice(PROJECT_INDUSTRIES, '产业类别', 'Industry'),
  industryText: Type.Optional(Nullable(Words(40, '产业说明', 'Industry in words'))),
  models: Models,
  partnerOrgIds: Type.Optional(Partners),
  cooperatives: Type.Optional(Cooperatives),
  startYear: Year('起始年度', 'Start year'),
  status: Choice(PROJECT_STATUSES, '项目状态', 'Status'),
  stopReason: Type.Optional(Nullable(Words(300, '停办原因', 'Why stopped'))),
  stoppedYear: Type.Optional(Nullable(Year('停办年度', 'Year stopped'))),
  note: Type.Optional(Nullable(Words(1000, '项目简介', 'About'))),
};

/** The township or county records a project led by a village's organization. */
export const ProjectCreate = Body({
  orgId: Type.Integer({ minimum: 1, maximum: MAX_ID, ...labelled('牵头村党组织', 'Lead organization') }),
  ...Fields,
});
export type ProjectCreateT = Static<typeof ProjectCreate>;

/** Changes a project (the lead organization stays). */
export const ProjectUpdate = Body({
  name: Type.Optional(Fields.name),
  industry: Type.Optional(Fields.industry),
  industryText: Fields.industryText,
  models: Type.Optional(Models),
  partnerOrgIds: Type.Optional(Partners),
  cooperatives: Type.Optional(Cooperatives),
  startYear: Type.Optional(Fields.startYear),
  status: Type.Optional(Fields.status),
  stopReason: Fields.stopReason,
  stoppedYear: Fields.stoppedYear,
  note: Fields.note,
});
export type ProjectUpdateT = Static<typeof ProjectUpdate>;

/** A year of a project, recorded or corrected (one record a project and year). */
export const ProjectYearPut = Body({
  year: Year('年度', 'Year'),
  funds: Type.Array(ProjectFund, { maxItems: 5, ...labelled('投入资金', 'Funds given') }),
  leveragedFen: Fen('撬动社会资金（分）', 'Leveraged (fen)'),
  households: Count('联结农户数', 'Households linked'),
  householdsPoor: Count('其中脱贫户', 'Of them lifted out of poverty'),
  householdsMonitored: Count('其中监测户', 'Of them monitored'),
  householdIncomeFen: Fen('农户增收（分）', 'Added income of the households (fen)'),
  collectiveIncomeFen: Fen('村集体收益（分）', "Collective's income (fen)"),
  note: Type.Optional(Nullable(Words(500, '说明', 'Note'))),
});
export type ProjectYearPutT = Static<typeof ProjectYearPut>;

/** The figure's query: a subtree (the caller's own by default) and a year. */
export const ProjectFiguresQuery = Type.Object({
  org: Type.Optional(Id()),
  year: Year('年度', 'Year'),
});
export type ProjectFiguresQueryT = Static<typeof ProjectFiguresQuery>;

const RowCounts = {
  projects: Type.Integer({ description: 'projects running in the year (started by then, not stopped before)' }),
  cooperatives: Type.Integer(),
  givenFen: Type.Integer(),
  leveragedFen: Type.Integer(),
  households: Type.Integer(),
  householdIncomeFen: Type.Integer(),
};
/** 党支部+产业项目 of a subtree and year. */
export const ProjectFigures = Type.Object({
  orgId: Type.Integer(),
  orgName: Type.String(),
  year: Type.Integer(),
  ...RowCounts,
  cooperativeMembers: Type.Integer(),
  bySource: Type.Array(Type.Object({ source: KeyOf(PROJECT_FUND_SOURCES), fen: Type.Integer() })),
  leverageRatio: Nullable(Type.Number({ description: 'leveraged ÷ given, two decimals; null when nothing given' })),
  householdsPoor: Type.Integer(),
  householdsMonitored: Type.Integer(),
  collectiveIncomeFen: Type.Integer(),
  /** Up to the end of the year, every year: the funds given (and of them the red fund) and the leveraged. */
  cumulative: Type.Object({ givenFen: Type.Integer(), redFundFen: Type.Integer(), leveragedFen: Type.Integer() }),
  byModel: Type.Array(Type.Object({ model: KeyOf(PROJECT_MODELS), projects: Type.Integer() })),
  byIndustry: Type.Array(Type.Object({ industry: KeyOf(PROJECT_INDUSTRIES), projects: Type.Integer() })),
  byStatus: Type.Array(Type.Object({ status: KeyOf(PROJECT_STATUSES), projects: Type.Integer() })),
  rows: Type.Array(Type.Object({ orgId: Type.Integer(), orgName: Type.String(), ...RowCounts })),
});
export type ProjectFiguresT = Static<typeof ProjectFigures>;

/** The timeline's words of a project's events. */
export const PROJECT_EVENTS = {
  created: l('登记项目', 'Recorded'),
  status: l('状态变更', 'Status changed'),
  year: l('登记年度情况', 'Year recorded'),
  deleted: l('删除', 'Deleted'),
  restored: l('恢复', 'Restored'),
} as const satisfies Record<string, Labelled>;
