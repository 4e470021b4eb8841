/** The selections module's contracts (area assessment): selections of the best (十佳村干部, 十杰百优). */
export const SELECTIONS_MODULE = 'selections' as const;
