/** The error codes of the funds module (area economy), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the funds module. */
export const FUNDS_ERRORS = {
  'funds.not_village': { zh: '经费记录只能录入到村', en: 'Funds are recorded for a village' },
} as const satisfies Record<string, Labelled>;
