/**
 * Rating schemes (考评方案): the county defines a scheme per year — from a template or from nothing — edits it as a
 * draft and publishes it; a published scheme is frozen, and a change makes a new version (a draft copy) for the same
 * or another year. Results keep their own copy of the tree, so no change of a scheme ever reaches a result made under
 * an earlier one.
 */
import {
  type ErrorCode,
  type IndicatorGroupT,
  RATING_TEMPLATES,
  type RatingMode,
  type RatingSchemeCreateT,
  type RatingSchemeFromTemplateT,
  type RatingSchemeItemT,
  type RatingSchemeListQueryT,
  type RatingSchemeT,
  type RatingSchemeUpdateT,
  type StarThresholdT,
  can as roleCan,
  totalOf,
} from '@dangjian/contracts';
import { type Actor, requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { writeAudit } from '../../../platform/data/audit.js';
import { restore as restoreRow, softDelete } from '../../../platform/data/scoped.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { DomainError } from '../../../platform/errors.js';
import { type Listed, pagingOf } from '../../../platform/listing.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { presentScheme, treeOf } from './ratings.present.js';
import * as repo from './ratings.repository.js';

/** A refusal placed on one field of the form. */
export function fieldError(code: ErrorCode, field: string, status?: number): DomainError {
  return new DomainError(code, { fields: [{ field, code }] }, status);
}

/** Refuses a tree with a repeated code, or a record indicator without its measure and mapping. */
export function checkTree(groups: IndicatorGroupT[]): IndicatorGroupT[] {
  const codes = new Set<string>();
  const CODE = /^[A-Za-z0-9_.-]+$/;
  for (const g of groups) {
    if (codes.has(g.key) || !CODE.test(g.key)) throw fieldError('ratings.bad_tree', 'groups');
    codes.add(g.key);
    for (const i of g.items) {
      if (codes.has(i.key) || !CODE.test(i.key)) throw fieldError('ratings.bad_tree', 'groups');
      codes.add(i.key);
      if (i.fill === 'record' && (!i.source || !i.mapping)) throw fieldError('ratings.bad_tree', 'groups');
      if (i.passScore != null && i.passScore > i.maxScore) throw fieldError('ratings.bad_tree', 'groups');
    }
  }
  // Words trimmed; a self or assessor indicator carries no measure.
  return groups.map((g) => ({
    key: g.key,
    name: g.name.trim(),
    items: g.items.map((i) => ({
      key: i.key,
      name: i.name.trim(),
      maxScore: i.maxScore,
      fill: i.fill,
      evidence: i.evidence?.trim() || null,
      source: i.fill === 'record' ? (i.source ?? null) : null,
      mapping: i.fill === 'record' ? (i.mapping ?? null) : null,
      passScore: i.passScore ?? null,
    })),
  }));
}

/** Refuses thresholds whose levels do not run 1, 2, … or whose totals do not rise; a score scheme needs them. */
export function checkThresholds(mode: RatingMode, maxStars: number, t: StarThresholdT[]): StarThresholdT[] {
  const sorted = [...t].sort((a, b) => a.level - b.level);
  if (mode !== 'items' && !sorted.length) throw fieldError('ratings.bad_thresholds', 'thresholds');
  for (const [n, x] of sorted.entries()) {
    if (x.level !== n + 1 || x.level > maxStars) throw fieldError('ratings.bad_thresholds', 'thresholds');
    if (n > 0 && x.minScore <= sorted[n - 1]!.minScore) throw fieldError('ratings.bad_thresholds', 'thresholds');
  }
  return sorted;
}

/** The default top level of a mode: five stars, ten stars, four grades. */
const defaultMax = (mode: RatingMode) => (mode === 'items' ? 10 : mode === 'grade' ? 4 : 5);

/** The templates shipped as data. */
export function templates(actor: Actor) {
  requireCapability(actor, 'ratings.read');
  return {
    items: Object.values(RATING_TEMPLATES).map((t) => ({
      key: t.key,
      name: t.name.zh,
      nameEn: t.name.en,
      subject: t.subject,
      mode: t.mode,
      source: t.source.zh,
      indicatorCount: t.groups.reduce((n, g) => n + g.items.length, 0),
    })),
  };
}

/** Schemes the caller sees (its subtree's and those above it), the latest year first. */
export async function list(ctx: Ctx, actor: Actor, q: RatingSchemeListQueryT): Promise<Listed<RatingSchemeItemT>> {
  requireCapability(actor, 'ratings.read');
  const { rows, total } = await repo.listSchemes(
    ctx.db,
    actor,
    {
      underPath: await orgsRepo.underOrg(ctx.db, actor, q.org),
      q: q.q?.trim() || undefined,
      year: q.year,
      subject: q.subject,
      status: q.status,
      deleted: q.deleted,
    },
    pagingOf(q),
  );
  const counts = await repo.resultCounts(
    ctx.db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => presentScheme(r, counts.get(r.id) ?? 0)), total };
}

/** One scheme with its tree and thresholds. */
export async function get(ctx: Ctx, actor: Actor, id: number): Promise<RatingSchemeT> {
  requireCapability(actor, 'ratings.read');
  const s = await repo.getScheme(ctx.db, actor, id, 'any');
  const counts = await repo.resultCounts(ctx.db, [id]);
  const { groups, thresholds } = treeOf(s);
  const own = s.org_path.startsWith(actor.orgPath ?? '\u0000');
  return {
    ...presentScheme(s, counts.get(id) ?? 0),
    groups,
    thresholds,
    canEdit: !s.deleted_at && s.status === 'draft' && own && roleCan(actor.role, 'ratings.schemes'),
  };
}

/** Writes a new draft scheme of the caller's organization; answers its id. */
async function insert(
  ctx: Ctx,
  actor: Actor,
  input: {
    year: number;
    name: string;
    family: string;
    subject: string;
    mode: RatingMode;
    maxStars: number;
    description: string | null;
    groups: IndicatorGroupT[];
    thresholds: StarThresholdT[];
    previousId?: number | null;
  },
  audit: string,
): Promise<number> {
  const org = await orgsRepo.getOrg(ctx.db, actor, actor.orgId!);
  const groups = checkTree(input.groups);
  const thresholds = checkThresholds(input.mode, input.maxStars, input.thresholds);
  return ctx.db.transaction().execute(async (trx) => {
    if (await repo.schemeNameTaken(trx, org.tenant_id, org.id, input.year, input.name))
      throw fieldError('ratings.duplicate_scheme', 'name', 409);
    const now = ctx.clock().toISOString();
    const version = (await repo.lastVersion(trx, org.tenant_id, input.family, input.year)) + 1;
    const id = await repo.insertScheme(trx, {
      tenant_id: org.tenant_id,
      org_id: org.id,
      org_path: org.org_path,
      year: input.year,
      max_stars: input.maxStars,
      name: input.name,
      family: input.family,
      subject: input.subject,
      mode: input.mode,
      status: 'draft',
      groups: JSON.stringify(groups),
      thresholds: JSON.stringify(thresholds),
      version,
      previous_id: input.previousId ?? null,
      created_by: actor.userId || null,
      description: input.description,
      published_at: null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
    await writeAudit(ctx, trx, actor, {
      action: audit,
      entityType: 'rating_scheme',
      entityId: id,
      changes: {
        name: { before: null, after: input.name },
        year: { before: null, after: input.year },
        total: { before: null, after: totalOf(groups) },
      },
    });
    await bumpVersion(trx, org.tenant_id, 'ratings');
    return id;
  });
}

/** The county defines a scheme for a year (a draft). */
export async function create(ctx: Ctx, actor: Actor, input: RatingSchemeCreateT): Promise<RatingSchemeT> {
  requireCapability(actor, 'ratings.schemes');
  if (input.family != null && !/^[A-Za-z0-9_.-]+$/.test(input.family)) throw fieldError('validation', 'family');
  const maxStars = input.maxStars ?? defaultMax(input.mode);
  const family = input.family ?? `custom_${input.year}_${Date.now().toString(36)}`;
  const id = await insert(
    ctx,
    actor,
    {
      ...input,
      name: input.name.trim(),
      family,
      maxStars,
      description: input.description?.trim() || null,
      thresholds: input.thresholds ?? [],
    },
    'rating_scheme.create',
  );
  return get(ctx, actor, id);
}

/** Copies a template into the county's year (a draft to edit). */
export async function fromTemplate(ctx: Ctx, actor: Actor, input: RatingSchemeFromTemplateT): Promise<RatingSchemeT> {
  requireCapability(actor, 'ratings.schemes');
  const t = RATING_TEMPLATES[input.template];
  if (!t) throw fieldError('ratings.unknown_template', 'template', 404);
  const id = await insert(
    ctx,
    actor,
    {
      year: input.year,
      name: input.name?.trim() || `${input.year}年度${t.name.zh}`,
      family: t.key,
      subject: t.subject,
      mode: t.mode,
      maxStars: t.maxStars,
      description: t.description,
      groups: structuredClone(t.groups),
      thresholds: structuredClone(t.thresholds),
    },
    'rating_scheme.copy',
  );
  return get(ctx, actor, id);
}

/** Changes a draft scheme of the caller's own; a published one is frozen. */
export async function update(ctx: Ctx, actor: Actor, id: number, input: RatingSchemeUpdateT): Promise<RatingSchemeT> {
  requireCapability(actor, 'ratings.schemes');
  const s = await repo.getOwnScheme(ctx.db, actor, id);
  if (s.status !== 'draft') throw new DomainError('ratings.scheme_frozen', undefined, 409);
  const cur = treeOf(s);
  const maxStars = input.maxStars ?? s.max_stars;
  const groups = input.groups ? checkTree(input.groups) : cur.groups;
  const thresholds = checkThresholds(s.mode as RatingMode, maxStars, input.thresholds ?? cur.thresholds);
  const name = input.name?.trim() ?? s.name;
  const set: Record<string, unknown> = {};
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  const put = (col: string, key: string, before: unknown, after: unknown, stored: unknown = after) => {
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    set[col] = stored;
    changes[key] = { before, after };
  };
  put('name', 'name', s.name, name);
  put('max_stars', 'maxStars', s.max_stars, maxStars);
  if (input.description !== undefined)
    put('description', 'description', s.description, input.description?.trim() || null);
  put('groups', 'groups', cur.groups, groups, JSON.stringify(groups));
  put('thresholds', 'thresholds', cur.thresholds, thresholds, JSON.stringify(thresholds));
  if (!Object.keys(set).length) return get(ctx, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    if (set.name && (await repo.schemeNameTaken(trx, s.tenant_id, s.org_id, s.year, name, id)))
      throw fieldError('ratings.duplicate_scheme', 'name', 409);
    await repo.updateScheme(trx, id, { ...set, updated_at: ctx.clock().toISOString() });
    // The trees are long: the audit names what changed, the tree's total before and after.
    if (changes.groups) changes.groups = { before: totalOf(cur.groups), after: totalOf(groups) };
    await writeAudit(ctx, trx, actor, {
      action: 'rating_scheme.update',
      entityType: 'rating_scheme',
      entityId: id,
      changes,
    });
    await bumpVersion(trx, s.tenant_id, 'ratings');
  });
  return get(ctx, actor, id);
}

/** Publishes a draft scheme: from now on it is frozen and results may start under it. */
export async function publish(ctx: Ctx, actor: Actor, id: number): Promise<RatingSchemeT> {
  requireCapability(actor, 'ratings.schemes');
  const s = await repo.getOwnScheme(ctx.db, actor, id);
  if (s.status !== 'draft') throw new DomainError('ratings.scheme_frozen', undefined, 409);
  const { groups, thresholds } = treeOf(s);
  checkTree(groups);
  checkThresholds(s.mode as RatingMode, s.max_stars, thresholds);
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    await repo.updateScheme(trx, id, { status: 'published', published_at: now, updated_at: now });
    await writeAudit(ctx, trx, actor, {
      action: 'rating_scheme.publish',
      entityType: 'rating_scheme',
      entityId: id,
      changes: { status: { before: 'draft', after: 'published' } },
    });
    await bumpVersion(trx, s.tenant_id, 'ratings');
  });
  return get(ctx, actor, id);
}

/** A new version of a scheme (a draft copy) for its year or another; the original and its results stay. */
export async function newVersion(ctx: Ctx, actor: Actor, id: number, year?: number): Promise<RatingSchemeT> {
  requireCapability(actor, 'ratings.schemes');
  const s = await repo.getOwnScheme(ctx.db, actor, id);
  const { groups, thresholds } = treeOf(s);
  const y = year ?? s.year;
  const base = s.name.replace(/（第\d+版）$/, '');
  const version = (await repo.lastVersion(ctx.db, s.tenant_id, s.family, y)) + 1;
  const name = y === s.year ? `${base}（第${version}版）` : base.replace(String(s.year), String(y));
  const nid = await insert(
    ctx,
    actor,
    {
      year: y,
      name: name.slice(0, 100),
      family: s.family,
      subject: s.subject,
      mode: s.mode as RatingMode,
      maxStars: s.max_stars,
      description: s.description,
      groups,
      thresholds,
      previousId: s.id,
    },
    'rating_scheme.version',
  );
  return get(ctx, actor, nid);
}

const CHANGE = (action: string) => ({
  action,
  entityType: 'rating_scheme',
  domains: ['ratings' as const],
  stampUpdatedAt: true,
});

/** Soft-deletes a scheme made by mistake (one without results). */
export async function remove(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  requireCapability(actor, 'ratings.schemes');
  await repo.getOwnScheme(ctx.db, actor, id);
  await softDelete(ctx, actor, 'rating_schemes', id, {
    ...CHANGE('rating_scheme.delete'),
    before: async (trx) => {
      if (((await repo.resultCounts(trx, [id])).get(id) ?? 0) > 0)
        throw new DomainError('ratings.scheme_in_use', undefined, 409);
    },
  });
}

/** Restores a deleted scheme. */
export async function restore(ctx: Ctx, actor: Actor, id: number): Promise<RatingSchemeT> {
  requireCapability(actor, 'ratings.schemes');
  await restoreRow(ctx, actor, 'rating_schemes', id, {
    ...CHANGE('rating_scheme.restore'),
    before: async (trx, row) => {
      if (
        await repo.schemeNameTaken(
          trx,
          row.tenant_id as number,
          row.org_id as number,
          row.year as number,
          row.name as string,
          id,
        )
      )
        throw fieldError('ratings.duplicate_scheme', 'name', 409);
    },
  });
  return get(ctx, actor, id);
}
