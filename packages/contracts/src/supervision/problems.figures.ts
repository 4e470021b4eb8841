/** The problems module's figure (问题整改情况, `problems.summary`): its query and its answer. */
import { type Static, Type } from '@sinclair/typebox';
import { labelled } from '../core/fieldLabels.js';
import { DateString, Id, KeyOf, Nullable } from '../core/schemas.js';
import { PROBLEM_STATUSES } from './problems.js';

/** A subtree (the caller's own organization by default) and a period of days. */
export const ProblemsSummaryQuery = Type.Object({
  org: Type.Optional(Id()),
  from: DateString('found or closed on or after'),
  to: DateString('found or closed on or before'),
});
export type ProblemsSummaryQueryT = Static<typeof ProblemsSummaryQuery>;

const Counts = {
  found: Type.Integer({ description: 'found in the period' }),
  closed: Type.Integer({ description: 'verified and closed in the period' }),
  overdue: Type.Integer({ description: 'still to be fixed past their due date, at the end of the period or today' }),
  reopened: Type.Integer({ description: 'reopened by a follow-up check in the period' }),
};

/** 问题整改情况: found, closed, overdue, reopened, the average days to close, by category, state and child org. */
export const ProblemsSummary = Type.Object({
  orgId: Type.Integer(),
  orgName: Type.String(),
  from: Type.String(),
  to: Type.String(),
  day: Type.String({ description: 'the day overdue is counted at' }),
  ...Counts,
  avgDaysToClose: Nullable(Type.Number({ description: 'found to closed, of those closed in the period' })),
  byCategory: Type.Array(
    Type.Object({ category: Type.String(), name: Type.String(), ...Counts }, labelled('按类别', 'By category')),
  ),
  byStatus: Type.Array(Type.Object({ status: KeyOf(PROBLEM_STATUSES), count: Type.Integer() })),
  rows: Type.Array(Type.Object({ orgId: Type.Integer(), orgName: Type.String(), ...Counts })),
});
export type ProblemsSummaryT = Static<typeof ProblemsSummary>;
