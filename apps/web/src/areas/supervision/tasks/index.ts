/** The web manifest of plans and prompts down the tree (双周计划, 月提示). */
import type { WebModule } from '../../../app/modules';

/** The web manifest of tasks. */
export const tasksWeb: WebModule = {
  area: 'supervision',
  module: 'tasks',
};
