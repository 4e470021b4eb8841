/**
 * What a record is called where a title is needed (a page's heading, a breadcrumb, a notice): by what it is, never
 * by its database id. One place for the web pages and the server's notices.
 */
import { chinaDay } from '../core/chinaTime.js';
import type { Labelled } from '../core/enums.js';
import { REQUEST_CATEGORIES } from './residents.js';

/** The parts of a request its title is made of. */
export interface RequestTitleParts {
  category: string;
  /** The resident who raised it; null when anonymous. */
  residentName: string | null;
  /** When it was accepted (an instant). */
  acceptedAt: string;
}

/** A request's title: its category, who raised it and the China day it was accepted (生产生活诉求 · 张三 · 2026年12月3日). */
export function requestTitle(r: RequestTitleParts): Labelled {
  const category = (REQUEST_CATEGORIES as Record<string, Labelled>)[r.category] ?? { zh: '', en: '' };
  const [y, m, d] = chinaDay(r.acceptedAt).split('-').map(Number) as [number, number, number];
  return {
    zh: `${category.zh}诉求 · ${r.residentName ?? '匿名'} · ${y}年${m}月${d}日受理`,
    en: `${category.en} request · ${r.residentName ?? 'Anonymous'} · accepted ${chinaDay(r.acceptedAt)}`,
  };
}
