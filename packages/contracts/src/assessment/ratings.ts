/** The ratings module's contracts (area assessment): star ratings and assessments of cadres by indicator schemes. */
export const RATINGS_MODULE = 'ratings' as const;
