/**
 * The demo contributors of inspections and accountability on both databases, on the test county: inspections of
 * every kind in the states their dates give, each finding linked to the problem it opened and back; accountability
 * shaped like seed 000 (27 units and 21 persons criticised, 3 punished); the same seed gives the same records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountabilityContributor } from '../../src/areas/supervision/accountability/accountability.demo.js';
import { inspectionsContributor } from '../../src/areas/supervision/inspections/inspections.demo.js';
import type { LoadedCounty } from '../../src/demo/load.js';
import { Random } from '../../src/demo/random.js';
import { type Client, dialects, type Fixture, openFixture, type TestEnv } from '../harness.js';

describe.each(dialects())('the inspections and accountability demo on %s', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  let county: Client;
  const lines: string[] = [];
  beforeAll(async () => {
    ({ env, fx, county } = await openFixture(dialect, { county: 't-county' }));
    const c = { tenantId: fx.county } as LoadedCounty;
    await inspectionsContributor.load(env.ctx, c, new Random(11), (l) => lines.push(l));
    await accountabilityContributor.load(env.ctx, c, new Random(11), (l) => lines.push(l));
  });
  afterAll(() => env.close());

  it('plans four quarterly and a half-year by the county, unannounced by townships, observations', async () => {
    const rows = await env.ctx.db.selectFrom('inspections').select(['kind', 'status', 'org_id', 'ends_on']).execute();
    const kinds = (k: string) => rows.filter((r) => r.kind === k);
    expect(kinds('quarterly')).toHaveLength(4);
    expect(kinds('half_year')).toHaveLength(1);
    expect(kinds('observation')).toHaveLength(2);
    expect(kinds('unannounced').every((r) => r.org_id === fx.townA || r.org_id === fx.townB)).toBe(true);
    // On 2026-06-15: the first quarter's is done, the second's under way, the third's and fourth's planned.
    expect(kinds('quarterly').map((r) => r.status)).toEqual(['completed', 'in_progress', 'planned', 'planned']);
    for (const r of rows) expect(r.status === 'completed').toBe(r.ends_on < '2026-06-15');
    expect(lines.join('\n')).toContain('督查检查');
  });

  it('links every finding to the problem it opened and back', async () => {
    const findings = await env.ctx.db.selectFrom('inspection_findings').selectAll().execute();
    expect(findings.length).toBeGreaterThan(0);
    const problems = await env.ctx.db.selectFrom('problems').selectAll().where('source', '=', 'inspection').execute();
    expect(problems).toHaveLength(findings.length);
    for (const f of findings) {
      const p = problems.find((x) => x.id === f.problem_id)!;
      expect(p).toMatchObject({ source_ref: `inspection_finding:${f.id}`, org_id: f.org_id, category: f.category });
    }
    const summary = await county.get('/api/inspections/summary?from=2026-01-01&to=2026-12-31');
    expect(summary.json().total.findings).toBe(findings.length);
  });

  it('records accountability like seed 000: 27 units and 21 persons criticised, 3 punished', async () => {
    const f = (await county.get('/api/accountability/summary?from=2026-01-01&to=2026-12-31')).json();
    const byKind = Object.fromEntries(f.byKind.map((k: { kind: string }) => [k.kind, k]));
    expect(byKind.public_criticism).toMatchObject({ units: 27, persons: 21 });
    expect(byKind.punishment).toMatchObject({ records: 3, persons: 3 });
    const linked = await env.ctx.db
      .selectFrom('accountability_records')
      .select('problem_id')
      .where('problem_id', 'is not', null)
      .execute();
    expect(linked.length).toBeGreaterThan(0);
  });

  it('gives the same records from the same seed', async () => {
    const again = await openFixture(dialect);
    try {
      const c = { tenantId: again.fx.county } as LoadedCounty;
      await inspectionsContributor.load(again.env.ctx, c, new Random(11), () => {});
      const shape = async (e: TestEnv) =>
        (await e.ctx.db.selectFrom('inspection_findings').select(['text', 'severity']).orderBy('id').execute()).map(
          (r) => `${r.text}|${r.severity}`,
        );
      expect(await shape(again.env)).toEqual(await shape(env));
    } finally {
      await again.env.close();
    }
  });
});
