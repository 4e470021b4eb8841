/**
 * What a record is called where a title is needed (a page's heading, a breadcrumb, a notice): by what it is, never
 * by its database id. One place for the web pages and the server's notices.
 */
import type { Labelled } from '../core/enums.js';
import { REQUEST_CATEGORIES } from './residents.js';

/** The parts of a request its title is made of. */
export interface RequestTitleParts {
  /** The acceptance number (受理编号). */
  requestNo: string;
  category: string;
  /** The head of the household it concerns; null when no household is named. */
  householdHead?: string | null;
  /** The resident who raised it; null when anonymous. */
  residentName: string | null;
}

/**
 * A request's title: its number, category and household (2026-00123 · 生产生活 · 王建国户); the resident's name
 * when no household is named, 匿名 when nobody is.
 */
export function requestTitle(r: RequestTitleParts): Labelled {
  const category = (REQUEST_CATEGORIES as Record<string, Labelled>)[r.category] ?? { zh: '', en: '' };
  const who: Labelled = r.householdHead
    ? { zh: `${r.householdHead}户`, en: `${r.householdHead} household` }
    : r.residentName
      ? { zh: r.residentName, en: r.residentName }
      : { zh: '匿名', en: 'Anonymous' };
  return {
    zh: [r.requestNo, category.zh, who.zh].join(' · '),
    en: [r.requestNo, category.en, who.en].join(' · '),
  };
}
