/** The weakOrgs module's contracts (area supervision): weak and lax organizations (软弱涣散). */
export const WEAK_ORGS_MODULE = 'weakOrgs' as const;
