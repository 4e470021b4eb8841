/** The dues module's contracts (area people): enums with zh/en labels, schemas of answers and bodies. */
export const DUES_MODULE = 'dues' as const;
