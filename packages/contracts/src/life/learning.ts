/** The learning module's contracts (area life): monthly learning lists and how branches hold them (夜学). */
export const LEARNING_MODULE = 'learning' as const;
