/**
 * The public board on both databases: read without a session; a county or an organization's subtree (an unknown or
 * deleted organization is a 404; another county's organization never mixes in); names masked (张*, 欧阳**); and the
 * JSON holds no ID number, phone or full name of any member — every string checked against the members' own —
 * with the sources standing in for ratings, points and pledges handing it full names and numbers in free text.
 * Cached by the versions of its data: a write to points shows on the next read.
 */
import { maskName } from '@dangjian/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RankRow, useBoardSources } from '../../src/areas/assessment/board/board.sources.js';
import { bumpVersion } from '../../src/platform/data/versions.js';
import {
  type Client,
  dialects,
  type Fixture,
  insertCounty,
  openFixture,
  type TestEnv,
  testIdNumber,
} from '../harness.js';

describe('masking a name for the public', () => {
  it.each([
    ['张三', '张*'],
    ['张三丰', '张**'],
    ['欧阳娜娜', '欧阳**'],
    ['欧阳修', '欧阳*'],
    ['欧阳', '欧*'],
    ['王', '王*'],
    [' 李四 ', '李*'],
    ['', ''],
  ])('%s → %s', (name, masked) => expect(maskName(name)).toBe(masked));
});

/** Every string of a JSON value. */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
  return out;
}

describe.each(dialects())('the public board on %s', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  let county: Client;
  let people: { id: number; name: string; idNumber: string; phone: string; orgId: number }[];
  let points = 10;
  let restore: () => void;
  const anon = (url: string) => env.app.inject({ method: 'GET', url });

  beforeAll(async () => {
    ({ env, fx, county } = await openFixture(dialect, { county: 't-county' }));
    const rows = await env.ctx.db
      .selectFrom('members')
      .select(['id', 'name', 'id_number_enc', 'phone_enc', 'org_id'])
      .where('tenant_id', '=', fx.county)
      .execute();
    people = rows.map((r) => ({
      id: r.id,
      name: r.name,
      idNumber: env.ctx.vault.decrypt(r.id_number_enc),
      phone: r.phone_enc ? env.ctx.vault.decrypt(r.phone_enc) : '',
      orgId: r.org_id,
    }));
    // A member with a compound surname in 东村, to see 欧阳** on the board.
    const add = await county.post('/api/members', {
      orgId: fx.villageA1,
      name: '欧阳娜娜',
      idNumber: testIdNumber('female', '1990-01-01'),
      gender: 'female',
      joinedAt: '2015-07-01',
    });
    expect(add.statusCode, add.body).toBe(200);
    people.push({ id: add.json().id, name: '欧阳娜娜', idNumber: '', phone: '', orgId: fx.villageA1 });
    const who = (p: (typeof people)[number]) => `${p.name}（身份证${p.idNumber}，电话${p.phone}）`;
    restore = useBoardSources({
      publishedStarsOf: async (_db, tenantId) =>
        tenantId === fx.county
          ? [
              { orgId: fx.villageA1, orgName: '东村党支部', stars: 4, status: 'final' },
              { orgId: fx.villageA2, orgName: '南村党支部', stars: 2, status: 'published' },
              { orgId: fx.villageB1, orgName: '西村党支部', stars: 3, status: 'final' },
            ]
          : [],
      rankingOf: async (_db, _t, orgId) =>
        people
          .filter((p) => p.orgId === orgId)
          .map((p, i): RankRow => ({ memberId: p.id, name: p.name, points: points + i * 5 })),
      publishedPledgesOf: async (_db, tenantId) =>
        tenantId === fx.county
          ? people.map((p) => ({
              id: p.id,
              orgName: '东村党支部',
              memberName: p.name,
              title: `为群众办实事：${who(p)}`,
              status: 'fulfilled',
              fulfilledOn: '2026-05-01',
            }))
          : [],
      publishedPledgeCountsOf: async (_db, tenantId) =>
        tenantId === fx.county ? { total: people.length, fulfilled: people.length } : { total: 0, fulfilled: 0 },
    });
    const now = env.clock.now.toISOString();
    await env.ctx.db
      .insertInto('wishes')
      .values({
        tenant_id: fx.county,
        org_id: fx.villageA1,
        org_path: (
          await env.ctx.db
            .selectFrom('orgs')
            .select('org_path')
            .where('id', '=', fx.villageA1)
            .executeTakeFirstOrThrow()
        ).org_path,
        kind: 'wish',
        title: '赵六想要一台轮椅，电话13812345678',
        description: '腿脚不便',
        household_id: null,
        resident_name: '赵六',
        posted_via: 'phone',
        status: 'open',
        claimed_by_member_id: null,
        claimed_at: null,
        claim_due_at: null,
        fulfilled_at: null,
        fulfil_note: null,
        confirmed_at: null,
        phone_enc: env.ctx.vault.encrypt('13812345678'),
        phone_hash: env.ctx.vault.lookupHash('13812345678'),
        phone_masked: '138****5678',
        created_by: null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })
      .execute();
  });
  afterAll(async () => {
    restore?.();
    await env.close();
  });

  it('anyone reads the county board: stars, masked rankings, pledges, wishes', async () => {
    const res = await anon(`/api/public/board?county=${fx.county}&year=2026`);
    expect(res.statusCode, res.body).toBe(200);
    const b = res.json();
    expect(b.org).toEqual({ id: fx.county, name: '测试县委' });
    expect(b.stars.items.map((s: { stars: number }) => s.stars)).toEqual([4, 3, 2]);
    expect(b.stars.atLeast3).toBeCloseTo(2 / 3);
    expect(b.stars.rated).toBe(3);
    expect(b.stars.items[0].statusLabel.zh).toBe('已确定');
    const east = b.rankings.find((r: { orgId: number }) => r.orgId === fx.villageA1);
    expect(east.entries.map((e: { name: string }) => e.name)).toEqual(['欧阳**', '张*']);
    expect(east.entries[0]).toMatchObject({ rank: 1, points: 15 });
    expect(b.pledges.items[0].memberName).toMatch(/^.\*+$|^欧阳\*+$/);
    expect(b.pledges).toMatchObject({ total: people.length, fulfilled: people.length });
    expect(b.wishes.counts.find((c: { status: string }) => c.status === 'open').count).toBe(1);
    expect(b.wishes.items[0].title).not.toContain('赵六');
    expect(b.wishes.items[0].title).not.toContain('13812345678');
  });

  it('holds no ID number, phone or full name of any member', async () => {
    const b = (await anon(`/api/public/board?org=${fx.county}`)).json();
    const all = strings(b);
    expect(all.length).toBeGreaterThan(10);
    for (const p of people) {
      for (const s of all) {
        if (p.name.length >= 2) expect(s, `${p.name} in "${s}"`).not.toContain(p.name);
        if (p.idNumber) expect(s).not.toContain(p.idNumber);
        if (p.phone) expect(s).not.toContain(p.phone);
      }
    }
    expect(JSON.stringify(b)).not.toMatch(/1[3-9]\d{9}|\d{17}[\dXx]/);
  });

  it('a subtree, an unknown or deleted organization, another county', async () => {
    const east = (await anon(`/api/public/board?org=${fx.townA}`)).json();
    expect(east.org.id).toBe(fx.townA);
    expect(east.rankings.map((r: { orgId: number }) => r.orgId)).not.toContain(fx.villageB1);
    expect((await anon('/api/public/board?org=999999')).statusCode).toBe(404);
    const gone = (
      await county.post('/api/orgs', {
        parentId: fx.townA,
        name: '待撤销党支部',
        type: 'branch',
        field: 'rural',
        termStart: '2021-07-01',
        termEnd: '2026-07-01',
      })
    ).json().id;
    expect((await county.delete(`/api/orgs/${gone}`)).statusCode).toBe(200);
    expect((await anon(`/api/public/board?org=${gone}`)).statusCode).toBe(404);
    const other = await insertCounty(env.ctx.db, '邻县县委', env.clock.now.toISOString());
    // Two counties now: the board without one names none.
    expect((await anon('/api/public/board')).statusCode).toBe(404);
    expect((await anon(`/api/public/board?org=${fx.villageA1}&county=${other.id}`)).statusCode).toBe(404);
    const theirs = (await anon(`/api/public/board?county=${other.id}`)).json();
    expect(theirs.org.name).toBe('邻县县委');
    expect(theirs.stars.items).toEqual([]);
    expect(theirs.rankings).toEqual([]);
    expect(theirs.wishes.counts.every((c: { count: number }) => c.count === 0)).toBe(true);
  });

  it('cached until its data changes', async () => {
    const url = `/api/public/board?org=${fx.villageA1}&year=2026`;
    const first = (await anon(url)).json();
    points = 100;
    expect((await anon(url)).json()).toEqual(first);
    await bumpVersion(env.ctx.db, fx.county, 'points');
    const next = (await anon(url)).json();
    expect(next.rankings[0].entries[0].points).toBe(105);
  });

  it('reads the ratings, points and pledges modules themselves (nothing rated or pledged in the fixture)', async () => {
    restore();
    const res = await anon(`/api/public/board?org=${fx.townA}&year=2025`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().stars.items).toEqual([]);
    expect(res.json().pledges.items).toEqual([]);
    expect(res.json().pledges).toMatchObject({ total: 0, fulfilled: 0 });
  });
});
