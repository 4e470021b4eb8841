/**
 * The funds module's contracts (area economy): grassroots funds and pay: operating and service funds, first
 * secretaries' work funds, secretaries' pay.
 */
export const FUNDS_MODULE = 'funds' as const;
