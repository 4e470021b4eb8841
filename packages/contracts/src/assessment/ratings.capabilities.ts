/** The capabilities of the ratings module (area assessment): star ratings and assessments of cadres. */
import { capability as cap, type CapabilityDef, PARTY_ROLES } from '../core/enums.js';

/** Its capabilities: what each lets its holder do (zh/en) and the roles that hold it. */
export const RATINGS_CAPABILITIES = {
  // A member reads the published results of its own organization; the staff read their subtree.
  'ratings.read': cap('查看考评方案和星级评定结果', 'View rating schemes and results', PARTY_ROLES),
  // The county alone defines the schemes, their templates, thresholds and the multi-year target.
  'ratings.schemes': cap('制定考评方案和目标', 'Define rating schemes and targets', ['county_admin']),
  // The township (and the county) scores its branches, publishes, answers objections and makes results final.
  'ratings.score': cap('考评打分、公示和答复异议', 'Score, publish and answer objections', [
    'county_admin',
    'township_admin',
  ]),
  // The branch scores itself (自评).
  'ratings.self': cap('党组织自评', 'Self-score the organization', ['branch_secretary']),
  // Anyone of the organization may lodge an objection while its result is published.
  'ratings.object': cap('对公示的评定结果提出异议', 'Lodge an objection to a published result', PARTY_ROLES),
} as const satisfies Record<string, CapabilityDef>;
