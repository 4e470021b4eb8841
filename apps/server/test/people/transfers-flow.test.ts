/**
 * The transfer flow as a table, for each kind of transfer: every state × move allowed or refused with its code
 * (one timeline entry and one audit record when allowed, neither and no change when refused), run through `act()`
 * on both databases; then who may not act and the moves the action bar lists for each side.
 */
import { describe, expect, it } from 'vitest';
import { act, allowedActions, asUser } from '../../src/platform/workflow.js';
import { transferFlow } from '../../src/areas/people/transfers/transfers.workflow.js';
import * as repo from '../../src/areas/people/transfers/transfers.repository.js';
import { dialects } from '../harness.js';
import { OK, tryEveryMove, useFlowKit } from '../residents/workflow-kit.js';

const R = 'workflow.move_refused';
const KIND = 'transfers.wrong_kind';
const HIDDEN = 'not_found';
const FORBIDDEN = 'forbidden';

/** Internal transfer from 东村 (township A) to 西村 (township B): A approves and owns it, B receives. */
const INTERNAL: Record<string, Record<string, string>> = {
  // The receiving side does not see an application before its letter.
  applied: { approve: OK, reject: OK, accept: HIDDEN, sendBack: HIDDEN, receipt: R, resubmit: R, withdraw: OK },
  issued: { approve: R, reject: R, accept: OK, sendBack: OK, receipt: KIND, resubmit: R, withdraw: OK },
  returned: { approve: R, reject: R, accept: R, sendBack: R, receipt: R, resubmit: OK, withdraw: OK },
  accepted: { approve: R, reject: R, accept: R, sendBack: R, receipt: R, resubmit: R, withdraw: R },
  withdrawn: { approve: R, reject: R, accept: R, sendBack: R, receipt: R, resubmit: R, withdraw: R },
};
/** A letter to outside from 东村: township A does everything; no one receives it in the platform. */
const OUTGOING: Record<string, Record<string, string>> = {
  applied: { approve: OK, reject: OK, accept: R, sendBack: R, receipt: R, resubmit: R, withdraw: OK },
  issued: { approve: R, reject: R, accept: KIND, sendBack: KIND, receipt: OK, resubmit: R, withdraw: OK },
  returned: { approve: R, reject: R, accept: R, sendBack: R, receipt: R, resubmit: OK, withdraw: OK },
  accepted: { approve: R, reject: R, accept: R, sendBack: R, receipt: R, resubmit: R, withdraw: R },
  withdrawn: { approve: R, reject: R, accept: R, sendBack: R, receipt: R, resubmit: R, withdraw: R },
};
/** A letter from outside registered by 西村: township B owns and receives it; nothing to approve. */
const INCOMING: Record<string, Record<string, string>> = {
  issued: { approve: R, reject: R, accept: OK, sendBack: OK, receipt: KIND, resubmit: R, withdraw: OK },
  returned: { approve: R, reject: R, accept: R, sendBack: R, receipt: R, resubmit: KIND, withdraw: OK },
  accepted: { approve: R, reject: R, accept: R, sendBack: R, receipt: R, resubmit: R, withdraw: R },
  withdrawn: { approve: R, reject: R, accept: R, sendBack: R, receipt: R, resubmit: R, withdraw: R },
};

describe.each(dialects())('the transfer flow on %s', (dialect) => {
  const k = useFlowKit(dialect);
  const today = () => k.env.clock.now.toISOString().slice(0, 10);

  async function transfer(kind: 'internal' | 'outgoing' | 'incoming', status: string) {
    const now = k.env.clock.now.toISOString();
    const owner = kind === 'incoming' ? k.fx.villageB1 : k.fx.villageA1;
    const to = kind === 'outgoing' ? null : k.fx.villageB1;
    const issued = status !== 'applied';
    const [id] = await repo.insertTransfers(k.env.ctx.db, [
      {
        tenant_id: k.fx.county,
        org_id: owner,
        org_path: k.path.get(owner)!,
        kind,
        status,
        member_id: kind === 'incoming' ? null : k.fx.memberIn.villageA1,
        name: '张三',
        gender: 'male',
        id_number_masked: '1101**********1234',
        from_org_id: kind === 'incoming' ? null : owner,
        from_org_name: kind === 'incoming' ? '外县某党委' : '东村党支部',
        to_org_id: to,
        to_path: to ? k.path.get(to)! : null,
        to_org_name: to ? '西村党支部' : '外省某党委',
        applied_on: today(),
        letter_no: issued ? '2026-0099' : null,
        issued_on: issued ? today() : null,
        valid_until: issued ? today() : null,
        dues_paid_to: '2026-05',
        created_at: now,
        updated_at: now,
        deleted_at: null,
      },
    ]);
    return id!;
  }
  const read = (id: number) => k.env.ctx.db.selectFrom('transfers').selectAll().where('id', '=', id).executeTakeFirst();
  const INPUT: Record<string, Record<string, unknown>> = {
    approve: { letterNo: '2026-0100', issuedOn: '2026-06-15', validUntil: '2026-07-15', duesPaidTo: '2026-05' },
    reject: { reason: '材料不全' },
    accept: { acceptedOn: '2026-06-15' },
    sendBack: { reason: '介绍信填写有误' },
    receipt: { receiptOn: '2026-06-15' },
    resubmit: {},
    withdraw: {},
  };
  const mover = (kind: string) => async (id: number, action: string) => {
    // The receiving moves are made by the receiving township, the rest by the owning one.
    const receiving = action === 'accept' || action === 'sendBack';
    const town = kind === 'incoming' || (kind === 'internal' && receiving) ? k.fx.townB : k.fx.townA;
    const who = asUser(k.actor('township_admin', town));
    const r = (await read(id))!;
    return k.attempt(
      'transfer',
      () => act(k.env.ctx, who, transferFlow, r, action as never, INPUT[action]),
      id,
      () => read(id),
    );
  };

  it.each([
    ['internal', INTERNAL],
    ['outgoing', OUTGOING],
    ['incoming', INCOMING],
  ] as const)('%s: each state × move allowed or refused with its code', async (kind, table) => {
    const actual = await tryEveryMove(
      table,
      Object.fromEntries(Object.keys(INPUT).map((a) => [a, 1])),
      'apply',
      (s) => transfer(kind, s),
      mover(kind),
    );
    expect(actual).toEqual(table);
  });

  it('who may not act, and the moves each side may make', async () => {
    const secA1 = asUser(k.actor('branch_secretary', k.fx.villageA1));
    const secA2 = asUser(k.actor('branch_secretary', k.fx.villageA2));
    const secB1 = asUser(k.actor('branch_secretary', k.fx.villageB1));
    const townA = asUser(k.actor('township_admin', k.fx.townA));
    const townB = asUser(k.actor('township_admin', k.fx.townB));
    const member = asUser(k.actor('member', k.fx.villageA1, k.fx.memberIn.villageA1));
    const applied = (await read(await transfer('internal', 'applied')))!;
    const issued = (await read(await transfer('internal', 'issued')))!;
    expect(allowedActions(secA1, transferFlow, applied)).toEqual(['withdraw']);
    expect(allowedActions(townA, transferFlow, applied)).toEqual(['approve', 'reject', 'withdraw']);
    expect(allowedActions(secB1, transferFlow, applied)).toEqual([]);
    expect(allowedActions(secB1, transferFlow, issued)).toEqual(['accept', 'sendBack']);
    expect(allowedActions(townB, transferFlow, issued)).toEqual(['accept', 'sendBack']);
    expect(allowedActions(secA2, transferFlow, issued)).toEqual([]);
    expect(allowedActions(member, transferFlow, issued)).toEqual([]);
    const attempt = (who: typeof secA1, action: string, id: number) =>
      k.attempt(
        'transfer',
        async () => act(k.env.ctx, who, transferFlow, (await read(id))!, action as never, INPUT[action]),
        id,
        () => read(id),
      );
    expect(await attempt(secA1, 'approve', applied.id)).toBe(FORBIDDEN); // a branch does not approve
    expect(await attempt(townB, 'approve', applied.id)).toBe(HIDDEN); // nor another township
    expect(await attempt(secA2, 'withdraw', issued.id)).toBe(HIDDEN); // another branch sees nothing
    expect(await attempt(member, 'withdraw', issued.id)).toBe(FORBIDDEN);
    expect(await attempt(secB1, 'sendBack', issued.id)).toBe(OK);
  });
});
