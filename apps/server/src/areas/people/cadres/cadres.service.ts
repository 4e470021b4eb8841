/**
 * The people of the two committees (村两委) and their posts by term: list, detail with the history of posts,
 * create, change, soft delete and restore, and a post added, changed or ended with a reason. A person may link a
 * roster member of the caller's scope: its name, gender and birth date then come from the roster.
 */
import {
  can as roleCan,
  chinaToday,
  type CadreCommittee,
  type CadreCreateT,
  type CadreDetailT,
  type CadreItemT,
  type CadreKind,
  type CadreListQueryT,
  type CadrePostCode,
  type CadrePostRecordT,
  type CadreUpdateT,
  type ErrorCode,
} from '@dangjian/contracts';
import { type Actor, requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { writeAudit } from '../../../platform/data/audit.js';
import { restore as restoreRow, softDelete } from '../../../platform/data/scoped.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { DomainError } from '../../../platform/errors.js';
import { type Listed, pagingOf } from '../../../platform/listing.js';
import { guardPhone } from '../../../platform/personal.js';
import { stampsOf } from '../../../platform/stamps.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import * as repo from './cadres.repository.js';

/** Today in China by the context's clock. */
export const todayOf = (ctx: Ctx) => chinaToday(ctx.clock());

/** A refusal placed on one field of the form. */
export function fieldError(code: ErrorCode, field: string, status?: number): DomainError {
  return new DomainError(code, { fields: [{ field, code }] }, status);
}

/** A JSON column read as an array (an empty one when null or damaged). */
export function jsonArray<T>(text: string | null): T[] {
  if (!text) return [];
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
}

/** Whole years from a birth date to a day (both `YYYY-MM-DD`). */
export function ageOn(birth: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birth.slice(0, 4));
  return day.slice(5) < birth.slice(5) ? years - 1 : years;
}

/** The township of an organization's path: the second id of `/county/township/…`, none at the county. */
export function townshipIdOf(path: string): number | null {
  const ids = path.split('/').filter(Boolean);
  return ids.length >= 2 ? Number(ids[1]) : null;
}

/** A post as the API reads it. */
export function presentPost(p: repo.PostRow): CadrePostRecordT {
  return {
    id: p.id,
    cadreId: p.cadre_id,
    orgId: p.org_id,
    orgName: p.org_name,
    committee: p.committee as CadreCommittee,
    post: p.post as CadrePostCode,
    term: Number(p.term),
    startedOn: p.started_on,
    endedOn: p.ended_on,
    endReason: p.end_reason as CadrePostRecordT['endReason'],
    endNote: p.end_note,
    ...stampsOf(p),
  };
}

const CHANGE = (action: string, entityType = 'cadre') => ({
  action,
  entityType,
  domains: ['cadres' as const],
  stampUpdatedAt: true,
});

/** List rows of people: township names and the posts held now, read once per page. */
async function rowsOf(ctx: Ctx, tenantId: number, rows: repo.CadreRow[]): Promise<CadreItemT[]> {
  const posts = await repo.postsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const held = new Map<number, repo.PostRow[]>();
  for (const p of posts) if (!p.ended_on) held.set(p.cadre_id, [...(held.get(p.cadre_id) ?? []), p]);
  const towns = await repo.orgNames(
    ctx.db,
    tenantId,
    rows.map((r) => townshipIdOf(r.org_path)).filter((x): x is number => x != null),
  );
  const today = todayOf(ctx);
  return rows.map((r) => {
    const t = townshipIdOf(r.org_path);
    return {
      id: r.id,
      orgId: r.org_id,
      orgName: r.org_name,
      townshipId: t,
      townshipName: t == null ? null : (towns.get(t) ?? null),
      memberId: r.member_id,
      name: r.name,
      gender: r.gender as CadreItemT['gender'],
      birthDate: r.birth_date,
      age: ageOn(r.birth_date, today),
      kinds: jsonArray<CadreKind>(r.kinds),
      education: r.education as CadreItemT['education'],
      phone: r.phone_masked,
      note: r.note,
      currentPosts: (held.get(r.id) ?? []).map((p) => ({
        committee: p.committee as CadreCommittee,
        post: p.post as CadrePostCode,
        term: Number(p.term),
      })),
      ...stampsOf(r),
    };
  });
}

/** The repository filter of a list query (the org checked inside the caller's scope). */
export async function filterOf(ctx: Ctx, actor: Actor, q: CadreListQueryT): Promise<repo.CadreFilter> {
  return {
    underPath: await orgsRepo.underOrg(ctx.db, actor, q.org),
    q: q.q?.trim() || undefined,
    committee: q.committee,
    post: q.post,
    term: q.term ? String(q.term) : undefined,
    kind: q.kind,
    gender: q.gender,
    education: q.education,
    current: q.current,
    deleted: q.deleted,
  };
}

/** People of the caller's subtree, by organization. */
export async function list(ctx: Ctx, actor: Actor, query: CadreListQueryT): Promise<Listed<CadreItemT>> {
  requireCapability(actor, 'cadres.read');
  const { rows, total } = await repo.listCadres(ctx.db, actor, await filterOf(ctx, actor, query), pagingOf(query));
  return { items: await rowsOf(ctx, actor.tenantId!, rows), total };
}

/** One person with the posts across terms (deleted posts too, marked, for the recycle bin of the detail). */
export async function get(ctx: Ctx, actor: Actor, id: number): Promise<CadreDetailT> {
  requireCapability(actor, 'cadres.read');
  const r = await repo.getCadre(ctx.db, actor, id, 'any');
  const [item] = await rowsOf(ctx, actor.tenantId!, [r]);
  const posts = await repo.postsOf(ctx.db, [id], true);
  return { ...item!, posts: posts.map(presentPost), canEdit: !r.deleted_at && roleCan(actor.role, 'cadres.write') };
}

/** A village or community organization of the caller's scope (a committee belongs to one). */
async function villageOf(ctx: Ctx, actor: Actor, orgId: number) {
  const o = await orgsRepo.getOrg(ctx.db, actor, orgId);
  if (o.depth < 2 || !['rural', 'community'].includes(o.field ?? '')) throw fieldError('cadres.not_village', 'orgId');
  return o;
}

/** The roster member a person links (in the caller's scope, not linked to another live person). */
async function linkedMember(ctx: Ctx, actor: Actor, memberId: number, exceptId?: number) {
  const m = await repo.memberInScope(ctx.db, actor, memberId);
  if (await repo.cadreOfMember(ctx.db, memberId, exceptId)) throw fieldError('cadres.member_taken', 'memberId', 409);
  return m;
}

function phoneOf(ctx: Ctx, raw: string | null | undefined) {
  try {
    return guardPhone(ctx, raw);
  } catch {
    throw fieldError('cadres.invalid_phone', 'phone');
  }
}

/** Adds a person of a village's committees. */
export async function create(ctx: Ctx, actor: Actor, input: CadreCreateT): Promise<CadreDetailT> {
  requireCapability(actor, 'cadres.write');
  const o = await villageOf(ctx, actor, input.orgId);
  const m = input.memberId ? await linkedMember(ctx, actor, input.memberId) : null;
  const name = m?.name ?? input.name?.trim();
  const gender = m?.gender ?? input.gender;
  const birthDate = m?.birth_date ?? input.birthDate;
  if (!name) throw fieldError('cadres.person_required', 'name');
  if (!gender) throw fieldError('cadres.person_required', 'gender');
  if (!birthDate || birthDate > todayOf(ctx)) throw fieldError('cadres.person_required', 'birthDate');
  const phone = phoneOf(ctx, input.phone);
  const now = ctx.clock().toISOString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const [id] = await repo.insertCadres(trx, [
      {
        tenant_id: o.tenant_id,
        org_id: o.id,
        org_path: o.org_path,
        member_id: m?.id ?? null,
        name,
        gender,
        birth_date: birthDate,
        kinds: JSON.stringify(input.kinds ?? []),
        education: input.education ?? m?.education ?? null,
        note: input.note?.trim() || null,
        phone_enc: phone.phone_enc ?? null,
        phone_hash: phone.phone_hash ?? null,
        phone_masked: phone.phone_masked ?? null,
        created_by: actor.userId || null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      },
    ]);
    await writeAudit(ctx, trx, actor, {
      action: 'cadres.create',
      entityType: 'cadre',
      entityId: id!,
      changes: { name: { before: null, after: name }, orgId: { before: null, after: o.id } },
    });
    await bumpVersion(trx, o.tenant_id, 'cadres');
    return id!;
  });
  return get(ctx, actor, id);
}

/** Changes a person (a linked person's name, gender and birth date follow the roster). */
export async function update(ctx: Ctx, actor: Actor, id: number, input: CadreUpdateT): Promise<CadreDetailT> {
  requireCapability(actor, 'cadres.write');
  const r = await repo.getCadre(ctx.db, actor, id);
  const set: Record<string, unknown> = {};
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  const put = (col: string, key: string, before: unknown, after: unknown) => {
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    set[col] = Array.isArray(after) ? JSON.stringify(after) : after;
    changes[key] = { before, after };
  };
  if (input.memberId !== undefined && input.memberId !== r.member_id) {
    const m = input.memberId ? await linkedMember(ctx, actor, input.memberId, id) : null;
    put('member_id', 'memberId', r.member_id, m?.id ?? null);
    if (m) {
      put('name', 'name', r.name, m.name);
      put('gender', 'gender', r.gender, m.gender);
      put('birth_date', 'birthDate', r.birth_date, m.birth_date);
    }
  }
  const linked = (set.member_id !== undefined ? set.member_id : r.member_id) != null;
  if (!linked) {
    if (input.name !== undefined) put('name', 'name', r.name, input.name.trim());
    if (input.gender !== undefined) put('gender', 'gender', r.gender, input.gender);
    if (input.birthDate !== undefined) {
      if (input.birthDate > todayOf(ctx)) throw fieldError('cadres.person_required', 'birthDate');
      put('birth_date', 'birthDate', r.birth_date, input.birthDate);
    }
  }
  if (input.kinds !== undefined) put('kinds', 'kinds', jsonArray(r.kinds), input.kinds);
  if (input.education !== undefined) put('education', 'education', r.education, input.education);
  if (input.note !== undefined) put('note', 'note', r.note, input.note?.trim() || null);
  if (input.phone !== undefined) {
    const p = phoneOf(ctx, input.phone);
    if (p.phone_hash !== r.phone_hash) {
      Object.assign(set, p);
      changes.phone = { before: r.phone_masked, after: p.phone_masked };
    }
  }
  if (!Object.keys(set).length) return get(ctx, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateCadre(trx, id, { ...set, updated_at: ctx.clock().toISOString() });
    await writeAudit(ctx, trx, actor, { action: 'cadres.update', entityType: 'cadre', entityId: id, changes });
    await bumpVersion(trx, r.tenant_id, 'cadres');
  });
  return get(ctx, actor, id);
}

/** Soft-deletes a person recorded by mistake (recoverable; the posts stay with it). */
export async function remove(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  requireCapability(actor, 'cadres.write');
  await softDelete(ctx, actor, 'cadres', id, CHANGE('cadres.delete'));
}

/** Restores a deleted person, unless its roster member is linked to another person since. */
export async function restore(ctx: Ctx, actor: Actor, id: number): Promise<CadreDetailT> {
  requireCapability(actor, 'cadres.write');
  await restoreRow(ctx, actor, 'cadres', id, {
    ...CHANGE('cadres.restore'),
    before: async (trx, row) => {
      if (row.member_id && (await repo.cadreOfMember(trx, row.member_id as number, id)))
        throw fieldError('cadres.member_taken', 'memberId', 409);
    },
  });
  return get(ctx, actor, id);
}
