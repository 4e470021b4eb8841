/** The web manifest of member points (积分制): the ledger, the ranking, the approvals and an entry's page. */
import { AuditOutlined, OrderedListOutlined, TrophyOutlined } from '@ant-design/icons';
import { menuEntry, page, routesOf, type WebModule } from '../../../app/modules';
import { ASSESSMENT_GROUP, ASSESSMENT_ORDER } from '../group';

const label = { zh: '积分台账', en: 'Points ledger' };
const under = (capability: string, order: number) => ({
  group: ASSESSMENT_GROUP,
  capability,
  order: ASSESSMENT_ORDER + order,
});

/** The web manifest of points. */
export const pointsWeb: WebModule = {
  area: 'assessment',
  module: 'points',
  menu: [
    menuEntry('/points', OrderedListOutlined, label, under('points.write', 20)),
    menuEntry('/points/ranking', TrophyOutlined, { zh: '积分排行', en: 'Points ranking' }, under('points.write', 21)),
    menuEntry('/points/review', AuditOutlined, { zh: '积分审核', en: 'Points approval' }, under('points.write', 22)),
  ],
  routes: routesOf({
    points: page(() => import('./PointsPage')),
    'points/new': page(() => import('./PointFormPage')),
    'points/ranking': page(() => import('./RankingPage')),
    'points/review': page(() => import('./ReviewPage')),
    'points/:id': page(() => import('./PointDetailPage')),
  }),
  crumbs: {
    points: label,
    ranking: { zh: '积分排行', en: 'Points ranking' },
    review: { zh: '积分审核', en: 'Points approval' },
  },
};
