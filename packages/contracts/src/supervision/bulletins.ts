/** The bulletins module's contracts (area supervision): bulletins generated from the records (季度通报, 工作简报). */
export const BULLETINS_MODULE = 'bulletins' as const;
