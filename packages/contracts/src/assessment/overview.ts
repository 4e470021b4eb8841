/**
 * The assessment overview's contracts (考核激励总览, area assessment): a year's assessment work of a subtree — star
 * ratings per level and the share at ≥ 3 stars against the multi-year target, points, pledges, secretaries' annual
 * reports, selections and cadres in retraining — each read from its module's own figure; and the assessment part of
 * the homes (what waits on a county or township, a branch's own to-do, a member's points and pledges).
 */
import { type Static, Type } from '@sinclair/typebox';
import { capability as cap, type CapabilityDef, type Labelled } from '../core/enums.js';
import { Id, Nullable } from '../core/schemas.js';

/** The module's name (its folder on each side, in the area `assessment`). */
export const ASSESSMENT_OVERVIEW_MODULE = 'overview' as const;

/** Its capability: the county and the townships read the overview of their subtree. */
export const ASSESSMENT_OVERVIEW_CAPABILITIES = {
  'assessmentOverview.read': cap('查看考核激励总览', 'View the assessment overview', [
    'county_admin',
    'township_admin',
  ]),
} as const satisfies Record<string, CapabilityDef>;

/** Its error codes, zh/en (none of its own: the year and the organization are checked by their schemas). */
export const ASSESSMENT_OVERVIEW_ERRORS = {} as const satisfies Record<string, Labelled>;

/** A year of assessment work: the schemes, results, ledgers and rounds all run by calendar year. */
export const AssessmentYear = (description = 'the year (default this year)') =>
  Type.Integer({ minimum: 2000, maximum: 2100, description });

/** `GET /api/assessment/overview`: a subtree (default the caller's organization) and a year (default this year). */
export const AssessmentOverviewQuery = Type.Object({
  org: Type.Optional(Id('narrow to this organization of my subtree')),
  year: Type.Optional(AssessmentYear()),
});
export type AssessmentOverviewQueryT = Static<typeof AssessmentOverviewQuery>;

const Count = (description: string) => Type.Integer({ minimum: 0, description });
const Share = (description: string) => Type.Number({ minimum: 0, maximum: 1, description });

/** The figures of one subtree in the year, each read from its module's figure. */
export const AssessmentCounts = Type.Object({
  rated: Count('organizations rated in the year: results scored, published or final (星级评定)'),
  atLeast3: Count('of those, rated 3 stars or more'),
  atLeast3Share: Share('the share of rated organizations at 3 stars or more'),
  commended: Count('organizations commended (≥ 4 stars)'),
  reminded: Count('organizations reminded and given a rectification (≤ 2 stars)'),
  pointsMembers: Count('members with points in the year (积分)'),
  pointsTotal: Type.Integer({ description: 'points of the year, all members' }),
  pointsAverage: Type.Number({ description: 'average points of a member with points' }),
  pledgesMade: Count('pledges made in the year (承诺)'),
  pledgesFulfilled: Count('pledges fulfilled (践诺)'),
  pledgesEvaluated: Count('pledges evaluated (评诺)'),
  problemsSolved: Count('problems solved through pledges'),
  reportsDue: Count("secretaries' annual reports due (述职)"),
  reportsGraded: Count('reports graded (评议)'),
  selections: Count('selections held (评选)'),
  winners: Count('winners published'),
  cadresSuspended: Count('village cadres suspended in the year (淬火整训)'),
  cadresInRetraining: Count('cadres in retraining now'),
  cadresReinstated: Count('cadres reinstated'),
  cadresRemoved: Count('cadres removed'),
});
export type AssessmentCountsT = Static<typeof AssessmentCounts>;

/** How many organizations got so many stars. */
export const StarsCount = Type.Object({
  stars: Type.Integer({ minimum: 0, maximum: 10 }),
  count: Type.Integer({ minimum: 0 }),
});
export type StarsCountT = Static<typeof StarsCount>;

/** The multi-year target (seed 002: every branch at ≥ 3 stars within 3 years) and where the year stands. */
export const AssessmentTarget = Type.Object({
  share: Share('the share to reach'),
  minStars: Type.Integer({ minimum: 1, maximum: 10 }),
  byYear: Type.Integer({ description: 'the year it is to be reached by' }),
  actual: Share('the share reached in the year'),
  met: Type.Boolean(),
});
export type AssessmentTargetT = Static<typeof AssessmentTarget>;

/** One organization right below the subtree's root, with its figures. */
export const AssessmentOverviewRow = Type.Composite([
  Type.Object({ orgId: Type.Integer(), orgName: Type.String(), orgType: Type.String() }),
  AssessmentCounts,
]);
export type AssessmentOverviewRowT = Static<typeof AssessmentOverviewRow>;

/** 考核激励总览: the subtree's figures of the year, the stars per level, the target, and each organization below. */
export const AssessmentOverview = Type.Object({
  orgId: Type.Integer(),
  orgName: Type.String(),
  year: Type.Integer(),
  total: AssessmentCounts,
  starsByLevel: Type.Array(StarsCount, { description: 'published or final star ratings per number of stars' }),
  target: Nullable(AssessmentTarget),
  rows: Type.Array(AssessmentOverviewRow, { description: 'each organization right below the root' }),
});
export type AssessmentOverviewT = Static<typeof AssessmentOverview>;

// ---- the assessment part of the homes ----

/** A branch's own star rating of the year, as its home shows it. */
export const HomeMyRating = Type.Object({
  id: Type.Integer(),
  year: Type.Integer(),
  status: Type.String({ description: "the result's state" }),
  stars: Nullable(Type.Integer({ description: 'its stars once published' })),
  lastYearStars: Nullable(Type.Integer({ description: "last year's stars, published or final" })),
  toScore: Count('indicators the branch still has to score itself'),
});

/** The assessment part of a business home: the county's or township's view below it, and a branch's own to-do. */
export const HomeAssessment = Type.Object({
  year: Type.Integer(),
  starsByLevel: Type.Array(StarsCount),
  rated: Count('organizations of the subtree with a published or final rating'),
  atLeast3Share: Share('the share at ≥ 3 stars'),
  ratingYear: Type.Integer({ description: 'the year the stars are of (last year until this year is published)' }),
  target: Nullable(AssessmentTarget),
  reportsDue: Count("secretaries' annual reports due this year"),
  reportsSubmitted: Count("of those, submitted (this year's progress while its round is open)"),
  reportsGraded: Count('of those, graded'),
  /** The latest round whose results are published (this year's once published, else an earlier year's). */
  reportsResult: Nullable(
    Type.Object({
      year: Type.Integer(),
      due: Count('reports due in that year'),
      graded: Count('of those, graded'),
    }),
  ),
  pledgesMade: Count('pledges made this year'),
  pledgesFulfilled: Count('pledges fulfilled this year'),
  cadresInRetraining: Count('cadres suspended or in retraining now'),
  manualPointsAwaiting: Count('manual points waiting for approval'),
  myRating: Nullable(HomeMyRating),
  pointsToPublish: Count("the branch's point entries of last month while that month is not published"),
  pledgesToReview: Count('pledges waiting for review or for their fulfilment to be accepted'),
});
export type HomeAssessmentT = Static<typeof HomeAssessment>;

/** One of the member's own pledges, as the phone home lists it. */
export const HomeMyPledge = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  status: Type.String(),
  dueOn: Nullable(Type.String()),
});

/** The member's points of the year and its pledges (the phone home). */
export const HomeMyAssessment = Type.Object({
  year: Type.Integer(),
  points: Type.Integer({ description: 'my points this year' }),
  pointsThisMonth: Type.Integer(),
  pledges: Count('my pledges this year'),
  pledgesOpen: Count('of those, not fulfilled yet'),
  items: Type.Array(HomeMyPledge, { description: 'my open pledges, the first few' }),
});
export type HomeMyAssessmentT = Static<typeof HomeMyAssessment>;
