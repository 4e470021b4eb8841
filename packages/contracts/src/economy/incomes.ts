/** The incomes module's contracts (area economy): yearly collective income of villages and their classes (村集体经济). */
export const INCOMES_MODULE = 'incomes' as const;
