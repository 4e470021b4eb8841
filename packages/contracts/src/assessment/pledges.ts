/** The pledges module's contracts (area assessment): pledges of members and organizations (承诺践诺, 为民办实事). */
export const PLEDGES_MODULE = 'pledges' as const;
