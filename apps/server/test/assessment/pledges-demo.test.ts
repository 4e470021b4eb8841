/**
 * The pledges of the demo county on both databases: most members pledge one to three things, each village and
 * community two or three practical things for residents; most are fulfilled and many evaluated; the days lie in the
 * year and before today; the figure counts them; the same seed the same pledges.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pledgesContributor } from '../../src/areas/assessment/pledges/pledges.demo.js';
import { pledgesFigure } from '../../src/areas/assessment/pledges/pledges.figures.js';
import type { LoadedCounty } from '../../src/demo/load.js';
import { Random } from '../../src/demo/random.js';
import { dialects, type Fixture, openFixture, type TestEnv } from '../harness.js';

describe.each(dialects())('the pledges demo on %s', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  beforeAll(async () => {
    ({ env, fx } = await openFixture(dialect));
  });
  afterAll(() => env.close());

  const rows = () =>
    env.ctx.db.selectFrom('pledges').selectAll().where('tenant_id', '=', fx.county).orderBy('id').execute();

  it('loads a year of pledges, deterministically', async () => {
    const county = { tenantId: fx.county } as LoadedCounty;
    const lines: string[] = [];
    await pledgesContributor.load(env.ctx, county, new Random(7), (l) => lines.push(l));
    const first = await rows();
    const today = '2026-06-15';
    expect(first.filter((r) => r.kind === 'org').length).toBeGreaterThanOrEqual(3 * 2);
    expect(first.filter((r) => r.kind === 'member').length).toBeGreaterThan(0);
    for (const r of first) {
      expect(r.year).toBe(2026);
      expect(r.created_at.slice(0, 10) <= today, `pledge ${r.id}`).toBe(true);
      if (r.fulfilled_on) expect(r.fulfilled_on <= today && r.fulfilled_on >= r.created_at.slice(0, 10)).toBe(true);
      expect(['fulfilled', 'evaluated'].includes(r.status)).toBe(r.fulfilled_on != null);
      expect(r.kind === 'org').toBe(r.member_id == null);
    }
    expect(lines[0]).toMatch(/\d+ pledges/);
    const fig = await pledgesFigure.get(env.ctx, fx.county, { orgId: fx.county, year: 2026 });
    expect(fig.total.made).toBe(first.filter((r) => r.status !== 'draft').length);
    expect(fig.total.problemsSolved).toBe(
      first.filter((r) => r.fulfilled_on).reduce((n, r) => n + Number(r.problems_solved), 0),
    );
    await pledgesContributor.load(env.ctx, county, new Random(7), () => {});
    const again = (await rows()).slice(first.length);
    const key = (r: (typeof first)[number]) => [r.org_id, r.member_id, r.title, r.status, r.fulfilled_on];
    expect(again.map(key)).toEqual(first.map(key));
  });
});
