/**
 * Issue 10: phone and ID numbers typed into free text — requests, wishes (also from a resident's phone),
 * errands, visits, households, meetings, evaluations, transfer notes — are masked before storage, and
 * never come back whole in answers, re-reads, lists, exports or the audit log.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPersonalNumbers, foldWidth } from '../../src/platform/personalText.js';
import { FREE_TEXT_COLUMNS, maskStoredFreeText } from '../../src/db/migrations/009_free_text.js';
import { verifyAudit, writeAuditAlone } from '../../src/platform/data/audit.js';
import { buildFixture, createEnv, dialects, login, type Client, type Fixture, type TestEnv } from '../harness.js';

/** The free-text tables under their names of today (010 renamed the residents' tables, 012 moved the timeline). */
const FREE_TEXT_NOW = Object.fromEntries(
  Object.entries(FREE_TEXT_COLUMNS).map(([t, c]) => [
    t === 'service_events' ? 'timeline_events' : t.replace(/^service_/, 'residents_'),
    c,
  ]),
);

/** The four forms that passed the old mask on the public wall, and a plain one; with their masked forms. */
const FORMS: { typed: string; digits: string; masked: string }[] = [
  { typed: '+8613992582773', digits: '13992582773', masked: '139****2773' },
  { typed: '139.9258.2773', digits: '13992582773', masked: '139****2773' },
  { typed: '１３９９２５８２７７３', digits: '13992582773', masked: '139****2773' },
  { typed: '110101 19900307 5955', digits: '110101199003075955', masked: '110101********5955' },
  { typed: '13812345678', digits: '13812345678', masked: '138****5678' },
];
const WHOLE = [...new Set(FORMS.map((f) => f.digits))];
const BEFORE = '联系人电话';
const AFTER = '请尽快处理';
const prose = (f: (typeof FORMS)[number], what: string) => `${what}：${BEFORE}${f.typed}，${AFTER}`;
/** Prose with dates, amounts, counts and house numbers: must come back exactly as typed. */
const PLAIN =
  '2026年12月4日上午9:30走访13户，发放慰问金1,380.50元；3号楼2单元501，2026-12-04复查，' +
  '订单号202612041399258277312';

/**
 * Fails when a text holds a whole number: by the detector, and by its plain digits (full-width folded, separators
 * gone).
 */
function expectNoWholeNumber(text: string, where: string): void {
  expect(findPersonalNumbers(text), `${where}: ${text.slice(0, 300)}`).toEqual([]);
  const digitsOnly = foldWidth(text).replace(/[\s.\-()+·/]/g, '');
  for (const d of WHOLE) expect(digitsOnly.includes(d), `${where} holds ${d}`).toBe(false);
}

/** The text of every cell of an xlsx answer. */
async function xlsxText(res: LightMyRequestResponse): Promise<string> {
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const out: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void out.push(String(c.text ?? '')))));
  return out.join('\n');
}

/** A resident's phone with the dj_resident cookie and the anti-CSRF header. */
class Phone {
  cookies: Record<string, string> = {};
  constructor(private readonly env: TestEnv) {}
  async req(method: 'GET' | 'POST', url: string, body?: unknown): Promise<LightMyRequestResponse> {
    const headers = method === 'POST' ? { 'x-requested-with': 'dangjian' } : {};
    const payload = body !== undefined ? { payload: body as object } : method === 'POST' ? { payload: {} } : {};
    const res = await this.env.app.inject({ method, url, cookies: this.cookies, headers, ...payload });
    for (const c of res.cookies) this.cookies[c.name] = c.value;
    return res;
  }
}

describe.each(dialects())('personal numbers typed into free text on %s', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  let county: Client;
  let town: Client;
  let sec: Client;
  let member: Client;
  let resident: Phone;
  /** Every answer of a write, to check after the writes. */
  const answers: { where: string; body: string }[] = [];
  const ids: Record<'requests' | 'wishes' | 'errands' | 'visits' | 'households' | 'meetings', number[]> = {
    requests: [],
    wishes: [],
    errands: [],
    visits: [],
    households: [],
    meetings: [],
  };

  const ok = async (where: string, res: LightMyRequestResponse) => {
    expect(res.statusCode, `${where}: ${res.body}`).toBe(200);
    answers.push({ where, body: res.body });
    return res.json();
  };

  beforeAll(async () => {
    env = await createEnv(dialect);
    fx = await buildFixture(env);
    county = await login(env.app, 't-county');
    town = await login(env.app, 't-town-a');
    sec = await login(env.app, 't-sec-a1');
    member = await login(env.app, 't-member-a1');
    resident = new Phone(env);
    const phone = '13700007777';
    expect((await resident.req('POST', '/api/public/resident/code', { phone })).statusCode).toBe(200);
    const outbox = fs.readFileSync(path.join(env.dataDir, 'outbox.log'), 'utf8').trim().split('\n');
    const line = outbox.filter((l) => l.includes('137****7777')).pop()!;
    const code = /(\d{6})/.exec(line.split('\t')[2]!)![1]!;
    expect((await resident.req('POST', '/api/public/resident/verify', { phone, code })).statusCode).toBe(200);

    const write = async (c: Client, where: string, url: string, body?: unknown) => ok(where, await c.post(url, body));
    const village = fx.villageA1;
    for (const [i, f] of FORMS.entries()) {
      // A household: address and note; its structured phone stays a guarded number.
      const h = await write(sec, 'household', '/api/households', {
        orgId: village,
        address: `东村${i + 1}组 ${f.typed}`,
        headName: `户主${'甲乙丙丁戊'[i]}`,
        tags: [],
        phone: '13600001111',
        note: prose(f, '备注'),
      });
      ids.households.push(h.id);
      // A visit to it and a request handled through transfer, progress and closing.
      const v = await write(sec, 'visit', '/api/visits', {
        householdId: h.id,
        visitorMemberId: fx.memberIn.villageA1,
        visitedOn: '2026-06-10',
        found: prose(f, '走访情况'),
        promised: prose(f, '承诺'),
      });
      ids.visits.push(v.id);
      const r = await write(sec, 'request', '/api/requests', {
        orgId: village,
        channel: 'reception',
        category: 'infrastructure',
        description: prose(f, '诉求'),
        level: 'studied',
        residentName: '赵大',
        phone: '13600002222',
      });
      ids.requests.push(r.id);
      await write(sec, 'request progress', `/api/requests/${r.id}/progress`, { note: prose(f, '进展') });
      const transfer = { toOrgId: village, department: `县水利局${f.typed}`, note: prose(f, '转办理由') };
      await write(town, 'request transfer', `/api/requests/${r.id}/transfer`, transfer);
      await write(sec, 'request close', `/api/requests/${r.id}/close`, { result: prose(f, '办理结果') });
      // A wish entered by a worker, claimed and fulfilled by a member; and one posted by a resident.
      const w = await write(sec, 'wish', '/api/wishes', {
        orgId: village,
        kind: 'wish',
        title: `心愿${f.typed}`,
        description: prose(f, '心愿'),
        residentName: '钱七',
        phone: '13700001234',
      });
      ids.wishes.push(w.id);
      await write(member, 'wish claim', `/api/wishes/${w.id}/claim`);
      await write(member, 'wish fulfil', `/api/wishes/${w.id}/fulfil`, { note: prose(f, '完成情况') });
      const rw = await resident.req('POST', '/api/public/resident/wishes', {
        orgId: village,
        kind: 'wish',
        title: `求助${f.typed}`,
        description: prose(f, '群众心愿'),
        name: '孙八',
      });
      ids.wishes.push((await ok('resident wish', rw)).id);
      // An errand with its steps.
      const e = await write(member, 'errand', '/api/errands', {
        orgId: village,
        title: `代办${f.typed}`,
        description: prose(f, '代办'),
        residentName: '周九',
        cardNo: f.typed,
      });
      ids.errands.push(e.id);
      await write(member, 'errand step', `/api/errands/${e.id}/steps`, { note: prose(f, '办理步骤') });
      await write(member, 'errand done', `/api/errands/${e.id}/done`, { result: prose(f, '代办结果') });
      // Meeting minutes and the rest of a meeting's text.
      const m = await write(sec, 'meeting', '/api/meetings', {
        orgId: village,
        kind: 'committee_meeting',
        topic: `研究${f.typed}`,
        heldOn: `2026-06-0${i + 1}`,
        startTime: '19:30',
        endTime: '21:00',
        place: `村部${f.typed}`,
        hostName: '张三',
        recorderName: '李四',
        minutes: prose(f, '会议记录'),
        decisions: prose(f, '决定事项'),
        attendance: [{ memberId: fx.memberIn.villageA1, status: 'leave', leaveReason: prose(f, '请假') }],
      });
      ids.meetings.push(m.id);
      // An evaluation's comments.
      await write(town, 'evaluation', '/api/evaluations', {
        orgId: village,
        kind: 'monthly_review',
        period: `2026-0${i + 1}`,
        grade: 'good',
        evaluatorName: '东乡镇党委',
        comments: prose(f, '评议意见'),
      });
    }
  });
  afterAll(() => env.close());

  it('answers every write with the numbers masked and the prose kept', () => {
    expect(answers.length).toBeGreaterThan(FORMS.length * 10);
    for (const a of answers) expectNoWholeNumber(a.body, a.where);
    const all = answers.map((a) => a.body).join('\n');
    for (const f of FORMS) expect(all).toContain(`${BEFORE}${f.masked}，${AFTER}`);
  });

  it('stores the text masked: every free-text column of the business tables', async () => {
    let seen = 0;
    for (const [table, columns] of Object.entries(FREE_TEXT_NOW)) {
      const rows = (await env.ctx.db
        .selectFrom(table as 'requests')
        .select(columns as never[])
        .execute()) as Record<string, unknown>[];
      for (const r of rows) {
        for (const c of columns) {
          if (typeof r[c] !== 'string') continue;
          seen++;
          expectNoWholeNumber(r[c] as string, `${table}.${c}`);
        }
      }
    }
    expect(seen).toBeGreaterThan(50);
    const req = await env.ctx.db
      .selectFrom('requests')
      .select(['description', 'phone_masked'])
      .where('id', '=', ids.requests[0]!)
      .executeTakeFirstOrThrow();
    expect(req).toEqual({ description: `诉求：${BEFORE}139****2773，${AFTER}`, phone_masked: '136****2222' });
    // The structured phone stays a guarded number: encrypted whole, revealable by those entitled.
    const revealed = await county.post(`/api/requests/${ids.requests[0]}/reveal`, { fields: ['phone'] });
    expect(revealed.json().phone).toBe('13600002222');
  });

  it('re-reads and lists without a whole number', async () => {
    const reads = [
      ...ids.requests.map((id) => `/api/requests/${id}`),
      ...ids.wishes.map((id) => `/api/wishes/${id}`),
      ...ids.errands.map((id) => `/api/errands/${id}`),
      ...ids.visits.map((id) => `/api/visits/${id}`),
      ...ids.households.map((id) => `/api/households/${id}`),
      ...ids.meetings.map((id) => `/api/meetings/${id}`),
      ...[
        'requests',
        'requests?view=accepted&',
        'wishes',
        'errands',
        'visits',
        'households',
        'meetings',
        'evaluations',
      ].map((list) => `/api/${list}${list.includes('?') ? '' : '?'}pageSize=100`),
    ];
    for (const url of reads) {
      const res = await county.get(url);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      expectNoWholeNumber(res.body, url);
    }
    const detail = (await county.get(`/api/requests/${ids.requests[3]}`)).json();
    expect(detail.description).toBe(`诉求：${BEFORE}110101********5955，${AFTER}`);
  });

  it("shows the public wall and the resident's own pages without a whole number", async () => {
    const wall = await env.app.inject({ method: 'GET', url: `/api/public/wishes?county=${fx.county}&pageSize=100` });
    expect(wall.statusCode).toBe(200);
    expect(wall.json().total).toBeGreaterThanOrEqual(FORMS.length);
    expectNoWholeNumber(wall.body, 'public wall');
    for (const f of FORMS) expect(wall.body).toContain(`${BEFORE}${f.masked}，${AFTER}`);
    const mine = await resident.req('GET', '/api/public/resident/wishes');
    expect(mine.statusCode).toBe(200);
    expectNoWholeNumber(mine.body, 'resident wishes');
  });

  it('exports without a whole number', async () => {
    const sheets = {
      requests: await xlsxText(await county.get('/api/requests/export')),
      households: await xlsxText(await county.get('/api/households/export')),
      yearbook: await xlsxText(await county.get(`/api/meetings/yearbook?org=${fx.villageA1}&year=2026`)),
    };
    for (const [name, text] of Object.entries(sheets)) expectNoWholeNumber(text, `${name} export`);
    expect(sheets.requests).toContain(`${BEFORE}139****2773，${AFTER}`);
    expect(sheets.households).toContain('东村4组 110101********5955');
    expect(sheets.yearbook).toContain(`会议记录：${BEFORE}138****5678，${AFTER}`);
  });

  it('writes no whole number into the audit log', async () => {
    const rows = await env.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'changes', 'detail', 'actor_name'])
      .execute();
    expect(rows.length).toBeGreaterThan(FORMS.length * 10);
    const text = rows.map((r) => [r.action, r.changes, r.detail, r.actor_name].join('\t')).join('\n');
    expectNoWholeNumber(text, 'audit_log');
    expect(text).toContain('139****2773');
  });

  it('masks numbers handed to writeAudit directly and to a failed sign-in (defence in depth)', async () => {
    const lastAudit = () =>
      env.ctx.db
        .selectFrom('audit_log')
        .select(['actor_name', 'changes', 'detail'])
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
    await writeAuditAlone(env.ctx, null, {
      action: 'test.raw',
      actorName: '+86 139 9258 2773',
      detail: '电话１３９９２５８２７７３',
      changes: { note: { before: null, after: { text: '证件110101 19900307 5955' } } },
    });
    expect(await lastAudit()).toEqual({
      actor_name: '139****2773',
      detail: '电话139****2773',
      changes: JSON.stringify({ note: { before: null, after: { text: '证件110101********5955' } } }),
    });
    const payload = { username: '13992582773', password: 'x' };
    expect((await env.app.inject({ method: 'POST', url: '/api/auth/login', payload })).statusCode).toBe(401);
    expect((await lastAudit()).actor_name).toBe('139****2773');
    expect((await verifyAudit(env.ctx)).ok).toBe(true);
  });

  it('keeps text stored before the guard out of exports and the wall, and the migration masks it', async () => {
    // Rows written before this change (straight into the tables, as an old version did).
    const description = async (table: 'requests' | 'wishes', id: number) =>
      (await env.ctx.db.selectFrom(table).select('description').where('id', '=', id).executeTakeFirstOrThrow())
        .description;
    await env.ctx.db
      .updateTable('requests')
      .set({ description: '旧诉求13992582773' })
      .where('id', '=', ids.requests[0]!)
      .execute();
    await env.ctx.db
      .updateTable('wishes')
      .set({ description: '旧心愿110101199003075955' })
      .where('id', '=', ids.wishes[1]!)
      .execute();
    expectNoWholeNumber(await xlsxText(await county.get('/api/requests/export')), 'export of old text');
    const wall = await env.app.inject({ method: 'GET', url: `/api/public/wishes?county=${fx.county}&pageSize=100` });
    expectNoWholeNumber(wall.body, 'wall of old text');
    expect(wall.body).toContain('旧心愿110101********5955');
    expect(await maskStoredFreeText(env.ctx.db, FREE_TEXT_NOW)).toBe(2);
    expect(await description('requests', ids.requests[0]!)).toBe('旧诉求139****2773');
    expect(await description('wishes', ids.wishes[1]!)).toBe('旧心愿110101********5955');
  });

  it('leaves prose with dates, amounts, counts and house numbers as typed', async () => {
    const body = {
      orgId: fx.villageA1,
      channel: 'reception',
      category: 'infrastructure',
      description: PLAIN,
      level: 'studied',
    };
    const r = await ok('plain request', await sec.post('/api/requests', body));
    expect(r.description).toBe(PLAIN);
    const stored = await env.ctx.db
      .selectFrom('requests')
      .select('description')
      .where('id', '=', r.id)
      .executeTakeFirstOrThrow();
    expect(stored.description).toBe(PLAIN);
    const house = { orgId: fx.villageA1, address: '东村3号楼2单元501', headName: '吴十', tags: [], note: PLAIN };
    const h = await ok('plain household', await sec.post('/api/households', house));
    expect((await sec.get(`/api/households/${h.id}`)).json()).toMatchObject({
      address: '东村3号楼2单元501',
      note: PLAIN,
    });
  });
});
