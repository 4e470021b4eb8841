/**
 * The ratings module's contracts (area assessment): star ratings of organizations (星级评定: 五化五星, 十星级, 三化四明)
 * and assessments of cadres (村干部"5+1"考核, 年终考评) by indicator schemes the county defines per year.
 *
 * A scheme is a tree of indicators (groups → items) with their max scores, how each is filled (from the platform's
 * records through a figure of the catalogue, by the organization's own score, or by the assessor's score), the
 * evidence it needs, and the thresholds that turn a total into stars (or ten stars by items met, or a grade of a
 * cadre). A result is one subject's rating under one scheme; it keeps its own copy of the indicator tree once it is
 * published, so a new year's scheme never changes last year's results. The self-score and the assessor's score are
 * kept apart. Results are published for objections (公示) and go final when the window has passed and every
 * objection is answered.
 */
export const RATINGS_MODULE = 'ratings' as const;

export * from './ratings.base.js';
export * from './ratings.results.js';
export * from './ratings.stats.js';
export * from './ratings.templates.js';
export * from './ratings.scoring.js';
