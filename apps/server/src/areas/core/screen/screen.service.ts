/**
 * The wall screen (大屏) of a county or a township: the panels of every module (`screen.panels.ts`) and a tile map
 * of its child organizations, cached as a figure under the versions of every figure it reads.
 */
import { ROLE_CAPABILITIES, ScreenQuery, type ScreenT } from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { defineFigure } from '../../../platform/figures.js';
import * as orgsRepo from '../orgs/orgs.repository.js';
import { today } from '../orgs/orgs.service.js';
import { SCREEN_PANELS, type ScreenSource } from './screen.panels.js';
import * as repo from './screen.repository.js';

type Root = { id: number; tenant_id: number; org_path: string; name: string; depth: number };
type WallArgs = { root: Root; day: string; hour: string };
type Wall = Omit<ScreenT, 'asOf' | 'choices' | 'panels'> & { panels: (ScreenT['panels'][number] & { cap: string })[] };

/** 大屏: every module's panel and the tile map of a county or a township. */
export const screenFigure = defineFigure({
  key: 'screen.wall',
  name: { zh: '大屏', en: 'Wall screen' },
  params: ScreenQuery,
  route: 'GET /api/screen',
  depends: ['roster', 'meetings', 'residents', 'households', 'visits', 'development', 'dues'],
  compute: (ctx: Ctx, args: WallArgs) => wallUncached(ctx, args),
});

/** The organizations on a county's map are its townships (rural committees); a township's are all its children. */
async function tilesOf(ctx: Ctx, root: Root) {
  const children = await repo.childrenOf(ctx.db, root.tenant_id, root);
  const townships = children.filter((c) => c.field === 'rural');
  return root.depth === 0 && townships.length ? townships : children;
}

async function wallUncached(ctx: Ctx, { root, day, hour }: WallArgs): Promise<Wall> {
  const tiles = await tilesOf(ctx, root);
  const tileIds = new Map(tiles.map((t) => [t.org_path, t.id]));
  const depth = root.org_path.split('/').filter(Boolean).length;
  const tileOf = new Map<number, number>();
  for (const o of await repo.pathsUnder(ctx.db, root.tenant_id, root.org_path)) {
    const seg = o.org_path.split('/').filter(Boolean);
    if (seg.length <= depth) continue;
    const tile = tileIds.get(`/${seg.slice(0, depth + 1).join('/')}/`);
    if (tile !== undefined) tileOf.set(o.id, tile);
  }
  const quarter = `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
  const src: ScreenSource = { root, tiles, tileOf, day, hour, quarter };
  const values = new Map(tiles.map((t) => [t.id, {} as Record<string, number>]));
  const panels: Wall['panels'] = [];
  for (const def of SCREEN_PANELS) {
    const built = await def.build(ctx, src);
    panels.push({ ...built.panel, cap: def.capability });
    for (const [id, vals] of built.tiles) Object.assign(values.get(id) ?? {}, vals);
  }
  return {
    org: { id: root.id, name: root.name, level: root.depth === 0 ? 'county' : 'township' },
    map: {
      metrics: SCREEN_PANELS.flatMap((d) => d.metrics),
      tiles: tiles.map((t) => ({ orgId: t.id, name: t.name, values: values.get(t.id)! })),
    },
    panels,
  };
}

/** The wall screen of the county or a township inside the caller's scope (default the caller's own). */
export async function wall(ctx: Ctx, actor: Actor, q: { org?: number }): Promise<ScreenT> {
  requireCapability(actor, 'screen.read');
  const org = await orgsRepo.getOrg(ctx.db, actor, q.org ?? actor.orgId!);
  if (org.depth > 1) throw new DomainError('screen.level', { field: 'org' });
  const root: Root = { id: org.id, tenant_id: org.tenant_id, org_path: org.org_path, name: org.name, depth: org.depth };
  const now = ctx.clock();
  const w = await screenFigure.get(ctx, org.tenant_id, { root, day: today(ctx), hour: now.toISOString().slice(0, 13) });
  // The caller's own organization and, for the county, its townships: what the screen may switch to.
  const own = await orgsRepo.getOrg(ctx.db, actor, actor.orgId!);
  const choices = [{ id: own.id, name: own.name }];
  if (own.depth === 0) {
    const ownRoot = { ...own, depth: own.depth };
    choices.push(...(await tilesOf(ctx, ownRoot)).map((t) => ({ id: t.id, name: t.name })));
  }
  const caps = ROLE_CAPABILITIES[actor.role] as readonly string[];
  return {
    ...w,
    choices,
    asOf: now.toISOString(),
    panels: w.panels.filter((p) => caps.includes(p.cap)).map(({ cap: _cap, ...p }) => p),
  };
}
