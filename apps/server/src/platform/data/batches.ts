/**
 * Reading a large scoped list in batches (exports): by the key (org_path, id), never by OFFSET, so every batch
 * is an index range however deep into the subtree it is.
 */
import type { SelectQueryBuilder } from 'kysely';

/**
 * Streams the rows of `base` (a scoped select with its columns) in batches of `batch`, ordered by the org path
 * and the id of the table under `alias`.
 */
export async function* batchesByPath<R extends { org_path: string; id: number }>(
  base: SelectQueryBuilder<any, any, any>,
  alias: string,
  batch: number,
): AsyncGenerator<R[]> {
  const path = `${alias}.org_path`;
  const id = `${alias}.id`;
  let lastPath = '';
  let lastId = 0;
  for (;;) {
    const rows = (await base
      .where((eb: any) => eb.or([eb(path, '>', lastPath), eb.and([eb(path, '=', lastPath), eb(id, '>', lastId)])]))
      .orderBy(path)
      .orderBy(id)
      .limit(batch)
      .execute()) as R[];
    if (!rows.length) return;
    yield rows;
    lastPath = rows[rows.length - 1].org_path;
    lastId = rows[rows.length - 1].id;
    if (rows.length < batch) return;
  }
}
