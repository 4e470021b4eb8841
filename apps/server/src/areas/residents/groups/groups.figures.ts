/** The figure of household groups (联户覆盖); its computation stays in the service. */
import { OrgScopeQuery, type GroupCoverageT } from '@dangjian/contracts';
import { defineFigure } from '../../../platform/figures.js';

/** Groups, households and people in a live group against all, by child organization. */
export const coverageFigure = defineFigure<{ root: number; path: string }, GroupCoverageT>({
  key: 'residents.groups.coverage',
  name: { zh: '联户覆盖', en: 'Household group coverage' },
  params: OrgScopeQuery,
  route: 'GET /api/household-groups/coverage',
  depends: ['residents', 'households', 'roster'],
});
