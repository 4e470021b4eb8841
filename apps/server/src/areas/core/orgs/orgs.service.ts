/** Organizations: the tree, details, create, edit, move and soft delete, each inside the caller's scope. */
import { chinaToday } from '@dangjian/contracts';
import type { OrgCreateT, OrgNodeT, OrgPatchT, OrgT, OrgType } from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import { diff } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { softDelete, restore as restoreRow } from '../../../platform/data/scoped.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import * as repo from './orgs.repository.js';
import * as membersRepo from '../members/members.repository.js';
import { CHILD_TYPES, electionStatus, termYears } from './orgs.rules.js';
import { stampsOf } from '../../../platform/stamps.js';
import { defaultPlaceName, isTownshipOrg, isVillageLevel, type PlaceOrgLike } from './orgs.places.js';
import { writeRecorder } from '../../../platform/data/record.js';

/** Org writes change the roster's figures; a move re-paths the residents' rows too. */
const recordOrg = writeRecorder('org', ['roster']);
const recordOrgMove = writeRecorder('org', ['residents', 'roster']);

/** Today's date (YYYY-MM-DD) by the context's clock, in China time. */
export function today(ctx: Ctx): string {
  return chinaToday(ctx.clock());
}

function toNode(r: repo.NodeRow, pathNames?: string[]): OrgNodeT {
  return {
    id: r.id,
    parentId: r.parent_id,
    name: r.name,
    type: r.type as OrgNodeT['type'],
    field: r.field as OrgNodeT['field'],
    hasChildren: Boolean(Number(r.has_children)),
    memberCount: Number(r.member_count),
    ...(pathNames ? { pathNames } : {}),
  };
}

/** Ids along a materialized path, root first. */
export function pathIds(orgPath: string): number[] {
  return orgPath.split('/').filter(Boolean).map(Number);
}

/** The tree level under `parentId`, or the actor's own root when no parent is given. */
export async function tree(ctx: Ctx, actor: Actor, parentId?: number): Promise<OrgNodeT[]> {
  requireCapability(actor, 'orgs.read');
  if (parentId == null) return (await repo.nodesByIds(ctx.db, actor, [actor.orgId!])).map((r) => toNode(r));
  await repo.getOrg(ctx.db, actor, parentId);
  return (await repo.children(ctx.db, actor, parentId)).map((r) => toNode(r));
}

/** Flat search of organizations in scope, each with the names along its path. */
export async function list(
  ctx: Ctx,
  actor: Actor,
  f: { q?: string; type?: string; field?: string; parent?: number; page?: number; pageSize?: number },
) {
  requireCapability(actor, 'orgs.read');
  const underPath = f.parent ? (await repo.getOrg(ctx.db, actor, f.parent)).org_path : undefined;
  const { rows, total } = await repo.search(ctx.db, actor, {
    ...f,
    underPath,
    page: f.page ?? 1,
    pageSize: f.pageSize ?? 20,
  });
  const scopeDepth = pathIds(actor.orgPath!).length - 1;
  const names = await repo.namesOf(ctx.db, actor.tenantId!, [...new Set(rows.flatMap((r) => pathIds(r.org_path)))]);
  return {
    items: rows.map((r) =>
      toNode(
        r,
        pathIds(r.org_path)
          .slice(scopeDepth)
          .map((id) => names.get(id) ?? String(id)),
      ),
    ),
    total,
  };
}

/** One organization with its secretary, committee, term, election status and counts. */
export async function get(ctx: Ctx, actor: Actor, id: number, opts: { includeDeleted?: boolean } = {}): Promise<OrgT> {
  requireCapability(actor, 'orgs.read');
  const row = await repo.getOrg(ctx.db, actor, id, opts);
  return present(ctx, actor, row);
}

async function present(ctx: Ctx, actor: Actor, row: repo.OrgRow): Promise<OrgT> {
  const ids = pathIds(row.org_path);
  const scopeDepth = pathIds(actor.orgPath!).length - 1;
  const visible = ids.slice(scopeDepth);
  const names = await repo.namesOf(ctx.db, row.tenant_id, visible);
  const counts = await repo.subtreeCounts(ctx.db, row);
  let secretary: OrgT['secretary'] = null;
  if (row.secretary_member_id) {
    const m = await repo.liveMemberName(ctx.db, row.secretary_member_id);
    if (m) secretary = { memberId: m.id, name: m.name };
  }
  const election = electionStatus(row.term_end, today(ctx));
  return {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    type: row.type as OrgT['type'],
    field: row.field as OrgT['field'],
    placeName: row.place_name,
    path: visible.map((i) => ({ id: i, name: names.get(i) ?? String(i) })),
    secretary,
    committee: JSON.parse(row.committee),
    termStart: row.term_start,
    termEnd: row.term_end,
    termYears: termYears(row.field, row.type),
    electionDueAt: election.dueAt,
    electionStatus: election.status,
    childCount: counts.childCount,
    memberCounts: { total: counts.total, full: counts.full, probationary: counts.probationary },
    ...stampsOf(row),
  };
}

function assertChildType(parentType: string, childType: OrgType) {
  if (!CHILD_TYPES[parentType as OrgType]?.includes(childType))
    throw new DomainError('orgs.invalid_type', { parentType, childType });
}

function assertTerm(start: string | null | undefined, end: string | null | undefined) {
  if (start && end && end <= start) throw new DomainError('orgs.invalid_term');
}

async function assertSecretary(ctx: Ctx, orgId: number, memberId: number | null | undefined) {
  if (memberId == null) return;
  if (!(await repo.isLiveMemberOf(ctx.db, orgId, memberId))) throw new DomainError('orgs.secretary_not_member');
}

/** Every member named on a committee seat must be a live member of the caller's scope (404 otherwise). */
async function assertCommittee(ctx: Ctx, actor: Actor, committee: { memberId?: number | null }[] | undefined) {
  for (const seat of committee ?? [])
    if (seat.memberId != null) await membersRepo.requireMemberInScope(ctx.db, actor, seat.memberId);
}

/**
 * The place name an organization keeps: the one given (blank: the default), else the default; only a
 * village-level or township organization has one (a given name elsewhere is refused).
 */
function placeNameFor(
  org: PlaceOrgLike & { name: string },
  parent: PlaceOrgLike | null,
  given: string | null | undefined,
  refuse = true,
): string | null {
  const eligible = isVillageLevel(org, parent) || isTownshipOrg(org);
  const name = given?.trim();
  if (name && !eligible && refuse) throw new DomainError('orgs.place_name_not_place');
  return eligible ? name || defaultPlaceName(org, parent) : null;
}

function auditable(row: repo.OrgRow) {
  return {
    name: row.name,
    placeName: row.place_name,
    type: row.type,
    field: row.field,
    parentId: row.parent_id,
    termStart: row.term_start,
    termEnd: row.term_end,
    secretaryMemberId: row.secretary_member_id,
    committee: JSON.parse(row.committee),
    deletedAt: row.deleted_at,
  };
}

/** Creates an organization under a parent in scope; its path is the parent's plus its own id. */
export async function create(ctx: Ctx, actor: Actor, input: OrgCreateT): Promise<OrgT> {
  requireCapability(actor, 'orgs.write');
  const parent = await repo.getOrg(ctx.db, actor, input.parentId);
  assertChildType(parent.type, input.type);
  assertTerm(input.termStart, input.termEnd);
  if (input.secretaryMemberId != null) throw new DomainError('orgs.secretary_not_member');
  await assertCommittee(ctx, actor, input.committee);
  const now = ctx.clock().toISOString();
  const field = input.field ?? parent.field ?? null;
  const shape = { name: input.name.trim(), type: input.type, field, depth: parent.depth + 1 };
  const placeName = placeNameFor(shape, parent, input.placeName);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.insertOrg(
      trx,
      parent.org_path,
      {
        tenant_id: parent.tenant_id,
        parent_id: parent.id,
        depth: parent.depth + 1,
        name: input.name.trim(),
        place_name: placeName,
        type: input.type,
        field,
        term_start: input.termStart ?? null,
        term_end: input.termEnd ?? null,
        secretary_member_id: null,
        committee: JSON.stringify(input.committee ?? []),
        sort_order: 0,
      },
      now,
    );
    await recordOrg(ctx, trx, actor, parent.tenant_id, {
      action: 'org.create',
      entityId: row.id,
      changes: diff(null, auditable(row)),
    });
    return row.id;
  });
  return get(ctx, actor, id);
}

/** Edits an organization's name, type, field, term, secretary or committee. */
export async function update(ctx: Ctx, actor: Actor, id: number, patch: OrgPatchT): Promise<OrgT> {
  requireCapability(actor, 'orgs.write');
  const row = await repo.getOrg(ctx.db, actor, id);
  if (patch.type && patch.type !== row.type && row.parent_id != null) {
    assertChildType(await repo.typeOf(ctx.db, row.parent_id), patch.type);
    for (const k of await repo.childTypes(ctx.db, id)) assertChildType(patch.type, k as OrgType);
  }
  const termStart = patch.termStart !== undefined ? patch.termStart : row.term_start;
  const termEnd = patch.termEnd !== undefined ? patch.termEnd : row.term_end;
  assertTerm(termStart, termEnd);
  if (patch.secretaryMemberId !== undefined) await assertSecretary(ctx, id, patch.secretaryMemberId);
  await assertCommittee(ctx, actor, patch.committee);
  await ctx.db.transaction().execute(async (trx) => {
    const set: Record<string, unknown> = { updated_at: ctx.clock().toISOString() };
    if (patch.name !== undefined) set.name = patch.name.trim();
    if (patch.type !== undefined) set.type = patch.type;
    if (patch.field !== undefined) set.field = patch.field;
    if (patch.termStart !== undefined) set.term_start = patch.termStart;
    if (patch.termEnd !== undefined) set.term_end = patch.termEnd;
    if (patch.secretaryMemberId !== undefined) set.secretary_member_id = patch.secretaryMemberId;
    if (patch.committee !== undefined) set.committee = JSON.stringify(patch.committee);
    // The place name follows a change of kind (a branch becoming a village's), or is edited on its own.
    if (patch.placeName !== undefined || patch.type !== undefined || patch.field !== undefined) {
      const shape = {
        name: patch.name?.trim() ?? row.name,
        type: patch.type ?? row.type,
        field: patch.field !== undefined ? patch.field : row.field,
        depth: row.depth,
      };
      const parent = row.parent_id != null ? await repo.placeShapeOf(trx, row.parent_id) : null;
      const edited = patch.placeName !== undefined;
      set.place_name = placeNameFor(shape, parent, edited ? patch.placeName : row.place_name, edited);
    }
    const after = await repo.updateOrg(trx, id, set);
    await recordOrg(ctx, trx, actor, row.tenant_id, {
      action: 'org.update',
      entityId: id,
      changes: diff(auditable(row), auditable(after)),
    });
  });
  return get(ctx, actor, id);
}

/** Moves an organization and its whole subtree under a new parent, re-pathing every scoped row in one transaction. */
export async function move(ctx: Ctx, actor: Actor, id: number, newParentId: number): Promise<OrgT> {
  requireCapability(actor, 'orgs.write');
  const row = await repo.getOrg(ctx.db, actor, id);
  if (row.org_path === actor.orgPath) throw new DomainError('orgs.root_locked');
  const parent = await repo.getOrg(ctx.db, actor, newParentId);
  if (parent.org_path.startsWith(row.org_path)) throw new DomainError('orgs.invalid_parent');
  assertChildType(parent.type, row.type as OrgType);
  if (row.parent_id === parent.id) return get(ctx, actor, id);
  const oldPrefix = row.org_path;
  const newPrefix = `${parent.org_path}${row.id}/`;
  const depthDelta = parent.depth + 1 - row.depth;
  await ctx.db.transaction().execute(async (trx) => {
    const move = { tenantId: row.tenant_id, id, parentId: parent.id, oldPrefix, newPrefix, depthDelta };
    await repo.moveSubtree(trx, move, ctx.clock().toISOString());
    // Moved under a village or out of one, the organization gains or loses its place's name.
    const shape = { name: row.name, type: row.type, field: row.field, depth: parent.depth + 1 };
    const placeName = placeNameFor(shape, parent, row.place_name, false);
    if (placeName !== row.place_name) await repo.updateOrg(trx, id, { place_name: placeName });
    await recordOrgMove(ctx, trx, actor, row.tenant_id, {
      action: 'org.move',
      entityId: id,
      changes: {
        parentId: { before: row.parent_id, after: parent.id },
        orgPath: { before: oldPrefix, after: newPrefix },
      },
    });
  });
  return get(ctx, actor, id);
}

/** How a soft delete or restore of an org is recorded: the roster's figures and caches change. */
const ORG_CHANGE = (action: string) => ({
  action,
  entityType: 'org',
  domains: ['roster' as const],
  stampUpdatedAt: true,
});

/** Soft-deletes an organization that has no live children and no live members. */
export async function remove(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  requireCapability(actor, 'orgs.write');
  const row = await repo.getOrg(ctx.db, actor, id);
  if (row.org_path === actor.orgPath) throw new DomainError('orgs.root_locked');
  const counts = await repo.subtreeCounts(ctx.db, row);
  if (counts.childCount > 0 || counts.total > 0)
    throw new DomainError('orgs.not_empty', { children: counts.childCount, members: counts.total });
  await softDelete(ctx, actor, 'orgs', id, ORG_CHANGE('org.delete'));
}

/** Undoes a soft delete when the parent is still there. */
export async function restore(ctx: Ctx, actor: Actor, id: number): Promise<OrgT> {
  requireCapability(actor, 'orgs.write');
  const row = await repo.getOrg(ctx.db, actor, id, { includeDeleted: true });
  if (!row.deleted_at) return get(ctx, actor, id);
  await restoreRow(ctx, actor, 'orgs', id, {
    ...ORG_CHANGE('org.restore'),
    before: async (trx) => {
      if (row.parent_id != null && !(await repo.isLive(trx, row.parent_id))) throw notFound();
    },
  });
  return get(ctx, actor, id);
}
