/**
 * The web manifest of star ratings and assessments of cadres (星级评定, 5+1, 年终考评): the results of organizations
 * and of cadres, the scoring sheet of one result, the county's schemes and their editor, and a branch's own stars.
 */
import { ProfileOutlined, SolutionOutlined, StarOutlined, TrophyOutlined } from '@ant-design/icons';
import { menuEntry, page, routesOf, type WebModule } from '../../../app/modules';
import { hasCap } from '../../../app/session';
import { ASSESSMENT_GROUP, ASSESSMENT_ORDER } from '../group';

const label = { zh: '星级评定', en: 'Star ratings' };
const staff = (me: Parameters<typeof hasCap>[0]) => hasCap(me, 'ratings.score') || hasCap(me, 'ratings.schemes');

/** The web manifest of ratings. */
export const ratingsWeb: WebModule = {
  area: 'assessment',
  module: 'ratings',
  menu: [
    menuEntry('/ratings', StarOutlined, label, {
      group: ASSESSMENT_GROUP,
      capability: 'ratings.read',
      order: ASSESSMENT_ORDER,
    }),
    menuEntry(
      '/ratings/mine',
      TrophyOutlined,
      { zh: '我的星级', en: 'Our stars' },
      {
        group: ASSESSMENT_GROUP,
        capability: 'ratings.self',
        order: ASSESSMENT_ORDER,
      },
    ),
    menuEntry(
      '/ratings/cadres',
      SolutionOutlined,
      { zh: '干部考核', en: 'Cadre assessments' },
      {
        group: ASSESSMENT_GROUP,
        visible: staff,
        order: ASSESSMENT_ORDER,
      },
    ),
    menuEntry(
      '/ratings/schemes',
      ProfileOutlined,
      { zh: '考评方案', en: 'Rating schemes' },
      {
        group: ASSESSMENT_GROUP,
        visible: staff,
        order: ASSESSMENT_ORDER,
      },
    ),
  ],
  routes: routesOf({
    ratings: page(() => import('./RatingsPage')),
    'ratings/mine': page(() => import('./MyRatingsPage')),
    'ratings/cadres': page(() => import('./CadreRatingsPage')),
    'ratings/schemes': page(() => import('./SchemesPage')),
    'ratings/schemes/new': page(() => import('./SchemeEditorPage')),
    'ratings/schemes/:id': page(() => import('./SchemeEditorPage')),
    'ratings/:id': page(() => import('./RatingSheetPage')),
  }),
  crumbs: {
    ratings: label,
    'ratings/mine': { zh: '我的星级', en: 'Our stars' },
    'ratings/cadres': { zh: '干部考核', en: 'Cadre assessments' },
    'ratings/schemes': { zh: '考评方案', en: 'Rating schemes' },
    'ratings/schemes/new': { zh: '新建方案', en: 'New scheme' },
  },
};
