/** The transfers module's contracts (area people): enums with zh/en labels, schemas of answers and bodies. */
export const TRANSFERS_MODULE = 'transfers' as const;
