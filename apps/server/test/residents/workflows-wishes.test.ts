/**
 * The wish workflow as a table: every state × move is allowed or refused with its code; only the claimer
 * fulfils, never confirms; only the resident withdraws; one timeline entry and audit record per move.
 */
import { describe, expect, it } from 'vitest';
import { act, allowedActions, asUser, type FlowActor, SYSTEM } from '../../src/platform/workflow.js';
import * as wishesRepo from '../../src/areas/residents/wishes/wishes.repository.js';
import { wishFlow } from '../../src/areas/residents/wishes/wishes.workflow.js';
import { dialects } from '../harness.js';
import { OK, raisedByPhone, tryEveryMove, useFlowKit } from './workflow-kit.js';

describe.each(dialects())('the wish workflow on %s', (dialect) => {
  const k = useFlowKit(dialect);
  const { actor, attempt } = k;

  // ---------------------------------------------------------------- wishes

  async function wish(status: string, claimer: number | null = k.fx.memberIn.villageA2) {
    const now = k.env.clock.now.toISOString();
    const { id } = await k.env.ctx.db
      .insertInto('wishes')
      .values({
        tenant_id: k.fx.county,
        org_id: k.fx.villageA1,
        org_path: k.path.get(k.fx.villageA1)!,
        kind: 'wish',
        title: '想要一台轮椅',
        description: '腿脚不便',
        household_id: null,
        resident_name: '赵六',
        posted_via: 'phone',
        status,
        claimed_by_member_id: claimer,
        claimed_at: claimer ? now : null,
        claim_due_at: claimer ? new Date(k.env.clock.now.getTime() - 60_000).toISOString() : null,
        fulfilled_at: null,
        fulfil_note: null,
        confirmed_at: null,
        ...raisedByPhone(k.env, now),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }
  const claimerA2 = () => asUser(actor('member', k.fx.villageA2, k.fx.memberIn.villageA2));
  const wishInput = (): Record<string, [FlowActor, Record<string, unknown>]> => ({
    claim: [asUser(actor('member', k.fx.villageA1, k.fx.memberIn.villageA1)), {}],
    fulfil: [claimerA2(), { note: '已送到' }],
    release: [claimerA2(), {}],
    expire: [SYSTEM, { now: k.env.clock.now.toISOString() }],
    confirm: [k.resident, {}],
    withdraw: [k.resident, {}],
  });
  async function moveWish(id: number, action: string, who?: FlowActor, input?: Record<string, unknown>) {
    const [w, i] = wishInput()[action]!;
    const row = (await wishesRepo.findWish(k.env.ctx.db, id))!;
    return attempt(
      'wish',
      () => act(k.env.ctx, who ?? w, wishFlow, row, action as never, input ?? i),
      id,
      () => wishesRepo.findWish(k.env.ctx.db, id),
    );
  }
  const closedWish = {
    claim: 'residents.wish_not_open',
    fulfil: 'residents.wish_state',
    release: 'residents.wish_state',
    expire: 'residents.wish_state',
    confirm: 'residents.wish_state',
    withdraw: 'residents.wish_state',
  };
  const WISH_TABLE: Record<string, Record<string, string>> = {
    open: { ...closedWish, claim: OK, withdraw: OK },
    claimed: { ...closedWish, fulfil: OK, release: OK, expire: OK },
    fulfilled: { ...closedWish, confirm: OK },
    confirmed: closedWish,
    withdrawn: closedWish,
  };

  it('wishes: each state × move allowed or refused with its code, one timeline entry and audit record', async () => {
    expect(await tryEveryMove(WISH_TABLE, wishFlow.spec.actions, 'post', wish, moveWish)).toEqual(WISH_TABLE);
  });

  it('wishes: the claimer fulfils, never confirms; only the resident withdraws; claims need a member', async () => {
    const memberA1 = asUser(actor('member', k.fx.villageA1, k.fx.memberIn.villageA1));
    const sec = asUser(actor('branch_secretary', k.fx.villageA1));
    const townB = asUser(actor('township_admin', k.fx.townB));
    // A county admin linked to the member who fulfilled it may confirm others' wishes, not this one.
    const claimerAdmin = asUser(actor('county_admin', k.fx.county, k.fx.memberIn.villageA2));
    const claimed = await wish('claimed');
    expect(await moveWish(claimed, 'fulfil', memberA1)).toBe('residents.wish_not_yours');
    expect(await moveWish(claimed, 'release', memberA1)).toBe('residents.wish_not_yours');
    expect(await moveWish(claimed, 'release', townB)).toBe('residents.wish_not_yours');
    expect(await moveWish(claimed, 'fulfil', claimerA2(), { note: '' })).toBe('workflow.field_required');
    expect(allowedActions(claimerA2(), wishFlow, (await wishesRepo.findWish(k.env.ctx.db, claimed))!)).toEqual([
      'fulfil',
      'release',
    ]);
    expect(allowedActions(memberA1, wishFlow, (await wishesRepo.findWish(k.env.ctx.db, claimed))!)).toEqual([]);
    expect(allowedActions(sec, wishFlow, (await wishesRepo.findWish(k.env.ctx.db, claimed))!)).toEqual(['release']);
    expect(await moveWish(claimed, 'fulfil')).toBe(OK);
    expect(await moveWish(claimed, 'confirm', claimerAdmin)).toBe('workflow.not_allowed_actor');
    expect(await moveWish(claimed, 'confirm', townB)).toBe('not_found'); // staff of another township
    expect(await moveWish(claimed, 'confirm', memberA1)).toBe('forbidden'); // members do not confirm
    expect(await moveWish(claimed, 'confirm', k.stranger)).toBe('not_found');
    expect(allowedActions(sec, wishFlow, (await wishesRepo.findWish(k.env.ctx.db, claimed))!)).toEqual(['confirm']);
    expect(await moveWish(claimed, 'confirm', sec)).toBe(OK);

    const open = await wish('open', null);
    expect(await moveWish(open, 'claim', sec)).toBe('residents.member_required');
    expect(await moveWish(open, 'withdraw', k.stranger)).toBe('not_found');
    expect(await moveWish(open, 'withdraw', memberA1)).toBe('forbidden');
    expect(allowedActions(memberA1, wishFlow, (await wishesRepo.findWish(k.env.ctx.db, open))!)).toEqual(['claim']);
    expect(allowedActions(k.resident, wishFlow, (await wishesRepo.findWish(k.env.ctx.db, open))!)).toEqual([
      'withdraw',
    ]);
    // The claim's deadline counts from the claim: the rule wishClaimDays (14).
    expect(await moveWish(open, 'claim')).toBe(OK);
    const row = (await wishesRepo.findWish(k.env.ctx.db, open))!;
    expect(row.claim_due_at).toBe(new Date(k.env.clock.now.getTime() + 14 * 86_400_000).toISOString());
    expect(await moveWish(open, 'expire')).toBe('residents.wish_state'); // not yet due
  });
});
