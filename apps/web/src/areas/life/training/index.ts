/** The web manifest of rotation training classes and the hours members earn by attending (三分五统, 学时). */
import { ClockCircleOutlined, ReadOutlined } from '@ant-design/icons';
import { menuEntry, page, routesOf, type WebModule } from '../../../app/modules';
import { LEARNING_GROUP as group, LEARNING_ORDER } from '../group';

const classes = { zh: '培训班', en: 'Training classes' };
const hours = { zh: '党员学时', en: 'Training hours' };

/** The web manifest of training. */
export const trainingWeb: WebModule = {
  area: 'life',
  module: 'training',
  menu: [
    menuEntry('/training/classes', ReadOutlined, classes, {
      group,
      capability: 'training.read',
      order: LEARNING_ORDER + 2,
    }),
    menuEntry('/training/hours', ClockCircleOutlined, hours, {
      group,
      capability: 'training.read',
      order: LEARNING_ORDER + 3,
    }),
  ],
  routes: routesOf({
    'training/classes': page(() => import('./TrainingClassesPage')),
    'training/classes/new': page(() => import('./TrainingClassFormPage')),
    'training/classes/:id': page(() => import('./TrainingClassDetailPage')),
    'training/classes/:id/edit': page(() => import('./TrainingClassFormPage')),
    'training/hours': page(() => import('./TrainingHoursPage')),
  }),
  crumbs: {
    training: group,
    'training/classes': classes,
    'training/hours': hours,
    'training/classes/new': { zh: '新建培训班', en: 'New class' },
  },
};
