/**
 * The demo's development paths, pure: the days of a candidate's steps walked forward from its application with
 * gaps that keep every national time rule (a talk within the month, a year as activist, reviews each quarter,
 * five working days of 公示 and more, approval within three months of the vote, a year of probation), cut at
 * today. A stalled candidate stops early (its next step may fall overdue); an admitted one is shifted so that its
 * approval lands on its member record's joining day.
 */
import { addDays, addMonths, type DevelopmentStepKey } from '@dangjian/contracts';
import type { Random } from '../random.js';

/** A step and its day. */
export type Dated = [DevelopmentStepKey, string];

/** The steps from the application to the approval, forward from `applied` (no cut). */
export function toApproval(rng: Random, applied: string): Dated[] {
  const out: Dated[] = [['application', applied]];
  const at = (step: DevelopmentStepKey, day: string) => {
    out.push([step, day]);
    return day;
  };
  const talk = at('talk', addDays(applied, rng.int(5, 25)));
  const rec = at('activist_recommendation', addDays(talk, rng.int(15, 150)));
  const dec = at('activist_decision', addDays(rec, rng.int(3, 20)));
  at('activist_filing', addDays(dec, rng.int(3, 15)));
  at('contacts_assigned', addDays(dec, rng.int(0, 10)));
  const targetRec = addDays(addMonths(dec, 12), rng.int(0, 60));
  // Quarterly reviews from the decision until the recommendation as target.
  for (let r = addDays(dec, rng.int(70, 88)); r < targetRec; r = addDays(r, rng.int(70, 88))) at('activist_review', r);
  at('target_recommendation', targetRec);
  const td = at('target_decision', addDays(targetRec, rng.int(0, 15)));
  const intro = at('introducers_assigned', addDays(td, rng.int(3, 12)));
  const pr = at('political_review', addDays(td, rng.int(5, 40)));
  const it = at('intensive_training', addDays(td, rng.int(5, 50)));
  const latest = [intro, pr, it].sort()[2]!;
  const bcr = at('branch_committee_review', addDays(latest, rng.int(2, 10)));
  const pub = at('publicity', addDays(bcr, rng.int(1, 5)));
  // Three weeks hold five working days even across the Spring Festival or 国庆.
  const pre = at('pre_review', addDays(pub, rng.int(21, 28)));
  const form = at('application_form', addDays(pre, rng.int(2, 8)));
  const vote = at('branch_vote', addDays(form, rng.int(3, 12)));
  const talk2 = at('committee_talk', addDays(vote, rng.int(5, 25)));
  at('approval', addDays(talk2, rng.int(3, 40)));
  return out.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
}

/** The steps of probation after an approval on `admitted`: filing, oath, reviews, conversion. */
export function probation(rng: Random, admitted: string, convertedOn?: string): Dated[] {
  const out: Dated[] = [];
  const end = addMonths(admitted, 12);
  out.push(['approval_filing', addDays(admitted, rng.int(5, 20))]);
  const oath = addDays(admitted, rng.int(7, 45));
  out.push(['oath', oath]);
  for (let r = addDays(admitted, rng.int(70, 88)); r < end; r = addDays(r, rng.int(70, 88)))
    out.push(['probation_review', r]);
  const appl = addDays(end, -rng.int(3, 20));
  out.push(['conversion_application', appl > oath ? appl : oath]);
  const vote = convertedOn ?? addDays(end, rng.int(0, 20));
  out.push(['conversion_vote', vote < end ? end : vote]);
  out.push(['conversion_approval', convertedOn ?? addDays(vote, rng.int(5, 40))]);
  return out.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
}

/** Every step's day moved by `days` (an admitted candidate's path moved onto its joining day). */
export function shift(steps: Dated[], days: number): Dated[] {
  return steps.map(([s, d]) => [s, addDays(d, days)]);
}

/** The steps on or before today. */
export function cut(steps: Dated[], today: string): Dated[] {
  return steps.filter(([, d]) => d <= today);
}
