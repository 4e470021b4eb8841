/** The retraining module's contracts (area assessment): retraining of incompetent cadres (淬火整训). */
export const RETRAINING_MODULE = 'retraining' as const;
