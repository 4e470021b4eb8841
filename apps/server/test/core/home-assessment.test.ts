/**
 * The assessment part of the homes (`GET /api/home`'s `assessment`), its 述职 numbers: while this year's round is open
 * the home shows the latest published round's results with their year, and this year's progress (submitted of due)
 * apart — not this year's "graded 0 of n".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HomeT } from '@dangjian/contracts';
import { bumpVersion } from '../../src/platform/data/versions.js';
import { type Client, dialects, type Fixture, openFixture, type TestEnv } from '../harness.js';

describe.each(dialects())('述职 on the homes on %s', (dialect) => {
  let env: TestEnv, fx: Fixture;
  let county: Client;

  beforeAll(async () => {
    ({ env, fx, county } = await openFixture(dialect, { county: 't-county' }));
    const db = env.ctx.db;
    const now = env.clock.now.toISOString();
    const year = Number(now.slice(0, 4));
    const pathOf = async (id: number) =>
      (await db.selectFrom('orgs').select('org_path').where('id', '=', id).executeTakeFirstOrThrow()).org_path;
    const county0 = { tenant_id: fx.county, org_id: fx.county, org_path: await pathOf(fx.county) };
    const stamp = { created_at: now, updated_at: now, deleted_at: null };
    // Last year's round closed, its results published; this year's open: one report submitted of two.
    const round = async (y: number, status: string) =>
      (
        await db
          .insertInto('report_rounds')
          .values({
            ...county0,
            ...stamp,
            year: y,
            title: `${y} 年述职`,
            deadline: `${y}-12-31`,
            status,
            notes: null,
            created_by: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const last = await round(year - 1, 'closed');
    const open = await round(year, 'open');
    const report = async (roundId: number, y: number, orgId: number, status: string, grade: string | null) =>
      db
        .insertInto('reports')
        .values({
          tenant_id: fx.county,
          org_id: orgId,
          org_path: await pathOf(orgId),
          ...stamp,
          round_id: roundId,
          year: y,
          status,
          secretary_member_id: null,
          secretary_name: null,
          content: null,
          attachments: null,
          submitted_on: status === 'draft' ? null : `${y}-06-01`,
          committee_grade: grade,
          committee_note: null,
          final_grade: grade,
          graded_on: grade ? `${y}-06-10` : null,
          published_on: status === 'published' ? `${y}-06-20` : null,
          score_tenths: null,
          problem_id: null,
          followup_on: null,
          followup_note: null,
        })
        .execute();
    await report(last, year - 1, fx.townA, 'published', 'good');
    await report(last, year - 1, fx.townB, 'published', 'fair_good');
    await report(last, year - 1, fx.villageA1, 'draft', null);
    await report(open, year, fx.townA, 'submitted', null);
    await report(open, year, fx.townB, 'draft', null);
    await bumpVersion(db, fx.county, 'reports');
  });
  afterAll(async () => {
    await env?.close();
  });

  it("shows last year's published results and this year's progress apart", async () => {
    const res = await county.get('/api/home');
    expect(res.statusCode, res.body).toBe(200);
    const a = (res.json() as HomeT).assessment!;
    const year = Number(env.clock.now.toISOString().slice(0, 4));
    expect(a).toMatchObject({ year, reportsDue: 2, reportsSubmitted: 1, reportsGraded: 0 });
    expect(a.reportsResult).toEqual({ year: year - 1, due: 3, graded: 2 });
  });
});
