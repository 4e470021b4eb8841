/** The menu group of the people area (党员管理), the same words as the roster's group. */
import type { Labelled } from '@dangjian/contracts';

export const PEOPLE_GROUP: Labelled = { zh: '党员管理', en: 'Members' };
