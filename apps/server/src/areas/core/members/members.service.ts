/** Member records (党员档案): list, detail, create, edit, soft delete, reveal of guarded numbers. */
import { pinyin } from 'pinyin-pro';
import type { MemberCreateT, MemberListQueryT, MemberPatchT, MemberT } from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import { diff, type Changes } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import {
  isValidMobile,
  maskIdNumber,
  maskPhone,
  normalizeIdNumber,
  normalizePhone,
  parseIdNumber,
} from '../../../platform/idcard.js';
import * as orgsRepo from '../orgs/orgs.repository.js';
import { MEMBER_HOLDING_TYPES } from '../orgs/orgs.rules.js';
import { today } from '../orgs/orgs.service.js';
import { can, type ErrorCode, type OrgType } from '@dangjian/contracts';
import * as repo from './members.repository.js';
import { restore as restoreRow, softDelete } from '../../../platform/data/scoped.js';
import { MIN_JOIN_AGE, PROBATION_YEARS } from './members.rules.js';
import { stampsOf } from '../../../platform/stamps.js';
import { writeRecorder } from '../../../platform/data/record.js';
import { revealNumbers } from '../../../platform/reveal.js';

/** Member writes change the roster's figures and caches. */
const recordMember = writeRecorder('member', ['roster']);

/** Full pinyin and initials of a name, lower-case without tones ('张三' → 'zhangsan', 'zs'). */
export function nameKeys(name: string): { pinyin: string; initials: string } {
  const syllables = pinyin(name, {
    toneType: 'none',
    type: 'array',
    surname: 'head',
    nonZh: 'consecutive',
  }) as string[];
  const clean = syllables.map((s) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9ü]/g, '')
      .replace(/ü/g, 'v'),
  );
  return { pinyin: clean.join(''), initials: clean.map((s) => s.charAt(0)).join('') };
}

/** Whole years between two YYYY-MM-DD dates. */
export function yearsBetween(from: string, to: string): number {
  let y = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  if (to.slice(5) < from.slice(5)) y--;
  return Math.max(0, y);
}

/** The JSON a client sees: personal numbers masked. */
export function present(row: repo.MemberRow, day: string): MemberT {
  return {
    id: row.id,
    orgId: row.org_id,
    orgName: row.org_name,
    name: row.name,
    gender: row.gender as MemberT['gender'],
    idNumber: row.id_number_masked,
    phone: row.phone_masked,
    birthDate: row.birth_date,
    age: yearsBetween(row.birth_date, day),
    ethnicity: row.ethnicity as MemberT['ethnicity'],
    education: row.education as MemberT['education'],
    category: row.category as MemberT['category'],
    joinedAt: row.joined_at,
    fullMemberAt: row.full_member_at,
    status: row.status as MemberT['status'],
    partyYears: row.full_member_at && row.status === 'full' ? yearsBetween(row.full_member_at, day) : 0,
    ...stampsOf(row),
  };
}

function isDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export interface FieldError {
  field: string;
  code: ErrorCode;
}

export interface CleanMember {
  name: string;
  gender: 'male' | 'female';
  idNumber: string;
  phone: string | null;
  birthDate: string;
  joinedAt: string;
  fullMemberAt: string | null;
  status: 'full' | 'probationary';
  ethnicity: string | null;
  education: string | null;
  category: string | null;
}

/**
 * Checks a member's fields together: a valid ID whose birth date and sex agree, a mobile
 * phone, joining at 18 or older and not in the future, full membership after joining.
 * Returns the cleaned record with what derives from the ID, or the list of field errors.
 */
export function validateMember(
  input: Omit<Partial<MemberCreateT>, 'gender'> & { name: string; idNumber: string; gender: string; joinedAt: string },
  day: string,
): { value?: CleanMember; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const idNumber = normalizeIdNumber(input.idNumber);
  const info = parseIdNumber(idNumber, new Date(`${day}T12:00:00Z`));
  if (!info) errors.push({ field: 'idNumber', code: 'members.invalid_id_number' });
  if (info && input.gender !== info.gender) errors.push({ field: 'gender', code: 'members.gender_mismatch' });
  if (info && input.birthDate && input.birthDate !== info.birthDate)
    errors.push({ field: 'birthDate', code: 'members.birth_date_mismatch' });
  let phone: string | null = null;
  if (input.phone != null && String(input.phone).trim() !== '') {
    phone = normalizePhone(String(input.phone));
    if (!isValidMobile(phone)) errors.push({ field: 'phone', code: 'members.invalid_phone' });
  }
  const birthDate = info?.birthDate ?? input.birthDate ?? '';
  if (
    !isDate(input.joinedAt) ||
    input.joinedAt > day ||
    (birthDate && yearsBetween(birthDate, input.joinedAt) < MIN_JOIN_AGE)
  ) {
    errors.push({ field: 'joinedAt', code: 'members.invalid_dates' });
  }
  const probationEnd = isDate(input.joinedAt)
    ? `${Number(input.joinedAt.slice(0, 4)) + PROBATION_YEARS}${input.joinedAt.slice(4)}`
    : '';
  const status = input.status ?? (input.fullMemberAt ? 'full' : probationEnd > day ? 'probationary' : 'full');
  let fullMemberAt = input.fullMemberAt ?? null;
  if (status === 'full' && !fullMemberAt && probationEnd && probationEnd <= day) fullMemberAt = probationEnd;
  if (fullMemberAt && (!isDate(fullMemberAt) || fullMemberAt <= input.joinedAt || fullMemberAt > day))
    errors.push({ field: 'fullMemberAt', code: 'members.invalid_dates' });
  if (status === 'probationary' && fullMemberAt) errors.push({ field: 'status', code: 'members.invalid_dates' });
  if (status === 'full' && !fullMemberAt) errors.push({ field: 'fullMemberAt', code: 'members.invalid_dates' });
  if (errors.length) return { errors };
  return {
    errors,
    value: {
      name: input.name.trim(),
      gender: info!.gender,
      idNumber,
      phone,
      birthDate: info!.birthDate,
      joinedAt: input.joinedAt,
      fullMemberAt,
      status: status as CleanMember['status'],
      ethnicity: input.ethnicity ?? null,
      education: input.education ?? null,
      category: input.category ?? null,
    },
  };
}

function firstError(errors: FieldError[]): never {
  throw new DomainError(errors[0].code, { fields: errors });
}

/** The org a member may be placed in: in scope and of a member-holding type. */
export async function memberOrg(ctx: Ctx, actor: Actor, orgId: number): Promise<orgsRepo.OrgRow> {
  const org = await orgsRepo.getOrg(ctx.db, actor, orgId);
  if (!MEMBER_HOLDING_TYPES.includes(org.type as OrgType))
    throw new DomainError('members.org_not_branch', { fields: [{ field: 'orgId', code: 'members.org_not_branch' }] });
  return org;
}

/** Column values of a validated member (encrypted numbers, masks, pinyin). */
export function memberColumns(ctx: Ctx, v: CleanMember) {
  const keys = nameKeys(v.name);
  return {
    name: v.name,
    name_pinyin: keys.pinyin,
    name_initials: keys.initials,
    gender: v.gender,
    id_number_enc: ctx.vault.encrypt(v.idNumber),
    id_number_hash: ctx.vault.lookupHash(v.idNumber),
    id_number_masked: maskIdNumber(v.idNumber),
    phone_enc: v.phone ? ctx.vault.encrypt(v.phone) : null,
    phone_hash: v.phone ? ctx.vault.lookupHash(v.phone) : null,
    phone_masked: v.phone ? maskPhone(v.phone) : null,
    birth_date: v.birthDate,
    ethnicity: v.ethnicity,
    education: v.education,
    category: v.category,
    joined_at: v.joinedAt,
    full_member_at: v.fullMemberAt,
    status: v.status,
  };
}

function auditable(m: MemberT) {
  const { age, partyYears, createdAt, updatedAt, orgName, ...rest } = m;
  return rest as Record<string, unknown>;
}

/** Members of a subtree (default: the caller's scope), filtered, sorted and paged on the server. */
export async function list(
  ctx: Ctx,
  actor: Actor,
  query: MemberListQueryT,
): Promise<{ items: MemberT[]; total: number }> {
  requireCapability(actor, 'members.read');
  const day = today(ctx);
  const filter = await toFilter(ctx, actor, query, day);
  const { rows, total } = await repo.listMembers(ctx.db, actor, filter, {
    sort: query.sort ?? 'org',
    order: query.order ?? 'asc',
    page: query.page ?? 1,
    pageSize: query.pageSize ?? 20,
  } as Parameters<typeof repo.listMembers>[3]);
  return { items: rows.map((r) => present(r, day)), total };
}

/** Turns list query parameters into a repository filter (a full ID or phone number becomes an exact keyed lookup). */
export async function toFilter(
  ctx: Ctx,
  actor: Actor,
  query: MemberListQueryT,
  day: string,
): Promise<repo.MemberFilter> {
  const underPath = await orgsRepo.underOrg(ctx.db, actor, query.org);
  const q = query.q?.trim() || undefined;
  let idHash: string | undefined;
  let phoneHash: string | undefined;
  if (q && /^\d{17}[\dXx]$/.test(q)) idHash = ctx.vault.lookupHash(normalizeIdNumber(q));
  else if (q && /^1\d{10}$/.test(q)) phoneHash = ctx.vault.lookupHash(q);
  return { ...query, q, idHash, phoneHash, underPath, today: day };
}

/** One member, masked. */
export async function get(ctx: Ctx, actor: Actor, id: number): Promise<MemberT> {
  requireCapability(actor, 'members.read');
  return present(await repo.getMember(ctx.db, actor, id, { includeDeleted: true }), today(ctx));
}

/** A member's own record (the member role). */
export async function mine(ctx: Ctx, actor: Actor): Promise<MemberT> {
  requireCapability(actor, 'self.party');
  if (!actor.memberId) throw notFound();
  return present(await repo.getMember(ctx.db, actor, actor.memberId), today(ctx));
}

/** The unmasked numbers of a member for a role allowed to see them; the viewing is audited. */
export async function reveal(
  ctx: Ctx,
  actor: Actor,
  id: number,
  fields: ('idNumber' | 'phone')[],
): Promise<{ idNumber?: string; phone?: string | null }> {
  requireCapability(actor, 'members.read');
  if (!can(actor.role, 'members.reveal')) throw new DomainError('members.reveal_denied');
  const row = await repo.getMember(ctx.db, actor, id);
  // A member always has an ID number: it is never null here.
  return (await revealNumbers(ctx, actor, 'member', id, row, fields)) as { idNumber?: string; phone?: string | null };
}

/** Records a new member after checking the ID, dates, phone and uniqueness. */
export async function create(ctx: Ctx, actor: Actor, input: MemberCreateT): Promise<MemberT> {
  requireCapability(actor, 'members.write');
  const org = await memberOrg(ctx, actor, input.orgId);
  const day = today(ctx);
  const { value, errors } = validateMember(input, day);
  if (!value) firstError(errors);
  const cols = memberColumns(ctx, value);
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (await repo.idNumberTaken(trx, org.tenant_id, cols.id_number_hash))
      throw new DomainError('members.id_number_taken', {
        fields: [{ field: 'idNumber', code: 'members.id_number_taken' }],
      });
    const now = ctx.clock().toISOString();
    const [id] = await repo.insertMembers(trx, [
      {
        ...cols,
        tenant_id: org.tenant_id,
        org_id: org.id,
        org_path: org.org_path,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      },
    ]);
    const after = present({ ...(await repo.getMember(trx, actor, id)) }, day);
    await recordMember(ctx, trx, actor, org.tenant_id, {
      action: 'member.create',
      entityId: id,
      changes: diff(null, auditable(after)),
    });
    return id;
  });
  return get(ctx, actor, id);
}

/** Edits a member; moving to another org of the scope is an edit of `orgId`. */
export async function update(ctx: Ctx, actor: Actor, id: number, patch: MemberPatchT): Promise<MemberT> {
  requireCapability(actor, 'members.write');
  const row = await repo.getMember(ctx.db, actor, id);
  const day = today(ctx);
  const before = present(row, day);
  const org = patch.orgId && patch.orgId !== row.org_id ? await memberOrg(ctx, actor, patch.orgId) : null;
  const idNumber = patch.idNumber ?? ctx.vault.decrypt(row.id_number_enc);
  const phone = patch.phone !== undefined ? patch.phone : row.phone_enc ? ctx.vault.decrypt(row.phone_enc) : null;
  const merged = {
    name: patch.name ?? row.name,
    idNumber,
    gender: patch.gender ?? row.gender,
    joinedAt: patch.joinedAt ?? row.joined_at,
    phone,
    birthDate: patch.birthDate,
    ethnicity: patch.ethnicity !== undefined ? patch.ethnicity : (row.ethnicity as MemberCreateT['ethnicity']),
    education: patch.education !== undefined ? patch.education : (row.education as MemberCreateT['education']),
    category: patch.category !== undefined ? patch.category : (row.category as MemberCreateT['category']),
    fullMemberAt: patch.fullMemberAt !== undefined ? patch.fullMemberAt : row.full_member_at,
    status: patch.status ?? (row.status as MemberCreateT['status']),
  };
  const { value, errors } = validateMember(merged, day);
  if (!value) firstError(errors);
  const cols = memberColumns(ctx, value);
  await ctx.db.transaction().execute(async (trx) => {
    if (
      cols.id_number_hash !== row.id_number_hash &&
      (await repo.idNumberTaken(trx, row.tenant_id, cols.id_number_hash, id))
    ) {
      throw new DomainError('members.id_number_taken', {
        fields: [{ field: 'idNumber', code: 'members.id_number_taken' }],
      });
    }
    const set: Record<string, unknown> = { ...cols, updated_at: ctx.clock().toISOString() };
    // Keep the old ciphertexts when the numbers did not change, so an edit of a name does not churn them.
    if (cols.id_number_hash === row.id_number_hash) delete set.id_number_enc;
    if (cols.phone_hash === row.phone_hash) delete set.phone_enc;
    if (org) Object.assign(set, { org_id: org.id, org_path: org.org_path });
    await repo.updateMember(trx, id, set);
    const after = present(await repo.getMember(trx, actor, id), day);
    const changes: Changes = diff(auditable(before), auditable(after));
    await recordMember(ctx, trx, actor, row.tenant_id, { action: 'member.update', entityId: id, changes });
  });
  return get(ctx, actor, id);
}

/** How a soft delete or restore of a member is recorded: the roster's figures and caches change. */
const MEMBER_CHANGE = (action: string) => ({
  action,
  entityType: 'member',
  domains: ['roster' as const],
  stampUpdatedAt: true,
});

/** Soft-deletes a member (recoverable from the recycle bin). */
export async function remove(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  requireCapability(actor, 'members.write');
  await softDelete(ctx, actor, 'members', id, {
    ...MEMBER_CHANGE('member.delete'),
    // A deleted member holds no secretary seat.
    before: (trx) => repo.clearSecretary(trx, id),
  });
}

/** Restores a soft-deleted member unless someone with the same ID number was entered since. */
export async function restore(ctx: Ctx, actor: Actor, id: number): Promise<MemberT> {
  requireCapability(actor, 'members.write');
  await restoreRow(ctx, actor, 'members', id, {
    ...MEMBER_CHANGE('member.restore'),
    notDeleted: 'members.not_deleted',
    before: async (trx, row) => {
      if (await repo.idNumberTaken(trx, actor.tenantId!, row.id_number_hash as string, id))
        throw new DomainError('members.id_number_taken');
    },
  });
  return get(ctx, actor, id);
}
