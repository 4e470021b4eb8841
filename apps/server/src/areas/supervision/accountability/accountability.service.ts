/**
 * Accountability records (问责): the list and one record of the caller's subtree (county and townships only —
 * the capability keeps branch secretaries and members out, the scope keeps a township out of a sibling's), a
 * record of an organization or a person linked to a problem, a development mark (约谈) or an inspection, its
 * change, soft delete and restore with audit, and its scanned documents (JPEG/PNG, EXIF stripped).
 */
import {
  type AccountabilityCreateT,
  type AccountabilityItemT,
  type AccountabilityListQueryT,
  type AccountabilityUpdateT,
  chinaToday,
  type ErrorCode,
} from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import { diff, writeAudit } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { readPhoto, storePhoto } from '../../../platform/data/photos.js';
import { restore as restoreRow, softDelete } from '../../../platform/data/scoped.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { DomainError } from '../../../platform/errors.js';
import { type Listed, pagingOf } from '../../../platform/listing.js';
import { stampsOf } from '../../../platform/stamps.js';
import * as membersRepo from '../../core/members/members.repository.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import * as inspectionsRepo from '../inspections/inspections.repository.js';
import * as repo from './accountability.repository.js';

/** A refusal placed on one field of the form. */
function fieldError(code: ErrorCode, field: string, status?: number): DomainError {
  return new DomainError(code, { fields: [{ field, code }] }, status);
}

const ENTITY = 'accountability_record';
const fileUrl = (id: number, fileId: number) => `/api/accountability/${id}/photos/${fileId}`;

/** The API item of a row with its documents. */
export function present(r: repo.NamedRow, files: { id: number; mime: string; bytes: number }[]): AccountabilityItemT {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    kind: r.kind as AccountabilityItemT['kind'],
    subKind: r.sub_kind,
    targetKind: r.target_kind as AccountabilityItemT['targetKind'],
    targetOrgId: r.target_org_id,
    targetOrgName: r.target_org_name,
    memberId: r.member_id,
    personName: r.person_name,
    personPost: r.person_post,
    problemId: r.problem_id,
    markId: r.mark_id,
    inspectionId: r.inspection_id,
    inspectionTitle: r.inspection_title,
    reason: r.reason,
    decidedOn: r.decided_on,
    decidedByOrgId: r.decided_by_org_id,
    decidedByName: r.decided_by_name ?? '',
    files: files.map((f) => ({ id: f.id, mime: f.mime, bytes: f.bytes, url: fileUrl(r.id, f.id) })),
    ...stampsOf(r),
  };
}

async function presentAll(ctx: Ctx, rows: repo.NamedRow[]): Promise<AccountabilityItemT[]> {
  const files = await repo.filesOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) =>
    present(
      r,
      files.filter((f) => f.entity_id === r.id),
    ),
  );
}

/** The repository filter of a list query. */
export function toFilter(query: AccountabilityListQueryT, underPath: string | undefined): repo.RecordFilter {
  return {
    underPath,
    kind: query.kind,
    target: query.target,
    problemId: query.problemId,
    inspectionId: query.inspectionId,
    q: query.q?.trim() || undefined,
    from: query.from,
    to: query.to,
    deleted: query.deleted,
  };
}

/** Records of the caller's subtree, latest decision first. */
export async function list(
  ctx: Ctx,
  actor: Actor,
  query: AccountabilityListQueryT,
): Promise<Listed<AccountabilityItemT>> {
  requireCapability(actor, 'accountability.read');
  const underPath = await orgsRepo.underOrg(ctx.db, actor, query.org);
  const { rows, total } = await repo.listRecords(ctx.db, actor, toFilter(query, underPath), pagingOf(query));
  return { items: await presentAll(ctx, rows), total };
}

/** One record of the caller's subtree (deleted ones too, for the recycle bin). */
export async function get(ctx: Ctx, actor: Actor, id: number): Promise<AccountabilityItemT> {
  requireCapability(actor, 'accountability.read');
  const [item] = await presentAll(ctx, [await repo.getRecord(ctx.db, actor, id, 'any')]);
  return item!;
}

type Fields = Omit<AccountabilityCreateT, 'kind' | 'targetKind' | 'reason' | 'decidedOn'>;
type Resolved = {
  org_id: number;
  org_path: string;
  target_org_id: number | null;
  member_id: number | null;
  person_name: string | null;
  person_post: string | null;
  sub_kind: string | null;
  problem_id: number | null;
  mark_id: number | null;
  inspection_id: number | null;
  decided_by_org_id: number;
};

/**
 * Checks a record's target, counting organization, link and deciding organization against the caller's scope and
 * answers the columns they give: an organization as target counts under itself; a member under the member's
 * organization; a free name under the organization named.
 */
async function resolve(
  ctx: Ctx,
  actor: Actor,
  kind: string,
  targetKind: string,
  f: Fields,
  decidedOn: string,
): Promise<Resolved> {
  // Every organization and member named is checked against the scope first: outside it is 404, whatever else.
  const targetOrg = f.targetOrgId ? await orgsRepo.getOrg(ctx.db, actor, f.targetOrgId) : null;
  const member = f.memberId ? await membersRepo.requireMemberInScope(ctx.db, actor, f.memberId) : null;
  const namedOrg = f.orgId ? await orgsRepo.getOrg(ctx.db, actor, f.orgId) : null;
  if (decidedOn > chinaToday(ctx.clock())) throw fieldError('accountability.future_date', 'decidedOn');
  const subKind = f.subKind?.trim() || null;
  if (kind === 'punishment' && !subKind) throw fieldError('accountability.sub_kind_required', 'subKind');
  if (kind !== 'punishment' && subKind) throw fieldError('accountability.sub_kind_only_punishment', 'subKind');
  const personName = f.personName?.trim() || null;
  let counted: { id: number; org_path: string };
  if (targetKind === 'org') {
    if (member || personName) throw fieldError('accountability.target_mixed', 'memberId');
    if (!targetOrg) throw fieldError('accountability.target_required', 'targetOrgId');
    counted = targetOrg;
  } else {
    if (targetOrg) throw fieldError('accountability.target_mixed', 'targetOrgId');
    if (member) counted = { id: member.org_id, org_path: member.org_path };
    else {
      if (!personName) throw fieldError('accountability.target_required', 'personName');
      if (!namedOrg) throw fieldError('accountability.org_required', 'orgId');
      counted = namedOrg;
    }
  }
  const links = [f.problemId, f.markId, f.inspectionId].filter((x) => x != null);
  if (links.length > 1) throw fieldError('accountability.one_link', 'problemId');
  if (f.problemId && !(await repo.problemInScope(ctx.db, actor, f.problemId)))
    throw fieldError('accountability.link_unknown', 'problemId', 404);
  if (f.markId && !(await repo.markInScope(ctx.db, actor, f.markId)))
    throw fieldError('accountability.link_unknown', 'markId', 404);
  if (f.inspectionId)
    await inspectionsRepo.getInspection(ctx.db, actor, f.inspectionId).catch(() => {
      throw fieldError('accountability.link_unknown', 'inspectionId', 404);
    });
  // The deciding organization: the caller's own by default; it must be the counted one or lie above it.
  const deciderId = f.decidedByOrgId ?? actor.orgId!;
  const decider = await repo.orgOfTenant(ctx.db, actor.tenantId!, deciderId);
  if (!decider || !counted.org_path.startsWith(decider.org_path))
    throw fieldError('accountability.decider_not_above', 'decidedByOrgId');
  return {
    org_id: counted.id,
    org_path: counted.org_path,
    target_org_id: targetKind === 'org' ? counted.id : null,
    member_id: targetKind === 'person' ? (member?.id ?? null) : null,
    person_name: targetKind === 'person' ? (member?.name ?? personName) : null,
    person_post: targetKind === 'person' ? f.personPost?.trim() || null : null,
    sub_kind: subKind,
    problem_id: f.problemId ?? null,
    mark_id: f.markId ?? null,
    inspection_id: f.inspectionId ?? null,
    decided_by_org_id: decider.id,
  };
}

/** Records an accountability decision. */
export async function create(ctx: Ctx, actor: Actor, input: AccountabilityCreateT): Promise<AccountabilityItemT> {
  requireCapability(actor, 'accountability.write');
  const reason = input.reason.trim();
  if (!reason) throw fieldError('validation', 'reason');
  const cols = await resolve(ctx, actor, input.kind, input.targetKind, input, input.decidedOn);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    const id = await repo.insertRecord(trx, {
      tenant_id: actor.tenantId!,
      kind: input.kind,
      target_kind: input.targetKind,
      reason,
      decided_on: input.decidedOn,
      created_by: actor.userId || null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
      ...cols,
    });
    await writeAudit(ctx, trx, actor, {
      action: 'accountability.create',
      entityType: ENTITY,
      entityId: id,
      changes: diff(null, { kind: input.kind, targetKind: input.targetKind, orgId: cols.org_id, reason }),
    });
    await bumpVersion(trx, actor.tenantId!, 'accountability');
    return id;
  });
  return get(ctx, actor, id);
}

/** Changes a record of the caller's subtree; the kind of target stays. */
export async function update(
  ctx: Ctx,
  actor: Actor,
  id: number,
  input: AccountabilityUpdateT,
): Promise<AccountabilityItemT> {
  requireCapability(actor, 'accountability.write');
  const r = await repo.getRecord(ctx.db, actor, id);
  const pick = <K extends keyof Fields>(k: K, v: Fields[K] | null) => (input[k] !== undefined ? input[k] : v);
  const kind = input.kind ?? r.kind;
  const decidedOn = input.decidedOn ?? r.decided_on;
  const reason = input.reason !== undefined ? input.reason.trim() : r.reason;
  if (!reason) throw fieldError('validation', 'reason');
  const cols = await resolve(
    ctx,
    actor,
    kind,
    r.target_kind,
    {
      subKind: pick('subKind', r.sub_kind),
      targetOrgId: pick('targetOrgId', r.target_org_id),
      memberId: pick('memberId', r.member_id),
      // A member's name is the member's: a free name is kept only for a person without a member record.
      personName: pick('personName', r.member_id ? null : r.person_name),
      personPost: pick('personPost', r.person_post),
      orgId: pick('orgId', r.org_id),
      problemId: pick('problemId', r.problem_id),
      markId: pick('markId', r.mark_id),
      inspectionId: pick('inspectionId', r.inspection_id),
      decidedByOrgId: pick('decidedByOrgId', r.decided_by_org_id),
    },
    decidedOn,
  );
  const set: repo.RecordChange = { kind, decided_on: decidedOn, reason, ...cols };
  const before = Object.fromEntries(Object.keys(set).map((k) => [k, (r as Record<string, unknown>)[k]]));
  const changes = diff(before, set as Record<string, unknown>);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateRecord(trx, id, { ...set, updated_at: ctx.clock().toISOString() });
    await writeAudit(ctx, trx, actor, { action: 'accountability.update', entityType: ENTITY, entityId: id, changes });
    await bumpVersion(trx, actor.tenantId!, 'accountability');
  });
  return get(ctx, actor, id);
}

const CHANGE = (action: string) => ({
  action,
  entityType: ENTITY,
  domains: ['accountability' as const],
  stampUpdatedAt: true,
});

/** Soft-deletes a record (recoverable, audited). */
export async function remove(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  requireCapability(actor, 'accountability.write');
  await softDelete(ctx, actor, 'accountability_records', id, CHANGE('accountability.delete'));
}

/** Restores a deleted record. */
export async function restore(ctx: Ctx, actor: Actor, id: number): Promise<AccountabilityItemT> {
  requireCapability(actor, 'accountability.write');
  await restoreRow(ctx, actor, 'accountability_records', id, CHANGE('accountability.restore'));
  return get(ctx, actor, id);
}

/** Stores a scanned document of a record (JPEG/PNG, EXIF stripped). */
export async function addPhoto(ctx: Ctx, actor: Actor, id: number, file: Buffer) {
  requireCapability(actor, 'accountability.write');
  const r = await repo.getRecord(ctx.db, actor, id);
  const p = await ctx.db.transaction().execute(async (trx) => {
    const p = await storePhoto(ctx, trx, r.tenant_id, ENTITY, id, file);
    await writeAudit(ctx, trx, actor, {
      action: 'accountability.photo_add',
      entityType: ENTITY,
      entityId: id,
      detail: `file ${p.id} (${p.mime}, ${p.bytes} bytes)`,
    });
    return p;
  });
  return { id: p.id, mime: p.mime, bytes: p.bytes, url: fileUrl(id, p.id) };
}

/** A document of a record of the caller's subtree. */
export async function photo(ctx: Ctx, actor: Actor, id: number, photoId: number) {
  requireCapability(actor, 'accountability.read');
  await repo.getRecord(ctx.db, actor, id);
  return readPhoto(ctx, ENTITY, id, photoId);
}
