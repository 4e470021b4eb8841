/**
 * The web manifest of the two village committees (村两委): the people and their posts by term, the election
 * analytics (换届分析), a new secretary's filing with the county (书记备案) and the joint review of candidates (任前联审).
 */
import { AuditOutlined, BarChartOutlined, FileDoneOutlined, TeamOutlined } from '@ant-design/icons';
import { menuEntry, page, routesOf, type WebModule } from '../../../app/modules';
import { CADRES_GROUP as group, CADRES_ORDER } from '../group';

const label = { zh: '村两委成员', en: 'Village committees' };
const elections = { zh: '换届分析', en: 'Election analytics' };
const filings = { zh: '书记备案', en: "Secretaries' filings" };
const reviews = { zh: '任前联审', en: 'Joint reviews' };
// One order for the four: they keep their order here, before the dispatched cadres and contact points
// (the modules' order).
const under = { group, capability: 'cadres.read', order: CADRES_ORDER };

/** The web manifest of cadres. */
export const cadresWeb: WebModule = {
  area: 'people',
  module: 'cadres',
  menu: [
    menuEntry('/cadres', TeamOutlined, label, under),
    menuEntry('/elections', BarChartOutlined, elections, under),
    menuEntry('/cadres/filings', FileDoneOutlined, filings, under),
    menuEntry('/cadres/reviews', AuditOutlined, reviews, under),
  ],
  routes: routesOf({
    cadres: page(() => import('./CadresPage')),
    'cadres/new': page(() => import('./CadreFormPage')),
    'cadres/filings': page(() => import('./FilingsPage')),
    'cadres/filings/:id': page(() => import('./FilingDetailPage')),
    'cadres/reviews': page(() => import('./ReviewsPage')),
    'cadres/reviews/:id': page(() => import('./ReviewDetailPage')),
    'cadres/:id': page(() => import('./CadreDetailPage')),
    'cadres/:id/edit': page(() => import('./CadreFormPage')),
    elections: page(() => import('./ElectionsPage')),
  }),
  crumbs: {
    cadres: label,
    'cadres/new': { zh: '新增村两委成员', en: 'New committee person' },
    elections,
    'cadres/filings': filings,
    'cadres/reviews': reviews,
  },
};
