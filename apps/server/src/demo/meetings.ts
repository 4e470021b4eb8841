/**
 * The demo's organizational life: the last twelve months of 三会一课, 主题党日, 组织生活会, 民主评议,
 * 谈心谈话, 党小组会 and 民主生活会 for every organization of a demo county, with attendance, votes
 * and review grades, and the county's rule that the party day falls on the 5th.
 *
 * Gaps are deliberate: most branches miss a meeting now and then, about one branch in eleven is clearly
 * behind (mostly in two townships), and what falls due later in the current month or quarter is not held
 * yet, so that the compliance figures land near 90% rather than at a suspicious 100%.
 *
 * Every cadence unit (month, quarter, year) that overlaps the twelve months has its meetings inside the
 * window, so the compliance of any month shown is computed from complete data.
 */
export { DEMO_THEME_DAY } from './meetings/plan.js';
export { meetingsContributor } from './meetings/load.js';
