/** The mobility module's contracts (area people): enums with zh/en labels, schemas of answers and bodies. */
export const MOBILITY_MODULE = 'mobility' as const;
