/**
 * Accountability records (问责) on both databases: visible only to those with the right — a branch secretary and a
 * member get 403 on every route, a sibling township 404 on another's record and nothing of it in its list; the
 * target rules (an organization or a person, a punishment's kind, one link); soft delete and restore with audit;
 * the figure by kind, units and persons.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProblem } from '../../src/areas/supervision/problems/problems.service.js';
import { type Client, dialects, type Fixture, openFixture, type TestEnv } from '../harness.js';

describe.each(dialects())('accountability on %s', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  let county: Client;
  let townA: Client;
  let townB: Client;
  let secA1: Client;
  let memberA1: Client;
  let unitId: number;
  let personId: number;
  beforeAll(async () => {
    ({ env, fx, county, townA, townB, secA1, memberA1 } = await openFixture(dialect, {
      county: 't-county',
      townA: 't-town-a',
      townB: 't-town-b',
      secA1: 't-sec-a1',
      memberA1: 't-member-a1',
    }));
    const unit = await townA.post('/api/accountability', {
      kind: 'public_criticism',
      targetKind: 'org',
      targetOrgId: fx.villageA1,
      reason: '三会一课落实不到位，问题整改逾期',
      decidedOn: '2026-05-20',
    });
    expect(unit.statusCode, unit.body).toBe(200);
    unitId = unit.json().id;
    const person = await townA.post('/api/accountability', {
      kind: 'punishment',
      subKind: '党内警告',
      targetKind: 'person',
      memberId: fx.memberIn.villageA1,
      personPost: '村党支部书记',
      reason: '违规发展党员',
      decidedOn: '2026-06-01',
    });
    expect(person.statusCode, person.body).toBe(200);
    personId = person.json().id;
  });
  afterAll(() => env.close());

  it('records a unit and a person, counted under their organizations, decided by the caller', async () => {
    const unit = (await townA.get(`/api/accountability/${unitId}`)).json();
    expect(unit).toMatchObject({
      orgId: fx.villageA1,
      targetOrgId: fx.villageA1,
      targetKind: 'org',
      personName: null,
      decidedByOrgId: fx.townA,
    });
    const person = (await townA.get(`/api/accountability/${personId}`)).json();
    expect(person).toMatchObject({ orgId: fx.villageA1, memberId: fx.memberIn.villageA1, subKind: '党内警告' });
    expect(person.personName).toBeTruthy();
  });

  it('answers 403 to a branch secretary and a member on every route', async () => {
    for (const who of [secA1, memberA1]) {
      expect((await who.get('/api/accountability')).statusCode).toBe(403);
      expect((await who.get(`/api/accountability/${unitId}`)).statusCode).toBe(403);
      expect((await who.get('/api/accountability/export')).statusCode).toBe(403);
      expect((await who.get('/api/accountability/summary?from=2026-01-01&to=2026-12-31')).statusCode).toBe(403);
      const body = {
        kind: 'reminder',
        targetKind: 'org',
        targetOrgId: fx.villageA1,
        reason: 'x',
        decidedOn: '2026-06-01',
      };
      expect((await who.post('/api/accountability', body)).statusCode).toBe(403);
      expect((await who.patch(`/api/accountability/${unitId}`, { reason: 'y' })).statusCode).toBe(403);
      expect((await who.delete(`/api/accountability/${unitId}`)).statusCode).toBe(403);
    }
  });

  it('keeps a township out of a sibling township’s records (404, nothing listed)', async () => {
    expect((await townB.get(`/api/accountability/${unitId}`)).statusCode).toBe(404);
    expect((await townB.patch(`/api/accountability/${unitId}`, { reason: 'y' })).statusCode).toBe(404);
    expect((await townB.delete(`/api/accountability/${unitId}`)).statusCode).toBe(404);
    const list = (await townB.get('/api/accountability')).json();
    expect(list.items.map((x: { id: number }) => x.id)).not.toContain(unitId);
    expect((await townB.get(`/api/accountability?org=${fx.villageA1}`)).statusCode).toBe(404);
    const outside = await townB.post('/api/accountability', {
      kind: 'reminder',
      targetKind: 'org',
      targetOrgId: fx.villageA1,
      reason: 'x',
      decidedOn: '2026-06-01',
    });
    expect(outside.statusCode).toBe(404);
    // The county sees both townships'.
    expect((await county.get('/api/accountability')).json().total).toBeGreaterThanOrEqual(2);
  });

  it('refuses mixed or missing targets, a punishment without its kind, two links, a future date', async () => {
    const base = { kind: 'interview', reason: '约谈', decidedOn: '2026-06-01' };
    const cases: [Record<string, unknown>, string][] = [
      [{ targetKind: 'org' }, 'accountability.target_required'],
      [{ targetKind: 'org', targetOrgId: fx.villageA1, personName: '张三' }, 'accountability.target_mixed'],
      [{ targetKind: 'person', personName: '张三' }, 'accountability.org_required'],
      [{ targetKind: 'person', targetOrgId: fx.villageA1 }, 'accountability.target_mixed'],
      [{ targetKind: 'org', targetOrgId: fx.villageA1, kind: 'punishment' }, 'accountability.sub_kind_required'],
      [{ targetKind: 'org', targetOrgId: fx.villageA1, subKind: '警告' }, 'accountability.sub_kind_only_punishment'],
      [{ targetKind: 'org', targetOrgId: fx.villageA1, decidedOn: '2026-07-01' }, 'accountability.future_date'],
      [{ targetKind: 'org', targetOrgId: fx.villageA1, problemId: 1, markId: 1 }, 'accountability.one_link'],
      [{ targetKind: 'org', targetOrgId: fx.villageA1, problemId: 999999 }, 'accountability.link_unknown'],
      [{ targetKind: 'org', targetOrgId: fx.townA, decidedByOrgId: fx.villageA1 }, 'accountability.decider_not_above'],
    ];
    for (const [body, code] of cases) {
      const res = await townA.post('/api/accountability', { ...base, ...body });
      expect(res.json().error?.code, JSON.stringify(body)).toBe(code);
    }
  });

  it('links a record to a problem and an inspection of the scope', async () => {
    const u = await env.ctx.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', fx.users.townA.id)
      .executeTakeFirstOrThrow();
    const actor = {
      userId: u.id,
      username: u.username,
      displayName: u.display_name,
      role: 'township_admin' as const,
      tenantId: u.tenant_id,
      orgId: u.org_id,
      orgPath: u.org_path,
      memberId: null,
      locale: 'zh-CN',
      ip: null,
    };
    const problem = await openProblem(env.ctx, actor, {
      orgId: fx.villageA2,
      source: 'self_inspection',
      category: 'conduct',
      title: '值班制度落实不到位',
    });
    const linked = await townA.post('/api/accountability', {
      kind: 'reminder',
      targetKind: 'org',
      targetOrgId: fx.villageA2,
      reason: '整改不力',
      decidedOn: '2026-06-10',
      problemId: problem.id,
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect((await townA.get(`/api/accountability?problemId=${problem.id}`)).json().total).toBe(1);
    // Another township's problem is not one to link.
    const far = await townB.post('/api/accountability', {
      kind: 'reminder',
      targetKind: 'org',
      targetOrgId: fx.villageB1,
      reason: 'x',
      decidedOn: '2026-06-10',
      problemId: problem.id,
    });
    expect(far.json().error.code).toBe('accountability.link_unknown');
    const i = await townA.post('/api/inspections', {
      orgId: fx.townA,
      kind: 'unannounced',
      title: '作风暗访',
      startsOn: '2026-06-01',
      endsOn: '2026-06-05',
      team: [{ name: '王督查', title: '组长', leader: true }],
    });
    const withInspection = await townA.post('/api/accountability', {
      kind: 'inquiry',
      targetKind: 'person',
      personName: '赵某',
      personPost: '村委会主任',
      orgId: fx.villageA2,
      reason: '暗访发现脱岗',
      decidedOn: '2026-06-06',
      inspectionId: i.json().id,
    });
    expect(withInspection.statusCode, withInspection.body).toBe(200);
    expect(withInspection.json()).toMatchObject({ inspectionTitle: '作风暗访', personName: '赵某' });
    // Another township's inspection is not one to link.
    const other = await townB.post('/api/accountability', {
      kind: 'inquiry',
      targetKind: 'org',
      targetOrgId: fx.villageB1,
      reason: 'x',
      decidedOn: '2026-06-06',
      inspectionId: i.json().id,
    });
    expect(other.json().error.code).toBe('accountability.link_unknown');
  });

  it('soft-deletes and restores with audit', async () => {
    expect((await townA.delete(`/api/accountability/${unitId}`)).statusCode).toBe(200);
    expect((await townA.get('/api/accountability?kind=public_criticism')).json().total).toBe(0);
    expect((await townA.get('/api/accountability?deleted=true')).json().total).toBe(1);
    expect((await townA.post(`/api/accountability/${unitId}/restore`)).statusCode).toBe(200);
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'accountability_record')
      .where('entity_id', '=', String(unitId))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'accountability.create',
      'accountability.delete',
      'accountability.restore',
    ]);
    const x = await townA.get('/api/accountability/export');
    expect(x.statusCode).toBe(200);
  });

  it('counts the figure by kind: units and persons', async () => {
    const res = await county.get(`/api/accountability/summary?org=${fx.county}&from=2026-01-01&to=2026-12-31`);
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json();
    const byKind = Object.fromEntries(f.byKind.map((k: { kind: string }) => [k.kind, k]));
    expect(byKind.public_criticism).toEqual({ kind: 'public_criticism', records: 1, units: 1, persons: 0 });
    expect(byKind.punishment).toEqual({ kind: 'punishment', records: 1, units: 0, persons: 1 });
    expect(f.total.records).toBe(f.total.units + f.total.persons);
    const a = f.rows.find((r: { orgId: number }) => r.orgId === fx.townA);
    expect(a.byKind.punishment).toBe(1);
    const b = f.rows.find((r: { orgId: number }) => r.orgId === fx.townB);
    expect(b.records).toBe(0);
    const spring = await county.get(`/api/accountability/summary?from=2026-05-01&to=2026-05-31`);
    expect(spring.json().total).toMatchObject({ records: 1, units: 1, persons: 0 });
  });
});
