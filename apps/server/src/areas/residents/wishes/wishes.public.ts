/** The public wall of wishes (no names, no phone, no ID numbers) and the places a resident can post to. */
import type { PublicPlaceT, PublicWishT } from '@dangjian/contracts';
import type { Ctx } from '../../../platform/context.js';
import { cached } from '../../../platform/data/versions.js';
import { scrub } from '../../../platform/personal.js';
import { PLACE_FIELDS, PLACE_MIN_DEPTH, PLACE_TYPES } from '../common/places.js';
import * as repo from './wishes.repository.js';
import { releaseExpiredClaims } from './wishes.expiry.js';

/** The public wall: no names, no phone, no ID numbers; digits that look like them are masked. */
export async function publicWall(
  ctx: Ctx,
  query: { county?: number; status?: string; kind?: string; page?: number; pageSize?: number },
): Promise<{ items: PublicWishT[]; total: number }> {
  let tenantId: number | null = query.county ?? null;
  if (tenantId == null) {
    const all = await repo.tenants(ctx.db);
    if (all.length === 1) tenantId = all[0]!;
  }
  if (query.status === 'withdrawn') return { items: [], total: 0 };
  await releaseExpiredClaims(ctx, ctx.clock(), tenantId);
  const f: repo.WishFilter = {
    tenantId,
    kind: query.kind,
    ...(query.status ? { status: query.status } : { statuses: ['open', 'claimed', 'fulfilled', 'confirmed'] }),
  };
  const { rows, total } = await repo.listWishes(ctx.db, f, query.page ?? 1, query.pageSize ?? 20);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind as PublicWishT['kind'],
      title: scrub(r.title, r.resident_name),
      description: scrub(r.description, r.resident_name),
      orgName: r.org_name,
      status: r.status as PublicWishT['status'],
      createdAt: r.created_at,
      claimedAt: r.claimed_at,
      fulfilledAt: r.fulfilled_at,
      confirmedAt: r.confirmed_at,
    })),
    total,
  };
}

/** Villages and communities a resident can post to, with their township, cached by the roster's version. */
export async function places(ctx: Ctx, county?: number): Promise<PublicPlaceT[]> {
  const list = county != null ? [county] : await repo.tenants(ctx.db);
  const out: PublicPlaceT[] = [];
  for (const tenant of list) {
    out.push(...(await cached(ctx.db, tenant, 'roster', 'public.places', () => placesOf(ctx, tenant))));
  }
  return out;
}

async function placesOf(ctx: Ctx, tenantId: number): Promise<PublicPlaceT[]> {
  const rows = await repo.placeOrgs(ctx.db, tenantId, {
    types: PLACE_TYPES,
    fields: PLACE_FIELDS,
    minDepth: PLACE_MIN_DEPTH,
  });
  // A village's township is its parent (城关镇), named as a place; its villages by name, then id.
  return rows
    .map((r) => ({
      id: r.id,
      name: r.place_name ?? '',
      townshipId: r.parent_id ?? tenantId,
      townshipName: r.township_name ?? '',
      countyId: tenantId,
    }))
    .sort(
      (a, b) =>
        a.townshipName.localeCompare(b.townshipName, 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN') || a.id - b.id,
    );
}
