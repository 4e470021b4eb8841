/** The URL state of a list page: filters, page, page size, sort and the recycle bin, all in the search params. */
import { useSearchParams } from 'react-router';
import { useScope } from '../../app/scope';

/** Keys that are list state, not filters: they survive "clear filters" or are set by the table itself. */
export const STATE_KEYS = ['page', 'pageSize', 'sort', 'order', 'deleted'] as const;

/** A value a filter may take; empty values remove the key from the URL. */
export type FilterValue = string | number | boolean | null | undefined;

/** What a list page knows of its URL: the API query, paging, sorting and setters that keep it in the URL. */
export interface ListUrl {
  params: URLSearchParams;
  /** The API query: the filters present in the URL (and the switcher's org when the list is org-scoped). */
  query: Record<string, string | number>;
  page: number;
  pageSize: number;
  sort: string | null;
  order: 'asc' | 'desc' | null;
  /** The recycle bin is shown (`?deleted=true`). */
  recycle: boolean;
  /** A filter other than the list state is set. */
  filtered: boolean;
  /** Sets (or, when empty, removes) filters and goes back to page 1. */
  setFilters: (patch: Record<string, FilterValue>) => void;
  /** Sets the page and the page size. */
  setPage: (page: number, pageSize: number) => void;
  /** Sets the sort column and order (null clears) and goes back to page 1. */
  setSort: (sort: string | null, order: 'asc' | 'desc' | null) => void;
  /** Removes every filter, keeping the recycle bin on or off. */
  clear: () => void;
}

/** Reads and writes a list's state in the URL; `keys` are the filter keys sent to the API. */
export function useListUrl(keys: readonly string[], orgScoped = false): ListUrl {
  const [params, setParams] = useSearchParams();
  const { org } = useScope();
  const query: Record<string, string | number> = {};
  for (const k of [...keys, ...(orgScoped ? ['org'] : []), 'sort', 'order', 'deleted']) {
    const v = params.get(k);
    if (v) query[k] = v;
  }
  if (orgScoped && !query.org && org) query.org = org.id;
  const order = params.get('order');
  function update(patch: Record<string, FilterValue>, resetPage: boolean) {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === null || v === '' || v === false) next.delete(k);
      else next.set(k, String(v));
    }
    if (resetPage) next.delete('page');
    setParams(next);
  }
  return {
    params,
    query,
    page: Math.max(1, Number(params.get('page') ?? 1) || 1),
    pageSize: Math.max(1, Number(params.get('pageSize') ?? 20) || 20),
    sort: params.get('sort'),
    order: order === 'asc' || order === 'desc' ? order : null,
    recycle: params.get('deleted') === 'true',
    filtered: [...params.keys()].some((k) => !(STATE_KEYS as readonly string[]).includes(k)),
    setFilters: (patch) => update(patch, true),
    setPage: (page, pageSize) => update({ page, pageSize }, false),
    setSort: (sort, ord) => update({ sort, order: sort ? ord : null }, true),
    clear: () => {
      const next = new URLSearchParams();
      for (const k of STATE_KEYS) {
        const v = params.get(k);
        if (v && k !== 'page') next.set(k, v);
      }
      setParams(next);
    },
  };
}
