/**
 * Member development through the API: an application and its checks, the list with its filters and Excel, the
 * scope (a branch acts only on its own candidates, a township on its subtree; a member sees only its own progress),
 * the overdue list, the daily reminders (once), the pipeline figure, soft delete and restore.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remindDeadlines } from '../../src/areas/people/development/development.reminders.js';
import { hashPassword } from '../../src/platform/crypto.js';
import { dialects, insertUser, login, PASSWORD, testIdNumber } from '../harness.js';
import { tinyPng } from '../residents/fixtures.js';
import { apply, type DevKit, devKit, record, TO_TARGET, TO_VOTE, walk } from './development-kit.js';

describe.each(dialects())('member development on %s', (dialect) => {
  let k: DevKit;
  beforeAll(async () => {
    k = await devKit(dialect);
  });
  afterAll(() => k.env.close());

  it('checks an application: ID number, age, organization, date, duplicates; derives sex and birth date', async () => {
    const body = {
      orgId: k.fx.villageA1,
      name: '冯检查',
      idNumber: testIdNumber('female', '1998-07-08'),
      appliedOn: '2026-09-01',
    };
    const bad = await k.sec.post('/api/development', { ...body, idNumber: '430521199807080000' });
    expect(bad.json().error).toMatchObject({ code: 'development.invalid_id_number', details: { field: 'idNumber' } });
    const young = await k.sec.post('/api/development', { ...body, idNumber: testIdNumber('male', '2010-01-01') });
    expect(young.json().error.code).toBe('development.too_young');
    const future = await k.sec.post('/api/development', { ...body, appliedOn: '2026-10-21' });
    expect(future.json().error.code).toBe('development.date_in_future');
    const ok = await k.sec.post('/api/development', body);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ gender: 'female', birthDate: '1998-07-08', stage: 'applicant', planYear: 2026 });
    expect(ok.json().idNumber).toMatch(/\*/);
    expect(ok.json().steps.map((s: { step: string }) => s.step)).toEqual(['application']);
    expect(ok.json().events.map((e: { kind: string }) => e.kind)).toEqual(['applied']);
    const twice = await k.sec.post('/api/development', body);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('development.duplicate_person');
  });

  it('keeps each branch to its own candidates and the township to its subtree', async () => {
    const outside = await k.sec.post('/api/development', {
      orgId: k.fx.villageA2,
      name: '褚外支',
      idNumber: testIdNumber(),
      appliedOn: '2026-09-01',
    });
    expect(outside.statusCode).toBe(404);
    const sibling = await k.townA.post('/api/development', {
      orgId: k.fx.villageA2,
      name: '卫南村',
      idNumber: testIdNumber(),
      appliedOn: '2026-09-01',
    });
    expect(sibling.statusCode, sibling.body).toBe(200);
    const id = sibling.json().id;
    expect((await k.sec.get(`/api/development/${id}`)).statusCode).toBe(404);
    const act = await k.sec.post(`/api/development/${id}/steps`, {
      step: 'talk',
      date: '2026-09-05',
      talkerName: '张三',
    });
    expect(act.statusCode).toBe(404);
    expect(
      (await k.sec.post(`/api/development/${id}/refuse`, { date: '2026-09-05', reason: '不符合条件' })).statusCode,
    ).toBe(404);
    expect((await k.townB.get(`/api/development/${id}`)).statusCode).toBe(404);
    expect((await k.townA.get(`/api/development/${id}`)).statusCode).toBe(200);
    const secList = (await k.sec.get('/api/development?pageSize=100')).json();
    expect(secList.items.every((c: { orgId: number }) => c.orgId === k.fx.villageA1)).toBe(true);
    expect((await k.townB.get('/api/development')).json().total).toBe(0);
    // The higher committee's steps are the township's and the county's.
    const own = await apply(k, '2026-09-01', '蒋支部');
    const pre = await record(k, own.id, 'talk', '2026-09-10');
    expect(pre.statusCode).toBe(200);
    const committee = await k.sec.post(`/api/development/${own.id}/steps`, { step: 'pre_review', date: '2026-09-11' });
    expect(committee.statusCode).toBe(403);
    expect(committee.json().error.code).toBe('development.not_committee');
  });

  it('shows a member nothing of others, and its own progress once admitted', async () => {
    expect((await k.member.get('/api/development')).statusCode).toBe(403);
    expect((await k.member.get('/api/development/overdue')).statusCode).toBe(403);
    expect((await k.member.get('/api/development/mine')).json()).toEqual({ candidate: null });
    const c = await apply(k, '2024-01-08', '沈本人');
    const admitted = await walk(k, c.id, [
      ...TO_TARGET,
      ...TO_VOTE,
      ['branch_vote', '2025-04-10'],
      ['committee_talk', '2025-05-01'],
      ['approval', '2025-06-01'],
    ]);
    expect(admitted.memberId).toBeTypeOf('number');
    const path = (
      await k.env.ctx.db
        .selectFrom('orgs')
        .select('org_path')
        .where('id', '=', k.fx.villageA1)
        .executeTakeFirstOrThrow()
    ).org_path;
    await insertUser(k.env.ctx.db, {
      tenant: k.fx.county,
      username: 't-dev-self',
      role: 'member',
      orgId: k.fx.villageA1,
      orgPath: path,
      hash: await hashPassword(PASSWORD),
      now: k.env.clock.now.toISOString(),
      memberId: admitted.memberId,
    });
    const self = await login(k.env.app, 't-dev-self');
    const mine = (await self.get('/api/development/mine')).json().candidate;
    expect(mine).toMatchObject({
      id: c.id,
      stage: 'probationary',
      admittedOn: '2025-06-01',
      probationEnd: '2026-06-01',
    });
    expect(mine.done[0]).toEqual({ step: 'application', no: 1, doneOn: '2024-01-08' });
    expect(mine.done.at(-1).step).toBe('approval');
    expect(mine.next).toMatchObject({ step: 'approval_filing' });
    expect((await self.get(`/api/development/${c.id}`)).statusCode).toBe(403);
  });

  it('lists the overdue, reminds the branch secretary once, and counts the pipeline', async () => {
    const late = await apply(k, '2026-09-01', '韩逾期');
    const soon = await apply(k, '2026-09-25', '杨将到');
    const fresh = await apply(k, '2026-10-19', '朱新申');
    const overdue = (await k.sec.get('/api/development/overdue?pageSize=100')).json();
    const ids = overdue.items.map((c: { id: number }) => c.id);
    expect(ids).toContain(late.id);
    expect(ids).not.toContain(soon.id);
    expect(ids).not.toContain(fresh.id);
    expect(overdue.items.find((c: { id: number }) => c.id === late.id).next).toMatchObject({
      step: 'talk',
      dueOn: '2026-10-01',
      state: 'overdue',
    });
    const filtered = (await k.sec.get('/api/development?overdue=true&pageSize=100')).json();
    expect(filtered.total).toBe(overdue.total);
    expect((await k.sec.get(`/api/development/${soon.id}`)).json().next.state).toBe('due_soon');

    const first = await remindDeadlines(k.env.ctx, k.env.clock.now, k.fx.county);
    expect(first.notified).toBeGreaterThanOrEqual(2);
    const again = await remindDeadlines(k.env.ctx, k.env.clock.now, k.fx.county);
    expect(again.notified).toBe(0);
    const notes = await k.env.ctx.db
      .selectFrom('notifications')
      .select(['title', 'user_id'])
      .where('kind', '=', 'reminder.development')
      .execute();
    expect(notes.some((n) => n.title.includes('韩逾期') && n.user_id === k.fx.users.secA1.id)).toBe(true);
    expect(notes.some((n) => n.title.includes('朱新申'))).toBe(false);

    const fig = (await k.county.get('/api/development/pipeline?year=2026')).json();
    const all = (await k.county.get('/api/development?pageSize=500')).json().items as {
      appliedOn: string;
      admittedOn: string | null;
      orgId: number;
    }[];
    expect(fig.total.applicants).toBe(all.filter((c) => c.appliedOn.startsWith('2026')).length);
    expect(fig.total.admitted).toBe(all.filter((c) => c.admittedOn?.startsWith('2026')).length);
    const townA = fig.rows.find((r: { orgId: number }) => r.orgId === k.fx.townA);
    expect(townA.applicants).toBe(fig.total.applicants);
    const xlsx = await k.county.get('/api/development/pipeline/export?year=2026');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect((await k.townB.get('/api/development/pipeline?year=2026')).json().total.applicants).toBe(0);
  });

  it('searches, exports, deletes and restores', async () => {
    const c = await apply(k, '2026-10-01', '欧阳检索');
    const found = (await k.sec.get(`/api/development?q=${encodeURIComponent('欧阳')}`)).json();
    expect(found.items.map((i: { id: number }) => i.id)).toEqual([c.id]);
    const stage = (await k.sec.get('/api/development?stage=full')).json();
    expect(stage.items.every((i: { stage: string }) => i.stage === 'full')).toBe(true);
    const xlsx = await k.sec.get('/api/development/export');
    expect(xlsx.statusCode).toBe(200);
    const patched = await k.sec.patch(`/api/development/${c.id}`, { education: 'college', outsidePlan: true });
    expect(patched.json()).toMatchObject({ education: 'college', outsidePlan: true });
    expect((await k.sec.delete(`/api/development/${c.id}`)).statusCode).toBe(200);
    expect((await k.sec.get(`/api/development?q=${encodeURIComponent('欧阳')}`)).json().total).toBe(0);
    expect((await k.sec.get('/api/development?deleted=true')).json().items.map((i: { id: number }) => i.id)).toContain(
      c.id,
    );
    const restored = await k.sec.post(`/api/development/${c.id}/restore`);
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json().deletedAt).toBeNull();
    const refused = await k.sec.post(`/api/development/${c.id}/refuse`, { date: '2026-10-10', reason: '本人撤回申请' });
    expect(refused.json()).toMatchObject({ stage: 'refused', closedOn: '2026-10-10', next: null });
    expect(refused.json().steps.length).toBe(1);
    const after = await k.sec.post(`/api/development/${c.id}/steps`, {
      step: 'talk',
      date: '2026-10-11',
      talkerName: '张三',
    });
    expect(after.json().error.code).toBe('development.closed');
  });
  it('files scans of the materials under their step, reads and removes them, in the scope only', async () => {
    const c = await apply(k, '2026-10-02', '段材料');
    const up = await k.sec.upload(
      `/api/development/${c.id}/files?step=application&material=application_letter`,
      tinyPng(),
      'a.png',
      'image/png',
    );
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json()).toMatchObject({ step: 'application', material: 'application_letter', mime: 'image/png' });
    const text = await k.sec.upload(
      `/api/development/${c.id}/files`,
      Buffer.from('not an image'),
      'a.txt',
      'text/plain',
    );
    expect(text.statusCode).toBe(400);
    const detail = (await k.sec.get(`/api/development/${c.id}`)).json();
    expect(detail.files.map((f: { id: number }) => f.id)).toEqual([up.json().id]);
    const read = await k.townA.get(up.json().url);
    expect(read.statusCode).toBe(200);
    expect(read.headers['content-type']).toBe('image/png');
    expect((await k.townB.get(up.json().url)).statusCode).toBe(404);
    expect((await k.townB.delete(up.json().url)).statusCode).toBe(404);
    expect((await k.sec.delete(up.json().url)).statusCode).toBe(200);
    expect((await k.sec.get(`/api/development/${c.id}`)).json().files).toEqual([]);
    expect((await k.sec.get(up.json().url)).statusCode).toBe(404);
  });
});
