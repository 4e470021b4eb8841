/** The lists of an organization subtree: the capability checked, the subtree resolved, the page asked for. */
import type { Capability } from '@dangjian/contracts';
import * as orgsRepo from '../areas/core/orgs/orgs.repository.js';
import { type Actor, requireCapability } from './actor.js';
import type { Ctx } from './context.js';
import type { SubtreeFilter } from './data/orgReader.js';
import type { Paging } from './data/scoped.js';

/** The query parameters every subtree list takes. */
export interface SubtreeQuery {
  org?: number | null;
  q?: string;
  deleted?: boolean;
  page?: number;
  pageSize?: number;
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

/** Requires `can` and turns the query into the filter of its subtree (404 for an organization outside the scope). */
export async function subtreeFilter(
  ctx: Ctx,
  actor: Actor,
  query: SubtreeQuery,
  can: Capability,
): Promise<SubtreeFilter> {
  requireCapability(actor, can);
  const underPath = await orgsRepo.underOrg(ctx.db, actor, query.org);
  return { underPath, q: query.q?.trim() || undefined, deleted: query.deleted };
}
