/** The web manifest of plans and prompts down the tree (任务督办, 双周计划, 月提示): issuer's list, inbox, form, detail. */
import { FlagOutlined, InboxOutlined } from '@ant-design/icons';
import { menuEntry, page, routesOf, type WebModule } from '../../../app/modules';

const group = { zh: '督查整改', en: 'Supervision' };
const label = { zh: '任务督办', en: 'Tasks' };

/** The web manifest of tasks. */
export const tasksWeb: WebModule = {
  area: 'supervision',
  module: 'tasks',
  menu: [
    menuEntry('/tasks', FlagOutlined, label, { group, capability: 'tasks.issue', order: 60 }),
    menuEntry(
      '/tasks/inbox',
      InboxOutlined,
      { zh: '我的任务', en: 'My tasks' },
      {
        group,
        capability: 'tasks.report',
        order: 60,
      },
    ),
  ],
  routes: routesOf({
    tasks: page(() => import('./TasksPage')),
    'tasks/inbox': page(() => import('./TaskInboxPage')),
    'tasks/new': page(() => import('./TaskFormPage')),
    'tasks/:id': page(() => import('./TaskDetailPage')),
    'tasks/:id/edit': page(() => import('./TaskFormPage')),
  }),
  crumbs: {
    tasks: label,
    inbox: { zh: '我的任务', en: 'My tasks' },
  },
};
