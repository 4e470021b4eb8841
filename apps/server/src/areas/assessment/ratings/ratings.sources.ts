/**
 * The values of the record indicators (RATING_SOURCES) for many organizations at once: each measure is one grouped
 * query over the common subtree and year, then every row is added to each rated organization on its path (a
 * branch's value counts its party groups too). Only the measures a scheme names are read. Work is counted, clicks
 * are not: every measure counts records of work (meetings held, dues paid, members admitted, problems closed,
 * requests closed), none a log-in, view or like.
 */
import type { RatingSource } from '@dangjian/contracts';
import { subtreeRange } from '../../../db/dialect.js';
import { ancestorPaths, type Q } from './ratings.repository.js';
import * as repo from './ratings.repository.js';

/** A rated organization as the measures read it. */
export interface RatedOrg {
  id: number;
  org_path: string;
}

/** Values by organization id, by measure (null where a share has nothing to count). */
export type SourceValues = Map<number, Partial<Record<RatingSource, number | null>>>;

/** Sums rows into each target organization on their path. */
function rollUp<T extends { org_path: string }>(
  rows: T[],
  targets: Map<string, number>,
  add: (acc: Record<string, number>, row: T) => void,
): Map<number, Record<string, number>> {
  const out = new Map<number, Record<string, number>>();
  for (const row of rows)
    for (const p of ancestorPaths(row.org_path)) {
      const id = targets.get(p);
      if (id == null) continue;
      let acc = out.get(id);
      if (!acc) out.set(id, (acc = {}));
      add(acc, row);
    }
  return out;
}

const pct = (part: number, whole: number): number | null => (whole > 0 ? (100 * part) / whole : null);

/** The common subtree of organizations: the longest path every one lies under. */
export function commonRoot(orgs: RatedOrg[]): string {
  if (!orgs.length) return '/';
  let prefix = orgs[0]!.org_path;
  for (const o of orgs)
    while (!o.org_path.startsWith(prefix)) prefix = prefix.slice(0, prefix.slice(0, -1).lastIndexOf('/') + 1);
  return prefix || '/';
}

/** The values of `sources` for each organization, in a year as of `today`. */
export async function valuesOf(
  db: Q,
  tenantId: number,
  orgs: RatedOrg[],
  sources: ReadonlySet<RatingSource>,
  year: number,
  today: string,
): Promise<SourceValues> {
  const out: SourceValues = new Map(orgs.map((o) => [o.id, {}]));
  if (!orgs.length || !sources.size) return out;
  const range = subtreeRange(commonRoot(orgs));
  const targets = new Map(orgs.map((o) => [o.org_path, o.id]));
  const set = (id: number, key: RatingSource, v: number | null) => {
    out.get(id)![key] = v;
  };
  const jobs: Promise<void>[] = [];
  const count = (key: RatingSource, load: () => Promise<{ org_path: string; n: number }[]>) =>
    jobs.push(
      load().then((rows) => {
        const sums = rollUp(rows, targets, (acc, r) => {
          acc.n = (acc.n ?? 0) + r.n;
        });
        for (const o of orgs) set(o.id, key, sums.get(o.id)?.n ?? 0);
      }),
    );
  if (sources.has('meetings_held')) count('meetings_held', () => repo.meetingsHeld(db, tenantId, range, year, today));
  if (sources.has('services_done')) count('services_done', () => repo.servicesDone(db, tenantId, range, year, today));
  if (sources.has('meeting_attendance'))
    jobs.push(
      repo.attendance(db, tenantId, range, year, today).then((rows) => {
        const sums = rollUp(rows, targets, (acc, r) => {
          acc.n = (acc.n ?? 0) + r.n;
          acc.p = (acc.p ?? 0) + r.present;
        });
        for (const o of orgs) set(o.id, 'meeting_attendance', pct(sums.get(o.id)?.p ?? 0, sums.get(o.id)?.n ?? 0));
      }),
    );
  if (sources.has('dues_rate'))
    jobs.push(
      repo.duesOf(db, tenantId, range, year, today).then((rows) => {
        const sums = rollUp(rows, targets, (acc, r) => {
          acc.a = (acc.a ?? 0) + r.amount;
          acc.p = (acc.p ?? 0) + Math.min(r.paid, r.amount);
        });
        for (const o of orgs) set(o.id, 'dues_rate', pct(sums.get(o.id)?.p ?? 0, sums.get(o.id)?.a ?? 0));
      }),
    );
  if (sources.has('problems_closed'))
    jobs.push(
      repo.problemsOf(db, tenantId, range, year, today).then((rows) => {
        const sums = rollUp(rows, targets, (acc, r) => {
          acc.n = (acc.n ?? 0) + r.n;
          acc.c = (acc.c ?? 0) + r.closed;
        });
        // No problem found in the year: nothing left to rectify, the share is whole.
        for (const o of orgs) set(o.id, 'problems_closed', pct(sums.get(o.id)?.c ?? 0, sums.get(o.id)?.n ?? 0) ?? 100);
      }),
    );
  if (sources.has('development_plan'))
    jobs.push(
      Promise.all([
        repo.quotasOf(
          db,
          tenantId,
          orgs.map((o) => o.id),
          year,
        ),
        repo.admitted(db, tenantId, range, year, today),
      ]).then(([quotas, rows]) => {
        const sums = rollUp(rows, targets, (acc, r) => {
          acc.n = (acc.n ?? 0) + r.n;
        });
        for (const o of orgs) {
          const quota = quotas.get(o.id) ?? 0;
          // Without a quota of its own the plan asks nothing of the branch: the share is whole.
          set(o.id, 'development_plan', quota > 0 ? Math.min(100, pct(sums.get(o.id)?.n ?? 0, quota)!) : 100);
        }
      }),
    );
  await Promise.all(jobs);
  return out;
}

/** The measures a tree names. */
export function sourcesOf(groups: { items: { fill: string; source?: RatingSource | null }[] }[]): Set<RatingSource> {
  const s = new Set<RatingSource>();
  for (const g of groups) for (const i of g.items) if (i.fill === 'record' && i.source) s.add(i.source);
  return s;
}
