/** The field builders of the cadres contracts (each with its name in words for a refusal); not exported further. */
import { Type } from '@sinclair/typebox';
import { labelled } from '../core/fieldLabels.js';
import type { KeyOf } from '../core/schemas.js';

/** A choice among an enum's keys, with its name in words (the form's label of a refusal). */
export const Choice = <T extends Record<string, unknown>>(map: T, zh: string, en: string) =>
  Type.Union(
    Object.keys(map).map((k) => Type.Literal(k)),
    labelled(zh, en),
  ) as unknown as ReturnType<typeof KeyOf<T>>;
/** A calendar day `YYYY-MM-DD` with its name in words. */
export const Day = (zh: string, en: string) =>
  Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date', examples: ['2026-06-15'], ...labelled(zh, en) });
/** Free text up to `max` characters, with its name in words. */
export const Words = (max: number, zh: string, en: string) => Type.String({ maxLength: max, ...labelled(zh, en) });
/** Text of 1 to `max` characters, with its name in words. */
export const Words1 = (max: number, zh: string, en: string) =>
  Type.String({ minLength: 1, maxLength: max, ...labelled(zh, en) });
/** A term: its election year. */
export const Term = (zh = '届次（换届年份）', en = 'Term (election year)') =>
  Type.Integer({ minimum: 2000, maximum: 2100, ...labelled(zh, en) });
/** The id of a record named in a body, with its name in words. */
export const RefId = (zh: string, en: string) =>
  Type.Integer({ minimum: 1, maximum: 2_147_483_647, ...labelled(zh, en) });
