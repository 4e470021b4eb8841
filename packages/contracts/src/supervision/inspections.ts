/** The inspections module's contracts (area supervision): inspections (季督查, 半年督查, 随机暗访, 现场观摩). */
export const INSPECTIONS_MODULE = 'inspections' as const;
