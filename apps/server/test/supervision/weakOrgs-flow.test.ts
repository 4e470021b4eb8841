/**
 * The flow of a weak organization's file as a table on both databases: every state × move allowed or refused with
 * its code (one timeline entry and one audit record when allowed, neither and no change when refused), run through
 * `act()`; then the guards (no plan, no passing acceptance), who may not act, and the moves each role is offered.
 */
import { judgeAcceptance, WEAK_ORGS_RULE_DEFAULTS } from '@dangjian/contracts';
import { describe, expect, it } from 'vitest';
import * as repo from '../../src/areas/supervision/weakOrgs/weakOrgs.repository.js';
import { type FlowRow, weakOrgFlow } from '../../src/areas/supervision/weakOrgs/weakOrgs.workflow.js';
import { act, allowedActions, asUser, type FlowActor } from '../../src/platform/workflow.js';
import { dialects } from '../harness.js';
import { OK, tryEveryMove, useFlowKit } from '../residents/workflow-kit.js';

const R = 'weakOrgs.wrong_state';

/** The county releases and extends; the township starts, submits and records the acceptance. */
const TABLE: Record<string, Record<string, string>> = {
  flagged: { start: OK, submit: R, assess: R, release: R, extend: R },
  rectifying: { start: R, submit: OK, assess: R, release: R, extend: OK },
  accepting: { start: R, submit: R, assess: OK, release: OK, extend: OK },
  extended: { start: R, submit: OK, assess: R, release: R, extend: R },
  released: { start: R, submit: R, assess: R, release: R, extend: R },
};
const INPUT: Record<string, Record<string, unknown>> = {
  start: {},
  submit: {},
  assess: { passed: true, note: '通过' },
  release: { releasedOn: '2026-06-15' },
  extend: { reason: '整改未完成' },
};

describe.each(dialects())('the weak-organization flow on %s', (dialect) => {
  const k = useFlowKit(dialect);

  async function file(status: string, plan = true): Promise<number> {
    const now = k.env.clock.now.toISOString();
    const [id] = await repo.insertFiles(k.env.ctx.db, [
      {
        tenant_id: k.fx.county,
        org_id: k.fx.villageA1,
        org_path: k.path.get(k.fx.villageA1)!,
        year: 2026,
        status,
        reasons: '["economy"]',
        reason_text: null,
        flagged_on: '2026-03-01',
        leader_name: '王县委',
        leader_post: '县委常委',
        listed: 1,
        plan: plan ? '整顿方案' : null,
        measures: plan ? '[{"content":"调整班子","dueOn":"2026-05-01"}]' : null,
        released_on: status === 'released' ? '2026-06-01' : null,
        created_by: null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      },
    ]);
    return id!;
  }
  const read = async (id: number, passed: boolean | null = true): Promise<FlowRow> => {
    const r = await k.env.ctx.db.selectFrom('weak_orgs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return { ...r, org_name: '东村党支部', last_passed: passed };
  };
  const county = () => asUser(k.actor('county_admin', k.fx.county));
  const townA = () => asUser(k.actor('township_admin', k.fx.townA));
  const attempt = (who: FlowActor, id: number, action: string, passed: boolean | null = true) =>
    k.attempt(
      'weak_org',
      async () => act(k.env.ctx, who, weakOrgFlow, await read(id, passed), action as never, INPUT[action]),
      id,
      () => read(id),
    );

  it('each state × move allowed or refused with its code', async () => {
    const actual = await tryEveryMove(
      TABLE,
      INPUT,
      'flag',
      (s) => file(s),
      (id, action) => attempt(action === 'release' || action === 'extend' ? county() : townA(), id, action),
    );
    expect(actual).toEqual(TABLE);
  });

  it('no plan, no rectification; no passing acceptance, no release', async () => {
    expect(await attempt(townA(), await file('flagged', false), 'start')).toBe('weakOrgs.plan_required');
    expect(await attempt(county(), await file('accepting'), 'release', false)).toBe('weakOrgs.not_accepted');
    expect(await attempt(county(), await file('accepting'), 'release', null)).toBe('weakOrgs.not_accepted');
  });

  it('who may not act, and the moves each role is offered', async () => {
    const secA1 = asUser(k.actor('branch_secretary', k.fx.villageA1));
    const townB = asUser(k.actor('township_admin', k.fx.townB));
    const accepting = await file('accepting');
    expect(await attempt(townA(), accepting, 'release')).toBe('forbidden');
    expect(await attempt(townA(), accepting, 'extend')).toBe('forbidden');
    expect(await attempt(secA1, accepting, 'assess')).toBe('forbidden');
    expect(await attempt(townB, accepting, 'assess')).toBe('not_found');
    const r = await read(accepting);
    expect(allowedActions(county(), weakOrgFlow, r)).toEqual(['assess', 'release', 'extend']);
    expect(allowedActions(townA(), weakOrgFlow, r)).toEqual(['assess']);
    expect(allowedActions(secA1, weakOrgFlow, r)).toEqual([]);
    expect(allowedActions(townB, weakOrgFlow, r)).toEqual([]);
  });
});

describe('the acceptance rule at its edges', () => {
  const rules = { ...WEAK_ORGS_RULE_DEFAULTS };
  const judge = (score: number, panelDissatisfied: number, panelSize = 10, asked?: number, residents?: number) =>
    judgeAcceptance(rules, {
      score,
      panelSize,
      panelDissatisfied,
      residentsAsked: asked,
      residentsDissatisfied: residents,
    });
  it.each([
    [70, 5, 10, true, []],
    [100, 0, 10, true, []],
    [69.9, 0, 10, false, ['score']],
    [70, 6, 10, false, ['panel']],
    [69.9, 6, 10, false, ['score', 'panel']],
    [85, 4, 9, true, []],
    [85, 5, 9, false, ['panel']],
  ])('score %s, %s of %s dissatisfied', (score, d, size, passed, failures) => {
    expect(judge(score, d, size)).toEqual({ passed, failures });
  });
  it('residents asked: not more than half of them dissatisfied either', () => {
    expect(judge(80, 0, 7, 40, 20)).toEqual({ passed: true, failures: [] });
    expect(judge(80, 0, 7, 40, 21)).toEqual({ passed: false, failures: ['residents'] });
  });
  it('a county rule of its own is read', () => {
    expect(
      judgeAcceptance({ passScore: 80, maxDissatisfiedShare: 0.3 }, { score: 75, panelSize: 10, panelDissatisfied: 3 }),
    ).toEqual({ passed: false, failures: ['score'] });
  });
});
