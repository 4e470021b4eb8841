/** The accountability module's contracts (area supervision): accountability (问责). */
export const ACCOUNTABILITY_MODULE = 'accountability' as const;
