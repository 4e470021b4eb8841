/**
 * The level above the counties (issue 16): a province 省 and its prefectures 市（州）, and the figures a region's
 * accounts read, summed from the rollup tables (one row per organization × month with its subtree's totals).
 */
import { Type, type Static } from '@sinclair/typebox';
import type { Labelled } from './enums.js';

export const REGION_KINDS = {
  province: { zh: '省', en: 'Province' },
  prefecture: { zh: '市（州）', en: 'Prefecture' },
} satisfies Record<string, Labelled>;
export type RegionKind = keyof typeof REGION_KINDS;

/** What a unit of the region dashboard is: a region, a county (tenant) or a township-level organization. */
export const REGION_UNIT_KINDS = {
  province: { zh: '省', en: 'Province' },
  prefecture: { zh: '市（州）', en: 'Prefecture' },
  county: { zh: '县（市、区）', en: 'County' },
  township: { zh: '乡镇（街道）', en: 'Township' },
} satisfies Record<string, Labelled>;
export type RegionUnitKind = keyof typeof REGION_UNIT_KINDS;

const n = () => Type.Integer({ minimum: 0 });
const rate = () => Type.Union([Type.Number(), Type.Null()], { description: 'a share 0..1, null when nothing is due' });

/** The totals of one unit, summed from rollup rows. */
export const RegionFigures = Type.Object({
  members: Type.Object({
    total: n(),
    formal: n(),
    probationary: n(),
    female: n(),
    minority: n(),
    under35: n(),
    /** College education or above 大专及以上. */
    college: n(),
    joinedThisYear: n(),
  }),
  orgs: Type.Object({ total: n(), committees: n(), generalBranches: n(), branches: n() }),
  meetings: Type.Object({
    held: n(),
    /** Held meetings by kind (`MEETING_KINDS`). */
    byKind: Type.Record(Type.String(), n()),
    /** Organization × kind × period requirements due in the period, and how many were met. */
    due: n(),
    met: n(),
    complianceRate: rate(),
  }),
  residents: Type.Object({
    households: n(),
    requests: n(),
    requestsResolved: n(),
    resolvedRate: rate(),
    wishes: n(),
    wishesFulfilled: n(),
  }),
});
export type RegionFiguresT = Static<typeof RegionFigures>;

export const RegionUnitRef = Type.Object({
  kind: Type.Union(Object.keys(REGION_UNIT_KINDS).map((k) => Type.Literal(k))),
  /** A region's id, a county's tenant id, a township organization's id. */
  id: Type.Integer(),
  name: Type.String(),
});
export type RegionUnitRefT = Static<typeof RegionUnitRef>;

export const RegionUnit = Type.Composite([RegionUnitRef, Type.Object({ figures: RegionFigures })]);
export type RegionUnitT = Static<typeof RegionUnit>;

/** `GET /api/regions/overview?unit=<kind>:<id>&year=YYYY`: a unit, the way down to it, and its children. */
export const RegionOverviewQuery = Type.Object({
  unit: Type.Optional(Type.String({ pattern: '^(province|prefecture|county|township):[0-9]+$' })),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
});
export type RegionOverviewQueryT = Static<typeof RegionOverviewQuery>;

export const RegionOverview = Type.Object({
  unit: RegionUnit,
  /** From the actor's own unit down to this one (breadcrumbs). */
  trail: Type.Array(RegionUnitRef),
  /** Prefectures of a province, counties of a prefecture, townships of a county; none below a township. */
  children: Type.Array(RegionUnit),
  /** The months counted: January of the year to this month (or December of a past year). */
  period: Type.Object({ from: Type.String(), to: Type.String() }),
  /** The unit's months, for the trend chart. */
  months: Type.Array(
    Type.Object({ month: Type.String(), meetingsHeld: n(), requests: n(), requestsResolved: n(), joined: n() }),
  ),
  /** The oldest refresh among the counties counted: the figures are as of this time (the stated lag). */
  asOf: Type.Union([Type.String(), Type.Null()]),
  /** Counties counted whose rollups were never refreshed yet (they count as zero until then). */
  pending: n(),
});
export type RegionOverviewT = Static<typeof RegionOverview>;
