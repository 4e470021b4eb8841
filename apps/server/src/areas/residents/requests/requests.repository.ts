/** Every query on requests, inside the caller's scope: by the organization handling it or the one that accepted it. */
import { chinaYear } from '@dangjian/contracts';
import { type Insertable, sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DB, RequestsTable } from '../../../db/schema/index.js';
import type { DialectName } from '../../../db/database.js';
import { likeContains, subtreeRange } from '../../../db/dialect.js';
import type { Actor } from '../../../platform/actor.js';
import { scopeRange } from '../../../platform/actor.js';
import { notFound } from '../../../platform/errors.js';
import { cached, readVersion } from '../../../platform/data/versions.js';
import { countOf, liveInSubtree } from '../../../platform/data/scoped.js';

type Q = Kysely<DB> | Transaction<DB>;
export type RequestRow = Selectable<RequestsTable>;

/** The columns a list or a card shows (never the encrypted phone). */
export const REQUEST_COLUMNS = [
  'r.id',
  'r.request_no',
  'r.tenant_id',
  'r.org_id',
  'r.org_path',
  'r.origin_org_id',
  'r.origin_path',
  'r.household_id',
  'r.resident_name',
  'r.phone_masked',
  'r.channel',
  'r.category',
  'r.description',
  'r.level',
  'r.status',
  'r.accepted_at',
  'r.due_at',
  'r.owner_member_id',
  'r.owner_name',
  'r.department',
  'r.escalations',
  'r.escalated_at',
  'r.closed_at',
  'r.result',
  'r.rating',
  'r.rated_at',
  'r.reopened',
  'r.created_at',
  'r.updated_at',
  'r.deleted_at',
] as const;
export type RequestListRow = Omit<RequestRow, 'phone_enc' | 'phone_hash' | 'created_by'>;

/** One request the actor may read: its handling or accepting organization lies in the actor's scope (else 404). */
export async function getRequest(
  db: Q,
  actor: Actor,
  id: number,
  opts: { includeDeleted?: boolean } = {},
): Promise<RequestRow> {
  const [lo, hi] = scopeRange(actor);
  let q = db
    .selectFrom('requests')
    .selectAll()
    .where('id', '=', id)
    .where('tenant_id', '=', actor.tenantId!)
    .where((e) =>
      e.or([
        e.and([e('org_path', '>=', lo), e('org_path', '<', hi)]),
        e.and([e('origin_path', '>=', lo), e('origin_path', '<', hi)]),
      ]),
    );
  if (!opts.includeDeleted) q = q.where('deleted_at', 'is', null);
  const row = await q.executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

export interface RequestFilter {
  underPath?: string;
  view?: 'handling' | 'accepted';
  q?: string;
  phoneHash?: string;
  /** An acceptance number searched for (the unique index answers it). */
  requestNo?: string;
  status?: string;
  overdue?: boolean;
  level?: string;
  channel?: string;
  category?: string;
  /** Accepted at or after / before these instants (China-day bounds computed by the service). */
  fromAt?: string;
  toAt?: string;
  rating?: string;
  deleted?: boolean;
}

/**
 * A page of requests, newest first, and the total. The total counts on the scope index of the view
 * (org_path for handling, origin_path for accepted; overdue adds `closed_at is null and due_at < now`,
 * which the partial index requests_open_due answers) and is cached by data version. The page takes ids
 * first, by one of two plans: walk the newest-first index (requests_recent for handling,
 * requests_figures for accepted) from the top when the subtree holds a good share of the county, else
 * sort the subtree's range; then reads the page's rows by id, only the listed columns.
 */
export async function listRequests(
  db: Kysely<DB>,
  dialect: DialectName,
  actor: Actor,
  f: RequestFilter,
  now: string,
  page: number,
  pageSize: number,
): Promise<{ rows: RequestListRow[]; total: number }> {
  const [lo, hi] = f.underPath ? subtreeRange(f.underPath) : scopeRange(actor);
  const col = f.view === 'accepted' ? 'r.origin_path' : 'r.org_path';
  const tenantId = actor.tenantId!;
  // The county's whole range needs no path condition: a count may then use any covering index.
  const wholeTenant = lo === `/${lo.split('/')[1]}/`;
  // Open requests are a few hundred of a county's millions: the partial index of open requests (by handling
  // path) finds them; the accepted view filters those few by origin.
  const onlyOpen = !f.deleted && (f.overdue || f.status === 'open' || f.status === 'reopened');
  const build = (walkNewest: boolean) => {
    // On SQLite a unary plus keeps the planner off a path index: off the scope index so it walks the
    // newest-first one, or (accepted view of open requests) off the origin index so it reads the open ones.
    const path =
      (walkNewest || (onlyOpen && col === 'r.origin_path')) && dialect === 'sqlite'
        ? sql`+${sql.ref(col)}`
        : sql.ref(col);
    let q = db.selectFrom('requests as r').where('r.tenant_id', '=', tenantId);
    if (!wholeTenant) q = q.where(sql<boolean>`${path} >= ${lo} and ${path} < ${hi}`);
    q = f.deleted ? q.where('r.deleted_at', 'is not', null) : q.where('r.deleted_at', 'is', null);
    if (onlyOpen) q = q.where('r.closed_at', 'is', null).where('r.due_at', 'is not', null);
    if (f.overdue) q = q.where('r.due_at', '<', now);
    if (f.status) q = q.where('r.status', '=', f.status);
    if (f.level) q = q.where('r.level', '=', f.level);
    if (f.channel) q = q.where('r.channel', '=', f.channel);
    if (f.category) q = q.where('r.category', '=', f.category);
    if (f.rating) q = q.where('r.rating', '=', f.rating);
    if (f.fromAt) q = q.where('r.accepted_at', '>=', f.fromAt);
    if (f.toAt) q = q.where('r.accepted_at', '<', f.toAt);
    if (f.phoneHash) q = q.where('r.phone_hash', '=', f.phoneHash);
    else if (f.requestNo) q = q.where('r.tenant_id', '=', tenantId).where('r.request_no', '=', f.requestNo);
    else if (f.q) {
      const text = f.q;
      q = q.where((e) => e.or([likeContains('r.description', text), likeContains('r.resident_name', text)]));
    }
    return q;
  };
  const totalOf = (q: ReturnType<typeof build>) => () => countOf(q);
  // Totals read the whole range; they change with service writes, roster moves and (overdue) the minute.
  const roster = await readVersion(db, tenantId, 'roster');
  const filter = JSON.stringify({ ...f, underPath: undefined });
  const key = `requests.count|${col}|${lo}|${hi}|r${roster}|${f.overdue ? now.slice(0, 16) : ''}|${filter}`;
  const total = await cached(db, tenantId, 'residents', key, totalOf(build(false)));
  if (!total) return { rows: [], total };
  const pageEnd = page * pageSize;
  let walkNewest = false;
  if (!onlyOpen && !f.phoneHash && !f.requestNo && total > pageEnd) {
    const county = await cached(
      db,
      tenantId,
      'residents',
      'requests.count.tenant',
      async () => await countOf(db.selectFrom('requests').where('tenant_id', '=', tenantId)),
    );
    // Walking from the newest reads about pageEnd × county / total index entries; sorting reads the range's rows.
    walkNewest = (pageEnd * county) / total < total * 10;
  }
  // For open requests the order must not be read off the newest-first index (that walks millions): sort the few.
  const newest = onlyOpen && dialect === 'sqlite' ? sql`+r.accepted_at` : sql.ref('r.accepted_at');
  const ids = (
    await build(walkNewest)
      .select('r.id')
      .orderBy(newest, 'desc')
      .orderBy('r.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute()
  ).map((r) => r.id);
  if (!ids.length) return { rows: [], total };
  const byId = new Map(
    (
      (await db
        .selectFrom('requests as r')
        .select([...REQUEST_COLUMNS])
        .where('r.id', 'in', ids)
        .execute()) as RequestListRow[]
    ).map((r) => [r.id, r]),
  );
  return { rows: ids.map((id) => byId.get(id)!).filter(Boolean), total };
}

/** Names of some organizations (the page's, never the whole tree). */
export async function orgNames(db: Q, ids: number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db.selectFrom('orgs').select(['id', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The heads of some households (the page's requests'), by household id. */
export async function householdHeads(db: Q, ids: (number | null)[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids.filter((i): i is number => i != null))];
  if (!unique.length) return new Map();
  const rows = await db.selectFrom('households').select(['id', 'head_name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.head_name]));
}

/** Ratings of the requests handled in a subtree and closed in [fromAt, toAt). */
export async function ratingsClosedIn(
  db: Q,
  tenantId: number,
  orgPath: string,
  fromAt: string,
  toAt: string,
): Promise<{ closed: number; byRating: Map<string, number> }> {
  const [lo, hi] = subtreeRange(orgPath);
  const rows = await liveInSubtree(db, 'requests', tenantId, [lo, hi])
    .select(['rating', (e) => e.fn.countAll<number>().as('n')])
    .where('closed_at', '>=', fromAt)
    .where('closed_at', '<', toAt)
    .groupBy('rating')
    .execute();
  const byRating = new Map<string, number>();
  let closed = 0;
  for (const r of rows) {
    closed += Number(r.n);
    if (r.rating) byRating.set(r.rating, Number(r.n));
  }
  return { closed, byRating };
}

/** Open requests past their deadline not escalated since it, by id (the partial index requests_open_due). */
export async function dueForEscalation(db: Q, tenantId: number, now: string, limit: number, afterId = 0) {
  return db
    .selectFrom('requests')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('closed_at', 'is', null)
    .where('due_at', '<', now)
    .where('deleted_at', 'is', null)
    .where((e) => e.or([e('escalated_at', 'is', null), e('escalated_at', '<', e.ref('due_at'))]))
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** The acceptance number `YYYY-NNNNN` of the n-th request of a year (at least five digits). */
export function formatRequestNo(year: number, n: number): string {
  return `${year}-${String(n).padStart(5, '0')}`;
}

/**
 * The next acceptance number of a tenant and China year, inside the caller's transaction: one atomic upsert of
 * the year's counter, so parallel inserts never take the same number (PostgreSQL locks the counter's row until
 * the transaction ends; SQLite writes one at a time), and a rolled-back insert gives its number back.
 */
export async function nextRequestNo(db: Q, tenantId: number, year: number): Promise<string> {
  const row = await db
    .insertInto('request_numbers')
    .values({ tenant_id: tenantId, year, last_no: 1 })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'year']).doUpdateSet({ last_no: sql<number>`request_numbers.last_no + 1` }),
    )
    .returning('last_no')
    .executeTakeFirstOrThrow();
  return formatRequestNo(year, Number(row.last_no));
}

/** Inserts a request with the next acceptance number of its tenant and China year; answers its id and number. */
export async function insertRequest(
  db: Q,
  row: Omit<Insertable<RequestsTable>, 'request_no'>,
): Promise<{ id: number; requestNo: string }> {
  const requestNo = await nextRequestNo(db, row.tenant_id, chinaYear(row.accepted_at));
  const values = { ...row, request_no: requestNo };
  const { id } = await db.insertInto('requests').values(values).returning('id').executeTakeFirstOrThrow();
  return { id, requestNo };
}

/** The live roots' tenants (every county, or one). */
export async function tenantsOf(db: Q, tenantId?: number): Promise<number[]> {
  let q = db.selectFrom('orgs').select(['tenant_id']).where('parent_id', 'is', null).where('deleted_at', 'is', null);
  if (tenantId) q = q.where('tenant_id', '=', tenantId);
  return [...new Set((await q.execute()).map((r) => r.tenant_id))];
}

/** Organizations by id with their parents (where an overdue request goes), and the parents' admins. */
export async function escalationTargets(db: Q, orgIds: number[]) {
  const orgs = await db.selectFrom('orgs').select(['id', 'parent_id', 'name']).where('id', 'in', orgIds).execute();
  const parentIds = [...new Set(orgs.map((o) => o.parent_id).filter((p): p is number => p != null))];
  const parents = parentIds.length
    ? await db.selectFrom('orgs').select(['id', 'org_path', 'name', 'depth']).where('id', 'in', parentIds).execute()
    : [];
  // Admins of the receiving organizations (township or county level) hear of it.
  const admins = parentIds.length
    ? await db
        .selectFrom('users')
        .select(['id', 'org_id'])
        .where('org_id', 'in', parentIds)
        .where('role', 'in', ['township_admin', 'county_admin'])
        .where('status', '=', 'active')
        .where('deleted_at', 'is', null)
        .execute()
    : [];
  return { orgs, parents, admins };
}

/** Records the start of a job run (once per key); `finishJobRun` stores its result. */
export async function startJobRun(db: Q, job: string, runKey: string, at: string): Promise<void> {
  await db
    .insertInto('job_runs')
    .values({ job, run_key: runKey, started_at: at, finished_at: null, result: null })
    .onConflict((oc) => oc.column('run_key').doNothing())
    .execute();
}

/** Stores the result of a job run. */
export async function finishJobRun(db: Q, runKey: string, at: string, result: unknown): Promise<void> {
  await db
    .updateTable('job_runs')
    .set({ finished_at: at, result: JSON.stringify(result) })
    .where('run_key', '=', runKey)
    .execute();
}

/** Requests recorded with a resident's phone number (hash), newest first, with the handling org's name. */
export async function byPhone(db: Q, phoneHash: string, page: number, pageSize: number) {
  const base = db.selectFrom('requests as r').where('r.phone_hash', '=', phoneHash).where('r.deleted_at', 'is', null);
  const total = await countOf(base);
  const rows = await base
    .innerJoin('orgs as o', 'o.id', 'r.org_id')
    .select([
      'r.id',
      'r.request_no',
      'o.name as org_name',
      'r.category',
      'r.description',
      'r.level',
      'r.status',
      'r.accepted_at',
      'r.due_at',
      'r.closed_at',
      'r.result',
      'r.rating',
      'r.reopened',
    ])
    .orderBy('r.accepted_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows, total };
}

/** One live request by id, for its resident (the caller compares the phone hash). */
export async function findLive(db: Q, id: number): Promise<RequestRow | undefined> {
  return db.selectFrom('requests').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}
