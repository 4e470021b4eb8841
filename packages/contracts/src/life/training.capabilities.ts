/** The capabilities of the training module (area life). */
import { capability as cap, PARTY_ROLES, STAFF_ROLES, type CapabilityDef } from '../core/enums.js';

/** Its capabilities: what each lets its holder do (zh/en) and the roles that hold it. */
export const TRAINING_CAPABILITIES = {
  // Staff see the classes organized in their subtree and the hours of their members.
  'training.read': cap('查看培训班和党员学时', 'View training classes and members’ hours', STAFF_ROLES),
  // The county or a township organizes classes: the plan, attendees, attendance, funding and the assessment.
  'training.write': cap('举办培训班、记录出勤和结业考核', 'Organize classes, record attendance and results', [
    'county_admin',
    'township_admin',
  ]),
  // The county organization department reviews the course plans before a class opens.
  'training.review': cap('审核培训班课程计划', 'Review the course plans of classes', ['county_admin']),
  // Every member sees its own hours of the year.
  'training.mine': cap('查看本人学时', 'View one’s own training hours', PARTY_ROLES),
} as const satisfies Record<string, CapabilityDef>;
