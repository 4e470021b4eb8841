/** The points module's contracts (area assessment): member points as an append-only ledger (积分制). */
export const POINTS_MODULE = 'points' as const;
