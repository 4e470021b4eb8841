import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { auditHash } from '../../src/platform/data/audit.js';
import { maskIdNumber, maskPhone } from '../../src/platform/idcard.js';
import {
  buildFixture,
  createEnv,
  dialects,
  login,
  testIdNumber,
  type Client,
  type Fixture,
  type TestEnv,
  openFixture,
} from '../harness.js';

/** A whole ID number (17 digits and a check character) or a whole mainland mobile number, anywhere in a text. */
const WHOLE_ID = /(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])/;
const WHOLE_PHONE = /(?<![0-9])1[3-9][0-9]{9}(?![0-9])/;

interface Writes {
  orgId: number;
  memberId: number;
  id1: string;
  id2: string;
  phone1: string;
  phone2: string;
  badId: string;
}

/**
 * A county admin's day: an org created, renamed and removed; a member created, edited (ID and phone), removed; one
 * refused write.
 */
async function makeWrites(env: TestEnv, fx: Fixture): Promise<Writes> {
  const c = await login(env.app, 't-county');
  const id1 = testIdNumber('male', '1985-03-04');
  const id2 = testIdNumber('male', '1985-03-04');
  const phone1 = '13912345678';
  const phone2 = '18687654321';
  const ok = async (p: Promise<{ statusCode: number; body: string; json(): any }>) => {
    const r = await p;
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };
  const org = await ok(
    c.post('/api/orgs', {
      parentId: fx.townA,
      name: '审计村党支部',
      type: 'branch',
      termStart: '2021-07-01',
      termEnd: '2026-07-01',
    }),
  );
  await ok(c.patch(`/api/orgs/${org.id}`, { name: '审计村党支部（更名）', termEnd: '2026-08-01' }));
  const m = await ok(
    c.post('/api/members', {
      orgId: org.id,
      name: '赵六',
      idNumber: id1,
      gender: 'male',
      joinedAt: '2012-07-01',
      phone: phone1,
    }),
  );
  await ok(c.patch(`/api/members/${m.id}`, { name: '赵六六', idNumber: id2, phone: phone2 }));
  // Viewing the whole numbers is audited too, without the numbers.
  expect(await ok(c.post(`/api/members/${m.id}/reveal`, { fields: ['idNumber', 'phone'] }))).toEqual({
    idNumber: id2,
    phone: phone2,
  });
  // A refused write (wrong check digit) is audited as a failure, without the number it was given.
  const badId = id1.slice(0, 17) + (id1[17] === '0' ? '1' : '0');
  const refused = await c.post('/api/members', {
    orgId: org.id,
    name: '钱七',
    idNumber: badId,
    gender: 'male',
    joinedAt: '2012-07-01',
    phone: '13700001111',
  });
  expect(refused.statusCode).toBe(400);
  await ok(c.delete(`/api/members/${m.id}`));
  await ok(c.delete(`/api/orgs/${org.id}`));
  return { orgId: org.id, memberId: m.id, id1, id2, phone1, phone2, badId };
}

/** What an attacker with database access does first: take the append-only triggers away. */
async function dropTriggers(env: TestEnv) {
  if (env.dialect === 'sqlite') {
    await sql`drop trigger audit_log_no_update`.execute(env.ctx.db);
    await sql`drop trigger audit_log_no_delete`.execute(env.ctx.db);
  } else {
    await sql`alter table audit_log disable trigger audit_log_no_update`.execute(env.ctx.db);
  }
}

async function auditCount(env: TestEnv): Promise<number> {
  return Number(
    (
      await env.ctx.db
        .selectFrom('audit_log')
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
}

describe.each(dialects())('audit trail on %s', (dialect) => {
  let env: TestEnv, fx: Fixture;
  let w: Writes;
  let auditor: Client;
  beforeAll(async () => {
    ({ env, fx } = await openFixture(dialect));
    w = await makeWrites(env, fx);
    auditor = await login(env.app, 't-auditor');
  });
  afterAll(() => env.close());

  it('verifies the whole chain after API writes (auditor only)', async () => {
    const n = await auditCount(env);
    expect(n).toBeGreaterThan(15);
    const res = await auditor.get('/api/audit/verify');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, checked: n, firstBroken: null });
    const head = await env.ctx.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    expect(head.count).toBe(n);
    expect(head.last_id).toBe(n);
    const county = await login(env.app, 't-county');
    expect((await county.get('/api/audit/verify')).statusCode).toBe(403);
  });

  it('records before and after of each change, with ID and phone numbers masked', async () => {
    const res = await auditor.get(`/api/audit?entityType=member&entityId=${w.memberId}&pageSize=50`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as {
      action: string;
      success: boolean;
      changes: Record<string, { before: unknown; after: unknown }> | null;
      actorName: string;
    }[];
    const byAction = new Map(items.filter((i) => i.success).map((i) => [i.action, i]));
    expect([...byAction.keys()].sort()).toEqual(['member.create', 'member.delete', 'member.reveal', 'member.update']);
    expect(byAction.get('member.reveal')!.changes).toBeNull();
    expect(items.every((i) => i.actorName === 't-county')).toBe(true);
    const create = byAction.get('member.create')!.changes!;
    expect(create.name).toEqual({ before: null, after: '赵六' });
    expect(create.idNumber).toEqual({ before: null, after: maskIdNumber(w.id1) });
    expect(create.phone).toEqual({ before: null, after: maskPhone(w.phone1) });
    const update = byAction.get('member.update')!.changes!;
    expect(update.name).toEqual({ before: '赵六', after: '赵六六' });
    expect(update.idNumber).toEqual({ before: maskIdNumber(w.id1), after: maskIdNumber(w.id2) });
    expect(update.phone).toEqual({ before: maskPhone(w.phone1), after: maskPhone(w.phone2) });
    expect(byAction.get('member.delete')!.changes!.deletedAt.before).toBeNull();
    expect(byAction.get('member.delete')!.changes!.deletedAt.after).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    const orgRes = (await auditor.get(`/api/audit?entityType=org&entityId=${w.orgId}&pageSize=50`)).json()
      .items as typeof items;
    const orgUpdate = orgRes.find((i) => i.action === 'org.update')!;
    expect(orgUpdate.changes).toMatchObject({
      name: { before: '审计村党支部', after: '审计村党支部（更名）' },
      termEnd: { before: '2026-07-01', after: '2026-08-01' },
    });
    expect(orgRes.map((i) => i.action).sort()).toEqual(['org.create', 'org.delete', 'org.update']);

    // The refused create left a failure record naming the reason, not the number.
    const failed = (await auditor.get('/api/audit?action=member.create&success=false')).json().items as {
      detail: string;
    }[];
    expect(failed.map((f) => f.detail)).toContain('members.invalid_id_number');
  });

  it('holds no whole ID or phone number in any audit row', async () => {
    const rows = await env.ctx.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    // The digests are hex and may hold digit runs by chance; every other column is checked.
    const texts = rows.map(({ hash: _h, prev_hash: _p, ...rest }) => JSON.stringify(rest));
    for (const [i, t] of texts.entries()) {
      expect(t, `audit row ${rows[i].id}`).not.toMatch(WHOLE_ID);
      expect(t, `audit row ${rows[i].id}`).not.toMatch(WHOLE_PHONE);
    }
    const all = JSON.stringify(rows);
    for (const secret of [w.id1, w.id2, w.phone1, w.phone2, w.badId]) expect(all).not.toContain(secret);
    // Not vacuous: masked numbers are there, and the checks catch a whole one.
    expect(texts.filter((t) => t.includes(maskIdNumber(w.id2))).length).toBeGreaterThan(0);
    expect(JSON.stringify({ changes: { idNumber: { after: w.id1 } } })).toMatch(WHOLE_ID);
    expect(JSON.stringify({ changes: { phone: { after: w.phone1 } } })).toMatch(WHOLE_PHONE);
    // The API's view of the trail is clean too.
    const listed = await auditor.get('/api/audit?pageSize=500');
    expect(listed.json().total).toBe(rows.length);
    expect(listed.body).not.toMatch(WHOLE_ID);
    expect(listed.body).not.toMatch(WHOLE_PHONE);
  });

  it('refuses UPDATE and DELETE on audit_log while the triggers are in place', async () => {
    const before = await env.ctx.db.selectFrom('audit_log').selectAll().where('id', '=', 3).executeTakeFirstOrThrow();
    await expect(sql`update audit_log set detail = 'rewritten' where id = 3`.execute(env.ctx.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`update audit_log set hash = prev_hash`.execute(env.ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where id = 3`.execute(env.ctx.db)).rejects.toThrow(/append-only/);
    const n = await auditCount(env);
    await expect(sql`delete from audit_log where id > ${n - 2}`.execute(env.ctx.db)).rejects.toThrow(/append-only/);
    await expect(env.ctx.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    expect(await env.ctx.db.selectFrom('audit_log').selectAll().where('id', '=', 3).executeTakeFirstOrThrow()).toEqual(
      before,
    );
    expect(await auditCount(env)).toBe(n);
    expect((await auditor.get('/api/audit/verify')).json()).toMatchObject({ ok: true, checked: n });
  });

  describe('tampering after the triggers are removed', () => {
    /** A fresh database with the same history, the auditor signed in, and the chain checked intact first. */
    async function fresh() {
      const e = await createEnv(dialect);
      const f = await buildFixture(e);
      await makeWrites(e, f);
      const a = await login(e.app, 't-auditor');
      const n = await auditCount(e);
      expect((await a.get('/api/audit/verify')).json()).toEqual({ ok: true, checked: n, firstBroken: null });
      await dropTriggers(e);
      return { e, a, n };
    }

    it('(a) finds one changed field of a middle record', async () => {
      const { e, a, n } = await fresh();
      try {
        const mid = Math.floor(n / 2);
        const r = await sql`update audit_log set actor_name = 'someone-else' where id = ${mid}`.execute(e.ctx.db);
        expect(Number(r.numAffectedRows)).toBe(1);
        const v = (await a.get('/api/audit/verify')).json();
        expect(v.ok).toBe(false);
        expect(v.firstBroken.id).toBe(mid);
        expect(v.firstBroken.reason).toMatch(/content/);
        expect(v.firstBroken.kind).toBe('content');
        expect(v.checked).toBe(mid - 1);
      } finally {
        await e.close();
      }
    });

    it('(a) finds a changed record whose own hash was recomputed, at the next link', async () => {
      const { e, a, n } = await fresh();
      try {
        const mid = Math.floor(n / 2);
        const row = await e.ctx.db.selectFrom('audit_log').selectAll().where('id', '=', mid).executeTakeFirstOrThrow();
        const forged = { ...row, detail: 'nothing happened' };
        const hash = auditHash(forged);
        expect(hash).not.toBe(row.hash);
        await sql`update audit_log set detail = ${forged.detail}, hash = ${hash} where id = ${mid}`.execute(e.ctx.db);
        const v = (await a.get('/api/audit/verify')).json();
        expect(v).toMatchObject({ ok: false, firstBroken: { id: mid + 1 } });
        expect(v.firstBroken.reason).toMatch(/link/);
        expect(v.firstBroken.kind).toBe('link');
      } finally {
        await e.close();
      }
    });

    it('(b) finds a deleted middle record', async () => {
      const { e, a, n } = await fresh();
      try {
        const mid = Math.floor(n / 2);
        const r = await sql`delete from audit_log where id = ${mid}`.execute(e.ctx.db);
        expect(Number(r.numAffectedRows)).toBe(1);
        const v = (await a.get('/api/audit/verify')).json();
        expect(v.ok).toBe(false);
        expect(v.firstBroken.id).toBe(mid);
        expect(v.firstBroken.reason).toMatch(/missing/);
        expect(v.firstBroken.kind).toBe('missing');
        expect(v.checked).toBe(mid - 1);
      } finally {
        await e.close();
      }
    });

    it('(c) finds the last records deleted (the head counts more)', async () => {
      const { e, a, n } = await fresh();
      try {
        const r = await sql`delete from audit_log where id > ${n - 3}`.execute(e.ctx.db);
        expect(Number(r.numAffectedRows)).toBe(3);
        const v = (await a.get('/api/audit/verify')).json();
        expect(v.ok).toBe(false);
        expect(v.checked).toBe(n - 3);
        expect(v.firstBroken.id).toBe(n - 2);
        expect(v.firstBroken.reason).toMatch(/removed/);
        expect(v.firstBroken.kind).toBe('removed');
        expect(v.firstBroken.reason).toContain(`expects ${n}`);
      } finally {
        await e.close();
      }
    });
  });
});
