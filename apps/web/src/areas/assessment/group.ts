/** The menu group of the assessment area (考核激励) and its place in the side menu, shared by its modules. */
export const ASSESSMENT_GROUP = { zh: '考核激励', en: 'Assessment' };
/** The place of the assessment entries in the side menu (after supervision, before the audit trail). */
export const ASSESSMENT_ORDER = 70;
