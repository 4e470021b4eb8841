/** The query options of a page of an API list, as the desks count or show it. */
import { api } from '../../../api/client';
import type { ListAnswer } from '../../../api/types';

/** `GET path?query` answering `{ items, total }`, cached under `key`. */
export function listQuery<T>(key: unknown[], path: string, query: Record<string, string | number | boolean>) {
  return {
    queryKey: key,
    queryFn: ({ signal }: { signal: AbortSignal }) => api.get<ListAnswer<T>>(path, query, signal),
  };
}
