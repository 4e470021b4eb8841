/** The figure of visits (走访任务完成情况); its computation stays in visits.quotas.ts. */
import { VisitQuotaQuery, type VisitQuotasT } from '@dangjian/contracts';
import { defineFigure } from '../../../platform/figures.js';

/** Villages short of their quarter's visits and township cadres short of the week's days and households. */
export const quotasFigure = defineFigure<
  { scope: string | null; under: string | null; week: string; quarter: string },
  VisitQuotasT
>({
  key: 'residents.visits.quotas',
  name: { zh: '走访任务完成情况', en: 'Visit quotas' },
  params: VisitQuotaQuery,
  route: 'GET /api/visits/quotas',
  depends: ['visits', 'households', 'roster', 'residents'],
});
