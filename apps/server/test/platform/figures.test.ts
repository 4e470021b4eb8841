/** The figures kit: the catalogue lists every figure, a figure follows the versions it declares, misses are shared. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, testIdNumber, type Client, type Fixture, type TestEnv, openFixture } from '../harness.js';
import { figureCatalogue, readVersions } from '../../src/platform/figures.js';
import { bumpVersion, type Domain } from '../../src/platform/data/versions.js';
import { complianceFigure } from '../../src/areas/life/meetings/meetings.figures.js';
import { overviewFigure } from '../../src/areas/core/stats/stats.service.js';

/** Every figure the app computes today; a new figure is added here and to the catalogue together. */
const EXPECTED = [
  'accountability.summary',
  'assessment.overview',
  'cadreAssessments.summary',
  'cadres.committees',
  'cadres.filings',
  'contactPoints.summary',
  'development.pipeline',
  'development.plan',
  'dispatches.summary',
  'dues.collection',
  'economy.funds',
  'economy.incomes',
  'economy.projects',
  'inspections.summary',
  'learning.progress',
  'meetings.compliance',
  'meetings.stats',
  'mobility.states',
  'pledges.summary',
  'points.summary',
  'posts.coverage',
  'problems.summary',
  'ratings.summary',
  'ratings.target',
  'reports.summary',
  'residents.groups.coverage',
  'residents.pairings.gaps',
  'residents.stats',
  'residents.visits.quotas',
  'retraining.summary',
  'screen.wall',
  'selections.summary',
  'stats.overview',
  'supervision.overview',
  'tasks.summary',
  'training.summary',
  'transfers.flow',
  'weakOrgs.summary',
];

describe.each(dialects())('figures kit on %s', (dialect) => {
  let env: TestEnv, fx: Fixture, member: Client, county: Client;
  beforeAll(async () => {
    ({ env, fx, member, county } = await openFixture(dialect, { member: 't-member-a1', county: 't-county' }));
  });
  afterAll(() => env.close());

  it('lists every figure with its names, parameters and routes, to signed-in users only', async () => {
    expect((await env.app.inject({ method: 'GET', url: '/api/figures' })).statusCode).toBe(401);
    const res = await member.get('/api/figures');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as {
      key: string;
      name: { zh: string; en: string };
      route: string;
      excel?: string;
    }[];
    expect(items.map((i) => i.key)).toEqual(figureCatalogue().map((f) => f.key));
    expect(items.map((i) => i.key)).toEqual(EXPECTED);
    for (const i of items) {
      expect(i.name.zh).toMatch(/\p{Script=Han}/u);
      expect(i.name.en).toMatch(/^[A-Z]/);
      for (const route of [i.route, i.excel].filter((r): r is string => !!r)) {
        const [method, url] = route.split(' ') as ['GET', string];
        expect(env.app.hasRoute({ method, url }), route).toBe(true);
      }
    }
    const compliance = items.find((i) => i.key === 'meetings.compliance') as unknown as {
      params: { properties: Record<string, unknown> };
      depends: string[];
      excel: string;
    };
    expect(Object.keys(compliance.params.properties)).toEqual(expect.arrayContaining(['org', 'period']));
    expect(compliance.depends).toEqual(['meetings', 'roster']);
    expect(compliance.excel).toBe('GET /api/compliance/meetings/export');
  });

  it('reads the versions of several domains in one query, in the order asked', async () => {
    await bumpVersion(env.ctx.db, fx.county, 'visits');
    await bumpVersion(env.ctx.db, fx.county, 'visits');
    const [visits, never, ...rest] = await readVersions(env.ctx.db, fx.county, ['visits', 'requests:1999-01']);
    expect(visits).toBeGreaterThanOrEqual(2);
    expect(never).toBe(0);
    expect(rest).toEqual([]);
  });

  it('recomputes after a write to any domain it depends on, not after an unrelated write', async () => {
    let runs = 0;
    const args = {
      root: { id: fx.county, tenant_id: fx.county, org_path: '/x/', name: 'x' },
      period: '2026-Q2',
      day: 'd',
    };
    const get = () => complianceFigure.get(env.ctx, fx.county, args, async () => ({ run: ++runs }) as never);
    const bump = (d: Domain) => bumpVersion(env.ctx.db, fx.county, d);
    expect(await get()).toEqual({ run: 1 });
    expect(await get()).toEqual({ run: 1 });
    for (const unrelated of ['residents', 'households', 'visits', 'requests:2026-06'] as const) {
      await bump(unrelated);
      expect(await get(), unrelated).toEqual({ run: 1 });
    }
    await bump('meetings');
    expect(await get()).toEqual({ run: 2 });
    // A real write of the roster (an organization renamed) bumps its version: the figure follows.
    expect((await county.patch(`/api/orgs/${fx.villageA2}`, { name: '南村党支部' })).statusCode).toBe(200);
    expect(await get()).toEqual({ run: 3 });
    expect(await get()).toEqual({ run: 3 });
    // Other arguments are another figure; another county's writes are not this county's.
    const other = { ...args, period: '2026-Q3' };
    expect(await complianceFigure.get(env.ctx, fx.county, other, async () => ({ run: ++runs }) as never)).toEqual({
      run: 4,
    });
    await bumpVersion(env.ctx.db, fx.county + 1000, 'meetings');
    expect(await get()).toEqual({ run: 3 });
  });

  it('follows the real figures through the API: a new member shows at once on the overview', async () => {
    const before = (await county.get('/api/stats/overview')).json().members.total as number;
    expect((await county.get('/api/stats/overview')).json().members.total).toBe(before);
    const res = await county.post('/api/members', {
      orgId: fx.villageA2,
      name: '赵六',
      gender: 'male',
      idNumber: testIdNumber('male', '1980-01-01'),
      joinedAt: '2010-07-01',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await county.get('/api/stats/overview')).json().members.total).toBe(before + 1);
  });

  it('computes concurrent misses of one key once and gives every caller the same answer', async () => {
    let runs = 0;
    const slow = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 50));
      return { orgs: runs } as never;
    };
    const args = { lo: '/c/', hi: '/c0', day: 'concurrent' };
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => overviewFigure.get(env.ctx, fx.county, args, slow)),
    );
    expect(runs).toBe(1);
    for (const a of answers) expect(a).toBe(answers[0]);
    // A failed computation is not kept: the next call computes again.
    const failing = { ...args, day: 'failing' };
    await expect(
      overviewFigure.get(env.ctx, fx.county, failing, async () => Promise.reject(new Error('x'))),
    ).rejects.toThrow('x');
    expect(await overviewFigure.get(env.ctx, fx.county, failing, async () => ({ ok: 1 }) as never)).toEqual({ ok: 1 });
  });
});
