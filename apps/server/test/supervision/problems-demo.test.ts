/**
 * The problems of the demo county on both databases: 81 in the four categories, every state, 52 closed, at most
 * 11 notices, some overdue, three reopened by a follow-up; each problem's days in order; the same seed the same
 * problems.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemsContributor } from '../../src/areas/supervision/problems/problems.demo.js';
import type { LoadedCounty } from '../../src/demo/load.js';
import { Random } from '../../src/demo/random.js';
import { dialects, type Fixture, openFixture, type TestEnv } from '../harness.js';

describe.each(dialects())('the problems demo on %s', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  beforeAll(async () => {
    ({ env, fx } = await openFixture(dialect));
  });
  afterAll(() => env.close());

  const rows = () =>
    env.ctx.db.selectFrom('problems').selectAll().where('tenant_id', '=', fx.county).orderBy('id').execute();

  it('loads problems in every state, deterministically', async () => {
    const county = { tenantId: fx.county } as LoadedCounty;
    const lines: string[] = [];
    await problemsContributor.load(env.ctx, county, new Random(7), (l) => lines.push(l));
    const first = await rows();
    expect(first).toHaveLength(81);
    expect(lines[0]).toContain('问题整改');
    const count = (f: (r: (typeof first)[number]) => boolean) => first.filter(f).length;
    expect(count((r) => r.status === 'closed')).toBe(52);
    for (const s of ['found', 'assigned', 'rectifying', 'claimed'])
      expect(count((r) => r.status === s)).toBeGreaterThan(0);
    expect(new Set(first.map((r) => r.category))).toEqual(new Set(['organization', 'conduct', 'service', 'key_work']));
    const notices = new Set(first.map((r) => r.notice_no).filter(Boolean));
    expect(notices.size).toBeGreaterThan(5);
    expect(notices.size).toBeLessThanOrEqual(11);
    const today = '2026-06-15';
    expect(count((r) => ['assigned', 'rectifying'].includes(r.status) && r.due_on! < today)).toBe(5);
    expect(count((r) => r.reopened > 0)).toBe(3);
    expect(count((r) => r.status === 'closed' && r.followed_up_on != null)).toBe(10);
    for (const r of first) {
      const days = [r.found_on, r.assigned_on, r.claimed_at?.slice(0, 10), r.closed_on].filter(Boolean) as string[];
      expect([...days].sort(), `problem ${r.id}`).toEqual(days);
      expect(
        days.every((d) => d <= today),
        `problem ${r.id}`,
      ).toBe(true);
      if (r.status !== 'found') expect(r.notice_no && r.due_on && r.responsible_name).toBeTruthy();
    }
    const events = await env.ctx.db
      .selectFrom('timeline_events')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('entity_type', '=', 'problem')
      .executeTakeFirstOrThrow();
    expect(Number(events.n)).toBeGreaterThan(81 * 3);
    // The same seed gives the same problems.
    await problemsContributor.load(env.ctx, county, new Random(7), () => {});
    const again = (await rows()).slice(81);
    const key = (r: (typeof first)[number]) => [r.org_id, r.title, r.status, r.found_on, r.due_on, r.notice_no];
    expect(again.map(key)).toEqual(first.map(key));
  });
});
