/**
 * The flow of a pledge as a table on both databases: every state × move allowed or refused with its code (one
 * timeline entry and one audit record when allowed, neither and no change when refused), run through `act()`;
 * then who may not act (a member on another's pledge, the branch reviewing its own organization's pledge, another
 * township), the evaluation window before closing, and the moves each role is offered.
 */
import { describe, expect, it } from 'vitest';
import * as repo from '../../src/areas/assessment/pledges/pledges.repository.js';
import { type FlowRow, pledgeFlow } from '../../src/areas/assessment/pledges/pledges.workflow.js';
import { act, allowedActions, asUser, type FlowActor } from '../../src/platform/workflow.js';
import { dialects } from '../harness.js';
import { OK, tryEveryMove, useFlowKit } from '../residents/workflow-kit.js';

const R = 'pledges.wrong_state';

/** The member submits and reports; the township reviews, publishes, accepts and closes. */
const TABLE: Record<string, Record<string, string>> = {
  draft: { submit: OK, approve: R, return: R, publish: R, report: R, accept: R, reject: R, close: R },
  submitted: { submit: R, approve: OK, return: OK, publish: R, report: R, accept: R, reject: R, close: R },
  returned: { submit: OK, approve: R, return: R, publish: R, report: R, accept: R, reject: R, close: R },
  approved: { submit: R, approve: R, return: R, publish: OK, report: R, accept: R, reject: R, close: R },
  published: { submit: R, approve: R, return: R, publish: R, report: OK, accept: R, reject: R, close: R },
  reported: { submit: R, approve: R, return: R, publish: R, report: R, accept: OK, reject: OK, close: R },
  fulfilled: { submit: R, approve: R, return: R, publish: R, report: R, accept: R, reject: R, close: OK },
  evaluated: { submit: R, approve: R, return: R, publish: R, report: R, accept: R, reject: R, close: R },
};
const INPUT: Record<string, Record<string, unknown>> = {
  create: {},
  submit: {},
  approve: {},
  return: { reason: '内容不具体' },
  publish: { token: 'tokentokentokentoken' },
  report: { fulfilment: '已完成', problemsSolved: 2 },
  accept: {},
  reject: { reason: '缺少照片' },
  close: {},
};
const MAKER_MOVES = ['submit', 'report'];

describe.each(dialects())('the pledge flow on %s', (dialect) => {
  const k = useFlowKit(dialect);
  let seq = 0;

  async function pledge(
    status: string,
    kind: 'member' | 'org' = 'member',
    fulfilledOn = '2026-05-01',
  ): Promise<number> {
    const now = k.env.clock.now.toISOString();
    const [id] = await repo.insertPledges(k.env.ctx.db, [
      {
        tenant_id: k.fx.county,
        org_id: k.fx.villageA1,
        org_path: k.path.get(k.fx.villageA1)!,
        member_id: kind === 'member' ? k.fx.memberIn.villageA1 : null,
        kind,
        year: 2026,
        status,
        category: 'service',
        title: '结对帮扶1户困难家庭',
        content: '每月上门一次',
        due_on: '2026-12-31',
        fulfilled_on: ['fulfilled', 'evaluated'].includes(status) ? fulfilledOn : null,
        fulfilment: null,
        problems_text: null,
        return_reason: null,
        public_token: `flowtoken${dialect}${seq++}xxxxxxxx`,
        created_by: null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      },
    ]);
    return id!;
  }
  const read = async (id: number, windowEnds: string | null = '2026-05-31'): Promise<FlowRow> => {
    const r = await k.env.ctx.db.selectFrom('pledges').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return { ...r, org_name: '东村党支部', member_name: '张三', today: '2026-06-15', window_ends: windowEnds };
  };
  const member = () => asUser(k.actor('member', k.fx.villageA1, k.fx.memberIn.villageA1));
  const townA = () => asUser(k.actor('township_admin', k.fx.townA));
  const attempt = (who: FlowActor, id: number, action: string, windowEnds?: string | null) =>
    k.attempt(
      'pledge',
      async () => act(k.env.ctx, who, pledgeFlow, await read(id, windowEnds), action as never, INPUT[action]),
      id,
      () => read(id),
    );

  it('each state × move allowed or refused with its code', async () => {
    const actual = await tryEveryMove(
      TABLE,
      INPUT,
      'create',
      (s) => pledge(s),
      (id, action) => attempt(MAKER_MOVES.includes(action) ? member() : townA(), id, action),
    );
    expect(actual).toEqual(TABLE);
  });

  it('the fulfilment sets its day; the return keeps its reason', async () => {
    const id = await pledge('reported');
    expect(await attempt(townA(), id, 'accept')).toBe(OK);
    expect((await read(id)).fulfilled_on).toBe('2026-06-15');
    const back = await pledge('submitted');
    expect(await attempt(townA(), back, 'return')).toBe(OK);
    expect((await read(back)).return_reason).toBe('内容不具体');
    expect(await attempt(townA(), await pledge('submitted'), 'return', undefined)).toBe(OK);
  });

  it('who may not act: another member, the branch on its own organization, another township, a member reviewing', async () => {
    const other = asUser(k.actor('member', k.fx.villageA1, 999_999));
    const secA1 = asUser(k.actor('branch_secretary', k.fx.villageA1));
    const townB = asUser(k.actor('township_admin', k.fx.townB));
    expect(await attempt(other, await pledge('draft'), 'submit')).toBe('not_found');
    expect(await attempt(other, await pledge('published'), 'report')).toBe('pledges.not_yours');
    expect(await attempt(member(), await pledge('submitted'), 'approve')).toBe('forbidden');
    expect(await attempt(townB, await pledge('submitted'), 'approve')).toBe('not_found');
    // The branch approves its members' pledges, but its own organization's pledge goes to the township.
    expect(await attempt(secA1, await pledge('submitted'), 'approve')).toBe(OK);
    expect(await attempt(secA1, await pledge('submitted', 'org'), 'approve')).toBe('pledges.higher_reviews_org');
    expect(await attempt(secA1, await pledge('reported', 'org'), 'accept')).toBe('pledges.higher_reviews_org');
    expect(await attempt(townA(), await pledge('submitted', 'org'), 'approve')).toBe(OK);
    expect(await attempt(secA1, await pledge('draft', 'org'), 'submit')).toBe(OK);
  });

  it('the evaluation closes only after its window', async () => {
    expect(await attempt(townA(), await pledge('fulfilled'), 'close', '2026-07-01')).toBe('pledges.window_open');
    expect(await attempt(townA(), await pledge('fulfilled'), 'close', '2026-06-15')).toBe(OK);
  });

  it('the moves each role is offered', async () => {
    const secA1 = asUser(k.actor('branch_secretary', k.fx.villageA1));
    const submitted = await read(await pledge('submitted'));
    expect(allowedActions(secA1, pledgeFlow, submitted)).toEqual(['approve', 'return']);
    expect(allowedActions(member(), pledgeFlow, submitted)).toEqual([]);
    const draft = await read(await pledge('draft'));
    expect(allowedActions(member(), pledgeFlow, draft)).toEqual(['submit']);
    const orgSubmitted = await read(await pledge('submitted', 'org'));
    expect(allowedActions(secA1, pledgeFlow, orgSubmitted)).toEqual([]);
    expect(allowedActions(townA(), pledgeFlow, orgSubmitted)).toEqual(['approve', 'return']);
  });
});
