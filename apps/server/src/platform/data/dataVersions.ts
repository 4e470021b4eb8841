/** The versions of several data domains of a county, read in one query (the figures kit's per-request cost). */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { Domain } from './versions.js';

/** Every domain's version (0 before its first write), in the order asked. */
export async function readVersions(db: Kysely<DB>, tenantId: number, domains: readonly Domain[]): Promise<number[]> {
  if (!domains.length) return [];
  const rows = await db
    .selectFrom('data_versions')
    .select(['domain', 'version'])
    .where('tenant_id', '=', tenantId)
    .where('domain', 'in', [...domains])
    .execute();
  const byDomain = new Map(rows.map((r) => [r.domain, Number(r.version)]));
  return domains.map((d) => byDomain.get(d) ?? 0);
}
