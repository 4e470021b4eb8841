import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, login, testIdNumber, type Client, type Fixture, type TestEnv, openFixture } from '../harness.js';
import { XLSX_TYPE } from '../files.js';

describe.each(dialects())('members on %s', (dialect) => {
  let env: TestEnv, fx: Fixture, county: Client;
  beforeAll(async () => ({ env, fx, county } = await openFixture(dialect, { county: 't-county' })));
  afterAll(() => env.close());

  it('creates a member from the least fields, deriving birth date and status, masking the numbers', async () => {
    const idNumber = testIdNumber('female', '1990-03-08');
    const res = await county.post('/api/members', {
      orgId: fx.villageA2,
      name: '赵敏',
      idNumber,
      gender: 'female',
      joinedAt: '2015-07-01',
      phone: '13812345678',
    });
    expect(res.statusCode).toBe(200);
    const m = res.json();
    expect(m).toMatchObject({
      name: '赵敏',
      gender: 'female',
      birthDate: '1990-03-08',
      status: 'full',
      fullMemberAt: '2016-07-01',
      orgId: fx.villageA2,
    });
    expect(m.idNumber).toBe(`${idNumber.slice(0, 6)}********${idNumber.slice(14)}`);
    expect(m.phone).toBe('138****5678');
    expect(res.body).not.toContain(idNumber);
    expect(res.body).not.toContain('13812345678');
    // At rest: ciphertext and keyed hash only.
    const row = await env.ctx.db.selectFrom('members').selectAll().where('id', '=', m.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(idNumber);
    expect(JSON.stringify(row)).not.toContain('13812345678');
    expect(env.ctx.vault.decrypt(row.id_number_enc)).toBe(idNumber);
  });

  it('refuses a wrong check digit, a sex or birth date unlike the ID, a bad phone and impossible dates', async () => {
    const good = testIdNumber('male', '1985-01-02');
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const base = { orgId: fx.villageA1, name: '钱六', gender: 'male', joinedAt: '2010-01-01' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, idNumber: bad }, 'members.invalid_id_number'],
      [{ ...base, idNumber: good, gender: 'female' }, 'members.gender_mismatch'],
      [{ ...base, idNumber: good, birthDate: '1985-01-03' }, 'members.birth_date_mismatch'],
      [{ ...base, idNumber: good, phone: '12345' }, 'members.invalid_phone'],
      [{ ...base, idNumber: good, joinedAt: '2000-01-01' }, 'members.invalid_dates'],
      [{ ...base, idNumber: good, joinedAt: '2030-01-01' }, 'members.invalid_dates'],
      [{ ...base, idNumber: good, fullMemberAt: '2009-01-01' }, 'members.invalid_dates'],
      [{ ...base, idNumber: good, orgId: fx.groupA1 }, 'members.org_not_branch'],
      // A day that is not in the calendar is refused by the request schema (format: date) before any rule.
      [{ ...base, idNumber: good, joinedAt: '2010-02-30' }, 'validation'],
      [{ ...base, idNumber: good, joinedAt: '2010/01/01' }, 'validation'],
    ];
    for (const [body, code] of cases) {
      const res = await county.post('/api/members', body);
      expect(res.statusCode, code).toBeGreaterThanOrEqual(400);
      expect(res.json().error.code, JSON.stringify(body)).toBe(code);
    }
    const before = await env.ctx.db
      .selectFrom('members')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect((await county.post('/api/members', { ...base, idNumber: good })).statusCode).toBe(200);
    const dup = await county.post('/api/members', { ...base, idNumber: good });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('members.id_number_taken');
    const after = await env.ctx.db
      .selectFrom('members')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n) + 1);
  });

  it('finds members by name, full pinyin, initials and full ID number', async () => {
    const names = async (q: string) =>
      (await county.get(`/api/members?q=${encodeURIComponent(q)}`)).json().items.map((m: { name: string }) => m.name);
    expect(await names('zs')).toContain('张三');
    expect(await names('zhangsan')).toContain('张三');
    expect(await names('张')).toContain('张三');
    expect(await names('zs')).not.toContain('李四');
    expect(await names('%')).toEqual([]);
    const idNumber = testIdNumber('male', '1970-09-09');
    await county.post('/api/members', {
      orgId: fx.villageB1,
      name: '孙七',
      idNumber,
      gender: 'male',
      joinedAt: '1995-07-01',
    });
    expect(await names(idNumber)).toEqual(['孙七']);
  });

  it('filters, sorts and pages on the server over a subtree', async () => {
    for (let i = 0; i < 25; i++) {
      await county.post('/api/members', {
        orgId: fx.villageA1,
        name: `周${'一二三四五六七八九十'[i % 10]}${i}`,
        idNumber: testIdNumber(i % 2 ? 'female' : 'male', `19${60 + i}-04-0${1 + (i % 9)}`),
        gender: i % 2 ? 'female' : 'male',
        joinedAt: `20${10 + (i % 10)}-07-01`,
      });
    }
    const page1 = (
      await county.get(`/api/members?org=${fx.villageA1}&pageSize=10&page=1&sort=birthDate&order=asc`)
    ).json();
    const page2 = (
      await county.get(`/api/members?org=${fx.villageA1}&pageSize=10&page=2&sort=birthDate&order=asc`)
    ).json();
    expect(page1.total).toBeGreaterThanOrEqual(26);
    expect(page1.items).toHaveLength(10);
    const dates = [...page1.items, ...page2.items].map((m: { birthDate: string }) => m.birthDate);
    expect(dates).toEqual([...dates].sort());
    expect(new Set([...page1.items, ...page2.items].map((m: { id: number }) => m.id)).size).toBe(20);
    const women = (await county.get(`/api/members?org=${fx.villageA1}&gender=female&pageSize=200`)).json();
    expect(women.items.length).toBeGreaterThan(0);
    expect(women.items.every((m: { gender: string }) => m.gender === 'female')).toBe(true);
    const band = (await county.get(`/api/members?org=${fx.villageA1}&ageBand=60_69&pageSize=200`)).json();
    expect(band.items.length).toBeGreaterThan(0);
    expect(band.items.every((m: { age: number }) => m.age >= 60 && m.age < 70)).toBe(true);
    const year = (await county.get(`/api/members?org=${fx.villageA1}&joinYear=2012&pageSize=200`)).json();
    expect(year.items.length).toBeGreaterThan(0);
    expect(year.items.every((m: { joinedAt: string }) => m.joinedAt.startsWith('2012'))).toBe(true);
    expect((await county.get(`/api/members?pageSize=200`)).json().items.length).toBeGreaterThan(20);
    expect((await county.get(`/api/members?pageSize=501`)).statusCode).toBe(400);
  });

  it('edits a member, with before and after in the audit trail', async () => {
    const id = fx.memberIn.villageA2;
    const res = await county.patch(`/api/members/${id}`, { name: '李四娘', education: 'bachelor' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '李四娘', education: 'bachelor' });
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'member.update')
      .where('entity_id', '=', String(id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.changes!)).toMatchObject({
      name: { before: '李四', after: '李四娘' },
      education: { before: null, after: 'bachelor' },
    });
  });

  it('soft-deletes and restores a member', async () => {
    const id = fx.memberIn.townB;
    // Totals are cached by roster version: each write must move them at once.
    const total = async () => (await county.get(`/api/members?org=${fx.townB}`)).json().total;
    const towns = async () =>
      (await county.get(`/api/orgs/tree?parent=${fx.county}`))
        .json()
        .items.find((o: { id: number }) => o.id === fx.townB).memberCount;
    const before = await total();
    const treeBefore = await towns();
    expect((await county.delete(`/api/members/${id}`)).statusCode).toBe(200);
    expect(await total()).toBe(before - 1);
    expect(await towns()).toBe(treeBefore - 1);
    expect(
      (await county.get(`/api/members?org=${fx.townB}&pageSize=200`)).json().items.map((m: { id: number }) => m.id),
    ).not.toContain(id);
    expect(
      (await county.get(`/api/members?deleted=true&pageSize=200`)).json().items.map((m: { id: number }) => m.id),
    ).toContain(id);
    expect((await county.post(`/api/members/${id}/restore`)).statusCode).toBe(200);
    expect(await total()).toBe(before);
    expect(await towns()).toBe(treeBefore);
    expect((await county.post(`/api/members/${id}/restore`)).json().error.code).toBe('members.not_deleted');
    expect(
      (await county.get(`/api/members?org=${fx.townB}&pageSize=200`)).json().items.map((m: { id: number }) => m.id),
    ).toContain(id);
  });

  it('reveals numbers only to a role allowed to, and records that it did', async () => {
    const res = await county.post(`/api/members/${fx.memberIn.villageA1}/reveal`, { fields: ['idNumber', 'phone'] });
    expect(res.statusCode).toBe(200);
    expect(res.json().idNumber).toMatch(/^\d{17}[\dX]$/);
    expect(res.json().phone).toMatch(/^1\d{10}$/);
    expect(res.headers['cache-control']).toBe('no-store');
    const audit = await env.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'member.reveal').execute();
    expect(audit.some((a) => a.entity_id === String(fx.memberIn.villageA1) && a.actor_name === 't-county')).toBe(true);
    const town = await login(env.app, 't-town-a');
    const denied = await town.post(`/api/members/${fx.memberIn.villageA1}/reveal`, { fields: ['idNumber'] });
    expect(denied.statusCode).toBe(403);
    expect(denied.body).not.toMatch(/\d{17}[\dX]/);
  });

  it('gives a member its own record and branch', async () => {
    const me = await login(env.app, 't-member-a1');
    const mine = await me.get('/api/me/member');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().id).toBe(fx.memberIn.villageA1);
    expect((await me.get('/api/me/org')).json().id).toBe(fx.villageA1);
    expect((await me.get('/api/members')).statusCode).toBe(403);
  });

  it('imports nothing from a file with one bad row and reports it, then imports a good file', async () => {
    const tpl = await county.get('/api/members/import-template');
    expect(tpl.statusCode).toBe(200);
    expect(tpl.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const headers = (ws.getRow(1).values as string[]).map((h) => (h ?? '').replace(/\*$/, ''));
    const col = (h: string) => headers.indexOf(h);
    const rows = [
      {
        姓名: '导入甲',
        性别: '男',
        身份证号码: testIdNumber('male', '1975-05-05'),
        所在党组织编号: fx.villageA1,
        入党时间: '2001-07-01',
        党员状态: '正式党员',
        手机号码: '13900001111',
        学历: '高中、中专',
      },
      {
        姓名: '导入乙',
        性别: '女',
        身份证号码: testIdNumber('female', '1982-02-02'),
        所在党组织: '南村党支部',
        入党时间: '2005-07-01',
      },
      {
        姓名: '导入丙',
        性别: '男',
        身份证号码: '11010519491231002Y',
        所在党组织编号: fx.villageA1,
        入党时间: '2001-07-01',
      },
    ];
    const fill = (data: Record<string, unknown>[]) => {
      const out = new ExcelJS.Workbook();
      const s = out.addWorksheet('党员名册');
      s.addRow(headers.slice(1));
      for (const r of data) {
        const values: unknown[] = [];
        for (const [k, v] of Object.entries(r)) values[col(k) - 1] = v;
        s.addRow(values);
      }
      return out.xlsx.writeBuffer();
    };
    const upload = async (buf: ArrayBuffer, dryRun: boolean) =>
      county.upload(`/api/members/import${dryRun ? '?dryRun=true' : ''}`, buf, 'roster.xlsx', XLSX_TYPE);
    const count = async () =>
      Number(
        (
          await env.ctx.db
            .selectFrom('members')
            .select((e) => e.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const bad = await upload(await fill(rows), false);
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ ok: false, total: 3, valid: 2, imported: 0 });
    expect(bad.json().errors).toEqual([
      expect.objectContaining({ row: 4, field: 'idNumber', code: 'members.invalid_id_number' }),
    ]);
    expect(await count()).toBe(before);
    const goodFile = await fill(rows.slice(0, 2));
    const dry = await upload(goodFile, true);
    expect(dry.json()).toMatchObject({ ok: true, valid: 2, imported: 0 });
    expect(await count()).toBe(before);
    const done = await upload(goodFile, false);
    expect(done.json()).toMatchObject({ ok: true, imported: 2 });
    expect(await count()).toBe(before + 2);
    const again = await upload(goodFile, false);
    expect(again.statusCode).toBe(422);
    expect(again.json().errors.every((e: { code: string }) => e.code === 'members.id_number_taken')).toBe(true);
    const notExcel = await upload(new TextEncoder().encode('<html>not a workbook</html>').buffer as ArrayBuffer, false);
    // Not a zip at all: refused by the archive check before anything is read.
    expect(notExcel.statusCode).toBe(400);
    expect(notExcel.json().error.code).toBe('import.archive_rejected');
  });

  it('exports the filtered list within the scope, masked', async () => {
    const town = await login(env.app, 't-town-a');
    const res = await town.get('/api/members/export');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const list = (await town.get('/api/members?pageSize=500')).json();
    expect(ws.rowCount - 1).toBe(list.total);
    const text = JSON.stringify(ws.getSheetValues());
    expect(text).not.toMatch(/\d{17}[\dX]/);
    expect(text).not.toContain('西村党支部');
  });
});
