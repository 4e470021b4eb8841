/**
 * The categories of problems as data: the county's own list (问题类别), or the four of seed 000 (四大类) until it
 * edits one. A problem names a category of the list; one not in it (or no longer offered) is refused in words.
 */
import { PROBLEM_DEFAULT_CATEGORIES, type ProblemCategoriesPutT, type ProblemCategoryT } from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import { writeAudit } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { DomainError } from '../../../platform/errors.js';
import * as repo from './problems.repository.js';

/** A refusal placed on one field of the form. */
export function fieldError(code: DomainError['code'], field: string, status?: number): DomainError {
  return new DomainError(code, { fields: [{ field, code }] }, status);
}

/** The county's categories, in order (the defaults when it has none of its own). */
export async function categoriesOf(db: repo.Q, tenantId: number): Promise<ProblemCategoryT[]> {
  const rows = await repo.listCategories(db, tenantId);
  if (!rows.length) return PROBLEM_DEFAULT_CATEGORIES.map((c) => ({ ...c, active: true }));
  return rows.map((r) => ({ key: r.key, zh: r.name_zh, en: r.name_en, active: !!r.active }));
}

/** The Chinese names of the county's categories by key (lists, exports). */
export async function categoryNames(db: repo.Q, tenantId: number): Promise<Map<string, string>> {
  return new Map((await categoriesOf(db, tenantId)).map((c) => [c.key, c.zh]));
}

/** Refuses a category the county does not offer (on the `category` field). */
export async function checkCategory(db: repo.Q, tenantId: number, key: string): Promise<void> {
  const found = (await categoriesOf(db, tenantId)).find((c) => c.key === key);
  if (!found?.active) throw fieldError('problems.unknown_category', 'category');
}

/** The categories as the caller's county lists them. */
export async function listCategories(ctx: Ctx, actor: Actor): Promise<{ items: ProblemCategoryT[] }> {
  requireCapability(actor, 'problems.read');
  return { items: await categoriesOf(ctx.db, actor.tenantId!) };
}

/** Replaces the county's list: codes and names unique; a category in use stays (it may be made inactive). */
export async function putCategories(
  ctx: Ctx,
  actor: Actor,
  input: ProblemCategoriesPutT,
): Promise<{ items: ProblemCategoryT[] }> {
  requireCapability(actor, 'problems.rules');
  const tenantId = actor.tenantId!;
  const items = input.items.map((c) => ({ key: c.key, zh: c.zh.trim(), en: c.en.trim(), active: c.active }));
  if (items.some((c) => !/^[a-z][a-z0-9_]{0,39}$/.test(c.key))) throw fieldError('problems.bad_category_key', 'items');
  const keys = new Set(items.map((c) => c.key));
  const names = new Set(items.map((c) => c.zh));
  if (keys.size !== items.length || names.size !== items.length || items.some((c) => !c.zh || !c.en))
    throw fieldError('problems.category_duplicate', 'items');
  await ctx.db.transaction().execute(async (trx) => {
    const before = await categoriesOf(trx, tenantId);
    for (const used of await repo.categoriesInUse(trx, tenantId))
      if (!keys.has(used)) throw fieldError('problems.category_in_use', 'items', 409);
    await repo.replaceCategories(trx, tenantId, items, ctx.clock().toISOString());
    await writeAudit(ctx, trx, actor, {
      action: 'problem.categories',
      entityType: 'problem_category',
      changes: { categories: { before: before.map((c) => c.zh), after: items.map((c) => c.zh) } },
    });
    await bumpVersion(trx, tenantId, 'problems');
  });
  return { items: await categoriesOf(ctx.db, tenantId) };
}
