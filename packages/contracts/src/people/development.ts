/** The development module's contracts (area people): enums with zh/en labels, schemas of answers and bodies. */
export const DEVELOPMENT_MODULE = 'development' as const;
