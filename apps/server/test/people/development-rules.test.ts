/**
 * The time rules of member development at their boundaries, through the API with a controlled clock: the talk
 * within 30 days, a year as activist, 公示 in working days across 国庆, the approval within 3 months (a reason
 * lets it through, audited; 6 months at most), conversion not before probation ends; admission and conversion
 * of the member record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../harness.js';
import { apply, type DevKit, devKit, record, TO_TARGET, TO_VOTE, walk } from './development-kit.js';

describe.each(dialects())('the development time rules on %s', (dialect) => {
  let k: DevKit;
  beforeAll(async () => {
    k = await devKit(dialect);
  });
  afterAll(() => k.env.close());

  it('the talk is due within 30 days of the application: day 30 passes, day 31 is late', async () => {
    const c = await apply(k, '2026-03-01');
    expect(c.stage).toBe('applicant');
    expect(c.next).toMatchObject({ step: 'talk', dueOn: '2026-03-31', state: 'overdue' });
    const late = await record(k, c.id, 'talk', '2026-04-01');
    expect(late.statusCode).toBe(400);
    expect(late.json().error).toMatchObject({
      code: 'development.too_late',
      details: { rule: 'talkWithinDays', dueOn: '2026-03-31' },
    });
    const onTime = await record(k, c.id, 'talk', '2026-03-31');
    expect(onTime.statusCode, onTime.body).toBe(200);
    expect(onTime.json().talkerName).toBe('张三');
    expect(onTime.json().next.step).toBe('activist_recommendation');
  });

  it('steps out of order are refused naming what is missing', async () => {
    const c = await apply(k, '2026-06-01', '孙乱序');
    const res = await record(k, c.id, 'activist_decision', '2026-06-10');
    expect(res.json().error).toMatchObject({
      code: 'development.out_of_order',
      details: { missing: ['activist_recommendation'] },
    });
    const stage = await record(k, c.id, 'target_decision', '2026-06-10');
    expect(stage.json().error.code).toBe('development.wrong_stage');
    const future = await record(k, c.id, 'talk', '2026-10-21');
    expect(future.json().error.code).toBe('development.date_in_future');
  });

  it('an activist of 364 days cannot become a target; 365 days can', async () => {
    const c = await apply(k, '2025-01-10', '李积极');
    await walk(k, c.id, [
      ['talk', '2025-01-20'],
      ['activist_recommendation', '2025-02-01'],
      ['activist_decision', '2025-03-03'],
      ['contacts_assigned', '2025-03-05'],
      ['activist_review', '2025-05-30'],
    ]);
    const early = await record(k, c.id, 'target_recommendation', '2026-03-02');
    expect(early.statusCode).toBe(400);
    expect(early.json().error).toMatchObject({
      code: 'development.too_early',
      details: { rule: 'activistMinMonths', opensOn: '2026-03-03' },
    });
    // No written reason lets a step through before its time.
    const forced = await record(k, c.id, 'target_recommendation', '2026-03-02', { overrideReason: '工作需要' });
    expect(forced.json().error.code).toBe('development.too_early');
    const target = await walk(k, c.id, [
      ['target_recommendation', '2026-03-03'],
      ['target_decision', '2026-03-03'],
    ]);
    expect(target).toMatchObject({ stage: 'target', targetOn: '2026-03-03', planYear: 2026 });
  });

  it('intensive training needs 3 days or 24 class hours', async () => {
    const c = await apply(k, '2024-01-08', '周培训');
    await walk(k, c.id, TO_TARGET);
    const short = await record(k, c.id, 'intensive_training', '2025-03-10', { trainingDays: 2, trainingHours: 20 });
    expect(short.json().error.code).toBe('development.training_short');
    const hours = await record(k, c.id, 'intensive_training', '2025-03-10', { trainingDays: 2, trainingHours: 24 });
    expect(hours.statusCode, hours.body).toBe(200);
  });

  it('公示 counts working days across 国庆: the pre-review opens after the fifth working day', async () => {
    const c = await apply(k, '2024-01-08', '吴公示');
    await walk(k, c.id, TO_TARGET);
    await walk(k, c.id, [
      ['introducers_assigned', '2026-09-01'],
      ['political_review', '2026-09-10'],
      ['intensive_training', '2026-09-20'],
      ['branch_committee_review', '2026-09-28'],
      // Tuesday; 09-29, 09-30, then 10-01..07 off, 10-08, 10-09 and the 调休 Saturday 10-10 are the five.
      ['publicity', '2026-09-29'],
    ]);
    const early = await record(k, c.id, 'pre_review', '2026-10-10');
    expect(early.json().error).toMatchObject({
      code: 'development.too_early',
      details: { rule: 'publicityMinWorkingDays', opensOn: '2026-10-11' },
    });
    expect((await record(k, c.id, 'pre_review', '2026-10-11')).statusCode).toBe(200);
  });

  it('the approval after 3 months needs a written reason (audited); after 6 months it is refused', async () => {
    const c = await apply(k, '2024-01-08', '郑审批');
    await walk(k, c.id, [...TO_TARGET, ...TO_VOTE, ['branch_vote', '2025-04-10'], ['committee_talk', '2025-05-01']]);
    const late = await record(k, c.id, 'approval', '2025-07-11');
    expect(late.json().error).toMatchObject({
      code: 'development.too_late',
      details: { rule: 'approvalWithinMonths', dueOn: '2025-07-10' },
    });
    const beyond = await record(k, c.id, 'approval', '2025-10-11', { overrideReason: '上级党委会议推迟' });
    expect(beyond.json().error).toMatchObject({
      code: 'development.beyond_limit',
      details: { closedOn: '2025-10-10' },
    });
    const ok = await record(k, c.id, 'approval', '2025-07-11', { overrideReason: '上级党委会议推迟' });
    expect(ok.statusCode, ok.body).toBe(200);
    const admitted = ok.json();
    expect(admitted).toMatchObject({ stage: 'probationary', admittedOn: '2025-07-11', probationEnd: '2026-07-11' });
    expect(admitted.steps.find((s: { step: string }) => s.step === 'approval').overrideReason).toBe('上级党委会议推迟');
    const audit = await k.env.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('entity_type', '=', 'development_candidate')
      .where('entity_id', '=', String(c.id))
      .where('action', '=', 'development_candidate.override')
      .execute();
    expect(audit).toEqual([{ action: 'development_candidate.override', detail: '上级党委会议推迟' }]);
    // Admission made the probationary member: nothing typed twice.
    const m = await k.env.ctx.db
      .selectFrom('members')
      .selectAll()
      .where('id', '=', admitted.memberId)
      .executeTakeFirstOrThrow();
    expect(m).toMatchObject({
      name: '郑审批',
      org_id: k.fx.villageA1,
      status: 'probationary',
      joined_at: '2025-07-11',
      full_member_at: null,
      id_number_masked: c.idNumber,
      phone_masked: c.phone,
    });
  });

  it('conversion before the end of probation is refused; conversion makes the member full', async () => {
    const c = await apply(k, '2024-01-08', '王转正');
    await walk(k, c.id, [
      ...TO_TARGET,
      ...TO_VOTE,
      ['branch_vote', '2025-04-10'],
      ['committee_talk', '2025-05-01'],
      ['approval', '2025-06-01'],
      ['approval_filing', '2025-06-05'],
      ['oath', '2025-07-01'],
      ['probation_review', '2025-08-30'],
      ['conversion_application', '2026-05-20'],
    ]);
    const early = await record(k, c.id, 'conversion_vote', '2026-05-31');
    expect(early.json().error).toMatchObject({ code: 'development.too_early', details: { opensOn: '2026-06-01' } });
    const done = await walk(k, c.id, [
      ['conversion_vote', '2026-06-01'],
      ['conversion_approval', '2026-06-20'],
    ]);
    expect(done).toMatchObject({ stage: 'full', convertedOn: '2026-06-20', next: null });
    const m = await k.env.ctx.db
      .selectFrom('members')
      .select(['status', 'full_member_at'])
      .where('id', '=', done.memberId!)
      .executeTakeFirstOrThrow();
    expect(m).toEqual({ status: 'full', full_member_at: '2026-06-20' });
  });

  it('an extension moves the end of probation, once, by 6 to 12 months', async () => {
    const c = await apply(k, '2024-01-08', '陈延长');
    await walk(k, c.id, [
      ...TO_TARGET,
      ...TO_VOTE,
      ['branch_vote', '2025-04-10'],
      ['committee_talk', '2025-05-01'],
      ['approval', '2025-06-01'],
    ]);
    const short = await k.sec.post(`/api/development/${c.id}/extend`, {
      date: '2026-05-20',
      months: 3,
      reason: '考察',
    });
    expect(short.json().error.code).toBe('development.extension_range');
    const ok = await k.sec.post(`/api/development/${c.id}/extend`, {
      date: '2026-05-20',
      months: 6,
      reason: '需继续考察',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ probationEnd: '2026-12-01', extendedMonths: 6 });
    expect(ok.json().actions).not.toContain('extend');
    const again = await k.sec.post(`/api/development/${c.id}/extend`, {
      date: '2026-05-21',
      months: 6,
      reason: '再延',
    });
    expect(again.json().error.code).toBe('development.already_extended');
  });
  it('a county override of a rule for a year moves the deadline (the generic rules routes)', async () => {
    const set = (await k.county.get('/api/rules/development?year=2026')).json();
    expect(set.keys.find((x: { key: string }) => x.key === 'talkWithinDays')).toMatchObject({ value: 30, default: 30 });
    const bad = await k.county.patch('/api/rules/development', {
      year: 2026,
      values: { approvalWithinMonths: 7 },
      reason: '试行',
    });
    expect(bad.json().error.code).toBe('rules.order');
    expect(
      (await k.sec.patch('/api/rules/development', { year: 2026, values: { talkWithinDays: 20 }, reason: '县委规定' }))
        .statusCode,
    ).toBe(403);
    const ok = await k.county.patch('/api/rules/development', {
      year: 2026,
      values: { talkWithinDays: 20 },
      reason: '县委规定',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const c = await apply(k, '2026-09-01', '何县规');
    expect(c.next).toMatchObject({ step: 'talk', dueOn: '2026-09-21' });
    expect((await record(k, c.id, 'talk', '2026-09-22')).json().error).toMatchObject({
      code: 'development.too_late',
      details: { dueOn: '2026-09-21' },
    });
    expect((await record(k, c.id, 'talk', '2026-09-21')).statusCode).toBe(200);
    await k.county.patch('/api/rules/development', { year: 2026, values: { talkWithinDays: 30 }, reason: '恢复' });
  });
});
