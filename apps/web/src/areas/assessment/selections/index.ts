/** The web manifest of selections (评选表彰): the list, the form, a selection with its nominations, the ballot. */
import { TrophyOutlined } from '@ant-design/icons';
import { menuEntry, page, routesOf, type WebModule } from '../../../app/modules';
import { ASSESSMENT_GROUP as group, ASSESSMENT_ORDER } from '../group';

const label = { zh: '评选表彰', en: 'Selections' };

/** The web manifest of selections. */
export const selectionsWeb: WebModule = {
  area: 'assessment',
  module: 'selections',
  menu: [
    menuEntry('/selections', TrophyOutlined, label, {
      group,
      capability: 'selections.read',
      order: ASSESSMENT_ORDER + 5,
    }),
  ],
  routes: routesOf({
    selections: page(() => import('./SelectionsPage')),
    'selections/new': page(() => import('./SelectionFormPage')),
    'selections/:id': page(() => import('./SelectionPage')),
    'selections/:id/ballot': page(() => import('./BallotPage')),
  }),
  crumbs: {
    selections: label,
    'selections/new': { zh: '发布评选', en: 'Announce a selection' },
  },
};
