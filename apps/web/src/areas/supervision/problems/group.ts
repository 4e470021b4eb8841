/** The menu group of the supervision area (督查整改) and its place in the side menu. */
export const SUPERVISION_GROUP = { zh: '督查整改', en: 'Supervision' };
/** The place of the supervision entries in the side menu (after the people area). */
export const SUPERVISION_ORDER = 60;
