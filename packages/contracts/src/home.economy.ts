/**
 * The cadres, learning and village-economy part of the homes (issue 14): for a county or a township, villages per
 * income class and the villages whose class changed from last year, income entries awaiting review, the two
 * committees of the latest term, members short of training hours and this month's learning items held; for a village,
 * its own class and entries and this month's learning items; for a member, my hours and this month's items. Every
 * number is its module's own answer (incomes' classes, the election analytics, the hours, the learning progress).
 */
import { Type, type Static } from '@sinclair/typebox';
import { DateString, KeyOf, Nullable } from './core/schemas.js';
import { INCOME_CLASSES, type IncomeClass } from './economy/incomes.js';

/** At most this many villages whose class changed travel to the home; `up` and `down` say how many there are. */
export const HOME_CLASS_CHANGES_LIMIT = 10;

/** The income classes of the rule set `incomes` (the incomes module's codes). */
export type HomeIncomeClass = IncomeClass;

const Count = (description?: string) => Type.Integer({ minimum: 0, description });
const Share = (description: string) => Nullable(Type.Number({ minimum: 0, maximum: 1, description }));
const Fen = (description: string) => Type.Integer({ description: `${description}, fen` });
const IncomeClassKey = KeyOf(INCOME_CLASSES);

/** A village whose income class this year differs from last year's. */
export const HomeClassChange = Type.Object({
  orgId: Type.Integer(),
  orgName: Type.String(),
  parentName: Nullable(Type.String({ description: 'its township' })),
  from: Nullable(IncomeClassKey),
  to: IncomeClassKey,
  direction: Type.Union([Type.Literal('up'), Type.Literal('down')]),
  totalFen: Fen("this year's accepted income"),
  lastTotalFen: Nullable(Fen("last year's accepted income")),
});
export type HomeClassChangeT = Static<typeof HomeClassChange>;

/** Villages of the subtree per income class this year, and the changes from last year. */
export const HomeIncomes = Type.Object({
  year: Type.Integer(),
  villages: Count('villages of the subtree'),
  byClass: Type.Object({
    revitalized: Count('振兴村'),
    prosperous: Count('富裕村'),
    comfortable: Count('小康村'),
    weak: Count('薄弱村'),
  }),
  totalFen: Fen('accepted income of the subtree this year'),
  lastTotalFen: Fen('accepted income of the subtree last year'),
  up: Count('villages whose class rose'),
  down: Count('villages whose class fell'),
  changes: Type.Array(HomeClassChange, {
    description: `falls first, then rises, by amount; at most ${HOME_CLASS_CHANGES_LIMIT}`,
  }),
  awaitingReview: Count('income entries of the subtree submitted and not yet reviewed'),
});
export type HomeIncomesT = Static<typeof HomeIncomes>;

/** The two committees of the latest term of the subtree (the election analytics of that term). */
export const HomeCommittees = Type.Object({
  term: Type.String({ description: "the latest term with posts in the subtree, e.g. '2026'" }),
  villages: Count(),
  oneShoulderShare: Share('一肩挑: villages whose secretary is also the director'),
  averageAge: Nullable(Type.Number({ description: "average age at the term's start" })),
  averageAgeChange: Nullable(Type.Number({ description: 'change from the previous term, years' })),
});
export type HomeCommitteesT = Static<typeof HomeCommittees>;

/** Training hours of the subtree's members this year. */
export const HomeTraining = Type.Object({
  year: Type.Integer(),
  members: Count(),
  short: Count('members short of their required hours'),
  reachedShare: Share('members who reached their hours'),
});
export type HomeTrainingT = Static<typeof HomeTraining>;

/** One learning item of this month as a branch holds it. */
export const HomeLearningItem = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  held: Type.Boolean({ description: 'the branch held it (a meeting linked or a study session recorded)' }),
  attended: Nullable(Type.Boolean({ description: 'the member attended (member variant only)' })),
});

/** This month's learning items in the subtree: set, and the share of organizations × items held. */
export const HomeLearning = Type.Object({
  month: Type.String({ description: 'YYYY-MM' }),
  items: Count('items set for the subtree this month'),
  heldShare: Share('organizations × items held'),
});
export type HomeLearningT = Static<typeof HomeLearning>;

/** A village's own economy and learning: its class this year and last, its entries' states, this month's items. */
export const HomeVillage = Type.Object({
  year: Type.Integer(),
  class: Nullable(IncomeClassKey),
  lastClass: Nullable(IncomeClassKey),
  totalFen: Fen("this year's accepted income"),
  lastTotalFen: Nullable(Fen("last year's accepted income")),
  entries: Type.Object({ submitted: Count(), accepted: Count(), returned: Count() }),
  learning: Type.Array(HomeLearningItem),
});
export type HomeVillageT = Static<typeof HomeVillage>;

/** `GET /api/home`'s `economy`: each part null when the role reads none of its module (or it does not apply). */
export const HomeEconomy = Type.Object({
  today: DateString(),
  incomes: Nullable(HomeIncomes),
  committees: Nullable(HomeCommittees),
  training: Nullable(HomeTraining),
  learning: Nullable(HomeLearning),
  village: Nullable(HomeVillage),
});
export type HomeEconomyT = Static<typeof HomeEconomy>;

/** `GET /api/home/mine`'s `learning`: my training hours this year and this month's learning items of my branch. */
export const HomeMyLearning = Type.Object({
  year: Type.Integer(),
  hours: Type.Number({ minimum: 0 }),
  required: Type.Number({ minimum: 0 }),
  short: Type.Boolean(),
  month: Type.String({ description: 'YYYY-MM' }),
  items: Type.Array(HomeLearningItem),
});
export type HomeMyLearningT = Static<typeof HomeMyLearning>;
