/** The problems module's contracts (area supervision): problems and their rectification (问题整改). */
export const PROBLEMS_MODULE = 'problems' as const;
