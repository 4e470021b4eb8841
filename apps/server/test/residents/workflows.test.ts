/**
 * The workflows of requests and errands as tables: every state × move is allowed or refused with its code; the
 * who-may-not rules; each allowed move leaves one timeline entry and one audit record, a refused one neither
 * (and the record unchanged). Runs `act()` itself on both databases (wishes: workflows-wishes.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { act, allowedActions, asUser, type FlowActor, SYSTEM } from '../../src/platform/workflow.js';
import * as errandsRepo from '../../src/areas/residents/errands/errands.repository.js';
import { errandFlow } from '../../src/areas/residents/errands/errands.workflow.js';
import * as requests from '../../src/areas/residents/requests/requests.service.js';
import { requestFlow } from '../../src/areas/residents/requests/requests.workflow.js';
import { dialects } from '../harness.js';
import { OK, raisedByPhone, tryEveryMove, useFlowKit } from './workflow-kit.js';

describe.each(dialects())('the request and errand workflows on %s', (dialect) => {
  const k = useFlowKit(dialect);
  const { actor, attempt } = k;

  // ---------------------------------------------------------------- requests

  let requestSeq = 0;
  async function request(status: string, extra: Record<string, unknown> = {}) {
    const now = k.env.clock.now.toISOString();
    const org = k.fx.villageA1;
    const { id } = await k.env.ctx.db
      .insertInto('requests')
      .values({
        request_no: `2026-${String((requestSeq += 1)).padStart(5, '0')}`,
        tenant_id: k.fx.county,
        org_id: org,
        org_path: k.path.get(org)!,
        origin_org_id: org,
        origin_path: k.path.get(org)!,
        household_id: null,
        resident_name: '赵六',
        channel: 'visit',
        category: 'livelihood',
        description: '路灯坏了',
        level: 'studied',
        status,
        accepted_at: now,
        due_at: new Date(k.env.clock.now.getTime() - 86_400_000).toISOString(),
        owner_member_id: null,
        owner_name: null,
        department: null,
        escalations: 0,
        escalated_at: null,
        closed_at: status === 'closed' ? now : null,
        result: status === 'closed' ? '已修好' : null,
        rating: null,
        rated_at: null,
        reopened: 0,
        ...raisedByPhone(k.env, now),
        ...extra,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }
  const readRequest = (id: number) =>
    k.env.ctx.db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirst();
  const requestInput = (): Record<string, [FlowActor, Record<string, unknown>]> => ({
    assign: [asUser(actor('branch_secretary', k.fx.villageA1)), { ownerName: '张三', ownerMemberId: null }],
    progress: [asUser(actor('branch_secretary', k.fx.villageA1)), { note: '已联系' }],
    transfer: [asUser(actor('branch_secretary', k.fx.villageA1)), { target: null, department: '民政局', note: '转' }],
    escalate: [SYSTEM, { to: { id: k.fx.townA, org_path: k.path.get(k.fx.townA)! } }],
    close: [asUser(actor('branch_secretary', k.fx.villageA1)), { result: '已办结' }],
    rate: [k.resident, { rating: 'satisfied' }],
    reopen: [SYSTEM, {}],
  });
  async function moveRequest(id: number, action: string, who?: FlowActor, input?: Record<string, unknown>) {
    const [w, i] = requestInput()[action]!;
    const r = (await readRequest(id))!;
    return attempt(
      'request',
      () => act(k.env.ctx, who ?? w, requestFlow, r, action as never, input ?? i),
      id,
      () => readRequest(id),
    );
  }

  const REQUEST_TABLE: Record<string, Record<string, string>> = {
    open: {
      assign: OK,
      progress: OK,
      transfer: OK,
      escalate: OK,
      close: OK,
      rate: 'residents.request_not_closed',
      reopen: 'workflow.move_refused',
    },
    reopened: {
      assign: OK,
      progress: OK,
      transfer: OK,
      escalate: OK,
      close: OK,
      rate: 'residents.request_not_closed',
      reopen: 'workflow.move_refused',
    },
    closed: {
      assign: 'residents.request_closed',
      progress: 'residents.request_closed',
      transfer: 'residents.request_closed',
      escalate: 'residents.request_closed',
      close: 'residents.request_closed',
      rate: OK,
      reopen: OK,
    },
  };

  it('requests: each state × move allowed or refused with its code, one timeline entry and audit record', async () => {
    expect(await tryEveryMove(REQUEST_TABLE, requestFlow.spec.actions, 'accept', request, moveRequest)).toEqual(
      REQUEST_TABLE,
    );
  });

  it('requests: who may not, fields, deadlines and the moves listed for the action bar', async () => {
    const sec = asUser(actor('branch_secretary', k.fx.villageA1));
    const townB = asUser(actor('township_admin', k.fx.townB));
    const member = asUser(actor('member', k.fx.villageA1, k.fx.memberIn.villageA1));
    const id = await request('open');
    expect(await moveRequest(id, 'close', townB)).toBe('forbidden'); // another township does not handle it
    expect(await moveRequest(id, 'close', member)).toBe('forbidden'); // no residents.write
    expect(await moveRequest(id, 'close', k.resident)).toBe('workflow.not_allowed_actor');
    expect(await moveRequest(id, 'escalate', sec)).toBe('forbidden'); // the job's move
    expect(await moveRequest(id, 'close', sec, { result: '  ' })).toBe('workflow.field_required');
    expect(await moveRequest(id, 'transfer', sec, { target: null, department: null, note: 'x' })).toBe(
      'residents.transfer_target',
    );
    expect(allowedActions(sec, requestFlow, (await readRequest(id))!)).toEqual([
      'assign',
      'progress',
      'transfer',
      'close',
    ]);
    expect(allowedActions(townB, requestFlow, (await readRequest(id))!)).toEqual([]);
    expect(await moveRequest(id, 'close')).toBe(OK);
    expect(allowedActions(sec, requestFlow, (await readRequest(id))!)).toEqual(['rate']);
    expect(await moveRequest(id, 'rate', k.stranger)).toBe('not_found'); // only the resident whose phone it is
    expect(await moveRequest(id, 'rate')).toBe(OK);
    expect(await moveRequest(id, 'rate')).toBe('residents.already_rated');
    expect(allowedActions(sec, requestFlow, (await readRequest(id))!)).toEqual([]);
    // Reopening counts its deadline from the move: the studied rule (7 days).
    expect(await moveRequest(id, 'reopen')).toBe(OK);
    const r = (await readRequest(id))!;
    expect(r).toMatchObject({ status: 'reopened', rating: null, reopened: 1, closed_at: null });
    expect(r.due_at).toBe(new Date(k.env.clock.now.getTime() + 7 * 86_400_000).toISOString());
    // The detail answer carries the moves and a timeline with the states.
    const detail = await requests.get(k.env.ctx, actor('branch_secretary', k.fx.villageA1), id);
    expect(detail.actions).toEqual(['assign', 'progress', 'transfer', 'close']);
    expect(detail.events.map((e) => [e.kind, e.fromState, e.toState])).toEqual([
      ['closed', 'open', 'closed'],
      ['rated', 'closed', 'closed'],
      ['reopened', 'closed', 'reopened'],
    ]);
    const audit = await k.env.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor_name'])
      .where('entity_type', '=', 'request')
      .where('entity_id', '=', String(id))
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { action: 'request.close', actor_name: 't-branch_secretary-' + k.fx.villageA1 },
      { action: 'request.rate', actor_name: 'resident:138****5678' },
      { action: 'request.reopen', actor_name: 'system' },
    ]);
  });

  // ---------------------------------------------------------------- errands

  async function errand(status: string) {
    const now = k.env.clock.now.toISOString();
    return errandsRepo.insertErrand(k.env.ctx.db, {
      tenant_id: k.fx.county,
      org_id: k.fx.villageA1,
      org_path: k.path.get(k.fx.villageA1)!,
      member_id: k.fx.memberIn.villageA1,
      household_id: null,
      resident_name: '赵六',
      card_no: null,
      title: '代缴医保',
      description: null,
      status,
      taken_at: now,
      done_at: status === 'in_progress' ? null : now,
      result: null,
      phone_enc: null,
      phone_hash: null,
      phone_masked: null,
      created_by: null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
  }
  const taker = () => asUser(actor('member', k.fx.villageA1, k.fx.memberIn.villageA1));
  const ERRAND_INPUT: Record<string, Record<string, unknown>> = {
    step: { note: '已去医保局' },
    done: { result: '已缴费' },
    cancel: { reason: '家属已办' },
  };
  async function moveErrand(id: number, action: string, who?: FlowActor, input?: Record<string, unknown>) {
    const row = (await errandsRepo.findErrand(k.env.ctx.db, id))!;
    return attempt(
      'errand',
      () => act(k.env.ctx, who ?? taker(), errandFlow, row, action as never, input ?? ERRAND_INPUT[action]),
      id,
      () => errandsRepo.findErrand(k.env.ctx.db, id),
    );
  }
  const ended = { step: 'residents.errand_state', done: 'residents.errand_state', cancel: 'residents.errand_state' };
  const ERRAND_TABLE: Record<string, Record<string, string>> = {
    in_progress: { step: OK, done: OK, cancel: OK },
    done: ended,
    cancelled: ended,
  };

  it('errands: each state × move allowed or refused with its code; only the member who took it or staff', async () => {
    expect(await tryEveryMove(ERRAND_TABLE, errandFlow.spec.actions, 'take', errand, moveErrand)).toEqual(ERRAND_TABLE);

    const id = await errand('in_progress');
    const other = asUser(actor('member', k.fx.villageA2, k.fx.memberIn.villageA2));
    expect(await moveErrand(id, 'step', other)).toBe('residents.errand_not_yours');
    expect(await moveErrand(id, 'step', asUser(actor('township_admin', k.fx.townB)))).toBe('not_found');
    expect(await moveErrand(id, 'step', asUser(actor('auditor', k.fx.county)))).toBe('forbidden');
    expect(await moveErrand(id, 'done', taker(), { result: ' ' })).toBe('workflow.field_required');
    expect(allowedActions(other, errandFlow, (await errandsRepo.findErrand(k.env.ctx.db, id))!)).toEqual([]);
    expect(allowedActions(taker(), errandFlow, (await errandsRepo.findErrand(k.env.ctx.db, id))!)).toEqual([
      'step',
      'done',
      'cancel',
    ]);
    expect(await moveErrand(id, 'step', asUser(actor('branch_secretary', k.fx.villageA1)))).toBe(OK);
    expect(await moveErrand(id, 'done')).toBe(OK);
    expect((await errandsRepo.findErrand(k.env.ctx.db, id))!).toMatchObject({ status: 'done', result: '已缴费' });
  });
});
