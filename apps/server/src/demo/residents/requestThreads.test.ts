/**
 * The requests demo drawn on two threads (SQLite) writes exactly what one thread writes: the same rows, numbers,
 * events and tallies; the numbers run 1, 2, 3 … in each year across the chunks; and a failure in the second thread
 * ends the load with its error instead of a wait.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openFixture, type Fixture, type TestEnv } from '../../../test/harness.js';
import { insertHousehold } from '../../../test/residents/fixtures.js';
import { Bulk } from '../bulk.js';
import { Random } from '../random.js';
import { requestsPerDay } from './plan.js';
import { CHUNK_DAYS, type RequestsPlan } from './requestDraw.js';
import { requestThreads, writeRequests } from './requestThreads.js';

const NOW = Date.parse('2026-02-10T04:00:00Z');
const DAY = 86_400_000;

/** A plan of about 3,000 requests over 95 days (ten chunks, the last one short) across the new year. */
async function planFor(env: TestEnv, fx: Fixture): Promise<RequestsPlan> {
  const path = async (id: number) =>
    (await env.ctx.db.selectFrom('orgs').select('org_path').where('id', '=', id).executeTakeFirstOrThrow()).org_path;
  const households = [];
  for (const [i, org] of [fx.villageA1, fx.villageA1, fx.villageA2, fx.villageB1].entries()) {
    const id = await insertHousehold(env, fx.county, org, `户主${i}`, `1390000000${i}`);
    const row = await env.ctx.db
      .selectFrom('households')
      .select(['phone_enc', 'phone_hash', 'phone_masked'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    households.push({
      id,
      head: `户主${i}`,
      phoneEnc: row.phone_enc!,
      phoneHash: row.phone_hash!,
      phoneMasked: row.phone_masked!,
    });
  }
  const staff = (id: number, name: string) => [{ id, name }];
  const place = async (id: number, townshipKey: string, hhFrom: number, hhTo: number, member: number) => ({
    id,
    path: await path(id),
    townshipKey,
    hhFrom,
    hhTo,
    members: staff(member, '成员'),
  });
  const days = 95;
  const todayDay = Math.floor((NOW + 8 * 3_600_000) / DAY);
  const firstDay = todayDay - days + 1;
  return {
    tenant: fx.county,
    now: NOW,
    seed: 42,
    firstDay,
    perDay: requestsPerDay(3_000, firstDay, days, new Random(9)),
    firstId: 1,
    places: [
      await place(fx.villageA1, 'a', 0, 2, fx.memberIn.villageA1),
      await place(fx.villageA2, 'a', 2, 3, fx.memberIn.villageA2),
      await place(fx.villageB1, 'b', 3, 4, fx.memberIn.villageB1),
    ],
    townships: [
      ['a', { id: fx.townA, path: await path(fx.townA), staff: staff(fx.memberIn.townA, '东乡乙') }],
      ['b', { id: fx.townB, path: await path(fx.townB), staff: staff(fx.memberIn.townB, '西乡丙') }],
    ],
    households,
  };
}

describe('the requests demo on two threads', { timeout: 120_000 }, () => {
  const envs: TestEnv[] = [];
  // One plan for every database: the fixtures are alike, and the phones are copied from the plan's households.
  let plan: RequestsPlan;
  const open = async () => {
    const { env, fx } = await openFixture('sqlite', {});
    envs.push(env);
    plan ??= await planFor(env, fx);
    return { env, plan };
  };
  const rows = (env: TestEnv) => env.ctx.db.selectFrom('requests').selectAll().orderBy('id').execute();
  const saved = requestThreads.fromRows;
  afterEach(() => {
    requestThreads.fromRows = saved;
  });
  afterAll(async () => {
    for (const env of envs) await env.close();
  });

  let one: Awaited<ReturnType<typeof writeRequests>>;
  let oneRows: Awaited<ReturnType<typeof rows>>;
  beforeAll(async () => {
    const { env, plan } = await open();
    requestThreads.fromRows = Number.POSITIVE_INFINITY;
    one = await writeRequests(env.ctx, new Bulk(env.ctx), plan);
    oneRows = await rows(env);
  });

  it('writes the same rows, events and tallies as one thread', async () => {
    const { env, plan } = await open();
    requestThreads.fromRows = 0;
    const two = await writeRequests(env.ctx, new Bulk(env.ctx), plan);
    expect(plan.perDay.length / CHUNK_DAYS).toBeGreaterThan(9);
    expect(oneRows.length).toBeGreaterThan(2_500);
    expect(await rows(env)).toEqual(oneRows);
    expect(two).toEqual(one);
  });

  it('numbers each year 1, 2, 3 … in the order of acceptance across the chunks', () => {
    const years = new Map<string, { no: number; at: string }[]>();
    for (const r of oneRows) {
      const [year, no] = r.request_no.split('-');
      years.set(year!, [...(years.get(year!) ?? []), { no: Number(no), at: r.accepted_at }]);
    }
    expect([...years.keys()].sort()).toEqual(['2025', '2026']);
    for (const list of years.values()) {
      const byNo = [...list].sort((a, b) => a.no - b.no);
      expect(byNo.map((x) => x.no)).toEqual(byNo.map((_, i) => i + 1));
      const ats = byNo.map((x) => x.at);
      expect(ats).toEqual([...ats].sort());
    }
    const last = new Map<number, number>();
    for (const [year, no] of one.flatMap((c) => c.lastNo)) last.set(year, Math.max(no, last.get(year) ?? 0));
    expect(Object.fromEntries(last)).toEqual({ 2025: years.get('2025')!.length, 2026: years.get('2026')!.length });
  });

  it('ends with the second thread error when it cannot write its rows', async () => {
    const { env, plan } = await open();
    requestThreads.fromRows = 0;
    // The first request of the second chunk (the second thread's) is already there: its insert breaks the key.
    const firstOfChunk1 = plan.firstId + plan.perDay.slice(0, CHUNK_DAYS).reduce((a, b) => a + b, 0);
    const taken = oneRows.find((r) => r.id === firstOfChunk1)!;
    await env.ctx.db.insertInto('requests').values(taken).execute();
    await expect(writeRequests(env.ctx, new Bulk(env.ctx), plan)).rejects.toThrow(/UNIQUE constraint failed/);
  });
});
