/** The capabilities of the cadres module (area people): the two village committees, elections, filing, joint review. */
import { capability as cap, STAFF_ROLES, type CapabilityDef } from '../core/enums.js';

/** Its capabilities: what each lets its holder do (zh/en) and the roles that hold it. */
export const CADRES_CAPABILITIES = {
  // A village sees its own committees; the township and the county their subtrees (personal data: staff only).
  'cadres.read': cap('查看村“两委”成员、任职和换届分析', 'View the village committees and the elections', STAFF_ROLES),
  // The township (its organization office) and the county keep the people and their posts.
  'cadres.write': cap('维护村“两委”成员及任职、提请联审', 'Keep the committees and their posts', [
    'county_admin',
    'township_admin',
  ]),
  // The township files a new secretary with the county.
  'cadres.file': cap('村党组织书记报县备案', 'File a new secretary with the county', [
    'county_admin',
    'township_admin',
  ]),
  // The county organization department acknowledges or returns a filing.
  'cadres.acknowledge': cap('确认或退回书记备案', 'Acknowledge or return a filing', ['county_admin']),
  // The county records each unit's opinion of the joint review.
  'cadres.review': cap('录入联审单位意见', "Record a unit's opinion of the joint review", ['county_admin']),
} as const satisfies Record<string, CapabilityDef>;
