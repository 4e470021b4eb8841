/** The capabilities of the selections module (area assessment). */
import { capability as cap, type CapabilityDef, PARTY_ROLES, STAFF_ROLES } from '../core/enums.js';

/** Its capabilities: what each lets its holder do (zh/en) and the roles that hold it. */
export const SELECTIONS_CAPABILITIES = {
  'selections.read': cap('查看评选表彰', 'View selections', PARTY_ROLES),
  'selections.manage': cap('组织评选、审核推荐、确定当选人', 'Run selections, review nominations, name winners', [
    'county_admin',
    'township_admin',
  ]),
  'selections.nominate': cap('推荐评选人选', 'Nominate candidates', STAFF_ROLES),
  // One secret ballot per account; the count is the organizer's alone.
  'selections.vote': cap('参加评选投票', 'Vote in a selection', PARTY_ROLES),
} as const satisfies Record<string, CapabilityDef>;
