/** The menu group of learning and training (学习培训): monthly learning lists, rotation training, hours. */
import type { Labelled } from '@dangjian/contracts';

export const LEARNING_GROUP: Labelled = { zh: '学习培训', en: 'Learning' };
/** Its place in the side menu (after organizational life). */
export const LEARNING_ORDER = 35;
