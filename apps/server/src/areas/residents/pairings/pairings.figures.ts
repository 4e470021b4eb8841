/** The figure of pairings (结对缺口); its computation stays in the service. */
import { OrgScopeQuery, type PairingGapsT } from '@dangjian/contracts';
import { defineFigure } from '../../../platform/figures.js';

/** Poor households without a live pairing, and cadres paired beyond or below the rules' load. */
export const gapsFigure = defineFigure<{ lo: string; hi: string }, PairingGapsT>({
  key: 'residents.pairings.gaps',
  name: { zh: '结对缺口', en: 'Pairing gaps' },
  params: OrgScopeQuery,
  route: 'GET /api/pairings/gaps',
  depends: ['residents', 'households', 'roster'],
});
