/**
 * Star ratings through the API on both databases: a scheme scored by hand against the computed stars (a small
 * scheme with known figures); a record indicator that moves when a meeting record changes, until publication; the
 * self-score and the assessor's score kept apart; the objection window (not final before it ends, nor with an open
 * objection); ≤ 2 stars opens a rectification problem; the template copy; last year's results unchanged by this
 * year's scheme; scope (another township's scheme or result is not found); members see published results only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finalizeDue } from '../../src/areas/assessment/ratings/ratings.moves.js';
import { publishedStarsOf } from '../../src/areas/assessment/ratings/ratings.repository.js';
import { type Client, dialects, type Fixture, openFixture, signInAll, type TestEnv } from '../harness.js';
import { meetingsOn, SMALL_SCHEME } from './ratings-kit.js';

const DAY = 86_400_000;

describe.each(dialects())('star ratings on %s', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  let county: Client;
  let townA: Client;
  let townB: Client;
  let secA1: Client;
  let memberA1: Client;
  let scheme: number;
  let a1: number;
  let a2: number;
  let meetingIds: number[];

  beforeAll(async () => {
    ({ env, fx, county, townA, townB, secA1, memberA1 } = await openFixture(dialect, {
      county: 't-county',
      townA: 't-town-a',
      townB: 't-town-b',
      secA1: 't-sec-a1',
      memberA1: 't-member-a1',
    }));
  });
  afterAll(() => env.close());

  /** Moves the clock on by days and signs everyone in again (sessions expire meanwhile). */
  async function later(days: number) {
    env.clock.advance(days * DAY);
    ({ county, townA, townB, secA1, memberA1 } = await signInAll(env.app, {
      county: 't-county',
      townA: 't-town-a',
      townB: 't-town-b',
      secA1: 't-sec-a1',
      memberA1: 't-member-a1',
    }));
  }

  const detail = async (c: Client, id: number) => {
    const res = await c.get(`/api/ratings/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const item = (d: { scores: { key: string }[] }, key: string) =>
    d.scores.find((s) => s.key === key) as never as {
      value: number | null;
      selfScore: number | null;
      assessorScore: number | null;
      score: number | null;
    };

  it('the county defines and publishes a scheme; a published scheme is frozen', async () => {
    const byTown = await townA.post('/api/ratings/schemes', SMALL_SCHEME(2026));
    expect(byTown.statusCode).toBe(403);
    const bad = await county.post('/api/ratings/schemes', {
      ...SMALL_SCHEME(2026),
      thresholds: [
        { level: 1, minScore: 0 },
        { level: 3, minScore: 60 },
      ],
    });
    expect(bad.json().error.code).toBe('ratings.bad_thresholds');
    const res = await county.post('/api/ratings/schemes', SMALL_SCHEME(2026));
    expect(res.statusCode, res.body).toBe(200);
    scheme = res.json().id;
    expect(res.json()).toMatchObject({ status: 'draft', totalScore: 100, indicatorCount: 3, canEdit: true });
    // No result under a draft.
    const early = await townA.post(`/api/ratings/compute?scheme=${scheme}`);
    expect(early.json().error.code).toBe('ratings.scheme_draft');
    expect((await county.post(`/api/ratings/schemes/${scheme}/publish`)).statusCode).toBe(200);
    const frozen = await county.patch(`/api/ratings/schemes/${scheme}`, { name: '改名' });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error.code).toBe('ratings.scheme_frozen');
    // A branch reads the county's scheme.
    expect((await secA1.get(`/api/ratings/schemes/${scheme}`)).statusCode).toBe(200);
  });

  it('computes every branch of a subtree in one go, the township its own branches only', async () => {
    meetingIds = await meetingsOn(env, fx.villageA1, ['2026-02-10', '2026-03-10', '2026-04-10', '2025-12-10']);
    const other = await townA.post(`/api/ratings/compute?scheme=${scheme}&org=${fx.townB}`);
    expect(other.statusCode).toBe(404);
    const res = await townA.post(`/api/ratings/compute?scheme=${scheme}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 2, computed: 2 });
    const again = await townA.post(`/api/ratings/compute?scheme=${scheme}`);
    expect(again.json()).toMatchObject({ created: 0, computed: 2 });
    const list = (await townA.get(`/api/ratings?scheme=${scheme}`)).json();
    expect(list.total).toBe(2);
    a1 = list.items.find((r: { orgId: number }) => r.orgId === fx.villageA1).id;
    a2 = list.items.find((r: { orgId: number }) => r.orgId === fx.villageA2).id;
    // Three meetings this year (the December one is last year's): 30 points, nothing else yet, one star.
    expect(list.items.find((r: { id: number }) => r.id === a1)).toMatchObject({ total: 30, stars: 1, status: 'draft' });
  });

  it('scope: another township’s result and scheme are not found', async () => {
    expect((await townB.get(`/api/ratings/${a1}`)).statusCode).toBe(404);
    expect((await townB.get(`/api/ratings?org=${fx.townA}`)).statusCode).toBe(404);
    const own = await env.ctx.db
      .selectFrom('rating_schemes')
      .selectAll()
      .where('id', '=', scheme)
      .executeTakeFirstOrThrow();
    const path = (
      await env.ctx.db.selectFrom('orgs').select('org_path').where('id', '=', fx.townA).executeTakeFirstOrThrow()
    ).org_path;
    const { id: townScheme } = await env.ctx.db
      .insertInto('rating_schemes')
      .values({ ...own, id: undefined as never, org_id: fx.townA, org_path: path, name: '东乡镇自定方案' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await townB.get(`/api/ratings/schemes/${townScheme}`)).statusCode).toBe(404);
    expect((await townA.get(`/api/ratings/schemes/${townScheme}`)).statusCode).toBe(200);
    expect((await secA1.get(`/api/ratings/schemes/${townScheme}`)).statusCode).toBe(200);
    // A branch self-scores its own result only; a township does not self-score.
    expect((await secA1.post(`/api/ratings/${a2}/self-score`, { scores: [] })).statusCode).toBe(404);
    expect((await townA.post(`/api/ratings/${a1}/self-score`, { scores: [] })).statusCode).toBe(403);
    // A member sees nothing before publication.
    expect((await memberA1.get(`/api/ratings/${a1}`)).statusCode).toBe(404);
    expect((await memberA1.get('/api/ratings')).json().total).toBe(0);
  });

  it('the self-score and the assessor’s score are kept apart; scored by hand = computed', async () => {
    const bad = await secA1.post(`/api/ratings/${a1}/self-score`, { scores: [{ key: 'm', score: 10 }] });
    expect(bad.json().error.code).toBe('ratings.not_scorable');
    const over = await secA1.post(`/api/ratings/${a1}/self-score`, { scores: [{ key: 's', score: 31 }] });
    expect(over.json().error.code).toBe('ratings.over_max');
    const self = await secA1.post(`/api/ratings/${a1}/self-score`, {
      scores: [
        { key: 's', score: 25, note: '制度齐全' },
        { key: 'a', score: 28 },
      ],
    });
    expect(self.statusCode, self.body).toBe(200);
    // By hand: meetings 3 × 10 = 30, self 25, the assessor's indicator not yet scored → 55, two stars.
    expect(self.json()).toMatchObject({ status: 'self_scored', selfTotal: 83, total: 55, stars: 2 });
    const early = await townA.post(`/api/ratings/${a1}/publish`, {});
    expect(early.json().error.code).toBe('ratings.wrong_state');
    const missing = await townA.post(`/api/ratings/${a1}/score`, { scores: [{ key: 's', score: 22 }] });
    expect(missing.json().error.code).toBe('ratings.scores_missing');
    const scored = await townA.post(`/api/ratings/${a1}/score`, {
      scores: [
        { key: 'a', score: 20, note: '阵地标识不统一' },
        { key: 's', score: 22 },
      ],
    });
    expect(scored.statusCode, scored.body).toBe(200);
    const d = scored.json();
    // 30 + 25 (self-scored: the branch's score counts) + 20 (assessor-scored: the assessor's counts) = 75, three stars.
    expect(d).toMatchObject({ status: 'scored', selfTotal: 83, total: 75, stars: 3 });
    expect(item(d, 'a')).toMatchObject({ selfScore: 28, assessorScore: 20, score: 20 });
    expect(item(d, 's')).toMatchObject({ selfScore: 25, assessorScore: 22, score: 25 });
    expect(item(d, 'm')).toMatchObject({ value: 3, score: 30 });
  });

  it('a record indicator moves with the meeting records until publication, then stays', async () => {
    await meetingsOn(env, fx.villageA1, ['2026-05-20']);
    let d = await detail(townA, a1);
    expect(item(d, 'm')).toMatchObject({ value: 4, score: 40 });
    expect(d).toMatchObject({ total: 85, stars: 4 });
    await env.ctx.db
      .updateTable('meetings')
      .set({ deleted_at: env.ctx.clock().toISOString() })
      .where('id', '=', meetingIds[0]!)
      .execute();
    d = await detail(townA, a1);
    expect(item(d, 'm')).toMatchObject({ value: 3, score: 30 });
    expect(d).toMatchObject({ total: 75, stars: 3 });
    const pub = await townA.post(`/api/ratings/${a1}/publish`, {});
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json()).toMatchObject({ status: 'published', publishedOn: '2026-06-15', objectionUntil: '2026-06-20' });
    await meetingsOn(env, fx.villageA1, ['2026-06-01', '2026-06-02']);
    d = await detail(townA, a1);
    expect(item(d, 'm')).toMatchObject({ value: 3, score: 30 });
    expect(d).toMatchObject({ total: 75, stars: 3 });
  });

  it('the objection window: not final before it ends, nor while an objection is open', async () => {
    // The member now sees its organization's published result, and objects.
    expect((await memberA1.get('/api/ratings')).json().total).toBe(1);
    const objected = await memberA1.post(`/api/ratings/${a1}/objections`, { reason: '阵地建设已于5月整改到位' });
    expect(objected.statusCode, objected.body).toBe(200);
    expect(objected.json()).toMatchObject({ status: 'published', openObjections: 1 });
    // The township above answers objections; it does not lodge them.
    expect((await townA.post(`/api/ratings/${a1}/objections`, { reason: '异议' })).json().error.code).toBe(
      'ratings.not_own_org',
    );
    const early = await townA.post(`/api/ratings/${a1}/finalize`, {});
    expect(early.json().error.code).toBe('ratings.window_open');
    await later(5);
    expect((await townA.post(`/api/ratings/${a1}/finalize`, {})).json().error.code).toBe('ratings.window_open');
    await later(1);
    expect((await townA.post(`/api/ratings/${a1}/finalize`, {})).json().error.code).toBe('ratings.objections_open');
    expect((await finalizeDue(env.ctx, '2026-06-21')).finalized).toBe(0);
    const objectionId = objected.json().objections[0].id;
    const answered = await townA.post(`/api/ratings/${a1}/answer`, {
      objectionId,
      upheld: false,
      reply: '经现场核查，标识仍未统一',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().objections[0]).toMatchObject({ status: 'rejected' });
    const again = await townA.post(`/api/ratings/${a1}/answer`, { objectionId, upheld: true, reply: '再答' });
    expect(again.json().error.code).toBe('ratings.objection_closed');
    const fin = await townA.post(`/api/ratings/${a1}/finalize`, {});
    expect(fin.statusCode, fin.body).toBe(200);
    expect(fin.json()).toMatchObject({ status: 'final', finalOn: '2026-06-21', outcome: 'none', stars: 3 });
    const kinds = fin.json().events.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(['created', 'self_scored', 'scored', 'published', 'objected', 'answered', 'finalized']);
  });

  it('an upheld objection sends the result back to be rescored', async () => {
    const b1 = (await county.post(`/api/ratings/compute?scheme=${scheme}&org=${fx.townB}`)).json();
    expect(b1).toMatchObject({ created: 1 });
    const id = (await townB.get(`/api/ratings?scheme=${scheme}`)).json().items[0].id;
    await townB.post(`/api/ratings/${id}/score`, { scores: [{ key: 'a', score: 30 }] });
    await townB.post(`/api/ratings/${id}/publish`, {});
    const member = await county.get(`/api/ratings/${id}`);
    expect(member.json().status).toBe('published');
    // The objection is the branch's: written in as the organization's member would.
    const { objectionId } = await (async () => {
      const now = env.ctx.clock().toISOString();
      const row = await env.ctx.db.selectFrom('ratings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      const o = await env.ctx.db
        .insertInto('rating_objections')
        .values({
          tenant_id: row.tenant_id,
          org_id: row.org_id,
          org_path: row.org_path,
          rating_id: id,
          reason: '自评材料未被采纳',
          status: 'open',
          raised_by: null,
          answered_by: null,
          raised_by_name: '王五',
          reply: null,
          answered_by_name: null,
          answered_at: null,
          created_at: now,
          updated_at: now,
          deleted_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { objectionId: o.id };
    })();
    const up = await townB.post(`/api/ratings/${id}/answer`, { objectionId, upheld: true, reply: '重新评定' });
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json()).toMatchObject({ status: 'scored', publishedOn: null, objectionUntil: null });
    expect(up.json().actions).toContain('publish');
  });

  it('≤ 2 stars: reminded, and a rectification problem opened with the final move', async () => {
    const scored = await townA.post(`/api/ratings/${a2}/score`, { scores: [{ key: 'a', score: 5 }] });
    expect(scored.json()).toMatchObject({ status: 'scored', total: 5, stars: 1 });
    await townA.post(`/api/ratings/${a2}/publish`, {});
    await later(6);
    const today = new Date(env.clock.now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(await finalizeDue(env.ctx, today)).toEqual({ finalized: 1, waiting: 0 });
    // Idempotent: nothing more the second time.
    expect(await finalizeDue(env.ctx, today)).toEqual({ finalized: 0, waiting: 0 });
    const d = await detail(townA, a2);
    expect(d).toMatchObject({ status: 'final', outcome: 'reminded', stars: 1 });
    expect(d.problemId).toBeTypeOf('number');
    const p = await env.ctx.db
      .selectFrom('problems')
      .selectAll()
      .where('id', '=', d.problemId)
      .executeTakeFirstOrThrow();
    expect(p).toMatchObject({
      source: 'star_rating',
      source_ref: `rating:${a2}`,
      org_id: fx.villageA2,
      status: 'found',
    });
    const reminded = (await county.get('/api/ratings?outcome=reminded')).json();
    expect(reminded.items.map((r: { id: number }) => r.id)).toEqual([a2]);
    const stars = await publishedStarsOf(env.ctx.db, fx.county, `/${fx.county}/`, 2026);
    expect(stars.map((s) => s.orgId).sort()).toEqual([fx.villageA1, fx.villageA2].sort());
    const summary = (await county.get('/api/stats/ratings?year=2026')).json();
    // A1 final at three stars, A2 final at one, B1 scored at one (back from its objection).
    expect(summary).toMatchObject({ rated: 3, reminded: 1, atLeast3: 1 });
  });

  it('templates are copied into a year and edited; only the county copies', async () => {
    const list = (await townA.get('/api/ratings/templates')).json();
    expect(list.items.map((t: { key: string }) => t.key)).toEqual(
      expect.arrayContaining(['wuhua_wuxing', 'shixingji', 'sanhua_siming', 'cadre_5plus1', 'year_end']),
    );
    expect(
      (await townA.post('/api/ratings/schemes/from-template', { template: 'shixingji', year: 2026 })).statusCode,
    ).toBe(403);
    const unknown = await county.post('/api/ratings/schemes/from-template', { template: 'nope', year: 2026 });
    expect(unknown.statusCode).toBe(404);
    const copy = await county.post('/api/ratings/schemes/from-template', { template: 'shixingji', year: 2026 });
    expect(copy.statusCode, copy.body).toBe(200);
    expect(copy.json()).toMatchObject({
      status: 'draft',
      mode: 'items',
      maxStars: 10,
      indicatorCount: 10,
      family: 'shixingji',
    });
    const groups = copy.json().groups;
    groups[0].items = groups[0].items.slice(0, 8);
    const edited = await county.patch(`/api/ratings/schemes/${copy.json().id}`, { groups, name: '2026年度八星级' });
    expect(edited.json()).toMatchObject({ name: '2026年度八星级', indicatorCount: 8 });
  });

  it('a new year’s scheme never changes last year’s results', async () => {
    const last = (await county.post('/api/ratings/schemes', SMALL_SCHEME(2025, '2025年度测试方案'))).json().id;
    await county.post(`/api/ratings/schemes/${last}/publish`);
    await county.post(`/api/ratings/compute?scheme=${last}&org=${fx.townA}`);
    const id = (await townA.get(`/api/ratings?scheme=${last}&org=${fx.villageA1}`)).json().items[0].id;
    await secA1.post(`/api/ratings/${id}/self-score`, { scores: [{ key: 's', score: 20 }] });
    await townA.post(`/api/ratings/${id}/score`, { scores: [{ key: 'a', score: 25 }] });
    await townA.post(`/api/ratings/${id}/publish`, {});
    const before = await detail(townA, id);
    const next = await county.post(`/api/ratings/schemes/${last}/versions`, { year: 2027 });
    expect(next.statusCode, next.body).toBe(200);
    expect(next.json()).toMatchObject({ year: 2027, status: 'draft', previousId: last });
    const tree = next.json().groups;
    tree[0].items[1].maxScore = 10;
    const changed = await county.patch(`/api/ratings/schemes/${next.json().id}`, {
      groups: tree,
      thresholds: [
        { level: 1, minScore: 0 },
        { level: 2, minScore: 70 },
      ],
      maxStars: 2,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    await county.post(`/api/ratings/schemes/${next.json().id}/publish`);
    await county.post(`/api/ratings/compute?scheme=${next.json().id}`);
    const after = await detail(townA, id);
    for (const k of ['total', 'stars', 'selfTotal', 'thresholds', 'maxStars', 'scores'] as const)
      expect(after[k]).toEqual(before[k]);
    // Last year's scheme itself is frozen.
    expect((await county.patch(`/api/ratings/schemes/${last}`, { maxStars: 3 })).json().error.code).toBe(
      'ratings.scheme_frozen',
    );
  });

  it('drafts are deleted and restored; exports and figures answer', async () => {
    const copy = (
      await county.post('/api/ratings/schemes/from-template', { template: 'sanhua_siming', year: 2026 })
    ).json();
    expect((await county.delete(`/api/ratings/schemes/${copy.id}`)).statusCode).toBe(200);
    expect(
      (await county.get(`/api/ratings/schemes?deleted=true`)).json().items.map((s: { id: number }) => s.id),
    ).toContain(copy.id);
    expect((await county.post(`/api/ratings/schemes/${copy.id}/restore`)).statusCode).toBe(200);
    expect((await county.delete(`/api/ratings/schemes/${scheme}`)).json().error.code).toBe('ratings.scheme_in_use');
    const xlsx = await county.get('/api/ratings/export?year=2026');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const target = await county.request('PUT', '/api/ratings/targets', {
      family: 'small',
      minStars: 3,
      share: 1,
      startYear: 2025,
      byYear: 2027,
    });
    expect(target.statusCode, target.body).toBe(200);
    const progress = (await county.get('/api/stats/ratings/target?family=small')).json();
    expect(progress.years.map((y: { year: number }) => y.year)).toEqual([2025, 2026, 2027]);
    expect(progress.years[1]).toMatchObject({ rated: 3, reached: 1 });
  });
});
