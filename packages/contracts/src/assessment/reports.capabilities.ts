/** The capabilities of the reports module (area assessment). */
import { capability as cap, type CapabilityDef, PARTY_ROLES, STAFF_ROLES } from '../core/enums.js';

/** Its capabilities: what each lets its holder do (zh/en) and the roles that hold it. */
export const REPORTS_CAPABILITIES = {
  'reports.read': cap('查看书记述职评议', "View secretaries' annual reports", STAFF_ROLES),
  // A secretary writes its own organization's report (a township's secretary its own to the county).
  'reports.write': cap('撰写、提交本组织书记述职报告', "Write and submit one's own report", [
    'township_admin',
    'branch_secretary',
  ]),
  // The higher committee opens the round, grades, enters the residents' ballots, closes and publishes.
  'reports.grade': cap('组织述职评议、评定等次', 'Run the rounds and grade the reports', [
    'county_admin',
    'township_admin',
  ]),
  // A member registered on a round's panel grades on its sheet.
  'reports.panel': cap('参加述职评议（党员代表）', 'Grade on a panel', PARTY_ROLES),
} as const satisfies Record<string, CapabilityDef>;
