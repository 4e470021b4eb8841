/**
 * A deterministic, fictitious demo county at the scale the seeds report (about 800
 * organizations and 20,000 members, 16 townships, about 290 villages), so that lists,
 * statistics and the load tests run against realistic shapes rather than a handful of rows.
 */
export type { DemoCounty, DemoMember, DemoOrg } from './county/types.js';
export { generateCounty } from './county/generate.js';
export { COUNTY_SIZE, PROVINCE_COUNTY_SIZE, type CountySize } from './county/types.js';
