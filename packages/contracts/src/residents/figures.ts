/** API schemas of the figures of serving residents (GET /api/stats/service and its Excel export). */
import { Type, type Static } from '@sinclair/typebox';
import { DateString } from '../core/schemas.js';

/**
 * Subtree (org id, default the caller's scope) and period (China dates, both inclusive; default this calendar year).
 */
export const ResidentsStatsQuery = Type.Object({
  org: Type.Optional(Type.Integer({ minimum: 1 })),
  from: Type.Optional(DateString('first day, default January 1st of this year')),
  to: Type.Optional(DateString('last day, default December 31st of this year')),
});
export type ResidentsStatsQuery = Static<typeof ResidentsStatsQuery>;

const Counts = (keys: readonly string[]) => Type.Object(Object.fromEntries(keys.map((k) => [k, Type.Integer()])));
const Rate = Type.Number({ minimum: 0, maximum: 1 });

/** The figures of a subtree and period, computed from the records. */
export const ResidentsStats = Type.Object({
  org: Type.Object({ id: Type.Integer(), name: Type.String() }),
  period: Type.Object({ from: Type.String(), to: Type.String() }),
  requests: Type.Object({
    accepted: Type.Integer(),
    closed: Type.Integer(),
    open: Type.Integer(),
    overdue: Type.Integer(),
    byLevel: Counts(['on_the_spot', 'studied', 'coordinated']),
    byChannel: Counts(['outreach', 'reception', 'complaint', 'online', 'hotline']),
    byCategory: Type.Record(Type.String(), Type.Integer()),
    avgCloseDays: Type.Number(),
    closedOnTimeRate: Rate,
    ratings: Counts(['satisfied', 'fairly_satisfied', 'dissatisfied']),
    satisfactionRate: Rate,
  }),
  wishes: Type.Object({
    collected: Type.Integer(),
    claimed: Type.Integer(),
    fulfilled: Type.Integer(),
    confirmed: Type.Integer(),
  }),
  errands: Type.Object({ taken: Type.Integer(), done: Type.Integer() }),
  groups: Type.Object({
    groups: Type.Integer(),
    households: Type.Integer(),
    householdsTotal: Type.Integer(),
    people: Type.Integer(),
    coverageRate: Rate,
  }),
  pairing: Type.Object({
    poorHouseholds: Type.Integer(),
    paired: Type.Integer(),
    cadres: Type.Integer(),
    coverageRate: Rate,
  }),
  visits: Type.Object({
    visits: Type.Integer(),
    households: Type.Integer(),
    villagesVisited: Type.Integer(),
    villages: Type.Integer(),
  }),
  byOrg: Type.Array(
    Type.Object({
      orgId: Type.Integer(),
      orgName: Type.String(),
      accepted: Type.Integer(),
      closed: Type.Integer(),
      overdue: Type.Integer(),
      satisfactionRate: Rate,
      wishes: Type.Integer(),
      wishesDone: Type.Integer(),
      errands: Type.Integer(),
      /** Households registered under the child (none for an organ or enterprise: coverage does not apply). */
      households: Type.Integer(),
      coverageRate: Rate,
    }),
  ),
  monthly: Type.Array(Type.Object({ month: Type.String(), accepted: Type.Integer(), closed: Type.Integer() })),
});
export type ResidentsStats = Static<typeof ResidentsStats>;
