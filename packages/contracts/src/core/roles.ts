/** Roles and the capabilities each one holds: the permission rules as data. */
import { MODULE_CAPABILITIES } from '../modules.js';
import type { Labelled } from './enums.js';

export const ROLES = {
  county_admin: { zh: '县级管理员', en: 'County admin' },
  township_admin: { zh: '乡镇管理员', en: 'Township admin' },
  branch_secretary: { zh: '支部书记', en: 'Branch secretary' },
  member: { zh: '党员', en: 'Member' },
  auditor: { zh: '审计员', en: 'Auditor' },
  security_admin: { zh: '安全管理员', en: 'Security admin' },
  /** An account of a province or prefecture: reads its region's figures, no county's records. */
  region_admin: { zh: '省市管理员', en: 'Province or prefecture admin' },
} satisfies Record<string, Labelled>;
export type Role = keyof typeof ROLES;

/** Every capability, declared by the modules (`modules.ts`). */
export type Capability = keyof typeof MODULE_CAPABILITIES;
export const CAPABILITIES = Object.keys(MODULE_CAPABILITIES) as Capability[];

/** What each capability lets its holder do, for people (the permission table, the roles page). */
export const CAPABILITY_LABELS: Record<Capability, Labelled> = Object.fromEntries(
  CAPABILITIES.map((c) => [c, { zh: MODULE_CAPABILITIES[c].zh, en: MODULE_CAPABILITIES[c].en }]),
) as Record<Capability, Labelled>;

/** The capabilities each role holds: the permission rules as data, from the modules' declarations. */
export const ROLE_CAPABILITIES: Record<Role, readonly Capability[]> = Object.fromEntries(
  (Object.keys(ROLES) as Role[]).map((role) => [
    role,
    CAPABILITIES.filter((c) => (MODULE_CAPABILITIES[c].roles as readonly string[]).includes(role)),
  ]),
) as unknown as Record<Role, readonly Capability[]>;

/** Whether a role holds a capability. */
export function can(role: Role, capability: Capability): boolean {
  return ROLE_CAPABILITIES[role].includes(capability);
}

/** Roles whose holders are bound to an organization subtree for business data. */
export const BUSINESS_ROLES: readonly Role[] = ['county_admin', 'township_admin', 'branch_secretary', 'member'];

/**
 * Roles that only a grant decided by a second person gives (三员分立): the county admin proposes
 * (`users.propose`), the security admin approves or rejects (`users.approve`), and nobody decides
 * their own proposal. The security admin sets the other business roles directly.
 */
export const ADMIN_ROLES: readonly Role[] = ['county_admin', 'township_admin', 'auditor', 'security_admin'];

/** Accounts the security admin may not change at all (the other two of the three administrators). */
export const PROTECTED_ROLES: readonly Role[] = ['auditor', 'security_admin'];
