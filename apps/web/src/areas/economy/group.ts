/** The menu group of the village economy (集体经济): income and classes, industry projects, funds and pay. */
import type { Labelled } from '@dangjian/contracts';

export const ECONOMY_GROUP: Labelled = { zh: '集体经济', en: 'Village economy' };
/** Its place in the side menu (after serving residents, before supervision). */
export const ECONOMY_ORDER = 50;
