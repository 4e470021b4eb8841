/**
 * The funds module's contracts (area economy): grassroots funds and pay — per village and year, operating funds
 * (运转经费), service funds (服务群众专项经费), first secretaries' work funds (第一书记工作经费), the village party
 * secretary's pay (村党组织书记报酬) and others, as money records in fen with their source. Standards are rules
 * (seed 001: operating funds 12.4万 a village, service funds 1万, a first secretary's work funds 1万, a
 * secretary's pay 14,700 元 a year). A secretary's pay is personal: only township and county roles read it.
 */
import { type Static, Type } from '@sinclair/typebox';
import type { Labelled } from '../core/enums.js';
import { labelled } from '../core/fieldLabels.js';
import { Body, Id, KeyOf, ListOf, Nullable, Paging, Stamps } from '../core/schemas.js';

export const FUNDS_MODULE = 'funds' as const;

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** Kinds of a village's funds and pay (data, not code). */
export const FUND_KINDS = {
  operating: l('运转经费', 'Operating funds'),
  service: l('服务群众专项经费', 'Funds for serving residents'),
  first_secretary_work: l('第一书记工作经费', "First secretary's work funds"),
  secretary_pay: l('村党组织书记报酬', "Village party secretary's pay"),
  other: l('其他', 'Other'),
} as const satisfies Record<string, Labelled>;
export type FundKind = keyof typeof FUND_KINDS;
/** The kind only township and county roles read (a person's pay). */
export const FUND_PERSONAL_KINDS: readonly FundKind[] = ['secretary_pay'];

/** Who pays. */
export const FUND_SOURCES = {
  county: l('县级', 'County'),
  township: l('乡级', 'Township'),
  higher: l('上级', 'Higher levels'),
} as const satisfies Record<string, Labelled>;
export type FundSource = keyof typeof FUND_SOURCES;

/** The `funds` rule set: the yearly floors per village in fen (seed 001). */
export const FUNDS_RULE_DEFAULTS = {
  operatingFloorFen: 12_4000_00,
  serviceFloorFen: 1_0000_00,
  firstSecretaryWorkFloorFen: 1_0000_00,
  secretaryPayFloorFen: 14_700_00,
} as const;
export type FundsRuleKey = keyof typeof FUNDS_RULE_DEFAULTS;
export type FundsRules = { [K in FundsRuleKey]: number };
export const FUNDS_RULE_LABELS: Record<FundsRuleKey, Labelled> = {
  operatingFloorFen: l('村级运转经费每村每年不低于（分）', 'Operating funds a village a year, at least (fen)'),
  serviceFloorFen: l('服务群众专项经费每村每年不低于（分）', 'Service funds a village a year, at least (fen)'),
  firstSecretaryWorkFloorFen: l(
    '第一书记工作经费每人每年不低于（分）',
    "A first secretary's work funds a year, at least (fen)",
  ),
  secretaryPayFloorFen: l('村党组织书记报酬每年不低于（分）', "A secretary's pay a year, at least (fen)"),
};
export const FUNDS_RULE_SET_LABEL = l('基层经费保障标准', 'Grassroots funds standards');
/** The rule key of each kind that has a floor. */
export const FUND_FLOOR_KEYS: Partial<Record<FundKind, FundsRuleKey>> = {
  operating: 'operatingFloorFen',
  service: 'serviceFloorFen',
  secretary_pay: 'secretaryPayFloorFen',
};

/** Largest amount of one record, in fen (2,000万元). */
export const FUND_MAX_FEN = 2_000_000_000;

const Words = (max: number, zh: string, en: string) => Type.String({ maxLength: max, ...labelled(zh, en) });
const Year = () => Type.Integer({ minimum: 2000, maximum: 2100, ...labelled('年度', 'Year') });

/** A money record as a list row. */
export const FundItem = Type.Object({
  id: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String({ description: "the village's place name" }),
  townshipName: Nullable(Type.String()),
  year: Type.Integer(),
  kind: KeyOf(FUND_KINDS),
  source: KeyOf(FUND_SOURCES),
  amountFen: Type.Integer(),
  note: Nullable(Type.String()),
  ...Stamps,
});
export type FundItemT = Static<typeof FundItem>;
export const FundList = ListOf(FundItem);

export const FundListQuery = Type.Object({
  org: Type.Optional(Id()),
  q: Type.Optional(Type.String({ maxLength: 40 })),
  year: Type.Optional(Year()),
  kind: Type.Optional(KeyOf(FUND_KINDS)),
  source: Type.Optional(KeyOf(FUND_SOURCES)),
  deleted: Type.Optional(Type.Boolean()),
  ...Paging,
});
export type FundListQueryT = Static<typeof FundListQuery>;

export const FundCreate = Body({
  orgId: Type.Integer({ minimum: 1, maximum: 2_147_483_647, ...labelled('村', 'Village') }),
  year: Year(),
  kind: KeyOf(FUND_KINDS),
  source: KeyOf(FUND_SOURCES),
  amountFen: Type.Integer({ minimum: 1, maximum: FUND_MAX_FEN, ...labelled('金额', 'Amount') }),
  note: Type.Optional(Nullable(Words(500, '说明', 'Note'))),
});
export type FundCreateT = Static<typeof FundCreate>;

export const FundUpdate = Body({
  kind: Type.Optional(KeyOf(FUND_KINDS)),
  source: Type.Optional(KeyOf(FUND_SOURCES)),
  amountFen: Type.Optional(Type.Integer({ minimum: 1, maximum: FUND_MAX_FEN, ...labelled('金额', 'Amount') })),
  note: Type.Optional(Nullable(Words(500, '说明', 'Note'))),
});
export type FundUpdateT = Static<typeof FundUpdate>;

/** The standards page's and the figure's query: a subtree and a year. */
export const FundsSummaryQuery = Type.Object({
  org: Type.Optional(Id()),
  year: Type.Optional(Year()),
});
export type FundsSummaryQueryT = Static<typeof FundsSummaryQuery>;

const KindTotals = Type.Object({
  operating: Type.Integer(),
  service: Type.Integer(),
  first_secretary_work: Type.Integer(),
  secretary_pay: Nullable(Type.Integer({ description: 'null for roles that do not read pay' })),
  other: Type.Integer(),
});
export type FundKindTotalsT = Static<typeof KindTotals>;

/** 基层经费保障 of a subtree and year: totals per kind, each village's, and who is below a floor. */
export const FundsSummary = Type.Object({
  orgId: Type.Integer(),
  orgName: Type.String(),
  year: Type.Integer(),
  floors: Type.Object({
    operating: Type.Integer(),
    service: Type.Integer(),
    secretary_pay: Nullable(Type.Integer()),
  }),
  villages: Type.Integer(),
  totals: KindTotals,
  below: Type.Object({
    operating: Type.Integer(),
    service: Type.Integer(),
    secretary_pay: Nullable(Type.Integer()),
  }),
  rows: Type.Array(
    Type.Object({
      orgId: Type.Integer(),
      orgName: Type.String(),
      townshipName: Nullable(Type.String()),
      totals: KindTotals,
      below: Type.Array(KeyOf(FUND_KINDS)),
    }),
  ),
});
export type FundsSummaryT = Static<typeof FundsSummary>;
