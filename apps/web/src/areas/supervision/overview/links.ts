/**
 * Where each number of the overview leads: its module's list, filtered by the scope, the period and the state it
 * counts (the list pages keep their filters in the URL), so a click shows the records behind the number. A list
 * filters by its own dates (a problem's by the day it was found): closed problems open as those found in the period.
 * The notices have no list of their own (a notice is a problem's), so that number is not a link.
 */
import type { OverviewCountsT } from '@dangjian/contracts';
import { withQuery } from '../../../api/client';

type Scope = { org?: number; from: string; to: string };

/** The list behind each count of the overview. */
export function overviewLinks({ org, from, to }: Scope): Partial<Record<keyof OverviewCountsT, string>> {
  const period = { org, from, to };
  return {
    problems: withQuery('/problems', period),
    rectified: withQuery('/problems', { ...period, status: 'closed' }),
    overdueProblems: withQuery('/problems', { org, overdue: 'true' }),
    inspections: withQuery('/inspections', period),
    bulletins: withQuery('/bulletins', { org, status: 'issued' }),
    unitsCriticised: withQuery('/accountability', { ...period, kind: 'public_criticism', target: 'org' }),
    personsCriticised: withQuery('/accountability', { ...period, kind: 'public_criticism', target: 'person' }),
    punished: withQuery('/accountability', { ...period, kind: 'punishment', target: 'person' }),
    accountability: withQuery('/accountability', period),
    tasksIssued: withQuery('/tasks', period),
    tasksCompleted: withQuery('/tasks', period),
    tasksOverdue: withQuery('/tasks/inbox', { org, overdue: 'true' }),
    weakFlagged: withQuery('/weak-orgs', { org }),
    weakReleased: withQuery('/weak-orgs', { org, status: 'released' }),
  };
}
