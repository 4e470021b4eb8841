/**
 * Rules as data, once: every rule set read and changed through `/api/rules`, overrides by year that carry forward,
 * constraints refused with a clear code, capabilities, the audit record, the migration of the two old override
 * tables (011), and the old paths still answering.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openDatabase, type DialectName } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';
import { MIGRATIONS } from '../../src/db/migrations/index.js';
import { ruleSet, rulesAt } from '../../src/platform/rules.js';
import { MEETING_RULES } from '../../src/areas/life/meetings/meetings.rules.js';
import { RESIDENTS_RULES } from '../../src/areas/residents/common/residents.rules.js';
import { dialects, login, pgAdminQuery, type Client, type TestEnv, openFixture } from '../harness.js';

interface KeyView {
  key: string;
  value: unknown;
  default: unknown;
  source: string;
  since: number | null;
  reason: string | null;
  schema: { minimum?: number; maximum?: number };
}
const keyOf = (body: { keys: KeyView[] }, key: string) => body.keys.find((k) => k.key === key)!;

describe.each(dialects())('rules on %s', (dialect) => {
  let env: TestEnv, county: Client, town: Client, member: Client;
  beforeAll(async () => {
    const logins = { county: 't-county', town: 't-town-a', member: 't-member-a1' };
    ({ env, county, town, member } = await openFixture(dialect, logins));
  });
  afterAll(async () => {
    await env?.close();
  });

  it('lists every rule set with its labels, as far as the caller may read it', async () => {
    const all = (await county.get('/api/rules')).json();
    expect(all.items).toEqual(
      expect.arrayContaining([
        { name: 'meetings', label: { zh: '组织生活制度要求', en: expect.any(String) }, canEdit: true, keys: 9 },
        { name: 'residents', label: { zh: '为民服务规则', en: 'Service rules' }, canEdit: true, keys: 13 },
      ]),
    );
    const mine = (await member.get('/api/rules')).json();
    // A member reads how its meetings, its points, its learning lists, its stars and a cadre's retraining are judged,
    // never edits them.
    expect(mine.items.map((s: { name: string }) => s.name)).toEqual([
      'meetings',
      'meeting_timing',
      'points',
      'learning',
      'ratings',
      'retraining',
    ]);
    expect(mine.items[0].canEdit).toBe(false);
    // The auditor reads no business data, rules included (三员分立).
    expect((await (await login(env.app, 't-auditor')).get('/api/rules')).statusCode).toBe(403);
  });

  it('answers the defaults with their schema where the county set nothing', async () => {
    const r = (await county.get('/api/rules/residents?year=2026')).json();
    expect(r).toMatchObject({ name: 'residents', year: 2026, canEdit: true, history: [] });
    expect(keyOf(r, 'groupSizeMax')).toMatchObject({
      value: 7,
      default: 7,
      source: 'default',
      since: null,
      schema: { type: 'integer', minimum: 0, maximum: 1000 },
    });
    expect(r.ordered).toContainEqual(['groupSizeMin', 'groupSizeMax']);
    const m = (await member.get('/api/rules/meetings')).json();
    expect(m.year).toBe(2026); // the test clock's year in China
    expect(keyOf(m, 'heart_to_heart')).toMatchObject({ value: { every: 'year', min: 1, perMember: true } });
    // The path names only registered sets (a schema enum, as OpenAPI shows); the service refuses others by code.
    expect((await county.get('/api/rules/nothing')).statusCode).toBe(400);
    expect(() => ruleSet('nothing')).toThrow(expect.objectContaining({ code: 'rules.unknown_set', status: 404 }));
    expect((await county.get('/api/rules/residents?year=1999')).statusCode).toBe(400);
  });

  it('carries an override into later years until a later one; earlier years keep theirs', async () => {
    const set = await county.patch('/api/rules/residents', {
      year: 2027,
      values: { studiedDays: 10 },
      reason: '县委常委会决定',
    });
    expect(set.statusCode).toBe(200);
    expect(keyOf(set.json(), 'studiedDays')).toMatchObject({ value: 10, source: 'county', since: 2027 });
    const at = async (year: number) =>
      keyOf((await county.get(`/api/rules/residents?year=${year}`)).json(), 'studiedDays');
    expect(await at(2026)).toMatchObject({ value: 7, source: 'default' });
    expect(await at(2030)).toMatchObject({ value: 10, since: 2027, reason: '县委常委会决定' });
    await county.patch('/api/rules/residents', { year: 2029, values: { studiedDays: 12 }, reason: '再调整' });
    expect((await at(2028)).value).toBe(10);
    expect((await at(2029)).value).toBe(12);
    expect((await at(2035)).value).toBe(12);
    // Back to the default from 2030 on: 2029 keeps its value, 2031 follows the default.
    const reset = await county.delete('/api/rules/residents/studiedDays?year=2030&reason=%E6%81%A2%E5%A4%8D');
    expect(reset.statusCode).toBe(200);
    expect(await at(2031)).toMatchObject({ value: 7, source: 'default', since: 2030 });
    expect((await at(2029)).value).toBe(12);
    // The rules the services read follow the same years.
    expect((await rulesAt<{ studiedDays: number }>(env.ctx.db, 'residents', 1, 2028)).studiedDays).toBe(10);
    // Back to the default in 2029 too: its own override goes, and 2027's would carry, so a reset holds it.
    await county.delete('/api/rules/residents/studiedDays?year=2029');
    expect(await at(2029)).toMatchObject({ value: 7, source: 'default', since: 2029 });
    expect((await at(2028)).value).toBe(10);
    const history = (await county.get('/api/rules/residents')).json().history;
    expect(history.map((h: { year: number; reset: boolean }) => [h.year, h.reset])).toEqual([
      [2030, true],
      [2029, true],
      [2027, false],
    ]);
    // Nothing carries once 2027's goes: the resets are dropped rather than kept.
    for (const y of [2027, 2029, 2030]) await county.delete(`/api/rules/residents/studiedDays?year=${y}`);
    expect((await county.get('/api/rules/residents')).json().history).toEqual([]);
  });

  it('refuses values outside the schema and contradicting constraints with a clear code; nothing changes', async () => {
    const bad = await county.patch('/api/rules/residents', { year: 2026, values: { groupSizeMax: 1001 }, reason: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({
      code: 'rules.bad_value',
      message: '规则取值不符合要求（类型或范围不对）',
      details: { key: 'groupSizeMax', minimum: 0, maximum: 1000 },
    });
    const text = await county.patch('/api/rules/residents', { year: 2026, values: { studiedDays: '7' }, reason: 'x' });
    expect(text.json().error.code).toBe('rules.bad_value');
    const order = await county.patch('/api/rules/residents', {
      year: 2026,
      values: { groupSizeMin: 8 },
      reason: 'x',
    });
    expect(order.statusCode).toBe(400);
    expect(order.json().error).toMatchObject({
      code: 'rules.order',
      details: { key: 'groupSizeMin', mustNotExceed: 'groupSizeMax', year: 2026 },
    });
    // A later year's override is checked too: a max of 4 from 2028 contradicts a min of 5 from 2026.
    await county.patch('/api/rules/residents', { year: 2028, values: { groupSizeMax: 4 }, reason: 'x' });
    const later = await county.patch('/api/rules/residents', { year: 2026, values: { groupSizeMin: 5 }, reason: 'x' });
    expect(later.json().error).toMatchObject({ code: 'rules.order', details: { year: 2028 } });
    await county.delete('/api/rules/residents/groupSizeMax?year=2028');
    const unknown = await county.patch('/api/rules/residents', { year: 2026, values: { nope: 1 }, reason: 'x' });
    expect(unknown.json().error.code).toBe('rules.unknown_key');
    const proto = await county.patch('/api/rules/residents', { year: 2026, values: { constructor: 1 }, reason: 'x' });
    expect(proto.json().error.code).toBe('rules.unknown_key');
    expect((await county.delete('/api/rules/residents/constructor')).statusCode).toBe(400);
    // A key of another set is no key of this one.
    expect((await county.delete('/api/rules/residents/theme_day')).json().error.code).toBe('rules.unknown_key');
    const noReason = await county.patch('/api/rules/residents', { year: 2026, values: { studiedDays: 8 } });
    expect(noReason.statusCode).toBe(400);
    const meeting = await county.patch('/api/rules/meetings', {
      year: 2026,
      values: { theme_day: { every: 'week', min: 1 } },
      reason: 'x',
    });
    expect(meeting.json().error.code).toBe('rules.bad_value');
    expect((await county.get('/api/rules/residents')).json().history).toEqual([]);
  });

  it('lets only the write capability change a set: a township admin and a member are refused', async () => {
    const body = { year: 2026, values: { reopenLimit: 2 }, reason: 'x' };
    expect((await town.patch('/api/rules/residents', body)).statusCode).toBe(403);
    expect((await member.patch('/api/rules/residents', body)).statusCode).toBe(403);
    expect((await member.get('/api/rules/residents')).statusCode).toBe(403);
    expect((await town.request('DELETE', '/api/rules/residents/reopenLimit')).statusCode).toBe(403);
    const theme = { year: 2026, values: { theme_day: { every: 'month', min: 1, fixedDay: 5 } }, reason: 'x' };
    expect((await town.patch('/api/rules/meetings', theme)).statusCode).toBe(403);
    expect((await member.patch('/api/rules/meetings', theme)).statusCode).toBe(403);
    expect((await member.get('/api/rules/meetings')).statusCode).toBe(200);
    expect((await county.get('/api/rules/residents')).json().history).toEqual([]);
  });

  it('audits every change with the values before and after and the reason', async () => {
    const set = await county.patch('/api/rules/meetings', {
      year: 2026,
      values: { party_lecture: null },
      reason: '本年度党课并入主题党日',
    });
    expect(keyOf(set.json(), 'party_lecture')).toMatchObject({ value: null, source: 'county' });
    const row = await env.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'rules.set')
      .where('entity_id', '=', 'meetings/2026')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ entity_type: 'rules', detail: '本年度党课并入主题党日' });
    expect(JSON.parse(row.changes!)).toEqual({
      party_lecture: { before: { every: 'quarter', min: 1 }, after: null },
    });
    // The old path sees the same override: a waived kind, set by the county.
    const old = (await county.get('/api/meeting-rules?year=2027')).json();
    expect(old.rules.find((r: { kind: string }) => r.kind === 'party_lecture')).toMatchObject({
      rule: null,
      source: 'county',
    });
    await county.delete('/api/rules/meetings/party_lecture?year=2026');
    const refused = await env.ctx.db
      .selectFrom('audit_log')
      .select(['success'])
      .where('action', '=', 'rules.set')
      .where('success', '=', 0)
      .execute();
    expect(refused.length).toBeGreaterThan(0); // the refusals above are audited as failures
  });

  it('keeps the old paths answering as before, over the same overrides', async () => {
    const patched = await county.patch('/api/service-rules', { wishClaimDays: 3 });
    expect(patched.json()).toMatchObject({ rules: { wishClaimDays: 3 }, overridden: ['wishClaimDays'] });
    expect(keyOf((await county.get('/api/rules/residents')).json(), 'wishClaimDays')).toMatchObject({
      value: 3,
      since: 2026,
    });
    expect((await county.patch('/api/service-rules', { groupSizeMin: 9 })).json().error.code).toBe(
      'residents.bad_rule',
    );
    expect((await county.delete('/api/service-rules/wishClaimDays')).json().rules.wishClaimDays).toBe(14);
    const put = await county.request('PUT', '/api/meeting-rules/2026/theme_day', {
      rule: { every: 'month', min: 1, fixedDay: 5 },
    });
    expect(put.statusCode).toBe(200);
    expect(keyOf((await member.get('/api/rules/meetings?year=2026')).json(), 'theme_day')).toMatchObject({
      value: { fixedDay: 5 },
      source: 'county',
    });
    expect((await town.request('PUT', '/api/meeting-rules/2026/theme_day', { rule: null })).statusCode).toBe(403);
  });
});

/** A fresh, empty database of a dialect (PostgreSQL: its own database on the test server). */
async function freshDatabase(dialect: DialectName) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dj-rules-'));
  let databaseUrl: string | null = null;
  let name = '';
  if (dialect === 'postgres') {
    name = `dj_r_${crypto.randomBytes(6).toString('hex')}`;
    await pgAdminQuery(`create database ${name}`);
    databaseUrl = inject('pgUrl').replace(/\/[^/]*$/, `/${name}`);
  }
  const database = openDatabase({ dataDir, databaseUrl, poolSize: 2 });
  return {
    database,
    close: async () => {
      await database.close();
      if (name) await pgAdminQuery(`drop database if exists ${name} with (force)`);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

describe.each(dialects())('migration 011 on %s', (dialect) => {
  it('moves both old override tables into rule_overrides, keeping every year’s results, and drops them', async () => {
    const fresh = await freshDatabase(dialect);
    try {
      const { db } = fresh.database;
      // The schema as it stood at 010, the way the runner applies it.
      await sql`create table if not exists schema_migrations (name text primary key, applied_at text not null)`.execute(
        db,
      );
      for (const m of MIGRATIONS.slice(
        0,
        MIGRATIONS.findIndex((x) => x.name === '011_rules'),
      ))
        await db.transaction().execute(async (trx) => {
          await m.up(trx, dialect);
          await sql`insert into schema_migrations (name, applied_at) values (${m.name}, ${'2026-01-01'})`.execute(trx);
        });
      const theme = JSON.stringify({ every: 'month', min: 1, fixedDay: 5 });
      await sql`insert into meeting_rule_overrides (tenant_id, year, kind, rule, updated_at, updated_by) values
        (7, 2024, 'theme_day', ${theme}, '2024-01-02T00:00:00.000Z', 3),
        (7, 2025, 'theme_day', ${theme}, '2025-01-02T00:00:00.000Z', 3),
        (7, 2025, 'party_lecture', null, '2025-01-02T00:00:00.000Z', null)`.execute(db);
      await sql`insert into residents_rule_overrides (tenant_id, rule, value, updated_at, updated_by) values
        (7, 'studiedDays', '5', '2024-12-31T17:00:00.000Z', 3),
        (8, 'groupPoorMin', '0', '2025-03-01T00:00:00.000Z', null)`.execute(db);

      // 011 runs first (and the later migrations after it).
      expect((await migrate(fresh.database))[0]).toBe('011_rules');

      const rows = await db
        .selectFrom('rule_overrides')
        .select(['tenant_id', 'rule_set', 'key', 'year', 'value', 'updated_by'])
        .orderBy('tenant_id')
        .orderBy('rule_set')
        .orderBy('key')
        .orderBy('year')
        .execute();
      expect(rows).toEqual([
        { tenant_id: 7, rule_set: 'meetings', key: 'party_lecture', year: 2025, value: 'null', updated_by: null },
        { tenant_id: 7, rule_set: 'meetings', key: 'party_lecture', year: 2026, value: null, updated_by: null },
        { tenant_id: 7, rule_set: 'meetings', key: 'theme_day', year: 2024, value: theme, updated_by: 3 },
        { tenant_id: 7, rule_set: 'meetings', key: 'theme_day', year: 2025, value: theme, updated_by: 3 },
        { tenant_id: 7, rule_set: 'meetings', key: 'theme_day', year: 2026, value: null, updated_by: 3 },
        // Set at 01:00 on 1 January 2025 in China: the year it was set in, China time.
        { tenant_id: 7, rule_set: 'residents', key: 'studiedDays', year: 2025, value: '5', updated_by: 3 },
        { tenant_id: 8, rule_set: 'residents', key: 'groupPoorMin', year: 2025, value: '0', updated_by: null },
      ]);
      // Each year reads as it did: an old meeting override held for its own year only.
      const meetings = (y: number) => rulesAt<Record<string, unknown>>(db, MEETING_RULES.name, 7, y);
      expect((await meetings(2023)).theme_day).toEqual({ every: 'month', min: 1, fixedDay: null });
      expect((await meetings(2025)).theme_day).toEqual({ every: 'month', min: 1, fixedDay: 5 });
      expect((await meetings(2025)).party_lecture).toBeNull();
      expect((await meetings(2026)).theme_day).toEqual({ every: 'month', min: 1, fixedDay: null });
      expect((await meetings(2026)).party_lecture).toEqual({ every: 'quarter', min: 1 });
      const residents = (t: number, y: number) => rulesAt<Record<string, number>>(db, RESIDENTS_RULES.name, t, y);
      expect((await residents(7, 2026)).studiedDays).toBe(5);
      expect((await residents(7, 2024)).studiedDays).toBe(7);
      expect((await residents(8, 2027)).groupPoorMin).toBe(0);
      for (const old of ['meeting_rule_overrides', 'residents_rule_overrides'])
        await expect(sql`select count(*) from ${sql.table(old)}`.execute(db)).rejects.toThrow();
    } finally {
      await fresh.close();
    }
  });
});
