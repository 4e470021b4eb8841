/** The capabilities of the pledges module (area assessment): pledges of members and organizations (承诺践诺). */
import { capability as cap, PARTY_ROLES, STAFF_ROLES, type CapabilityDef } from '../core/enums.js';

/** Its capabilities: what each lets its holder do (zh/en) and the roles that hold it. */
export const PLEDGES_CAPABILITIES = {
  // A member reads its own pledges and the published ones of its organization; staff read their subtree's.
  'pledges.read': cap('查看承诺践诺', 'View pledges', PARTY_ROLES),
  // A member makes and fulfils its own pledges; the branch makes its organization's (为民办实事).
  'pledges.make': cap(
    '定诺、践诺（本人或本组织）',
    'Make and fulfil pledges (own or of the organization)',
    PARTY_ROLES,
  ),
  'pledges.review': cap('审诺、晒诺、验收践诺和结束评诺', 'Review, publish, accept and close pledges', STAFF_ROLES),
  'pledges.evaluate': cap('评诺（党员评议）', 'Evaluate pledges (members)', PARTY_ROLES),
} as const satisfies Record<string, CapabilityDef>;
