/**
 * The star ratings of the demo county: the county's three-year target (every branch at ≥ 3 stars by 2027, seed 002);
 * last year's (2025) 五化五星 scheme with a result for every branch — a realistic spread (few one-star, most three and
 * four), published and final, the commended and the reminded (each reminded branch with its rectification problem);
 * this year's scheme in scoring (most branches started, some self-scored, some scored by their township, the demo
 * branch's still to self-score); and the 5+1 assessments of thirty village secretaries last year. Deterministic from
 * the county's seed; bulk inserts.
 */
import {
  addDays,
  chinaToday,
  chinaYear,
  type EnteredScore,
  type IndicatorT,
  RATING_TEMPLATES,
  type RatingSnapshot,
  type RatingSource,
  scoreResult,
} from '@dangjian/contracts';
import { subtreeRange } from '../../../db/dialect.js';
import type { DemoContributor, LoadedCounty } from '../../../demo/load.js';
import type { Random } from '../../../demo/random.js';
import { systemActor } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { addTimelineBatch, type TimelineEntry } from '../../../platform/data/timeline.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { openProblem } from '../../supervision/problems/problems.service.js';
import * as repo from './ratings.repository.js';
import { valuesOf, sourcesOf } from './ratings.sources.js';
import { storedOf } from './ratings.service.js';

/** Stars drawn for last year: few at one, most at three and four. */
const SPREAD: [number, number][] = [
  [1, 0.03],
  [2, 0.09],
  [3, 0.44],
  [4, 0.34],
  [5, 0.1],
];

function drawStars(rng: Random): number {
  let x = rng.next();
  for (const [s, p] of SPREAD) {
    if (x < p) return s;
    x -= p;
  }
  return 3;
}

/** A record value that maps to about `share` of an indicator's max score. */
function valueFor(i: IndicatorT, share: number): number {
  const m = i.mapping!;
  if (m.kind === 'thresholds') {
    const steps = [...(m.steps ?? [])].sort((a, b) => a.min - b.min);
    const want = share * i.maxScore;
    let best = steps[0]?.min ?? 0;
    for (const s of steps) if (s.score <= want + 1) best = s.min;
    return best;
  }
  const fv = m.fromValue ?? 0;
  const tv = m.toValue ?? 100;
  return Math.round((fv + share * (tv - fv)) * 10) / 10;
}

/** Scores for a branch aiming at a total share: self and assessor entries and record values. */
function fill(rng: Random, snap: RatingSnapshot, share: number) {
  const self: Record<string, EnteredScore> = {};
  const assessor: Record<string, EnteredScore> = {};
  const values: Partial<Record<RatingSource, number>> = {};
  for (const g of snap.groups)
    for (const i of g.items) {
      const s = Math.max(0, Math.min(1, share + (rng.next() - 0.5) * 0.16));
      const score = Math.round(s * i.maxScore * 2) / 2;
      if (i.fill === 'record' && i.source) values[i.source] = valueFor(i, s);
      else if (i.fill === 'assessor') {
        assessor[i.key] = { score, note: null, fileIds: [] };
        // The branch's own view is a little kinder.
        self[i.key] = { score: Math.min(i.maxScore, score + (rng.chance(0.5) ? 1 : 0)), note: null, fileIds: [] };
      } else {
        self[i.key] = { score: Math.min(i.maxScore, score + (rng.chance(0.4) ? 1 : 0)), note: null, fileIds: [] };
        assessor[i.key] = { score, note: null, fileIds: [] };
      }
    }
  return { self, assessor, values };
}

/** The share of the max total that lands in a star band (between its threshold and the next). */
function shareFor(rng: Random, snap: RatingSnapshot, stars: number, total: number): number {
  const lo = snap.thresholds.find((t) => t.level === stars)?.minScore ?? 0;
  const hi = snap.thresholds.find((t) => t.level === stars + 1)?.minScore ?? total;
  const lo2 = stars === 1 ? Math.max(lo, 45) : lo;
  return (lo2 + 1 + rng.next() * Math.max(0, hi - lo2 - 2)) / total;
}

const at = (day: string, hour: number) => `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;

async function load(ctx: Ctx, c: LoadedCounty, rng0: Random, log: (line: string) => void): Promise<void> {
  const rng = rng0.fork(1201);
  const db = ctx.db;
  const today = chinaToday(ctx.clock());
  const year = chinaYear(today);
  const last = year - 1;
  const root = await repo.countyRoot(db, c.tenantId).catch(() => null);
  if (!root) return;
  const actor = systemActor(c.tenantId, root.org_path, root.id);
  const branchOrgId = await repo.demoBranchOrg(db, c.tenantId);
  const orgs = await repo.ratedOrgs(db, c.tenantId, subtreeRange(root.org_path));
  if (!orgs.length) return;
  const now = ctx.clock().toISOString();
  const t = RATING_TEMPLATES.wuhua_wuxing!;
  const snap: RatingSnapshot = { mode: t.mode, maxStars: t.maxStars, groups: t.groups, thresholds: t.thresholds };
  const snapText = JSON.stringify(snap);
  const total = t.groups.reduce((n, g) => n + g.items.reduce((m, i) => m + i.maxScore, 0), 0);
  const scheme = (y: number, status: string, publishedAt: string | null) => ({
    tenant_id: c.tenantId,
    org_id: root.id,
    org_path: root.org_path,
    year: y,
    max_stars: t.maxStars,
    name: `${y}年度${t.name.zh}`,
    family: t.key,
    subject: t.subject,
    mode: t.mode,
    status,
    groups: JSON.stringify(t.groups),
    thresholds: JSON.stringify(t.thresholds),
    version: 1,
    previous_id: null,
    created_by: null,
    description: t.description,
    published_at: publishedAt,
    created_at: at(`${y}-01-10`, 2),
    updated_at: now,
    deleted_at: null,
  });
  const lastId = await repo.insertScheme(db, scheme(last, 'published', at(`${last}-01-15`, 2)));
  const thisId = await repo.insertScheme(db, {
    ...scheme(year, 'published', at(`${year}-01-15`, 2)),
    previous_id: lastId,
  });
  await repo.insertTarget(db, {
    tenant_id: c.tenantId,
    org_id: root.id,
    org_path: root.org_path,
    family: t.key,
    min_stars: 3,
    share_permille: 1000,
    start_year: last,
    by_year: last + 2,
    note: '力争3年内三星党支部达100%，打造一批四星、五星支部',
    created_by: null,
    created_at: at(`${last}-01-15`, 3),
    updated_at: now,
    deleted_at: null,
  });

  // Last year: every branch scored, published in January, final after the window.
  const publishedOn = `${year}-01-08`;
  const until = addDays(publishedOn, 5);
  const finalOn = addDays(until, 1);
  const events: { author: { id: null; name: string }; entry: TimelineEntry }[] = [];
  const lastRows = orgs.map((o) => {
    const stars = drawStars(rng);
    const f = fill(rng, snap, shareFor(rng, snap, stars, total));
    const s = scoreResult(snap, f.values, f.self, f.assessor);
    const outcome = s.stars >= 4 ? 'commended' : s.stars <= 2 ? 'reminded' : 'none';
    return {
      tenant_id: c.tenantId,
      org_id: o.id,
      org_path: o.org_path,
      scheme_id: lastId,
      year: last,
      subject: 'org',
      status: 'final',
      snapshot: snapText,
      member_id: null,
      post: null,
      self_scores: JSON.stringify(f.self),
      assessor_scores: JSON.stringify(f.assessor),
      record_values: JSON.stringify(f.values),
      note: null,
      ...storedOf(s),
      outcome,
      published_on: publishedOn,
      objection_until: until,
      final_on: finalOn,
      problem_id: null as number | null,
      created_by: null,
      created_at: at(`${last}-11-20`, 2),
      updated_at: now,
      deleted_at: null,
    };
  });
  const lastIds = await repo.insertRatings(db, lastRows);
  // Each reminded branch has its rectification problem (through the one problem lifecycle).
  let reminded = 0;
  for (const [n, r] of lastRows.entries()) {
    const id = lastIds[n]!;
    const ev = (action: string, from: string | null, to: string, day: string, note: string | null = null) =>
      events.push({
        author: { id: null, name: '乡镇党委' },
        entry: {
          tenantId: c.tenantId,
          entityType: 'rating',
          entityId: id,
          orgPath: r.org_path,
          action,
          fromState: from,
          toState: to,
          note,
          at: at(day, 3),
        },
      });
    ev('self_scored', 'draft', 'self_scored', `${last}-12-05`);
    ev('scored', 'self_scored', 'scored', `${last}-12-20`, `总分 ${(r.total_tenths ?? 0) / 10}，${r.stars} 星`);
    ev('published', 'scored', 'published', publishedOn, `公示至 ${until}`);
    ev('finalized', 'published', 'final', finalOn);
    if (r.outcome !== 'reminded') continue;
    reminded++;
    const o = orgs[n]!;
    const { id: problemId } = await openProblem(ctx, actor, {
      orgId: o.id,
      source: 'star_rating',
      sourceRef: `rating:${id}`,
      category: 'organization',
      title: `${o.name}${last}年度五化五星评为${r.stars}星，提醒整改`.slice(0, 100),
      description: `星级评定总分 ${(r.total_tenths ?? 0) / 10}，评为${r.stars}星（2星及以下提醒整改）。`,
      foundOn: finalOn,
      dueOn: addDays(finalOn, 90) > today ? addDays(finalOn, 90) : addDays(today, 30),
      foundBy: '星级评定',
    });
    await repo.updateRating(db, id, { problem_id: problemId });
  }

  // This year: most branches started; some self-scored, some scored; the demo branch still to self-score.
  const started = orgs.filter((o) => o.id === branchOrgId || rng.chance(0.85));
  const values = await valuesOf(db, c.tenantId, started, sourcesOf(snap.groups), year, today);
  const thisRows = started.map((o) => {
    const x = o.id === branchOrgId ? 0 : rng.next();
    const status = x < 0.45 ? 'draft' : x < 0.8 ? 'self_scored' : 'scored';
    const f = fill(rng, snap, 0.7 + rng.next() * 0.25);
    const self = status === 'draft' ? {} : f.self;
    const assessor = status === 'scored' ? f.assessor : {};
    const s = scoreResult(snap, values.get(o.id) ?? {}, self, assessor);
    return {
      tenant_id: c.tenantId,
      org_id: o.id,
      org_path: o.org_path,
      scheme_id: thisId,
      year,
      subject: 'org',
      status,
      snapshot: snapText,
      member_id: null,
      post: null,
      self_scores: status === 'draft' ? null : JSON.stringify(self),
      assessor_scores: status === 'scored' ? JSON.stringify(assessor) : null,
      record_values: null,
      note: null,
      ...storedOf(s),
      outcome: 'none',
      published_on: null,
      objection_until: null,
      final_on: null,
      problem_id: null,
      created_by: null,
      created_at: at(addDays(today, -20), 2),
      updated_at: now,
      deleted_at: null,
    };
  });
  const thisIds = await repo.insertRatings(db, thisRows);
  for (const [n, r] of thisRows.entries()) {
    const entry = (action: string, from: string | null, to: string, day: string) =>
      events.push({
        author: { id: null, name: '乡镇党委' },
        entry: {
          tenantId: c.tenantId,
          entityType: 'rating',
          entityId: thisIds[n]!,
          orgPath: r.org_path,
          action,
          fromState: from,
          toState: to,
          at: at(day, 4),
        },
      });
    entry('created', null, 'draft', addDays(today, -20));
    if (r.status !== 'draft') entry('self_scored', 'draft', 'self_scored', addDays(today, -10));
    if (r.status === 'scored') entry('scored', 'self_scored', 'scored', addDays(today, -3));
  }

  // The 5+1 assessments of village secretaries last year.
  const ct = RATING_TEMPLATES.cadre_5plus1!;
  const csnap: RatingSnapshot = { mode: ct.mode, maxStars: ct.maxStars, groups: ct.groups, thresholds: ct.thresholds };
  const cadreId = await repo.insertScheme(db, {
    ...scheme(last, 'published', at(`${last}-01-15`, 2)),
    name: `${last}年度${ct.name.zh}`,
    family: ct.key,
    subject: ct.subject,
    mode: ct.mode,
    max_stars: ct.maxStars,
    groups: JSON.stringify(ct.groups),
    thresholds: JSON.stringify(ct.thresholds),
    description: ct.description,
  });
  const secretaries = await repo.villageSecretaries(db, c.tenantId, 200);
  const cadres = rng.sample(secretaries, 30).map((m) => {
    const f = fill(rng, csnap, 0.62 + rng.next() * 0.35);
    const s = scoreResult(csnap, {}, f.self, f.assessor);
    return {
      tenant_id: c.tenantId,
      org_id: m.org_id,
      org_path: m.org_path,
      scheme_id: cadreId,
      year: last,
      subject: 'cadre',
      status: 'final',
      snapshot: JSON.stringify(csnap),
      member_id: m.member_id,
      post: '村党支部书记',
      self_scores: JSON.stringify(f.self),
      assessor_scores: JSON.stringify(f.assessor),
      record_values: '{}',
      note: null,
      ...storedOf(s),
      outcome: 'none',
      published_on: publishedOn,
      objection_until: until,
      final_on: finalOn,
      problem_id: null,
      created_by: null,
      created_at: at(`${last}-12-01`, 2),
      updated_at: now,
      deleted_at: null,
    };
  });
  await repo.insertRatings(db, cadres);
  for (let i = 0; i < events.length; i += 500) await addTimelineBatch(db, events.slice(i, i + 500));
  await bumpVersion(db, c.tenantId, 'ratings');
  const atLeast3 = lastRows.filter((r) => (r.stars ?? 0) >= 3).length;
  log(
    `  星级评定 star ratings：${last}年 ${lastRows.length} 个支部（三星及以上 ${atLeast3}，提醒整改 ${reminded}），` +
      `${year}年评定中 ${thisRows.length}，村干部5+1考核 ${cadres.length} / ${lastRows.length} rated last year`,
  );
}

/** The star ratings demo, run after the organizations, meetings, dues and problems exist. */
export const ratingsContributor: DemoContributor = { name: 'ratings', load };
