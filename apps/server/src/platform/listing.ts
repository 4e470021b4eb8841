/** The list of an organization subtree: check the capability, resolve the subtree and the page, fetch, present. */
import type { Capability } from '@dangjian/contracts';
import * as orgsRepo from '../areas/core/orgs/orgs.repository.js';
import { type Actor, requireCapability } from './actor.js';
import type { Ctx } from './context.js';
import type { Paging } from './data/scoped.js';

/** The query parameters every subtree list takes. */
export interface SubtreeQuery {
  org?: number | null;
  q?: string;
  deleted?: boolean;
  page?: number;
  pageSize?: number;
}

/** The repository filter of a subtree list: the subtree's path (none: the actor's scope), the search, the bin. */
export interface SubtreeFilter {
  underPath: string | undefined;
  q: string | undefined;
  deleted: boolean | undefined;
}

/** A page of answers and the total. */
export interface Listed<T> {
  items: T[];
  total: number;
}

/** The page asked for (default: the first page of 20). */
export function pagingOf(query: { page?: number; pageSize?: number }): Paging {
  return { page: query.page ?? 1, pageSize: query.pageSize ?? 20 };
}

/**
 * Requires `can`, resolves `query.org` to the subtree (404 outside the scope), fetches the page with the
 * filter and presents its rows (all at once, so a presenter may load what the rows link to).
 */
export async function listInSubtree<R, T>(
  ctx: Ctx,
  actor: Actor,
  query: SubtreeQuery,
  can: Capability,
  fetch: (f: SubtreeFilter, paging: Paging) => Promise<{ rows: R[]; total: number }>,
  present: (rows: R[]) => T[] | Promise<T[]>,
): Promise<Listed<T>> {
  requireCapability(actor, can);
  const underPath = await orgsRepo.underOrg(ctx.db, actor, query.org);
  const f: SubtreeFilter = { underPath, q: query.q?.trim() || undefined, deleted: query.deleted };
  const { rows, total } = await fetch(f, pagingOf(query));
  return { items: await present(rows), total };
}
