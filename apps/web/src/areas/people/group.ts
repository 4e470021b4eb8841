/** The menu group of the cadres (干部队伍): the two committees, elections, dispatched cadres, contact points. */
import type { Labelled } from '@dangjian/contracts';

export const CADRES_GROUP: Labelled = { zh: '干部队伍', en: 'Cadres' };
/** Its place in the side menu (after the members, before organizational life). */
export const CADRES_ORDER = 25;
