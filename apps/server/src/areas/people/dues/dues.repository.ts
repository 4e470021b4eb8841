/** Queries of the dues module: rule versions, profiles, bills, their generation; the service decides who sees what. */
import { type Insertable, type Kysely, type Selectable, sql } from 'kysely';
import { likeContains } from '../../../db/dialect.js';
import type { DB, DuesBillsTable, DuesProfilesTable, DuesRulesTable } from '../../../db/schema/index.js';
import type { Actor } from '../../../platform/actor.js';
import {
  countOf,
  paged,
  type Paging,
  type Q,
  rangeOf,
  scoped,
  type ScopedQuery,
} from '../../../platform/data/scoped.js';
import { cached } from '../../../platform/data/versions.js';

export type { Q };
export type RuleRow = Selectable<DuesRulesTable> & { created_by_name: string | null };
export type ProfileRow = Selectable<DuesProfilesTable>;
/** A bill to insert. */
export type NewBill = Insertable<DuesBillsTable>;
export type BillRow = Selectable<DuesBillsTable> & { org_name: string; member_name: string };

// ---- rules ----
/** A county's stored rule versions (2 and later), oldest first. */
export function listRules(db: Q, tenantId: number): Promise<RuleRow[]> {
  return db
    .selectFrom('dues_rules as r')
    .leftJoin('users as u', 'u.id', 'r.created_by')
    .selectAll('r')
    .select('u.display_name as created_by_name')
    .where('r.tenant_id', '=', tenantId)
    .orderBy('r.version')
    .execute();
}

/** Inserts a rule version. */
export async function insertRule(db: Q, row: Insertable<DuesRulesTable>): Promise<void> {
  await db.insertInto('dues_rules').values(row).execute();
}

/** How many bills of a county used each rule version. */
export async function billsByVersion(db: Q, tenantId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('dues_bills')
    .select(['rule_version', (e) => e.fn.countAll().as('n')])
    .where('tenant_id', '=', tenantId)
    .groupBy('rule_version')
    .execute();
  return new Map(rows.map((r) => [r.rule_version, Number(r.n)]));
}

/** Whether a county has a bill of `month` or later. */
export async function billedFrom(db: Q, tenantId: number, month: string): Promise<boolean> {
  const row = await db
    .selectFrom('dues_bills')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('month', '>=', month)
    .limit(1)
    .executeTakeFirst();
  return row != null;
}

// ---- profiles ----
/** A member of the caller's scope with its dues profile (if any) and its organization. */
export interface MemberProfileRow {
  member_id: number;
  member_name: string;
  member_category: string | null;
  org_id: number;
  org_name: string;
  org_path: string;
  tenant_id: number;
  category: string | null;
  income_fen: number | null;
  fixed_fen: number | null;
  exempt: number | null;
  exempt_reason: string | null;
  arrears_reason: string | null;
  updated_at: string | null;
}

function memberProfiles(db: Q, actor: Actor, under?: string) {
  return scoped(db, actor, 'members', { as: 'm', under })
    .innerJoin('orgs as o', 'o.id', 'm.org_id')
    .leftJoin('dues_profiles as p', 'p.member_id', 'm.id');
}

function profileColumns<T extends ReturnType<typeof memberProfiles>>(q: T) {
  return q.select([
    'm.id as member_id',
    'm.name as member_name',
    'm.category as member_category',
    'm.org_id',
    'o.name as org_name',
    'm.org_path',
    'm.tenant_id',
    'p.category',
    'p.income_fen',
    'p.fixed_fen',
    'p.exempt',
    'p.exempt_reason',
    'p.arrears_reason',
    'p.updated_at',
  ]);
}

/** Members of the caller's subtree with their profiles, by organization and name. */
export async function listProfiles(
  db: Q,
  actor: Actor,
  f: { under?: string; q?: string; category?: string; unset?: boolean },
  paging: Paging,
): Promise<{ rows: MemberProfileRow[]; total: number }> {
  let base = memberProfiles(db, actor, f.under);
  if (f.q) base = base.where(likeContains('m.name', f.q));
  if (f.category) base = base.where('p.category', '=', f.category);
  if (f.unset) base = base.where('p.category', 'is', null);
  return paged(
    db,
    actor.tenantId!,
    base,
    (b) => profileColumns(b).orderBy('m.org_path').orderBy('m.name_pinyin').orderBy('m.id'),
    paging,
  ) as Promise<{ rows: MemberProfileRow[]; total: number }>;
}

/** One member of the caller's scope with its profile, or undefined. */
export async function memberProfile(db: Q, actor: Actor, memberId: number): Promise<MemberProfileRow | undefined> {
  return (await profileColumns(memberProfiles(db, actor)).where('m.id', '=', memberId).executeTakeFirst()) as
    | MemberProfileRow
    | undefined;
}

/** The profile row of a member (any scope; the service resolved the member). */
export function profileOf(db: Q, memberId: number): Promise<ProfileRow | undefined> {
  return db.selectFrom('dues_profiles').selectAll().where('member_id', '=', memberId).executeTakeFirst();
}

/** Inserts or updates a member's profile. */
export async function saveProfile(db: Q, row: Insertable<DuesProfilesTable>): Promise<void> {
  const { tenant_id: _t, member_id: _m, created_at: _c, ...set } = row;
  await db
    .insertInto('dues_profiles')
    .values(row)
    .onConflict((oc) => oc.column('member_id').doUpdateSet(set))
    .execute();
}

/** Clears the arrears reason of members who paid (a reason covers the run of months it explains). */
export async function clearArrearsReason(db: Q, memberId: number, now: string): Promise<void> {
  await db
    .updateTable('dues_profiles')
    .set({ arrears_reason: null, arrears_reason_at: null, updated_at: now })
    .where('member_id', '=', memberId)
    .where('arrears_reason', 'is not', null)
    .execute();
}

// ---- bills ----
/** A live member of a subtree to bill for a month, with its profile and whether it has that month's bill. */
export interface ToBillRow {
  member_id: number;
  tenant_id: number;
  org_id: number;
  org_path: string;
  member_category: string | null;
  category: string | null;
  income_fen: number | null;
  fixed_fen: number | null;
  exempt: number | null;
  bill_id: number | null;
}

/** The live members of a path range who had joined by `lastDay`, with their profile and bill of `month`. */
export function membersToBill(
  db: Q,
  tenantId: number,
  [lo, hi]: [string, string],
  month: string,
  lastDay: string,
): Promise<ToBillRow[]> {
  return db
    .selectFrom('members as m')
    .leftJoin('dues_profiles as p', 'p.member_id', 'm.id')
    .leftJoin('dues_bills as b', (j) =>
      j.onRef('b.member_id', '=', 'm.id').on('b.month', '=', month).on('b.tenant_id', '=', tenantId),
    )
    .select([
      'm.id as member_id',
      'm.tenant_id',
      'm.org_id',
      'm.org_path',
      'm.category as member_category',
      'p.category',
      'p.income_fen',
      'p.fixed_fen',
      'p.exempt',
      'b.id as bill_id',
    ])
    .where('m.tenant_id', '=', tenantId)
    .where('m.org_path', '>=', lo)
    .where('m.org_path', '<', hi)
    .where('m.deleted_at', 'is', null)
    .where('m.joined_at', '<=', lastDay)
    .orderBy('m.id')
    .execute();
}

/** Inserts bills in batches; a bill a concurrent run already made is skipped. Answers how many were new. */
export async function insertBills(db: Q, rows: Insertable<DuesBillsTable>[], batch = 500): Promise<number> {
  let n = 0;
  for (let i = 0; i < rows.length; i += batch) {
    const r = await db
      .insertInto('dues_bills')
      .values(rows.slice(i, i + batch))
      .onConflict((oc) => oc.columns(['tenant_id', 'member_id', 'month']).doNothing())
      .executeTakeFirst();
    n += Number(r.numInsertedOrUpdatedRows ?? 0);
  }
  return n;
}

/** Filters of the bill list. */
export interface BillFilter {
  under?: string;
  q?: string;
  month?: string;
  from?: string;
  to?: string;
  status?: string;
  memberId?: number;
  unpaid?: boolean;
}

type BillQuery = ScopedQuery<'dues_bills', 'b'>;

function billFilters(q: BillQuery, f: BillFilter): BillQuery {
  if (f.month) q = q.where('b.month', '=', f.month);
  if (f.from) q = q.where('b.month', '>=', f.from);
  if (f.to) q = q.where('b.month', '<=', f.to);
  if (f.status) q = q.where('b.status', '=', f.status);
  if (f.unpaid) q = q.where('b.status', 'in', ['due', 'partial']);
  if (f.memberId) q = q.where('b.member_id', '=', f.memberId);
  if (f.q) {
    const text = f.q;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('members as qm')
          .select('qm.id')
          .whereRef('qm.id', '=', 'b.member_id')
          .where(likeContains('qm.name', text)),
      ),
    );
  }
  return q;
}

/**
 * A page of bills of the caller's subtree, latest month first, and the total (cached on the dues version). When the
 * subtree holds a good share of the county, SQLite walks the month index from the newest (a unary plus keeps the
 * planner off the scope index) instead of sorting the whole range, as the request list does.
 */
export async function listBills(
  db: Kysely<DB>,
  actor: Actor,
  f: BillFilter,
  paging: Paging,
  sqlite: boolean,
): Promise<{ rows: BillRow[]; total: number }> {
  const [lo, hi] = rangeOf(actor, f.under);
  const tenantId = actor.tenantId!;
  const scopedBase = billFilters(scoped(db, actor, 'dues_bills', { as: 'b', under: f.under }), f);
  const total = await cached(db, tenantId, 'dues', `bills|${JSON.stringify([lo, f])}`, () => countOf(scopedBase));
  if (!total) return { rows: [], total };
  const pageEnd = paging.page * paging.pageSize;
  const county = await cached(db, tenantId, 'dues', 'bills|tenant', () =>
    countOf(db.selectFrom('dues_bills').where('tenant_id', '=', tenantId)),
  );
  const walk = sqlite && total > pageEnd && (pageEnd * county) / total < total * 10;
  const base = walk
    ? billFilters(
        db
          .selectFrom('dues_bills as b')
          .where('b.tenant_id', '=', tenantId)
          .where(sql<boolean>`+b.org_path >= ${lo} and +b.org_path < ${hi}`)
          .where('b.deleted_at', 'is', null) as BillQuery,
        f,
      )
    : scopedBase;
  const rows = await base
    .innerJoin('orgs as o', 'o.id', 'b.org_id')
    .innerJoin('members as m', 'm.id', 'b.member_id')
    .selectAll('b')
    .select(['o.name as org_name', 'm.name as member_name'])
    .orderBy('b.month', 'desc')
    .orderBy('b.org_path', 'desc')
    .orderBy('b.id', 'desc')
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize)
    .execute();
  return { rows: rows as BillRow[], total };
}

/** Bills of one member by id (any scope: the member was resolved in scope), live ones only. */
export function billsOfMember(db: Q, tenantId: number, memberId: number, ids: number[]) {
  return db
    .selectFrom('dues_bills')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('member_id', '=', memberId)
    .where('id', 'in', ids)
    .where('deleted_at', 'is', null)
    .orderBy('month')
    .execute();
}

/** Sets a bill's paid amount and status. */
export async function setBillPaid(db: Q, id: number, paidFen: number, status: string, now: string): Promise<void> {
  await db.updateTable('dues_bills').set({ paid_fen: paidFen, status, updated_at: now }).where('id', '=', id).execute();
}

/** A member's own bills, latest first (the member's phone page), optionally one year. */
export function ownBills(db: Q, tenantId: number, memberId: number, year?: number) {
  let q = db
    .selectFrom('dues_bills')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('member_id', '=', memberId)
    .where('deleted_at', 'is', null);
  if (year) q = q.where('month', '>=', `${year}-01`).where('month', '<=', `${year}-12`);
  return q.orderBy('month', 'desc').execute();
}
