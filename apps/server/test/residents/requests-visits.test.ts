import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, openFixture, type Client, type Fixture, type TestEnv } from '../harness.js';

import { DAY, requestBody, seedRequests, signInRequests, tinyPng as png } from './fixtures.js';

describe.each(dialects())(
  'visits, requests and evaluations: visits, quotas, evaluations and export on %s',
  (dialect) => {
    let env: TestEnv, fx: Fixture;
    let county: Client, town: Client, townB: Client, sec: Client, member: Client;
    const hh: number[] = [];
    let townOrganMember = 0;
    let countyOrganMember = 0;
    const request = (over: Record<string, unknown> = {}) => requestBody(fx.villageA1, over);

    const signIn = async () => {
      ({ county, town, townB, sec, member } = await signInRequests(env));
    };

    beforeAll(async () => {
      ({ env, fx } = await openFixture(dialect));
      // The clock where the requests' tests leave it: visits are dated in the week after the fixture's day.
      env.clock.advance(7 * DAY + 60_000 + 3 * 3_600_000);
      await signIn();
      const seeded = await seedRequests(env, fx, county);
      ({ townOrganMember, countyOrganMember } = seeded);
      hh.push(...seeded.hh);
    });
    afterAll(() => env.close());

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

      const up = await sec.upload(`/api/visits/${v.id}/photos`, png(), 'a.png', 'image/png');
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
      expect(q.villagesShort).toEqual([{ orgId: fx.villageB1, orgName: '西村', visits: 0 }]);

      await county.patch('/api/service-rules', { villageVisitsPerQuarter: 2 });
      const t = (await town.get('/api/visits/quotas?week=2026-W25&quarter=2026-Q2')).json();
      expect(t.villages).toBe(2);
      expect(t.villagesShort).toEqual([{ orgId: fx.villageA2, orgName: '南村', visits: 1 }]);
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

    it("keeps the three evaluations to their rules; suggests the residents' counts from closed requests", async () => {
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
      expect(
        (await member.post('/api/evaluations', ev({ kind: 'monthly_review', period: '2026-05' }))).statusCode,
      ).toBe(403);

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
      expect(
        (await town.get('/api/evaluations/suggest?kind=half_year_residents&period=2026-07')).json().error.code,
      ).toBe('residents.bad_period');
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
      expect(ws.getRow(1).getCell(1).value).toBe('Acceptance no.');
      expect(ws.getRow(2).getCell(1).value).toBe(listed.items[0].requestNo);
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
  },
);
