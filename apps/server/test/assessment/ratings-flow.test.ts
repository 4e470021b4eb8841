/**
 * The flow of a result as a table on both databases: every state × move allowed or refused with its code (one
 * timeline entry and one audit record when allowed, neither and no change when refused), run through `act()`; then
 * the guards (unscored assessor indicators, the objection window, open objections), who may not act, and the moves
 * each role is offered.
 */
import { describe, expect, it } from 'vitest';
import * as repo from '../../src/areas/assessment/ratings/ratings.repository.js';
import { type FlowRow, ratingFlow } from '../../src/areas/assessment/ratings/ratings.workflow.js';
import { act, allowedActions, asUser, type FlowActor, SYSTEM } from '../../src/platform/workflow.js';
import { dialects } from '../harness.js';
import { OK, tryEveryMove, useFlowKit } from '../residents/workflow-kit.js';

const R = 'ratings.wrong_state';

/** The branch self-scores; the township scores, publishes, answers and makes final; the member objects. */
const TABLE: Record<string, Record<string, string>> = {
  draft: { selfScore: OK, score: OK, publish: R, object: R, answer: R, finalize: R },
  self_scored: { selfScore: OK, score: OK, publish: R, object: R, answer: R, finalize: R },
  scored: { selfScore: R, score: OK, publish: OK, object: R, answer: R, finalize: R },
  published: { selfScore: R, score: R, publish: R, object: OK, answer: OK, finalize: OK },
  final: { selfScore: R, score: R, publish: R, object: R, answer: R, finalize: R },
};
const INPUT: Record<string, Record<string, unknown>> = {
  create: {},
  selfScore: {},
  score: { missing: 0 },
  publish: { publishedOn: '2026-06-15', until: '2026-06-20' },
  object: { reason: '自评材料未被采纳' },
  answer: { upheld: false, reply: '经核查评分无误' },
  finalize: { finalOn: '2026-06-21', set: { outcome: 'none' }, note: null },
};

describe.each(dialects())('the rating flow on %s', (dialect) => {
  const k = useFlowKit(dialect);
  let schemeId = 0;

  async function scheme(): Promise<number> {
    if (schemeId) return schemeId;
    const now = k.env.clock.now.toISOString();
    schemeId = await repo.insertScheme(k.env.ctx.db, {
      tenant_id: k.fx.county,
      org_id: k.fx.county,
      org_path: k.path.get(k.fx.county)!,
      year: 2026,
      max_stars: 5,
      name: '流程测试方案',
      family: 'flow',
      subject: 'org',
      mode: 'score',
      status: 'published',
      groups: '[]',
      thresholds: '[{"level":1,"minScore":0}]',
      version: 1,
      previous_id: null,
      created_by: null,
      description: null,
      published_at: now,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
    return schemeId;
  }

  async function result(status: string): Promise<number> {
    const now = k.env.clock.now.toISOString();
    const [id] = await repo.insertRatings(k.env.ctx.db, [
      {
        tenant_id: k.fx.county,
        org_id: k.fx.villageA1,
        org_path: k.path.get(k.fx.villageA1)!,
        scheme_id: await scheme(),
        year: 2026,
        subject: 'org',
        status,
        snapshot: '{"mode":"score","maxStars":5,"groups":[],"thresholds":[{"level":1,"minScore":0}]}',
        member_id: null,
        post: null,
        self_scores: null,
        assessor_scores: null,
        record_values: null,
        note: null,
        self_total_tenths: null,
        total_tenths: 600,
        stars: 3,
        grade: null,
        outcome: 'none',
        published_on: status === 'published' ? '2026-06-10' : null,
        objection_until: status === 'published' ? '2026-06-15' : null,
        final_on: null,
        problem_id: null,
        created_by: null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      },
    ]);
    return id!;
  }
  const read = async (id: number, more: Partial<FlowRow> = {}): Promise<FlowRow> => {
    const r = await k.env.ctx.db.selectFrom('ratings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return {
      ...r,
      org_name: '东村党支部',
      scheme_name: '流程测试方案',
      mode: 'score',
      member_name: null,
      open_objections: 0,
      today: '2026-06-21',
      missing: 0,
      ...more,
    };
  };
  const townA = () => asUser(k.actor('township_admin', k.fx.townA));
  const secA1 = () => asUser(k.actor('branch_secretary', k.fx.villageA1));
  const memberA1 = () => asUser(k.actor('member', k.fx.villageA1, k.fx.memberIn.villageA1));
  const by: Record<string, () => FlowActor> = {
    selfScore: secA1,
    score: townA,
    publish: townA,
    object: memberA1,
    answer: townA,
    finalize: townA,
  };
  const attempt = (who: FlowActor, id: number, action: string, more: Partial<FlowRow> = {}) =>
    k.attempt(
      'rating',
      async () => act(k.env.ctx, who, ratingFlow, await read(id, more), action as never, INPUT[action]),
      id,
      () => read(id),
    );

  it('each state × move allowed or refused with its code', async () => {
    const actual = await tryEveryMove(
      TABLE,
      INPUT,
      'create',
      (s) => result(s),
      (id, action) => attempt(by[action]!(), id, action),
    );
    expect(actual).toEqual(TABLE);
  });

  it('the guards: scores missing, the window, open objections', async () => {
    expect(await attempt(townA(), await result('scored'), 'publish', { missing: 1 })).toBe('ratings.scores_missing');
    expect(await attempt(townA(), await result('published'), 'finalize', { today: '2026-06-15' })).toBe(
      'ratings.window_open',
    );
    expect(await attempt(townA(), await result('published'), 'finalize', { open_objections: 1 })).toBe(
      'ratings.objections_open',
    );
    expect(await attempt(SYSTEM, await result('published'), 'finalize')).toBe(OK);
  });

  it('who may not act, and the moves each role is offered', async () => {
    const townB = asUser(k.actor('township_admin', k.fx.townB));
    const county = asUser(k.actor('county_admin', k.fx.county));
    const published = await result('published');
    expect(await attempt(secA1(), published, 'answer')).toBe('forbidden');
    expect(await attempt(townB, published, 'answer')).toBe('not_found');
    expect(await attempt(townA(), published, 'object')).toBe('ratings.not_own_org');
    expect(await attempt(townA(), await result('draft'), 'selfScore')).toBe('forbidden');
    const r = await read(published);
    expect(allowedActions(townA(), ratingFlow, r)).toEqual(['answer', 'finalize']);
    expect(allowedActions(county, ratingFlow, r)).toEqual(['answer', 'finalize']);
    expect(allowedActions(memberA1(), ratingFlow, r)).toEqual(['object']);
    expect(allowedActions(secA1(), ratingFlow, r)).toEqual(['object']);
    expect(allowedActions(townB, ratingFlow, r)).toEqual([]);
    const draft = await read(await result('draft'));
    expect(allowedActions(secA1(), ratingFlow, draft)).toEqual(['selfScore']);
    expect(allowedActions(townA(), ratingFlow, draft)).toEqual(['score']);
  });
});
