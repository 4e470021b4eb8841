/**
 * Acceptance numbers (受理编号, issue 15): every request is numbered `YYYY-NNNNN`, unique per county and sequential
 * per year of its acceptance in China time; parallel creates never share a number; migration 014 numbers the
 * requests already there in the order they were accepted; the list finds a request by its number.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestTitle } from '@dangjian/contracts';
import { sql, type Kysely } from 'kysely';
import { nextRequestNo } from '../../src/areas/residents/requests/requests.repository.js';
import { requestNumbers014 } from '../../src/db/migrations/014_request_numbers.js';
import { dialects, insertCounty, type Client, type Fixture, type TestEnv } from '../harness.js';
import { openCounty, requestBody, signInRequests } from './fixtures.js';

describe.each(dialects())('request numbers on %s', (dialect) => {
  let env: TestEnv, fx: Fixture, sec: Client, county: Client;
  const create = async (over: Record<string, unknown> = {}) => {
    const res = await sec.post('/api/requests', requestBody(fx.villageA1, over));
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { id: number; requestNo: string };
  };
  const seqOf = (no: string) => Number(no.slice(5));

  beforeAll(async () => {
    ({ env, fx, sec, county } = await openCounty(dialect));
  });
  afterAll(() => env.close());

  it('numbers requests sequentially per China year, and per county', async () => {
    const a = await create();
    const b = await create();
    expect(a.requestNo).toMatch(/^2026-\d{5}$/);
    expect(seqOf(b.requestNo)).toBe(seqOf(a.requestNo) + 1);
    // A paper record of last New Year's Eve (23:30 in China) is the first of 2025; 00:30 the next day is 2026.
    const eve = await create({ acceptedAt: '2025-12-31T15:30:00.000Z' });
    expect(eve.requestNo).toBe('2025-00001');
    const newYear = await create({ acceptedAt: '2025-12-31T16:30:00.000Z' });
    expect(newYear.requestNo).toBe(`2026-${String(seqOf(b.requestNo) + 1).padStart(5, '0')}`);
    // Another county's numbering starts on its own.
    const other = await insertCounty(env.ctx.db, '另一县委', env.clock.now.toISOString());
    expect(await nextRequestNo(env.ctx.db, other.id, 2026)).toBe('2026-00001');
    expect(await nextRequestNo(env.ctx.db, fx.county, 2025)).toBe('2025-00002');
  });

  it('gives parallel creates distinct, consecutive numbers', async () => {
    const made = await Promise.all(Array.from({ length: 8 }, () => create()));
    const seqs = made.map((r) => seqOf(r.requestNo)).sort((x, y) => x - y);
    expect(new Set(seqs).size).toBe(8);
    expect(seqs[7]! - seqs[0]!).toBe(7);
  });

  it('titles a request by number, category and household, and finds it by its number', async () => {
    const r = await create({ category: 'livelihood', residentName: '赵大' });
    const detail = (await sec.get(`/api/requests/${r.id}`)).json();
    expect(requestTitle(detail).zh).toBe(`${r.requestNo} · 生产生活 · 赵大`);
    for (const q of [r.requestNo, `${r.requestNo.slice(0, 5)}${seqOf(r.requestNo)}`]) {
      const found = (await county.get(`/api/requests?q=${encodeURIComponent(q)}`)).json();
      expect(found.total, q).toBe(1);
      expect(found.items[0]).toMatchObject({ id: r.id, requestNo: r.requestNo });
    }
    expect((await county.get('/api/requests?q=2019-00001')).json().total).toBe(0);
  });

  it('the audit trail names a request by its title and records its number', async () => {
    const r = await create({ category: 'land', residentName: '钱六' });
    const { auditor } = await signInRequests(env);
    const res = await auditor.get('/api/audit?pageSize=100');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { id: number; action: string; entityId: string; entityName: string }[];
    const made = items.find((i) => i.action === 'request.create' && i.entityId === String(r.id))!;
    expect(made.entityName).toBe(`${r.requestNo} · 土地山林 · 钱六`);
    const one = (await auditor.get(`/api/audit/${made.id}`)).json();
    expect(one.changes.requestNo).toEqual({ before: null, after: r.requestNo });
  });

  it('migration 014 numbers the requests already there by acceptance, and new ones continue', async () => {
    const db = env.ctx.db as unknown as Kysely<any>;
    // The database as it stood before 014: no number column, index or counters.
    await sql`drop index requests_no`.execute(db);
    await db.schema.dropTable('request_numbers').execute();
    await db.schema.alterTable('requests').dropColumn('request_no').execute();
    const rows = await db
      .selectFrom('requests')
      .select(['id', 'accepted_at'])
      .where('tenant_id', '=', fx.county)
      .execute();
    await requestNumbers014.up(db, dialect);
    const after = await db
      .selectFrom('requests')
      .select(['id', 'accepted_at', 'request_no'])
      .where('tenant_id', '=', fx.county)
      .execute();
    expect(after).toHaveLength(rows.length);
    const byYear = new Map<string, typeof after>();
    for (const r of after) {
      const year = new Date(Date.parse(r.accepted_at) + 8 * 3600_000).getUTCFullYear().toString();
      byYear.set(year, [...(byYear.get(year) ?? []), r]);
    }
    expect([...byYear.keys()].sort()).toEqual(['2025', '2026']);
    for (const [year, list] of byYear) {
      list.sort((x, y) => (x.accepted_at < y.accepted_at ? -1 : x.accepted_at > y.accepted_at ? 1 : x.id - y.id));
      expect(list.map((r) => r.request_no)).toEqual(list.map((_, i) => `${year}-${String(i + 1).padStart(5, '0')}`));
    }
    const next = await create();
    expect(next.requestNo).toBe(`2026-${String(byYear.get('2026')!.length + 1).padStart(5, '0')}`);
  });
});
