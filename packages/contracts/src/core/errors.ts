/** Stable error codes with their messages in Chinese and English; the web client shows them by code. */
import { MODULE_ERRORS } from '../modules.js';
import type { Labelled } from './enums.js';

/** Every error code: the union of the modules' codes (the contracts' list, `modules.ts`). */
export const ERRORS = MODULE_ERRORS;

export type ErrorCode = keyof typeof ERRORS;

/** The JSON body of every error answer. */
export interface ErrorBody {
  error: { code: ErrorCode | string; message: string; details?: unknown };
}

/** The message of an error code in a locale. */
export function errorMessage(code: string, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  const e = (ERRORS as Record<string, Labelled>)[code];
  if (!e) return code;
  return locale === 'en' ? e.en : e.zh;
}
