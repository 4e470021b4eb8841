/** Every query on member records, always inside the caller's scope. */
import { type Insertable, type Selectable, sql } from 'kysely';
import { AGE_BAND_LIMITS, type AgeBand } from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { scopeRange } from '../../../platform/actor.js';
import { paged, type Q, rangeOf, scoped } from '../../../platform/data/scoped.js';
import { batchesByPath } from '../../../platform/data/batches.js';
import { readVersion } from '../../../platform/data/versions.js';
import { memo } from '../../../platform/memo.js';
import { idHashesHeld, idNumberHeld, type IdHolders } from '../../../platform/data/idNumbers.js';
import type { MembersTable } from '../../../db/schema/index.js';
import { likeContains, likePrefix } from '../../../db/dialect.js';
import { notFound } from '../../../platform/errors.js';
import { mobilityStateIs } from '../../people/mobility/mobility.repository.js';

export type MemberRow = Selectable<MembersTable> & { org_name: string };
export type { Q };

export interface MemberFilter {
  underPath?: string;
  q?: string;
  /** Keyed hashes to match exactly when the query is a full ID or phone number. */
  idHash?: string;
  phoneHash?: string;
  status?: string;
  gender?: string;
  ageBand?: AgeBand;
  education?: string;
  category?: string;
  ethnicity?: string;
  joinYear?: number;
  /** The member's mobility state now (local, away, out of contact). */
  mobility?: string;
  deleted?: boolean;
  today: string;
}

const SORTS = {
  name: ['m.name_pinyin'],
  joinedAt: ['m.joined_at'],
  birthDate: ['m.birth_date'],
  createdAt: ['m.created_at'],
  org: ['m.org_path', 'm.name_pinyin'],
} as const;
export type MemberSort = keyof typeof SORTS;

const LIST_COLUMNS = [
  'm.id',
  'm.tenant_id',
  'm.org_id',
  'm.org_path',
  'm.name',
  'm.gender',
  'm.id_number_masked',
  'm.phone_masked',
  'm.birth_date',
  'm.ethnicity',
  'm.education',
  'm.category',
  'm.joined_at',
  'm.full_member_at',
  'm.status',
  'm.created_at',
  'm.updated_at',
  'm.deleted_at',
] as const;

/** The year-shifted date: the latest birth date of someone aged `years` on `today`. */
function yearsBefore(today: string, years: number): string {
  return `${String(Number(today.slice(0, 4)) - years).padStart(4, '0')}${today.slice(4)}`;
}

function filtered(db: Q, actor: Actor, f: MemberFilter) {
  let q = scoped(db, actor, 'members', { as: 'm', under: f.underPath, rows: f.deleted ? 'deleted' : 'live' });
  if (f.idHash) q = q.where('m.id_number_hash', '=', f.idHash);
  else if (f.phoneHash) q = q.where('m.phone_hash', '=', f.phoneHash);
  else if (f.q) {
    const text = f.q.trim();
    if (/^[a-zA-Z]+$/.test(text)) {
      const lower = text.toLowerCase();
      q = q.where((eb) =>
        eb.or([likePrefix('m.name_pinyin', lower), likePrefix('m.name_initials', lower), likeContains('m.name', text)]),
      );
    } else {
      q = q.where(likeContains('m.name', text));
    }
  }
  if (f.status) q = q.where('m.status', '=', f.status);
  if (f.gender) q = q.where('m.gender', '=', f.gender);
  if (f.education) q = q.where('m.education', '=', f.education);
  if (f.category) q = q.where('m.category', '=', f.category);
  if (f.ethnicity) q = q.where('m.ethnicity', '=', f.ethnicity);
  if (f.mobility) q = q.where(mobilityStateIs(f.mobility));
  if (f.joinYear)
    q = q.where('m.joined_at', '>=', `${f.joinYear}-01-01`).where('m.joined_at', '<=', `${f.joinYear}-12-31`);
  if (f.ageBand) {
    const [min, max] = AGE_BAND_LIMITS[f.ageBand];
    // age ≥ min ⇔ born on or before today-min years; age < max ⇔ born after today-max years.
    q = q.where('m.birth_date', '<=', yearsBefore(f.today, min)).where('m.birth_date', '>', yearsBefore(f.today, max));
  }
  return q;
}

/**
 * One page of members matching a filter, and the total. Outside a transaction the page is kept under the versions
 * it was read from (the roster: members and organizations' names; mobility when filtered by it), so the same page
 * is read once per change of the roster however often it is asked; scope and capability are checked before.
 */
export async function listMembers(
  db: Q,
  actor: Actor,
  f: MemberFilter,
  page: { sort: MemberSort; order: 'asc' | 'desc'; page: number; pageSize: number },
): Promise<{ rows: MemberRow[]; total: number }> {
  const [lo, hi] = rangeOf(actor, f.underPath);
  const tenant = actor.tenantId!;
  if (db.isTransaction) return readPage(db, actor, f, page, null);
  const roster = await readVersion(db, tenant, 'roster');
  // A member's mobility state is its own records' (a return bumps only `mobility`): its filter depends on both.
  const mobility = f.mobility ? `|m${await readVersion(db, tenant, 'mobility')}` : '';
  const key = `${tenant}|r${roster}${mobility}|members|${lo}|${hi}|${JSON.stringify({ ...f, underPath: undefined })}`;
  return memo(db, `${key}|${page.sort}|${page.order}|${page.page}|${page.pageSize}`, () =>
    readPage(db, actor, f, page, key),
  );
}

async function readPage(
  db: Q,
  actor: Actor,
  f: MemberFilter,
  page: { sort: MemberSort; order: 'asc' | 'desc'; page: number; pageSize: number },
  countKey: string | null,
): Promise<{ rows: MemberRow[]; total: number }> {
  const base = filtered(db, actor, f);
  // The total is the costly part of a page (it reads the whole subtree); it changes only when the roster does.
  return paged(
    db,
    actor.tenantId!,
    base,
    (b) => {
      // Only what a list shows: the ciphertexts and hashes are long and never leave the server.
      let q = b.innerJoin('orgs as o', 'o.id', 'm.org_id').select(LIST_COLUMNS).select('o.name as org_name');
      for (const col of SORTS[page.sort]) q = q.orderBy(sql.ref(col), page.order);
      return q.orderBy('m.id', page.order);
    },
    page,
    countKey ? { domain: 'roster', key: countKey } : undefined,
  ) as Promise<{ rows: MemberRow[]; total: number }>;
}

/** Streams every member matching a filter in batches (export). */
export async function* iterateMembers(db: Q, actor: Actor, f: MemberFilter, batch = 2000): AsyncGenerator<MemberRow[]> {
  const base = filtered(db, actor, f)
    .innerJoin('orgs as o', 'o.id', 'm.org_id')
    .selectAll('m')
    .select('o.name as org_name');
  yield* batchesByPath<MemberRow>(base, 'm', batch);
}

/** One member by id; 404 when missing, deleted (unless asked) or outside the scope. */
export async function getMember(
  db: Q,
  actor: Actor,
  id: number,
  opts: { includeDeleted?: boolean } = {},
): Promise<MemberRow> {
  const q = scoped(db, actor, 'members', { as: 'm', rows: opts.includeDeleted ? 'any' : 'live' })
    .innerJoin('orgs as o', 'o.id', 'm.org_id')
    .selectAll('m')
    .select('o.name as org_name')
    .where('m.id', '=', id);
  const row = (await q.executeTakeFirst()) as MemberRow | undefined;
  if (!row) throw notFound();
  return row;
}

/** A member named in a write body (owner, visitor, leader, lecturer, cadre …), resolved for a reference. */
export interface MemberRef {
  id: number;
  name: string;
  org_id: number;
  org_path: string;
  tenant_id: number;
}

async function liveMemberOfTenant(
  db: Q,
  tenantId: number | null,
  id: number,
): Promise<(MemberRef & { org_field: string | null }) | undefined> {
  if (tenantId == null) return undefined;
  return db
    .selectFrom('members as m')
    .innerJoin('orgs as o', 'o.id', 'm.org_id')
    .select(['m.id', 'm.name', 'm.org_id', 'm.org_path', 'm.tenant_id', 'o.field as org_field'])
    .where('m.id', '=', id)
    .where('m.tenant_id', '=', tenantId)
    .where('m.deleted_at', 'is', null)
    .executeTakeFirst();
}

/** A live member inside the caller's scope, named by a write body; 404 otherwise (existence never shown). */
export async function requireMemberInScope(db: Q, actor: Actor, id: number): Promise<MemberRef> {
  const [lo, hi] = scopeRange(actor);
  const m = await liveMemberOfTenant(db, actor.tenantId, id);
  if (!m || m.org_path < lo || m.org_path >= hi) throw notFound();
  return { id: m.id, name: m.name, org_id: m.org_id, org_path: m.org_path, tenant_id: m.tenant_id };
}

/**
 * WIDENING (pairing cadres, 结对帮扶干部): any live member of the caller's county may be paired with a
 * household of the scope — cadres come from county organs and other townships. Also resolves a member's
 * own record (an errand the member takes). Tenant-bound; 404 otherwise.
 */
export async function requireMemberOfCounty(db: Q, actor: Actor, id: number): Promise<MemberRef> {
  scopeRange(actor);
  const m = await liveMemberOfTenant(db, actor.tenantId, id);
  if (!m) throw notFound();
  return { id: m.id, name: m.name, org_id: m.org_id, org_path: m.org_path, tenant_id: m.tenant_id };
}

/**
 * WIDENING (cadres who serve an org from above: visitors 下访, lecturers 讲党课, members registered in a
 * community zone): a live member of the caller's scope, or of an org on the path above `targetPath`
 * (the township or county committee), or of a government organ (机关) of the same county. Anyone else —
 * a member of another township's village, another county — answers 404.
 */
export async function requireServingMember(db: Q, actor: Actor, id: number, targetPath: string): Promise<MemberRef> {
  const [lo, hi] = scopeRange(actor);
  const m = await liveMemberOfTenant(db, actor.tenantId, id);
  const ok =
    m && ((m.org_path >= lo && m.org_path < hi) || targetPath.startsWith(m.org_path) || m.org_field === 'organ');
  if (!ok) throw notFound();
  return { id: m.id, name: m.name, org_id: m.org_id, org_path: m.org_path, tenant_id: m.tenant_id };
}

/** The live members of a county: whose ID numbers count as taken. */
function liveOfTenant(db: Q, tenantId: number) {
  return db.selectFrom('members').where('tenant_id', '=', tenantId).where('deleted_at', 'is', null);
}

const ID_HOLDERS: IdHolders = { rows: liveOfTenant, id: 'id', hash: 'id_number_hash' };

/** Whether a live member of the tenant already has this ID-number hash (other than `exceptId`). */
export function idNumberTaken(db: Q, tenantId: number, hash: string, exceptId?: number): Promise<boolean> {
  return idNumberHeld(db, ID_HOLDERS, tenantId, hash, exceptId);
}

/** Which of `hashes` are ID numbers of live members of the county (an import's lookup). */
export function idHashesAmong(db: Q, tenantId: number, hashes: string[], pause: () => Promise<void>) {
  return idHashesHeld(db, ID_HOLDERS, tenantId, hashes, pause);
}

/** Live orgs of the caller's scope (where a roster's rows may be placed), by path. */
export async function orgsInScope(db: Q, actor: Actor) {
  return scoped(db, actor, 'orgs')
    .select(['orgs.id', 'orgs.name', 'orgs.type', 'orgs.org_path', 'orgs.tenant_id'])
    .orderBy('orgs.org_path')
    .execute();
}

/** A new member's row. */
export type NewMember = Omit<Insertable<MembersTable>, 'id'>;

/** Inserts members; answers their ids in order. */
export async function insertMembers(db: Q, rows: NewMember[]): Promise<number[]> {
  return (await db.insertInto('members').values(rows).returning('id').execute()).map((r) => r.id);
}

/** Changes the columns of one member. */
export async function updateMember(db: Q, id: number, set: Record<string, unknown>): Promise<void> {
  await db.updateTable('members').set(set).where('id', '=', id).execute();
}

/** Leaves vacant the secretary seats a member held. */
export async function clearSecretary(db: Q, memberId: number): Promise<void> {
  await db.updateTable('orgs').set({ secretary_member_id: null }).where('secretary_member_id', '=', memberId).execute();
}
