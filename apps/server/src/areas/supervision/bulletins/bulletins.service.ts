/**
 * Bulletins (通报、简报): generate a draft for a subtree and period, edit and regenerate it, issue it (its content
 * frozen, numbered per issuing organization and year), withdraw it with a reason, soft delete and restore drafts.
 */
import {
  BULLETIN_SECTION_KEYS,
  chinaToday,
  ROLE_CAPABILITIES,
  type BulletinAction,
  type BulletinContentT,
  type BulletinCreateT,
  type BulletinDetailT,
  type BulletinItemT,
  type BulletinListQueryT,
  type BulletinSectionKey,
  type BulletinUpdateT,
} from '@dangjian/contracts';
import { type Actor, inScope, requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { writeAudit } from '../../../platform/data/audit.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { type Listed, pagingOf } from '../../../platform/listing.js';
import { stampsOf } from '../../../platform/stamps.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { computeContent } from './bulletins.compute.js';
import type { OrgRef } from './bulletins.model.js';
import { type BulletinPeriod, defaultTitle, periodOfKey, resolvePeriod } from './bulletins.period.js';
import * as repo from './bulletins.repository.js';

const writerOf = (actor: Actor) => ROLE_CAPABILITIES[actor.role].includes('bulletins.write');

/** The API item of a row. */
export function present(r: repo.BulletinRow, orgName: string): BulletinItemT {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName,
    issuerOrgId: r.issuer_org_id,
    issuerName: r.issuer_name,
    kind: r.kind as BulletinItemT['kind'],
    status: r.status as BulletinItemT['status'],
    title: r.title,
    periodLabel: r.period_label,
    from: r.period_from,
    to: r.period_to,
    year: r.year,
    seq: r.seq,
    numberLabel: r.number_label,
    issuedAt: r.issued_at,
    issuedByName: r.issued_by_name,
    withdrawnAt: r.withdrawn_at,
    withdrawReason: r.withdraw_reason,
    ...stampsOf(r),
  };
}

/** The stored order of sections (every section once: sections added later go last). */
export function orderOf(r: repo.BulletinRow): BulletinSectionKey[] {
  const stored = (JSON.parse(r.section_order) as BulletinSectionKey[]).filter((k) => BULLETIN_SECTION_KEYS.includes(k));
  return [...stored, ...BULLETIN_SECTION_KEYS.filter((k) => !stored.includes(k))];
}

/** The content of a row with its sections in the bulletin's order. */
export function contentOf(r: repo.BulletinRow): BulletinContentT {
  const c = JSON.parse(r.content) as BulletinContentT;
  const order = orderOf(r);
  return { ...c, sections: [...c.sections].sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key)) };
}

/** What the caller may do with a bulletin now: the writers of the issuing organization's subtree act on it. */
function actionsOf(actor: Actor, r: repo.BulletinRow): BulletinAction[] {
  if (!writerOf(actor) || !inScope(actor, r.tenant_id, r.issuer_path)) return [];
  if (r.deleted_at) return r.status === 'draft' ? ['restore'] : [];
  if (r.status === 'draft') return ['edit', 'regenerate', 'issue', 'delete'];
  return r.status === 'issued' ? ['withdraw'] : [];
}

/** Bulletins the caller may read, newest period first. */
export async function list(ctx: Ctx, actor: Actor, q: BulletinListQueryT): Promise<Listed<BulletinItemT>> {
  requireCapability(actor, 'bulletins.read');
  // An organization above the caller's names its issued bulletins (they cover the caller); else the subtree's.
  const abovePath = q.org ? await repo.pathAbove(ctx.db, actor, q.org) : null;
  const underPath = abovePath ? undefined : await orgsRepo.underOrg(ctx.db, actor, q.org);
  const f: repo.BulletinFilter = {
    underPath,
    abovePath: abovePath ?? undefined,
    kind: q.kind,
    status: q.status,
    year: q.year,
    q: q.q?.trim() || undefined,
    deleted: q.deleted,
  };
  const { rows, total } = await repo.listBulletins(ctx.db, actor, writerOf(actor), f, pagingOf(q));
  const names = await repo.orgNames(
    ctx.db,
    rows.map((r) => r.org_id),
  );
  return { items: rows.map((r) => present(r, names.get(r.org_id) ?? '')), total };
}

/** A row the caller may read (deleted ones too, for the recycle bin). */
export function rowOf(ctx: Ctx, actor: Actor, id: number): Promise<repo.BulletinRow> {
  requireCapability(actor, 'bulletins.read');
  return repo.getBulletin(ctx.db, actor, writerOf(actor), id, 'any');
}

/** One bulletin with its text, content and what the caller may do. */
export async function get(ctx: Ctx, actor: Actor, id: number): Promise<BulletinDetailT> {
  const r = await rowOf(ctx, actor, id);
  return detail(ctx, actor, r);
}

async function detail(ctx: Ctx, actor: Actor, r: repo.BulletinRow): Promise<BulletinDetailT> {
  const names = await repo.orgNames(ctx.db, [r.org_id]);
  return {
    ...present(r, names.get(r.org_id) ?? ''),
    foreword: r.foreword,
    conclusion: r.conclusion,
    sectionOrder: orderOf(r),
    content: contentOf(r),
    actions: actionsOf(actor, r),
  };
}

/** Generates a draft for an organization of the caller's subtree and a period. */
export async function create(ctx: Ctx, actor: Actor, body: BulletinCreateT): Promise<BulletinDetailT> {
  requireCapability(actor, 'bulletins.write');
  const period = resolvePeriod(body);
  const org = await orgsRepo.getOrg(ctx.db, actor, body.orgId);
  const issuer = await orgsRepo.getOrg(ctx.db, actor, actor.orgId!);
  const root: OrgRef = { id: org.id, tenant_id: org.tenant_id, org_path: org.org_path, name: org.name };
  const content = await computeContent(ctx, root, period);
  const now = ctx.clock().toISOString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertBulletin(trx, {
      tenant_id: org.tenant_id,
      org_id: org.id,
      org_path: org.org_path,
      issuer_org_id: issuer.id,
      issuer_path: issuer.org_path,
      issuer_name: issuer.name,
      kind: body.kind,
      status: 'draft',
      title: body.title?.trim() || defaultTitle(org.name, period, body.kind),
      period_label: period.label,
      period_from: period.from,
      period_to: period.to,
      period: period.period,
      foreword: null,
      conclusion: null,
      section_order: JSON.stringify(BULLETIN_SECTION_KEYS),
      content: JSON.stringify(content),
      year: null,
      seq: null,
      number_label: null,
      issued_at: null,
      issued_by_name: null,
      issued_by: null,
      withdrawn_at: null,
      withdraw_reason: null,
      withdrawn_by_name: null,
      pdf_file: null,
      created_by: actor.userId || null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
    await bumpVersion(trx, org.tenant_id, 'bulletins');
    await writeAudit(ctx, trx, actor, { action: 'bulletin.create', entityType: 'bulletin', entityId: id });
    return id;
  });
  return get(ctx, actor, id);
}

/** A live draft the caller may change; 409 `bulletins.not_draft` for an issued one. */
async function draftOf(ctx: Ctx, actor: Actor, id: number): Promise<repo.BulletinRow> {
  requireCapability(actor, 'bulletins.write');
  const r = await repo.getBulletin(ctx.db, actor, true, id);
  if (!inScope(actor, r.tenant_id, r.issuer_path)) throw new DomainError('forbidden');
  if (r.status !== 'draft') throw new DomainError('bulletins.not_draft', undefined, 409);
  return r;
}

/** Edits a draft: title, foreword, conclusion, the order of sections (each section once). */
export async function update(ctx: Ctx, actor: Actor, id: number, body: BulletinUpdateT): Promise<BulletinDetailT> {
  const r = await draftOf(ctx, actor, id);
  const set: Partial<repo.BulletinRow> = { updated_at: ctx.clock().toISOString() };
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  if (body.title !== undefined) {
    const title = body.title.trim();
    if (!title) throw new DomainError('validation', { field: 'title' });
    set.title = title;
    changes.title = { before: r.title, after: title };
  }
  for (const k of ['foreword', 'conclusion'] as const) {
    if (body[k] === undefined) continue;
    const v = body[k]?.trim() || null;
    set[k] = v;
    changes[k] = { before: r[k], after: v };
  }
  if (body.sectionOrder) {
    const o = body.sectionOrder;
    if (new Set(o).size !== o.length || o.length !== BULLETIN_SECTION_KEYS.length)
      throw new DomainError('bulletins.bad_order', { field: 'sectionOrder' });
    set.section_order = JSON.stringify(o);
    changes.sectionOrder = { before: orderOf(r).join(','), after: o.join(',') };
  }
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateBulletin(trx, r.id, set);
    await bumpVersion(trx, r.tenant_id, 'bulletins');
    await writeAudit(ctx, trx, actor, { action: 'bulletin.update', entityType: 'bulletin', entityId: r.id, changes });
  });
  return get(ctx, actor, id);
}

/** The stored period of a row. */
function periodOfRow(r: repo.BulletinRow): BulletinPeriod {
  return r.period ? periodOfKey(r.period)! : resolvePeriod({ from: r.period_from, to: r.period_to });
}

/** Recomputes a draft's figures from the records as they are now. */
export async function regenerate(ctx: Ctx, actor: Actor, id: number): Promise<BulletinDetailT> {
  const r = await draftOf(ctx, actor, id);
  const org = await orgsRepo.getOrg(ctx.db, actor, r.org_id);
  const root: OrgRef = { id: org.id, tenant_id: org.tenant_id, org_path: org.org_path, name: org.name };
  const content = await computeContent(ctx, root, periodOfRow(r));
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateBulletin(trx, r.id, { content: JSON.stringify(content), updated_at: ctx.clock().toISOString() });
    await bumpVersion(trx, r.tenant_id, 'bulletins');
    await writeAudit(ctx, trx, actor, { action: 'bulletin.regenerate', entityType: 'bulletin', entityId: r.id });
  });
  return get(ctx, actor, id);
}

/**
 * Issues a draft: its content stays as generated (frozen from now on) and it takes the next number of its
 * issuing organization and year, in one transaction (no gap, no duplicate under parallel issues).
 */
export async function issue(ctx: Ctx, actor: Actor, id: number): Promise<BulletinDetailT> {
  const r = await draftOf(ctx, actor, id);
  const now = ctx.clock().toISOString();
  const year = Number(chinaToday(ctx.clock()).slice(0, 4));
  await ctx.db.transaction().execute(async (trx) => {
    const claimed = await repo.claimIssue(trx, r.id, {
      status: 'issued',
      issued_at: now,
      issued_by: actor.userId || null,
      issued_by_name: actor.displayName,
      updated_at: now,
    });
    if (!claimed) throw new DomainError('bulletins.not_draft', undefined, 409);
    const seq = await repo.nextNumber(trx, r.tenant_id, r.issuer_org_id, year);
    const label = `${year}年第${seq}期`;
    await repo.updateBulletin(trx, r.id, { year, seq, number_label: label });
    await bumpVersion(trx, r.tenant_id, 'bulletins');
    await writeAudit(ctx, trx, actor, {
      action: 'bulletin.issue',
      entityType: 'bulletin',
      entityId: r.id,
      changes: { numberLabel: { before: null, after: label } },
    });
  });
  return get(ctx, actor, id);
}

/** Withdraws an issued bulletin with a reason: it keeps its number and content, marked 已撤回. */
export async function withdraw(ctx: Ctx, actor: Actor, id: number, reason: string): Promise<BulletinDetailT> {
  requireCapability(actor, 'bulletins.write');
  const r = await repo.getBulletin(ctx.db, actor, true, id);
  if (!inScope(actor, r.tenant_id, r.issuer_path)) throw new DomainError('forbidden');
  const why = reason.trim();
  if (!why) throw new DomainError('validation', { field: 'reason' });
  const now = ctx.clock().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const done = await repo.claimWithdraw(trx, r.id, {
      status: 'withdrawn',
      withdrawn_at: now,
      withdraw_reason: why,
      withdrawn_by_name: actor.displayName,
      updated_at: now,
    });
    if (!done) throw new DomainError('bulletins.not_issued', undefined, 409);
    await bumpVersion(trx, r.tenant_id, 'bulletins');
    await writeAudit(ctx, trx, actor, {
      action: 'bulletin.withdraw',
      entityType: 'bulletin',
      entityId: r.id,
      changes: { withdrawReason: { before: null, after: why } },
    });
  });
  return get(ctx, actor, id);
}

/** Soft-deletes a draft (an issued bulletin is withdrawn, never deleted). */
export async function remove(ctx: Ctx, actor: Actor, id: number): Promise<BulletinDetailT> {
  return setDeleted(ctx, actor, id, true);
}

/** Restores a deleted draft. */
export async function restore(ctx: Ctx, actor: Actor, id: number): Promise<BulletinDetailT> {
  return setDeleted(ctx, actor, id, false);
}

async function setDeleted(ctx: Ctx, actor: Actor, id: number, deleting: boolean): Promise<BulletinDetailT> {
  requireCapability(actor, 'bulletins.write');
  const r = await repo.getBulletin(ctx.db, actor, true, id, 'any');
  if (!inScope(actor, r.tenant_id, r.issuer_path)) throw new DomainError('forbidden');
  if (deleting && r.deleted_at) throw notFound();
  if (!deleting && !r.deleted_at) throw new DomainError('record.not_deleted', undefined, 409);
  if (r.status !== 'draft') throw new DomainError('bulletins.not_draft', undefined, 409);
  const now = ctx.clock().toISOString();
  const after = deleting ? now : null;
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateBulletin(trx, r.id, { deleted_at: after, updated_at: now });
    await bumpVersion(trx, r.tenant_id, 'bulletins');
    await writeAudit(ctx, trx, actor, {
      action: deleting ? 'bulletin.delete' : 'bulletin.restore',
      entityType: 'bulletin',
      entityId: r.id,
      changes: { deletedAt: { before: r.deleted_at, after } },
    });
  });
  return get(ctx, actor, id);
}

/**
 * The bench's helper: computes a county-wide bulletin's content (every section) for a tenant's root organization
 * and a period key, without storing it. Answers the content and the milliseconds it took.
 */
export async function generateCountyBulletin(
  ctx: Ctx,
  tenantId: number,
  periodKey: string,
): Promise<{ content: BulletinContentT; ms: number }> {
  const roots = await repo.orgsOfTenant(ctx.db, tenantId);
  const root = roots.find((o) => o.parent_id == null);
  if (!root) throw notFound();
  const started = performance.now();
  const content = await computeContent(ctx, root, resolvePeriod({ period: periodKey }));
  return { content, ms: Math.round(performance.now() - started) };
}
