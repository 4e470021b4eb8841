/** The capabilities of the points module (area assessment): member points as an append-only ledger (积分制). */
import { capability as cap, PARTY_ROLES, STAFF_ROLES, type CapabilityDef } from '../core/enums.js';

/** Its capabilities: what each lets its holder do (zh/en) and the roles that hold it. */
export const POINTS_CAPABILITIES = {
  // A member reads its own ledger only (the service narrows it); the staff read their subtree.
  'points.read': cap('查看党员积分台账和排行', 'View the points ledger and ranking', PARTY_ROLES),
  // A member disputes an entry of its own before the month is published.
  'points.dispute': cap('对本人积分提出异议', 'Dispute an entry of one’s own points', ['member']),
  // The branch records manual entries, answers disputes and publishes its months.
  'points.write': cap('录入加减分、答复异议、公示月度积分', 'Record manual points, answer disputes, publish', STAFF_ROLES),
  // The township (and county) approve manual entries after the branch and harvest on demand.
  'points.approve': cap('审核加减分、汇集积分', 'Approve manual points, harvest from records', [
    'county_admin',
    'township_admin',
  ]),
  'points.rules': cap('修改积分规则', 'Change the points rules', ['county_admin']),
} as const satisfies Record<string, CapabilityDef>;
