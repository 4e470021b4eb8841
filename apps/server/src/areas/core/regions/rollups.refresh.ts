/**
 * The rollup refresh of a county (issue 16): recompute its rows of the current year from the raw tables with a
 * handful of grouped queries (own counts per organization), add them up the tree (every organization's path names
 * its ancestors), and replace the rows in one transaction. The figures reuse the county's own definitions:
 * compliance is meetings.compliance for the year, meetings held are the same monthly groups, households the residents'
 * figures' cached part, wishes their query; the member counts copy stats.overview's definitions and the requests the
 * residents' figures' (rollups.repository.ts), and test/core/rollups.test.ts checks that both agree.
 */
import { addMonths, chinaDayStart, chinaToday } from '@dangjian/contracts';
import type { Ctx } from '../../../platform/context.js';
import { figurePart, readVersions } from '../../../platform/figures.js';
import type { Domain } from '../../../platform/data/versions.js';
import { subtreeRange } from '../../../db/dialect.js';
import { complianceFigure } from '../../life/meetings/meetings.figures.js';
import { MEETING_KINDS, type MeetingKind } from '../../life/meetings/meetings.rules.js';
import * as meetingsRepo from '../../life/meetings/meetings.repository.js';
import { rootOrgs } from '../../life/meetings/meetings.reminders.repository.js';
import * as residentsRepo from '../../residents/common/residents.figures.repository.js';
import * as repo from './rollups.repository.js';
import { loopYielder } from '../../../platform/yielder.js';

/** The data domains the rollups are computed from: a change to any of them makes the county's rows stale. */
export const ROLLUP_DOMAINS: readonly Domain[] = ['roster', 'meetings', 'residents', 'households', 'rules:meetings'];

type CountColumn = repo.CountColumn;

/** The column of a meeting kind's held count. */
export const heldColumn = (kind: MeetingKind) => `held_${kind}` as CountColumn;

/** Organization types counted as branches 党支部: a branch and a joint branch 联合党支部. */
const BRANCH_TYPES = ['branch', 'joint_branch'];

/** What a refresh did: written, or skipped because another process was refreshing the county. */
export interface RefreshResult {
  tenantId: number;
  refreshed: boolean;
  rows: number;
  durationMs: number;
}

/** The stamp a county's rows are computed from: the China day (what is due moves with it) and the versions. */
export async function versionStamp(ctx: Ctx, tenantId: number): Promise<string> {
  const versions = await readVersions(ctx.db, tenantId, ROLLUP_DOMAINS);
  return `${chinaToday(ctx.clock())}|${ROLLUP_DOMAINS.map((d, i) => `${d}:${versions[i]}`).join(',')}`;
}

/**
 * Recomputes the county's rows of the current China year (January to this month) and replaces them. Rows of earlier
 * years stay as their last refresh of that year left them (the year's end). The versions are read before the counts,
 * so a write during the computation leaves the state stale and the next run recomputes.
 */
export async function refreshCounty(ctx: Ctx, tenantId: number): Promise<RefreshResult> {
  const started = Date.now();
  // Requests are answered between the grouped queries (SQLite runs them on this thread).
  const pause = loopYielder();
  const stamp = await versionStamp(ctx, tenantId);
  const day = chinaToday(ctx.clock());
  const year = Number(day.slice(0, 4));
  const thisMonth = day.slice(0, 7);
  const orgs = await repo.countyOrgs(ctx.db, tenantId);
  const root = orgs.find((o) => o.id === tenantId);
  if (!root) throw new Error(`county ${tenantId} has no root organization`);
  const range = subtreeRange(root.org_path);
  // The months of the year to date: the rows' months (flows before this month, the snapshot on it).
  const months: string[] = [];
  for (let m = `${year}-01`; m <= thisMonth; m = addMonths(`${m}-01`, 1).slice(0, 7)) months.push(m);
  const totals = new SubtreeTotals(orgs, months);
  const add = totals.add;

  // Snapshot: organizations, members and households now, on this month's row.
  for (const o of orgs) {
    if (o.deleted_at) continue;
    add(o.id, thisMonth, 'orgs_total', 1);
    if (o.type === 'committee') add(o.id, thisMonth, 'orgs_committees', 1);
    if (o.type === 'general_branch') add(o.id, thisMonth, 'orgs_general_branches', 1);
    if (BRANCH_TYPES.includes(o.type)) add(o.id, thisMonth, 'orgs_branches', 1);
  }
  for (const m of await repo.memberCounts(ctx.db, tenantId, range, day)) {
    add(m.orgId, thisMonth, 'members_total', m.total);
    add(m.orgId, thisMonth, 'members_formal', m.formal);
    add(m.orgId, thisMonth, 'members_probationary', m.probationary);
    add(m.orgId, thisMonth, 'members_female', m.female);
    add(m.orgId, thisMonth, 'members_minority', m.minority);
    add(m.orgId, thisMonth, 'members_under35', m.under35);
    add(m.orgId, thisMonth, 'members_college', m.college);
  }
  await pause();
  // The residents' figures' own part, under its own key (residents.figures.ts): counted once for both.
  const [rosterV = 0, householdsV = 0] = await readVersions(ctx.db, tenantId, ['roster', 'households']);
  const [lo, hi] = range;
  const part = <T>(name: string, versions: number[], args: unknown, run: () => Promise<T>) =>
    figurePart(ctx, tenantId, `residents.stats.${name}`, [...versions, rosterV], args, run);
  const households = await part('households', [householdsV], { lo, hi }, () =>
    residentsRepo.householdsByOrg(ctx, tenantId, lo, hi),
  );
  for (const h of households) add(h.org_id, thisMonth, 'households', Number(h.n));
  await pause();
  // Compliance of the year to date, the county's own figure (cached under its versions), per organization.
  const compliance = await complianceFigure.get(ctx, tenantId, {
    root: { id: root.id, tenant_id: tenantId, org_path: root.org_path, name: root.name },
    period: String(year),
    day,
  });
  for (const item of compliance.items) {
    add(item.orgId, thisMonth, 'compliance_due', item.required);
    add(item.orgId, thisMonth, 'compliance_met', item.held);
  }

  await pause();
  // Flows of each month: members who joined, meetings held (not those planned ahead), requests and wishes.
  for (const j of await repo.joinedByMonth(ctx.db, tenantId, range, year)) {
    if (j.ym <= thisMonth) add(j.orgId, j.ym, 'members_joined', j.n);
  }
  for (const h of await meetingsRepo.heldByMonth(ctx.db, tenantId, root.org_path, `${year}-01-01`, day)) {
    if ((MEETING_KINDS as readonly string[]).includes(h.kind))
      add(h.org_id, h.ym, heldColumn(h.kind as MeetingKind), Number(h.n));
  }
  for (const month of months) {
    await pause();
    const fromIso = chinaDayStart(`${month}-01`);
    const toIso = chinaDayStart(addMonths(`${month}-01`, 1));
    for (const r of await repo.requestsByOrigin(ctx.db, tenantId, range, fromIso, toIso)) {
      add(r.orgId, month, 'requests', r.n);
      add(r.orgId, month, 'requests_resolved', r.closed);
    }
    for (const w of await residentsRepo.wishesByOrg(ctx, tenantId, ...range, fromIso, toIso)) {
      add(w.org_id, month, 'wishes', Number(w.n));
      add(w.org_id, month, 'wishes_fulfilled', Number(w.fulfilled));
    }
  }

  // Rows: every live organization has this month's row (its snapshot, even at zero); earlier months where non-zero.
  const rows = totals.rows(tenantId, thisMonth);
  const done = await repo.replaceRows(ctx.db, ctx.dialect, tenantId, `${year}-01`, rows, {
    versions: stamp,
    refreshed_at: ctx.clock().toISOString(),
    duration_ms: Date.now() - started,
  });
  return { tenantId, refreshed: done, rows: done ? rows.length : 0, durationMs: Date.now() - started };
}

/** The counted columns in a fixed order: a row's counts are one slice of a typed array. */
const COUNT_COLUMNS = Object.keys(repo.ZERO_COUNTS) as CountColumn[];
const COLUMN_INDEX = new Map(COUNT_COLUMNS.map((c, i) => [c, i]));

/**
 * A county's subtree totals per organization × month × column: an own count adds to the organization and to every
 * ancestor its path names. Numbers in one typed array, ancestors resolved once per organization: the refresh of a
 * province's 100 counties spent most of its thread's time building `org|month` keys and their maps.
 */
class SubtreeTotals {
  private readonly index: Map<number, number>;
  private readonly lines: number[][];
  private readonly monthIndex: Map<string, number>;
  private readonly counts: Int32Array;
  private readonly touched: Uint8Array;

  constructor(
    private readonly orgs: readonly { id: number; org_path: string; depth: number; deleted_at: string | null }[],
    private readonly months: readonly string[],
  ) {
    this.index = new Map(orgs.map((o, i) => [o.id, i]));
    // Path segments outside the county's organizations (none today) have no row to add to.
    this.lines = orgs.map((o) =>
      o.org_path
        .split('/')
        .filter(Boolean)
        .map((seg) => this.index.get(Number(seg)))
        .filter((i): i is number => i !== undefined),
    );
    this.monthIndex = new Map(months.map((m, i) => [m, i]));
    this.counts = new Int32Array(orgs.length * months.length * COUNT_COLUMNS.length);
    this.touched = new Uint8Array(orgs.length * months.length);
  }

  /** Adds `n` of `col` in `month` to the organization and its ancestors; months outside the year are no row's. */
  add = (orgId: number, month: string, col: CountColumn, n: number): void => {
    if (!n) return;
    const org = this.index.get(orgId);
    const m = this.monthIndex.get(month);
    const c = COLUMN_INDEX.get(col);
    if (org === undefined || m === undefined || c === undefined) return;
    for (const a of this.lines[org]) {
      const cell = a * this.months.length + m;
      this.touched[cell] = 1;
      this.counts[cell * COUNT_COLUMNS.length + c] += n;
    }
  };

  /** The rows: every live organization's `snapshotMonth` (even at zero), its other months where something counted. */
  rows(tenantId: number, snapshotMonth: string): repo.RollupRow[] {
    const rows: repo.RollupRow[] = [];
    for (const [i, o] of this.orgs.entries()) {
      if (o.deleted_at) continue;
      for (const [m, month] of this.months.entries()) {
        const cell = i * this.months.length + m;
        if (!this.touched[cell] && month !== snapshotMonth) continue;
        // Spread from the zero row: one shape for every row, its fields in the object (not added one by one).
        const row: repo.RollupRow = {
          tenant_id: tenantId,
          org_id: o.id,
          org_path: o.org_path,
          depth: o.depth,
          month,
          ...repo.ZERO_COUNTS,
        };
        const base = cell * COUNT_COLUMNS.length;
        for (const [c, col] of COUNT_COLUMNS.entries()) row[col] = this.counts[base + c];
        rows.push(row);
      }
    }
    return rows;
  }
}

/** What one round of the incremental job did. */
export interface RollupRound {
  refreshed: number;
  /** Unchanged since their last refresh. */
  current: number;
  /** Another process was refreshing them. */
  skipped: number;
  failed: number;
}

/**
 * Refreshes every county whose data versions (or China day) differ from its rollups' state — or every county when
 * `all` — `parallel` at a time (one in the serve job: it shares the database with the requests); one failing does
 * not stop the others.
 */
export async function refreshChanged(
  ctx: Ctx,
  opts: { all?: boolean; parallel?: number; log?: (line: string, err?: unknown) => void } = {},
): Promise<RollupRound> {
  const round: RollupRound = { refreshed: 0, current: 0, skipped: 0, failed: 0 };
  const states = new Map((await repo.rollupStates(ctx.db)).map((s) => [s.tenant_id, s.versions]));
  const counties = await rootOrgs(ctx.db);
  let next = 0;
  const pause = loopYielder();
  const refreshNext = async () => {
    while (next < counties.length) {
      await pause();
      const county = counties[next++];
      try {
        if (!opts.all && states.get(county.tenant_id) === (await versionStamp(ctx, county.tenant_id))) {
          round.current++;
          continue;
        }
        const r = await refreshCounty(ctx, county.tenant_id);
        if (r.refreshed) round.refreshed++;
        else round.skipped++;
      } catch (err) {
        round.failed++;
        opts.log?.(`rollups: county ${county.tenant_id} failed`, err);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.parallel ?? 1) }, refreshNext));
  return round;
}

/**
 * Refreshes every county now (the demo at the end of a load, `dangjian rollups refresh`), two at a time on
 * PostgreSQL: one county's queries run there while the other's rows are put together here (SQLite has one connection).
 */
export function refreshAll(ctx: Ctx, log?: (line: string, err?: unknown) => void): Promise<RollupRound> {
  return refreshChanged(ctx, { all: true, parallel: ctx.dialect === 'postgres' ? 2 : 1, log });
}
