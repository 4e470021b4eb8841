/** The web manifest of the learning lists (夜学): the items, an item with its holdings, the progress. */
import { ReadOutlined } from '@ant-design/icons';
import { menuEntry, page, routesOf, type WebModule } from '../../../app/modules';
import { LEARNING_GROUP, LEARNING_ORDER } from '../group';

const label = { zh: '学习清单', en: 'Learning lists' };

/** The web manifest of learning. */
export const learningWeb: WebModule = {
  area: 'life',
  module: 'learning',
  menu: [
    menuEntry('/learning', ReadOutlined, label, {
      group: LEARNING_GROUP,
      capability: 'learning.read',
      order: LEARNING_ORDER,
    }),
  ],
  routes: routesOf({
    learning: page(() => import('./LearningPage')),
    'learning/progress': page(() => import('./LearningProgressPage')),
    'learning/:id': page(() => import('./LearningDetailPage')),
  }),
  crumbs: { learning: label, 'learning/progress': { zh: '落实情况', en: 'Progress' } },
};
