/** Queries on dues payments and the bills each pays, the six-month flag, the figures and the daily job's reads. */
import { type Insertable, type Kysely, type Selectable, sql } from 'kysely';
import { likeContains } from '../../../db/dialect.js';
import type { DB, DuesPaymentsTable } from '../../../db/schema/index.js';
import type { Actor } from '../../../platform/actor.js';
import { countOf, type Paging, type Q, rangeOf, scoped, type ScopedQuery } from '../../../platform/data/scoped.js';
import { cached } from '../../../platform/data/versions.js';
// The organizations' own readers, under the names this module's code calls them.
export { childOrgs } from '../../core/orgs/orgs.repository.js';

export type PaymentRow = Selectable<DuesPaymentsTable> & {
  org_name: string;
  member_name: string;
  recorded_by_name: string | null;
  reviewed_by_name: string | null;
};
export interface ItemRow {
  payment_id: number;
  bill_id: number;
  amount_fen: number;
  month: string;
}

/** Inserts a payment and its parts; answers its id. */
export async function insertPayment(
  db: Q,
  row: Insertable<DuesPaymentsTable>,
  items: { bill_id: number; amount_fen: number }[],
): Promise<number> {
  const { id } = await db.insertInto('dues_payments').values(row).returning('id').executeTakeFirstOrThrow();
  await db
    .insertInto('dues_payment_bills')
    .values(items.map((i) => ({ ...i, payment_id: id })))
    .execute();
  return id;
}

/** The parts of payments, with each bill's month. */
export function itemsOf(db: Q, paymentIds: number[]): Promise<ItemRow[]> {
  if (!paymentIds.length) return Promise.resolve([]);
  return db
    .selectFrom('dues_payment_bills as i')
    .innerJoin('dues_bills as b', 'b.id', 'i.bill_id')
    .select(['i.payment_id', 'i.bill_id', 'i.amount_fen', 'b.month'])
    .where('i.payment_id', 'in', paymentIds)
    .orderBy('b.month')
    .execute();
}

/** Per bill, fen held by live back payments awaiting review (not counted, but not payable twice). */
export async function pendingOn(db: Q, billIds: number[], exceptPayment?: number): Promise<Map<number, number>> {
  if (!billIds.length) return new Map();
  let q = db
    .selectFrom('dues_payment_bills as i')
    .innerJoin('dues_payments as p', 'p.id', 'i.payment_id')
    .select(['i.bill_id', (e) => e.fn.sum<number>('i.amount_fen').as('fen')])
    .where('i.bill_id', 'in', billIds)
    .where('p.status', '=', 'pending')
    .where('p.deleted_at', 'is', null)
    .groupBy('i.bill_id');
  if (exceptPayment) q = q.where('p.id', '<>', exceptPayment);
  const rows = await q.execute();
  return new Map(rows.map((r) => [r.bill_id, Number(r.fen)]));
}

/** Bills by id (for applying a payment's parts). */
export function billsById(db: Q, ids: number[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('dues_bills').selectAll().where('id', 'in', ids).execute();
}

/** Filters of the payment list. */
export interface PaymentFilter {
  under?: string;
  q?: string;
  status?: string;
  method?: string;
  memberId?: number;
  backPayment?: boolean;
  from?: string;
  to?: string;
  deleted?: boolean;
  id?: number;
}

type PaymentQuery = ScopedQuery<'dues_payments', 'p'>;

function paymentFilters(q: PaymentQuery, f: PaymentFilter): PaymentQuery {
  if (f.id) q = q.where('p.id', '=', f.id);
  if (f.status) q = q.where('p.status', '=', f.status);
  if (f.method) q = q.where('p.method', '=', f.method);
  if (f.memberId) q = q.where('p.member_id', '=', f.memberId);
  if (f.backPayment != null) q = q.where('p.back_payment', '=', f.backPayment ? 1 : 0);
  if (f.from) q = q.where('p.paid_on', '>=', f.from);
  if (f.to) q = q.where('p.paid_on', '<=', f.to);
  if (f.q) {
    const text = f.q;
    q = q.where((eb) =>
      eb.or([
        likeContains('p.reference', text),
        eb.exists(
          eb
            .selectFrom('members as qm')
            .select('qm.id')
            .whereRef('qm.id', '=', 'p.member_id')
            .where(likeContains('qm.name', text)),
        ),
      ]),
    );
  }
  return q;
}

/**
 * A page of payments of the caller's subtree, latest first, and the total (cached on the dues version); a large
 * subtree walks the day index from the newest on SQLite instead of sorting its whole range (see listBills).
 */
export async function listPayments(
  db: Kysely<DB>,
  actor: Actor,
  f: PaymentFilter,
  paging: Paging,
  sqlite: boolean,
): Promise<{ rows: PaymentRow[]; total: number }> {
  const [lo, hi] = rangeOf(actor, f.under);
  const tenantId = actor.tenantId!;
  const rows = f.deleted ? 'deleted' : 'live';
  const scopedBase = paymentFilters(scoped(db, actor, 'dues_payments', { as: 'p', under: f.under, rows }), f);
  const total = f.id
    ? await countOf(scopedBase)
    : await cached(db, tenantId, 'dues', `payments|${JSON.stringify([lo, f])}`, () => countOf(scopedBase));
  if (!total) return { rows: [], total };
  const pageEnd = paging.page * paging.pageSize;
  const county = await cached(db, tenantId, 'dues', 'payments|tenant', () =>
    countOf(db.selectFrom('dues_payments').where('tenant_id', '=', tenantId)),
  );
  const walk = sqlite && !f.id && total > pageEnd && (pageEnd * county) / total < total * 10;
  const base = walk
    ? paymentFilters(
        db
          .selectFrom('dues_payments as p')
          .where('p.tenant_id', '=', tenantId)
          .where(sql<boolean>`+p.org_path >= ${lo} and +p.org_path < ${hi}`)
          .where('p.deleted_at', f.deleted ? 'is not' : 'is', null) as PaymentQuery,
        f,
      )
    : scopedBase;
  const page = await base
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .innerJoin('members as m', 'm.id', 'p.member_id')
    .leftJoin('users as ru', 'ru.id', 'p.recorded_by')
    .leftJoin('users as vu', 'vu.id', 'p.reviewed_by')
    .selectAll('p')
    .select([
      'o.name as org_name',
      'm.name as member_name',
      'ru.display_name as recorded_by_name',
      'vu.display_name as reviewed_by_name',
    ])
    .orderBy('p.paid_on', 'desc')
    .orderBy('p.org_path', 'desc')
    .orderBy('p.id', 'desc')
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize)
    .execute();
  return { rows: page as PaymentRow[], total };
}

/** Sets a payment's review. */
export async function setPaymentStatus(
  db: Q,
  id: number,
  from: string,
  set: { status: string; reviewed_by: number | null; reviewed_at: string; review_note: string | null },
): Promise<boolean> {
  const r = await db
    .updateTable('dues_payments')
    .set({ ...set, updated_at: set.reviewed_at })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---- the six-month flag ----
/** A member of the subtree with `months` unpaid bills (nothing paid, not exempt) between `from` and `to`. */
export interface FlagRow {
  member_id: number;
  member_name: string;
  org_id: number;
  org_name: string;
  org_path: string;
  unpaid: number;
  owed: number;
  arrears_reason: string | null;
}

/** Live members of the caller's subtree whose bills of every month `from`–`to` are unpaid (`months` of them). */
export async function unpaidRuns(
  db: Q,
  actor: Actor,
  f: { under?: string; from: string; to: string; months: number; q?: string; memberId?: number },
): Promise<FlagRow[]> {
  let q = scoped(db, actor, 'members', { as: 'm', under: f.under })
    .innerJoin('dues_bills as b', (j) => j.onRef('b.member_id', '=', 'm.id').onRef('b.tenant_id', '=', 'm.tenant_id'))
    .innerJoin('orgs as o', 'o.id', 'm.org_id')
    .leftJoin('dues_profiles as p', 'p.member_id', 'm.id')
    .where('b.month', '>=', f.from)
    .where('b.month', '<=', f.to)
    .where('b.status', '=', 'due')
    .where('b.deleted_at', 'is', null);
  if (f.q) q = q.where(likeContains('m.name', f.q));
  if (f.memberId) q = q.where('m.id', '=', f.memberId);
  const rows = await q
    .select([
      'm.id as member_id',
      'm.name as member_name',
      'm.org_id',
      'o.name as org_name',
      'm.org_path',
      'p.arrears_reason',
      (e) => e.fn.countAll<number>().as('unpaid'),
      (e) => e.fn.sum<number>(sql`b.amount_fen - b.paid_fen`).as('owed'),
    ])
    .groupBy(['m.id', 'm.name', 'm.org_id', 'o.name', 'p.arrears_reason', 'm.org_path'])
    .having((e) => e.fn.countAll(), '=', f.months)
    .orderBy('m.org_path')
    .orderBy('m.id')
    .execute();
  return rows.map((r) => ({ ...r, unpaid: Number(r.unpaid), owed: Number(r.owed) }));
}

/** The months (latest first) of a member's bills up to `to`, with whether nothing was paid on each. */
export function monthsOf(db: Q, tenantId: number, memberIds: number[], to: string) {
  if (!memberIds.length) return Promise.resolve([]);
  return db
    .selectFrom('dues_bills')
    .select(['member_id', 'month', 'status'])
    .where('tenant_id', '=', tenantId)
    .where('member_id', 'in', memberIds)
    .where('month', '<=', to)
    .where('deleted_at', 'is', null)
    .orderBy('member_id')
    .orderBy('month', 'desc')
    .execute();
}

/** Sets (with an upsert) a member's arrears reason. */
export async function setArrearsReason(
  db: Q,
  row: { tenant_id: number; member_id: number; reason: string; now: string; by: number | null },
): Promise<void> {
  await db
    .insertInto('dues_profiles')
    .values({
      tenant_id: row.tenant_id,
      member_id: row.member_id,
      category: null,
      arrears_reason: row.reason,
      arrears_reason_at: row.now,
      updated_by: row.by,
      created_at: row.now,
      updated_at: row.now,
    })
    .onConflict((oc) =>
      oc.column('member_id').doUpdateSet({
        arrears_reason: row.reason,
        arrears_reason_at: row.now,
        updated_by: row.by,
        updated_at: row.now,
      }),
    )
    .execute();
}

// ---- figures ----
/** Sums of a subtree's bills by organization path and month (one range over the covering index, in its order). */
export async function collection(db: Q, tenantId: number, [lo, hi]: [string, string], from: string, to: string) {
  const rows = await db
    .selectFrom('dues_bills')
    .select([
      'org_path',
      'month',
      (e) => e.fn.countAll<number>().as('bills'),
      (e) => e.fn.sum<number>('amount_fen').as('due'),
      (e) => e.fn.sum<number>('paid_fen').as('paid'),
      (e) => e.fn.sum<number>(sql`case when status in ('due', 'partial') then 1 else 0 end`).as('unpaid'),
    ])
    .where('tenant_id', '=', tenantId)
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .where('month', '>=', from)
    .where('month', '<=', to)
    // In the index's order (no sort); an organization's id is the last step of its path.
    .groupBy(['org_path', 'month'])
    .execute();
  return rows.map((r) => ({
    org_id: Number(r.org_path.split('/').at(-2)),
    org_path: r.org_path,
    month: r.month,
    bills: Number(r.bills),
    due: Number(r.due),
    paid: Number(r.paid),
    unpaid: Number(r.unpaid),
  }));
}

// ---- the daily job ----
/** Every county's root organization. */
export function rootOrgs(db: Q) {
  return db
    .selectFrom('orgs')
    .select(['id', 'tenant_id', 'org_path'])
    .where('parent_id', 'is', null)
    .where('deleted_at', 'is', null)
    .execute();
}

/** Active branch secretaries' accounts of a county, with their organization. */
export function secretaries(db: Q, tenantId: number) {
  return db
    .selectFrom('users')
    .select(['id', 'org_id', 'org_path'])
    .where('tenant_id', '=', tenantId)
    .where('role', '=', 'branch_secretary')
    .where('status', '=', 'active')
    .where('deleted_at', 'is', null)
    .execute();
}

/** A member's recorded arrears reason, if any. */
export async function reasonOf(db: Q, memberId: number): Promise<string | null | undefined> {
  const row = await db
    .selectFrom('dues_profiles')
    .select('arrears_reason')
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return row?.arrears_reason;
}
