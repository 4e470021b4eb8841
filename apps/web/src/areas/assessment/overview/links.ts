/**
 * Where each number of the assessment overview leads: its module's list, filtered by the scope and the year (the
 * list pages keep their filters in the URL), so a click shows the records behind the number. Shares and averages
 * are not links.
 */
import type { AssessmentCountsT } from '@dangjian/contracts';
import { withQuery } from '../../../api/client';

/** The list behind each figure of the overview. */
export function assessmentLinks(
  org: number | undefined,
  year: number,
): Partial<Record<keyof AssessmentCountsT, string>> {
  const q = { org, year };
  return {
    rated: withQuery('/ratings', q),
    atLeast3: withQuery('/ratings', q),
    commended: withQuery('/ratings', { ...q, commended: 'true' }),
    reminded: withQuery('/ratings', { ...q, reminded: 'true' }),
    pointsMembers: withQuery('/points/ranking', q),
    pointsTotal: withQuery('/points', q),
    pledgesMade: withQuery('/pledges', q),
    pledgesFulfilled: withQuery('/pledges', { ...q, status: 'fulfilled' }),
    pledgesEvaluated: withQuery('/pledges', { ...q, status: 'evaluated' }),
    reportsDue: withQuery('/reports', q),
    reportsGraded: withQuery('/reports', q),
    selections: withQuery('/selections', q),
    winners: withQuery('/selections', q),
    cadresSuspended: withQuery('/retraining', q),
    cadresInRetraining: withQuery('/retraining', q),
    cadresReinstated: withQuery('/retraining', { ...q, status: 'reinstated' }),
    cadresRemoved: withQuery('/retraining', { ...q, status: 'removed' }),
  };
}
