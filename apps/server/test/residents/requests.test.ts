import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escalateOverdue } from '../../src/areas/residents/requests/requests.escalation.js';
import { guardPhone } from '../../src/platform/personal.js';
import {
  buildFixture,
  createEnv,
  dialects,
  login,
  testIdNumber,
  type Client,
  type Fixture,
  type TestEnv,
} from '../harness.js';

const DAY = 86_400_000;

/** A 1×1 PNG. */
function png(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0])),
    chunk('IDAT', zlib.deflateSync(Buffer.from([0, 200, 30, 30]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe.each(dialects())('visits, requests and evaluations on %s', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  let county: Client;
  let town: Client;
  let townB: Client;
  let sec: Client;
  let member: Client;
  let auditor: Client;
  const hh: number[] = [];
  let countyOrgan = 0;
  let townOrgan = 0;
  let townOrganMember = 0;
  let countyOrganMember = 0;

  const household = async (orgId: number, head: string, phone?: string) => {
    const now = env.ctx.clock().toISOString();
    const org = await env.ctx.db
      .selectFrom('orgs')
      .select(['org_path'])
      .where('id', '=', orgId)
      .executeTakeFirstOrThrow();
    const p = guardPhone(env.ctx, phone ?? null);
    const { id } = await env.ctx.db
      .insertInto('households')
      .values({
        tenant_id: fx.county,
        org_id: orgId,
        org_path: org.org_path,
        address: `${head}家`,
        head_name: head,
        tags: '[]',
        is_poor: 0,
        people: 3,
        group_id: null,
        note: null,
        phone_enc: p.phone_enc!,
        phone_hash: p.phone_hash!,
        phone_masked: p.phone_masked!,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  };
  const request = (over: Record<string, unknown> = {}) => ({
    orgId: fx.villageA1,
    channel: 'reception',
    category: 'infrastructure',
    description: '村口道路破损，雨天积水',
    level: 'studied',
    residentName: '赵大',
    ...over,
  });

  const signIn = async () => {
    county = await login(env.app, 't-county');
    town = await login(env.app, 't-town-a');
    townB = await login(env.app, 't-town-b');
    sec = await login(env.app, 't-sec-a1');
    member = await login(env.app, 't-member-a1');
    auditor = await login(env.app, 't-auditor');
  };
  /** Moves the clock; sessions idle that long expire, so everyone signs in again. */
  const advance = async (ms: number) => {
    env.clock.advance(ms);
    await signIn();
  };

  beforeAll(async () => {
    env = await createEnv(dialect);
    fx = await buildFixture(env);
    await signIn();
    hh.push(
      await household(fx.villageA1, '钱一', '13800001111'),
      await household(fx.villageA1, '孙二'),
      await household(fx.villageA1, '周三'),
      await household(fx.villageA2, '吴四'),
      await household(fx.villageB1, '郑五'),
    );
    const mkOrg = async (parentId: number, name: string, type: string, field: string) => {
      const res = await county.post('/api/orgs', { parentId, name, type, field });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().id as number;
    };
    const organsCommittee = await mkOrg(fx.county, '测试县直机关工委', 'committee', 'organ');
    countyOrgan = await mkOrg(organsCommittee, '县水利局党支部', 'branch', 'organ');
    townOrgan = await mkOrg(fx.townA, '东乡镇机关党支部', 'branch', 'organ');
    const person = async (orgId: number, name: string) => {
      const res = await county.post('/api/members', {
        orgId,
        name,
        idNumber: testIdNumber(),
        gender: 'male',
        joinedAt: '2005-07-01',
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().id as number;
    };
    townOrganMember = await person(townOrgan, '东乡机关丁');
    countyOrganMember = await person(countyOrgan, '县局戊');
  });
  afterAll(() => env.close());

  it('sets the deadline from the rules: studied +7 days, coordinated +15, a county override for new requests; on-the-spot needs its result and closes', async () => {
    const now = env.ctx.clock().toISOString();
    const studied = (await sec.post('/api/requests', request())).json();
    expect(studied).toMatchObject({
      status: 'open',
      level: 'studied',
      acceptedAt: now,
      dueAt: new Date(Date.parse(now) + 7 * DAY).toISOString(),
      overdue: false,
      orgId: fx.villageA1,
      originOrgId: fx.villageA1,
      escalations: 0,
    });
    expect(studied.events.map((e: { kind: string }) => e.kind)).toEqual(['accepted']);
    const coordinated = (await sec.post('/api/requests', request({ level: 'coordinated' }))).json();
    expect(coordinated.dueAt).toBe(new Date(Date.parse(now) + 15 * DAY).toISOString());

    const bad = await sec.post('/api/requests', request({ level: 'on_the_spot' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('residents.on_the_spot_needs_result');
    const spot = (
      await sec.post('/api/requests', request({ level: 'on_the_spot', result: '当场联系村电工修复' }))
    ).json();
    expect(spot).toMatchObject({
      status: 'closed',
      closedAt: now,
      dueAt: null,
      result: '当场联系村电工修复',
      overdue: false,
    });
    expect(spot.events.map((e: { kind: string }) => e.kind)).toEqual(['accepted', 'closed']);

    expect((await county.patch('/api/service-rules', { studiedDays: 3 })).statusCode).toBe(200);
    const shorter = (await sec.post('/api/requests', request())).json();
    expect(shorter.dueAt).toBe(new Date(Date.parse(now) + 3 * DAY).toISOString());
    expect((await sec.get(`/api/requests/${studied.id}`)).json().dueAt).toBe(studied.dueAt);
    expect((await county.delete('/api/service-rules/studiedDays')).json().rules.studiedDays).toBe(7);

    // A paper record entered later keeps its acceptance time and so its deadline: already overdue here.
    const paper = (
      await sec.post('/api/requests', request({ acceptedAt: new Date(Date.parse(now) - 10 * DAY).toISOString() }))
    ).json();
    expect(paper).toMatchObject({
      acceptedAt: new Date(Date.parse(now) - 10 * DAY).toISOString(),
      dueAt: new Date(Date.parse(now) - 3 * DAY).toISOString(),
      overdue: true,
    });
    const future = await sec.post(
      '/api/requests',
      request({ acceptedAt: new Date(Date.parse(now) + DAY).toISOString() }),
    );
    expect(future.statusCode).toBe(400);
    expect(future.json().error.code).toBe('residents.in_future');
    expect((await sec.post('/api/requests', request({ acceptedAt: 'yesterday' }))).statusCode).toBe(400);

    // Out of the way of the escalation test: deleted requests are neither listed nor escalated.
    for (const id of [studied.id, coordinated.id, spot.id, shorter.id, paper.id])
      expect((await sec.delete(`/api/requests/${id}`)).statusCode).toBe(200);
    expect((await sec.get('/api/requests?deleted=true')).json().total).toBe(5);
    expect((await sec.post(`/api/requests/${spot.id}/restore`)).json().deletedAt).toBeNull();
  });

  it('flips overdue with the clock, escalates village → township once, idempotent, and the township sees it overdue', async () => {
    const r = (await sec.post('/api/requests', request({ description: '自来水管爆裂' }))).json();
    const onTime = (await sec.post('/api/requests', request({ description: '按时办结的诉求' }))).json();
    expect((await sec.post(`/api/requests/${onTime.id}/close`, { result: '已修复' })).statusCode).toBe(200);

    await advance(7 * DAY - 60_000);
    expect((await sec.get(`/api/requests/${r.id}`)).json().overdue).toBe(false);
    expect((await sec.get('/api/requests?overdue=true')).json().total).toBe(0);
    await advance(2 * 60_000);
    expect((await sec.get(`/api/requests/${r.id}`)).json().overdue).toBe(true);
    const secOverdue = (await sec.get('/api/requests?overdue=true')).json();
    expect(secOverdue.items.map((i: { id: number }) => i.id)).toEqual([r.id]);

    const run = await county.post('/api/jobs/escalate');
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json().escalated).toBe(1);
    const after = (await town.get(`/api/requests/${r.id}`)).json();
    expect(after).toMatchObject({
      orgId: fx.townA,
      orgName: '东乡镇党委',
      originOrgId: fx.villageA1,
      escalations: 1,
      escalatedAt: env.ctx.clock().toISOString(),
      overdue: true,
      status: 'open',
    });
    const esc = after.events.find((e: { kind: string }) => e.kind === 'escalated');
    expect(esc).toMatchObject({ actorName: null, fromOrg: { id: fx.villageA1 }, toOrg: { id: fx.townA } });
    const townOverdue = (await town.get('/api/requests?overdue=true')).json();
    expect(townOverdue.items).toEqual([expect.objectContaining({ id: r.id, orgId: fx.townA, overdue: true })]);
    expect(townOverdue.total).toBe(1);
    // The village no longer handles it, but still sees what it accepted.
    expect((await sec.get('/api/requests?overdue=true')).json().total).toBe(0);
    expect(
      (await sec.get('/api/requests?view=accepted&overdue=true')).json().items.map((i: { id: number }) => i.id),
    ).toEqual([r.id]);
    expect((await sec.get(`/api/requests/${r.id}`)).statusCode).toBe(200);

    // Same day, later, and days later: not moved again (escalated since its due date).
    await advance(3 * 3_600_000);
    expect((await county.post('/api/jobs/escalate')).json().escalated).toBe(0);
    expect((await escalateOverdue(env.ctx, new Date(env.ctx.clock().getTime() + 3 * DAY))).escalated).toBe(0);
    expect((await town.get(`/api/requests/${r.id}`)).json()).toMatchObject({ orgId: fx.townA, escalations: 1 });

    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select(['actor_id', 'entity_id', 'tenant_id'])
      .where('action', '=', 'request.escalate')
      .execute();
    expect(audit).toEqual([{ actor_id: null, entity_id: String(r.id), tenant_id: fx.county }]);
    const notes = await env.ctx.db
      .selectFrom('notifications')
      .select(['user_id', 'kind'])
      .where('kind', '=', 'request.escalated')
      .execute();
    expect(notes).toEqual([{ user_id: fx.users.townA.id, kind: 'request.escalated' }]);

    // Only the county (service.rules) runs the job by hand.
    expect((await town.post('/api/jobs/escalate')).statusCode).toBe(403);
    expect((await sec.post('/api/jobs/escalate')).statusCode).toBe(403);
    // The township closes it; it is no longer overdue anywhere.
    expect((await town.post(`/api/requests/${r.id}/close`, { result: '更换水管' })).json()).toMatchObject({
      status: 'closed',
      overdue: false,
    });
    expect((await town.get('/api/requests?overdue=true')).json().total).toBe(0);
  });

  it('reopens on 不满意 once with a new deadline; a second 不满意 stays closed with the rating; the rule sets the limit', async () => {
    const r = (await sec.post('/api/requests', request({ description: '低保申请' }))).json();
    expect((await sec.post(`/api/requests/${r.id}/rate`, { rating: 'satisfied' })).json().error.code).toBe(
      'residents.request_not_closed',
    );
    await sec.post(`/api/requests/${r.id}/close`, { result: '已提交审核' });
    const now = env.ctx.clock().toISOString();
    const reopened = (await sec.post(`/api/requests/${r.id}/rate`, { rating: 'dissatisfied' })).json();
    expect(reopened).toMatchObject({
      status: 'reopened',
      reopened: 1,
      closedAt: null,
      rating: null,
      dueAt: new Date(Date.parse(now) + 7 * DAY).toISOString(),
      overdue: false,
    });
    expect(reopened.events.map((e: { kind: string }) => e.kind)).toEqual(['accepted', 'closed', 'rated', 'reopened']);
    expect((await sec.post(`/api/requests/${r.id}/close`, { result: '已落实低保' })).json().status).toBe('closed');
    const second = (await sec.post(`/api/requests/${r.id}/rate`, { rating: 'dissatisfied' })).json();
    expect(second).toMatchObject({ status: 'closed', reopened: 1, rating: 'dissatisfied' });
    expect((await sec.post(`/api/requests/${r.id}/rate`, { rating: 'satisfied' })).json().error.code).toBe(
      'residents.already_rated',
    );
    expect((await sec.post(`/api/requests/${r.id}/close`, { result: 'x' })).json().error.code).toBe(
      'residents.request_closed',
    );

    await county.patch('/api/service-rules', { reopenLimit: 2 });
    const r2 = (await sec.post('/api/requests', request({ level: 'on_the_spot', result: '当场答复' }))).json();
    const statuses: string[] = [];
    for (let i = 0; i < 3; i++) {
      const rated = (await sec.post(`/api/requests/${r2.id}/rate`, { rating: 'dissatisfied' })).json();
      statuses.push(`${rated.status}:${rated.reopened}`);
      if (rated.status === 'reopened') {
        // An on-the-spot request reopened gets the studied deadline.
        expect(rated.dueAt).toBe(new Date(env.ctx.clock().getTime() + 7 * DAY).toISOString());
        await sec.post(`/api/requests/${r2.id}/close`, { result: `第${i + 1}次重新办理` });
      }
    }
    expect(statuses).toEqual(['reopened:1', 'reopened:2', 'closed:2']);
    await county.delete('/api/service-rules/reopenLimit');
  });

  it('transfers to a county department (outside the village subtree) or to a named department; views follow', async () => {
    const r = (await sec.post('/api/requests', request({ category: 'land', description: '山林权属争议' }))).json();
    expect((await sec.post(`/api/requests/${r.id}/transfer`, { note: '无对象' })).json().error.code).toBe(
      'residents.transfer_target',
    );
    const byDept = (
      await sec.post(`/api/requests/${r.id}/transfer`, { department: '镇林业站', note: '请协助' })
    ).json();
    expect(byDept).toMatchObject({ orgId: fx.villageA1, department: '镇林业站' });
    const moved = (
      await sec.post(`/api/requests/${r.id}/transfer`, { toOrgId: countyOrgan, note: '转县水利局' })
    ).json();
    expect(moved).toMatchObject({
      orgId: countyOrgan,
      orgName: '县水利局党支部',
      originOrgId: fx.villageA1,
      department: null,
    });
    const ev = moved.events.filter((e: { kind: string }) => e.kind === 'transferred');
    expect(ev[1]).toMatchObject({ fromOrg: { id: fx.villageA1 }, toOrg: { id: countyOrgan } });

    const handling = (await sec.get('/api/requests?pageSize=100')).json().items.map((i: { id: number }) => i.id);
    const accepted = (await sec.get('/api/requests?view=accepted&pageSize=100'))
      .json()
      .items.map((i: { id: number }) => i.id);
    expect(handling).not.toContain(r.id);
    expect(accepted).toContain(r.id);
    expect(
      (await county.get(`/api/requests?org=${countyOrgan}`)).json().items.map((i: { id: number }) => i.id),
    ).toEqual([r.id]);
    // The village may read and rate what it accepted, but no longer act on it.
    expect((await sec.get(`/api/requests/${r.id}`)).statusCode).toBe(200);
    expect((await sec.post(`/api/requests/${r.id}/close`, { result: 'x' })).statusCode).toBe(403);
    expect((await town.get(`/api/requests/${r.id}`)).statusCode).toBe(200);
    expect((await townB.get(`/api/requests/${r.id}`)).statusCode).toBe(404);
    expect((await county.post(`/api/requests/${r.id}/close`, { result: '已确权' })).json().status).toBe('closed');
    expect((await sec.post(`/api/requests/${r.id}/rate`, { rating: 'satisfied' })).json().rating).toBe('satisfied');
    expect((await sec.post(`/api/requests/${r.id}/transfer`, { toOrgId: 999999, note: 'x' })).statusCode).toBe(403);
  });

  it('keeps each side to its scope: the village sees its own, another township 404, a member and the auditor 403', async () => {
    const a2 = (await town.post('/api/requests', request({ orgId: fx.villageA2, description: '南村的诉求' }))).json();
    expect((await sec.post('/api/requests', request({ orgId: fx.villageA2 }))).statusCode).toBe(404);
    const secItems = (await sec.get('/api/requests?pageSize=500')).json().items as {
      id: number;
      orgId: number;
      originOrgId: number;
    }[];
    expect(secItems.length).toBeGreaterThan(0);
    expect(secItems.every((i) => i.orgId === fx.villageA1)).toBe(true);
    expect(secItems.map((i) => i.id)).not.toContain(a2.id);
    expect((await sec.get(`/api/requests/${a2.id}`)).statusCode).toBe(404);
    expect((await townB.get(`/api/requests/${a2.id}`)).statusCode).toBe(404);
    expect((await townB.post(`/api/requests/${a2.id}/close`, { result: 'x' })).statusCode).toBe(404);
    expect((await townB.get('/api/requests')).json().total).toBe(0);
    for (const c of [member, auditor]) {
      expect((await c.get('/api/requests')).statusCode).toBe(403);
      expect((await c.get(`/api/requests/${a2.id}`)).statusCode).toBe(403);
      expect((await c.get('/api/visits')).statusCode).toBe(403);
      expect((await c.get('/api/evaluations')).statusCode).toBe(403);
    }
    expect((await member.post('/api/requests', request())).statusCode).toBe(403);
    // Filters: category and a search by the full phone number.
    const withPhone = (
      await sec.post('/api/requests', request({ category: 'medical', phone: '13912345678', description: '看病难' }))
    ).json();
    expect(withPhone.phone).toBe('139****5678');
    expect((await sec.get('/api/requests?category=medical')).json().items.map((i: { id: number }) => i.id)).toEqual([
      withPhone.id,
    ]);
    expect((await sec.get('/api/requests?q=13912345678')).json().items.map((i: { id: number }) => i.id)).toEqual([
      withPhone.id,
    ]);
    expect((await sec.get(`/api/requests?q=${encodeURIComponent('看病')}`)).json().total).toBe(1);
    expect((await sec.post(`/api/requests/${withPhone.id}/reveal`, { fields: ['phone'] })).json().phone).toBe(
      '13912345678',
    );
    expect((await town.post(`/api/requests/${withPhone.id}/reveal`, { fields: ['phone'] })).statusCode).toBe(403);
  });

  it('prints the commitment and feedback cards, escaped and without full phone numbers', async () => {
    const r = (
      await sec.post(
        '/api/requests',
        request({
          residentName: '<b>冯六</b>',
          phone: '13987654321',
          description: '请联系我 13987654321 <script>alert(1)</script>',
          ownerName: '张三',
        }),
      )
    ).json();
    const c = await sec.get(`/api/requests/${r.id}/card?type=commitment`);
    expect(c.statusCode).toBe(200);
    expect(c.headers['content-type']).toContain('text/html');
    expect(c.body).toContain('为民服务承诺卡');
    expect(c.body).toContain('东村党支部');
    expect(c.body).toContain('研究办');
    expect(c.body).toContain('张三');
    expect(c.body).toContain('139****4321');
    expect(c.body).toContain('&lt;b&gt;冯六&lt;/b&gt;');
    expect(c.body).not.toContain('<script>');
    expect(c.body).not.toContain('13987654321');
    const due = new Date(Date.parse(r.dueAt) + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(c.body).toContain(`${Number(due.slice(0, 4))}年${Number(due.slice(5, 7))}月${Number(due.slice(8, 10))}日前`);
    await sec.post(`/api/requests/${r.id}/close`, { result: '已回电 13987654321 说明情况' });
    await sec.post(`/api/requests/${r.id}/rate`, { rating: 'fairly_satisfied' });
    const f = await sec.get(`/api/requests/${r.id}/card?type=feedback`);
    expect(f.body).toContain('为民服务反馈卡');
    expect(f.body).toContain('☑ 基本满意');
    expect(f.body).toContain('☐ 满意');
    expect(f.body).not.toContain('13987654321');
    expect((await townB.get(`/api/requests/${r.id}/card?type=feedback`)).statusCode).toBe(404);
  });

  it('records visits (in scope, not in the future), raises a request from a visit, stores photos', async () => {
    const bad = await sec.post('/api/visits', {
      householdId: hh[0],
      visitorMemberId: fx.memberIn.townA,
      visitedOn: '2099-01-01',
      found: '家中整洁',
    });
    expect(bad.json().error.code).toBe('residents.in_future');
    expect(
      (
        await sec.post('/api/visits', {
          householdId: hh[4],
          visitorMemberId: fx.memberIn.townA,
          visitedOn: '2026-06-15',
          found: 'x',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await sec.post('/api/visits', {
          householdId: hh[0],
          visitorMemberId: 999999,
          visitedOn: '2026-06-15',
          found: 'x',
        })
      ).statusCode,
    ).toBe(404);
    const v = (
      await sec.post('/api/visits', {
        householdId: hh[0],
        visitorMemberId: countyOrganMember,
        visitedOn: '2026-06-18',
        found: '屋顶漏雨',
        promised: '一周内修缮',
        request: { category: 'livelihood', level: 'studied', description: '屋顶漏雨需修缮' },
      })
    ).json();
    expect(v).toMatchObject({
      orgId: fx.villageA1,
      householdHead: '钱一',
      visitorName: '县局戊',
      visitedOn: '2026-06-18',
      promised: '一周内修缮',
      photos: 0,
    });
    const req = (await sec.get(`/api/requests/${v.requestId}`)).json();
    expect(req).toMatchObject({
      channel: 'outreach',
      orgId: fx.villageA1,
      householdId: hh[0],
      residentName: '钱一',
      phone: '138****1111',
      ownerName: '县局戊',
      level: 'studied',
    });

    const boundary = '----djtest';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      png(),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const up = await sec.request('POST', `/api/visits/${v.id}/photos`, body, {
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(up.statusCode, up.body).toBe(200);
    const got = await sec.get(up.json().url);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect((await sec.get(`/api/visits/${v.id}`)).json().photos).toBe(1);
    expect((await townB.get(up.json().url)).statusCode).toBe(404);
    const edited = (await sec.patch(`/api/visits/${v.id}`, { promised: null })).json();
    expect(edited.promised).toBeNull();
    expect((await sec.delete(`/api/visits/${v.id}`)).statusCode).toBe(200);
    expect((await sec.get('/api/visits')).json().total).toBe(0);
    expect((await sec.post(`/api/visits/${v.id}/restore`)).json().deletedAt).toBeNull();
    expect((await sec.get(`/api/visits?q=${encodeURIComponent('钱一')}`)).json().total).toBe(1);
  });

  it('computes the visit quotas against a hand-computed week and quarter', async () => {
    const visit = async (c: Client, householdId: number, visitorMemberId: number, visitedOn: string) => {
      const res = await c.post('/api/visits', { householdId, visitorMemberId, visitedOn, found: '走访了解情况' });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().id as number;
    };
    // Township staff 东乡乙: three households on one day → 1 day, 3 households.
    for (const h of hh.slice(0, 3)) await visit(town, h, fx.memberIn.townA, '2026-06-15');
    // Township organ member 东乡机关丁: two days, three households (one visit deleted does not count).
    await visit(town, hh[0]!, townOrganMember, '2026-06-16');
    await visit(town, hh[1]!, townOrganMember, '2026-06-17');
    await visit(town, hh[2]!, townOrganMember, '2026-06-17');
    const gone = await visit(town, hh[3]!, townOrganMember, '2026-06-19');
    await town.delete(`/api/visits/${gone}`);
    // The week before, and a village of A2.
    await visit(town, hh[3]!, townOrganMember, '2026-06-10');
    await county.patch('/api/service-rules', { cadreVisitHouseholdsPerWeek: 3 });

    const q = (await county.get('/api/visits/quotas?week=2026-W25&quarter=2026-Q2')).json();
    expect(q).toMatchObject({
      week: '2026-W25',
      weekFrom: '2026-06-15',
      weekTo: '2026-06-21',
      quarter: '2026-Q2',
      quarterFrom: '2026-04-01',
      quarterTo: '2026-06-30',
    });
    expect(q.rules).toEqual({ villageVisitsPerQuarter: 1, cadreVisitDaysPerWeek: 2, cadreVisitHouseholdsPerWeek: 3 });
    // Cadres: 东乡乙 (township staff), 东乡机关丁 (township organ), 西乡丙 (township B staff); not the county organ's 县局戊.
    expect(q.cadres).toBe(3);
    expect(q.cadresShort).toEqual([
      { memberId: fx.memberIn.townA, name: '东乡乙', orgName: '东乡镇党委', days: 1, households: 3 },
      { memberId: fx.memberIn.townB, name: '西乡丙', orgName: '西乡镇党委', days: 0, households: 0 },
    ]);
    // Villages: 东村 (7 live visits incl. the earlier one), 南村 (1, on 06-10), 西村 (none).
    expect(q.villages).toBe(3);
    expect(q.villagesVisited).toBe(2);
    expect(q.villagesShort).toEqual([{ orgId: fx.villageB1, orgName: '西村党支部', visits: 0 }]);

    await county.patch('/api/service-rules', { villageVisitsPerQuarter: 2 });
    const t = (await town.get('/api/visits/quotas?week=2026-W25&quarter=2026-Q2')).json();
    expect(t.villages).toBe(2);
    expect(t.villagesShort).toEqual([{ orgId: fx.villageA2, orgName: '南村党支部', visits: 1 }]);
    expect(t.cadres).toBe(2);
    expect(t.cadresShort.map((c: { name: string }) => c.name)).toEqual(['东乡乙']);
    const w24 = (await town.get('/api/visits/quotas?week=2026-W24&quarter=2026-Q3')).json();
    // In pinyin order: dong xiang ji… before dong xiang yi.
    expect(w24.cadresShort).toEqual([
      { memberId: townOrganMember, name: '东乡机关丁', orgName: '东乡镇机关党支部', days: 1, households: 1 },
      { memberId: fx.memberIn.townA, name: '东乡乙', orgName: '东乡镇党委', days: 0, households: 0 },
    ]);
    expect(w24.villagesShort.map((v: { visits: number }) => v.visits)).toEqual([0, 0]);
    expect((await town.get('/api/visits/quotas?week=2026-W54')).statusCode).toBe(400);
    await county.delete('/api/service-rules/villageVisitsPerQuarter');
    await county.delete('/api/service-rules/cadreVisitHouseholdsPerWeek');
  });

  it("keeps the three evaluations to their rules and suggests the residents' counts from closed requests", async () => {
    const ev = (over: Record<string, unknown>) => ({
      orgId: fx.villageA1,
      kind: 'year_end_org',
      period: '2026',
      grade: 'good',
      evaluatorName: '东乡镇党委',
      ...over,
    });
    const first = await town.post('/api/evaluations', ev({}));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      orgId: fx.villageA1,
      orgName: '东村党支部',
      kind: 'year_end_org',
      period: '2026',
      grade: 'good',
    });
    const dup = await town.post('/api/evaluations', ev({}));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('residents.evaluation_exists');
    expect((await sec.post('/api/evaluations', ev({ orgId: fx.villageA1, period: '2025' }))).statusCode).toBe(403);
    expect((await town.post('/api/evaluations', ev({ orgId: fx.townA }))).statusCode).toBe(403);
    expect((await county.post('/api/evaluations', ev({ orgId: fx.townA }))).statusCode).toBe(200);
    expect((await town.post('/api/evaluations', ev({ orgId: fx.villageB1 }))).statusCode).toBe(404);
    for (const [kind, period] of [
      ['monthly_review', '2026-13'],
      ['monthly_review', '2026'],
      ['half_year_residents', '2026-H3'],
      ['year_end_org', '2026-01'],
    ]) {
      expect((await county.post('/api/evaluations', ev({ kind, period }))).json().error.code).toBe(
        'residents.bad_period',
      );
    }
    const monthly = (
      await sec.post(
        '/api/evaluations',
        ev({ kind: 'monthly_review', period: '2026-06', grade: null, comments: '本月诉求办理及时' }),
      )
    ).json();
    expect(monthly).toMatchObject({ kind: 'monthly_review', period: '2026-06', comments: '本月诉求办理及时' });
    expect((await sec.delete(`/api/evaluations/${monthly.id}`)).statusCode).toBe(200);
    const again = (await sec.post('/api/evaluations', ev({ kind: 'monthly_review', period: '2026-06' }))).json();
    expect((await sec.post(`/api/evaluations/${monthly.id}/restore`)).statusCode).toBe(409);
    expect(
      (await sec.get('/api/evaluations?kind=monthly_review')).json().items.map((i: { id: number }) => i.id),
    ).toEqual([again.id]);
    expect((await member.post('/api/evaluations', ev({ kind: 'monthly_review', period: '2026-05' }))).statusCode).toBe(
      403,
    );

    // Suggest: village A2 gets three closed requests (two rated) and one deleted.
    const mk = async (rating: string | null, del = false) => {
      const r = (
        await town.post('/api/requests', request({ orgId: fx.villageA2, level: 'on_the_spot', result: '已办' }))
      ).json();
      if (rating) await town.post(`/api/requests/${r.id}/rate`, { rating });
      if (del) await town.delete(`/api/requests/${r.id}`);
    };
    await mk('satisfied');
    await mk('fairly_satisfied');
    await mk(null);
    await mk('dissatisfied', true);
    const s = (
      await town.get(`/api/evaluations/suggest?org=${fx.villageA2}&kind=half_year_residents&period=2026-H1`)
    ).json();
    expect(s).toEqual({
      orgId: fx.villageA2,
      orgName: '南村党支部',
      kind: 'half_year_residents',
      period: '2026-H1',
      from: '2026-01-01',
      to: '2026-06-30',
      closed: 3,
      rated: 2,
      satisfied: 1,
      fairlySatisfied: 1,
      dissatisfied: 0,
    });
    expect(
      (await town.get(`/api/evaluations/suggest?org=${fx.villageA2}&kind=half_year_residents&period=2026-H2`)).json(),
    ).toMatchObject({ closed: 0, rated: 0 });
    expect((await town.get('/api/evaluations/suggest?kind=half_year_residents&period=2026-07')).json().error.code).toBe(
      'residents.bad_period',
    );
  });

  it('exports the list with its filters as Excel, numbers masked; members may not', async () => {
    const phone = '13912345678';
    await sec.post('/api/requests', request({ description: '导出用诉求', phone }));
    const listed = (await sec.get('/api/requests?q=' + encodeURIComponent('导出用'))).json();
    expect(listed.total).toBe(1);
    const x = await sec.request('GET', '/api/requests/export?q=' + encodeURIComponent('导出用'), undefined, {
      headers: { 'accept-language': 'en' },
    });
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as never);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Requests');
    expect(ws.rowCount).toBe(2);
    expect(ws.getRow(2).getCell(13).value).toBe('导出用诉求');
    expect(String(ws.getRow(2).getCell(12).value)).toBe('139****5678');
    expect(x.rawPayload.includes(Buffer.from(phone))).toBe(false);
    const all = (await sec.get('/api/requests?pageSize=1')).json().total;
    const whole = await sec.request('GET', '/api/requests/export');
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(whole.rawPayload as never);
    expect(wb2.worksheets[0]!.rowCount).toBe(all + 1);
    expect((await member.get('/api/requests/export')).statusCode).toBe(403);
  });
});
