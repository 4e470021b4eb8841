/**
 * Places are places (issue 15): a village-level organization carries its place's name (migration 013 fills it from
 * today's names, the org service from a new one), residents' lists and pickers show villages, never committees or
 * sub-branches, and organs' branches are not ranked by household coverage.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { places013 } from '../../src/db/migrations/013_places.js';
import { dialects, type Client, type Fixture, type TestEnv } from '../harness.js';
import { openCounty, signIn } from './fixtures.js';

describe.each(dialects())('places: villages named as villages on %s', (dialect) => {
  let env: TestEnv, fx: Fixture;
  let county: Client, town: Client, townB: Client, sec: Client;
  let general = 0;
  let sub = 0;
  let organs = 0;
  let organ = 0;
  beforeAll(async () => {
    ({ env, fx, county, town, townB, sec } = await openCounty(dialect));
    const org = async (body: Record<string, unknown>) => {
      const res = await county.post('/api/orgs', body);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().id as number;
    };
    general = await org({ parentId: fx.townA, name: '大岭村党总支', type: 'general_branch', field: 'rural' });
    sub = await org({ parentId: general, name: '大岭村第二党支部', type: 'branch', field: 'rural' });
    organs = await org({ parentId: fx.county, name: '测试县直机关工委', type: 'committee', field: 'organ' });
    organ = await org({ parentId: organs, name: '测试县财政局党支部', type: 'branch', field: 'organ' });
  });
  afterAll(() => env.close());

  const placeNames = async () =>
    new Map(
      (await env.ctx.db.selectFrom('orgs').select(['id', 'place_name']).execute()).map((o) => [o.id, o.place_name]),
    );

  it('migration 013 fills the place names from today’s organization names', async () => {
    const db = env.ctx.db;
    await db.schema.alterTable('orgs').dropColumn('place_name').execute();
    await places013.up(db, dialect);
    const names = await placeNames();
    expect(names.get(fx.villageA1)).toBe('东村');
    expect(names.get(fx.villageB1)).toBe('西村');
    expect(names.get(general)).toBe('大岭村');
    expect(names.get(fx.townA)).toBe('东乡镇');
    // Neither the county, a sub-branch, a party group nor an organ's branch is a place.
    for (const id of [fx.county, sub, fx.groupA1, organs, organ]) expect(names.get(id) ?? null).toBeNull();
  });

  it('a new village gets its place name, which the org form edits; an organ branch has none', async () => {
    const created = await county.post('/api/orgs', {
      parentId: fx.townB,
      name: '北坡村党支部',
      type: 'branch',
      field: 'rural',
    });
    expect(created.json().placeName).toBe('北坡村');
    const id = created.json().id as number;
    const edited = await county.patch(`/api/orgs/${id}`, { placeName: '北坡村委会' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().placeName).toBe('北坡村委会');
    // A blank place name falls back to the one from the organization's name.
    expect((await county.patch(`/api/orgs/${id}`, { placeName: ' ' })).json().placeName).toBe('北坡村');
    const refused = await county.patch(`/api/orgs/${organ}`, { placeName: '财政局' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('orgs.place_name_not_place');
    expect((await county.get(`/api/orgs/${sub}`)).json().placeName).toBeNull();
    expect((await county.delete(`/api/orgs/${id}`)).statusCode).toBe(200);
  });

  it('lists the villages of the caller’s scope by township, never committees or sub-branches', async () => {
    const all = (await county.get('/api/villages')).json().items as { name: string; townshipName: string }[];
    expect(all.map((v) => `${v.townshipName}/${v.name}`).sort()).toEqual(
      ['东乡镇/东村', '东乡镇/南村', '东乡镇/大岭村', '西乡镇/西村'].sort(),
    );
    const a = (await town.get('/api/villages')).json().items.map((v: { name: string }) => v.name);
    expect(a.sort()).toEqual(['东村', '南村', '大岭村'].sort());
    expect((await townB.get('/api/villages')).json().items.map((v: { name: string }) => v.name)).toEqual(['西村']);
    const own = (await sec.get('/api/villages')).json().items;
    expect(own).toEqual([
      { id: fx.villageA1, name: '东村', orgName: '东村党支部', townshipId: fx.townA, townshipName: '东乡镇' },
    ]);
    // Another township's subtree is out of a township's scope.
    expect((await town.get(`/api/villages?org=${fx.townB}`)).statusCode).toBe(404);
  });

  it('households live in a village, not in a sub-branch, and lists show the village’s name', async () => {
    const base = { address: '岭下1号', headName: '某乙', tags: [] };
    expect((await county.post('/api/households', { ...base, orgId: sub })).json().error.code).toBe(
      'residents.org_not_village',
    );
    const made = await county.post('/api/households', { ...base, orgId: general });
    expect(made.statusCode).toBe(200);
    expect(made.json().orgName).toBe('大岭村');
    const list = (await county.get(`/api/households?org=${fx.townA}&pageSize=100`)).json();
    const names = new Set(list.items.map((h: { orgName: string }) => h.orgName));
    expect(names.has('大岭村')).toBe(true);
    for (const n of names) expect(n).not.toMatch(/党(总)?支部|党委/);
  });

  it('a resident chooses among villages with their townships, and posts to a village only', async () => {
    const places = (await env.app.inject({ method: 'GET', url: '/api/public/places' })).json() as {
      id: number;
      name: string;
      townshipId: number;
      townshipName: string;
    }[];
    expect(places.map((p) => `${p.townshipName}/${p.name}`).sort()).toEqual(
      ['东乡镇/东村', '东乡镇/南村', '东乡镇/大岭村', '西乡镇/西村'].sort(),
    );
    expect(places.find((p) => p.id === general)?.townshipId).toBe(fx.townA);
    const phone = await signIn(env, '13912345670', '139****5670');
    const body = { kind: 'wish', title: '修路', description: '村口的路坑洼不平' };
    const refused = await phone.req('POST', '/api/public/resident/wishes', { ...body, orgId: sub });
    expect(refused.json().error.code).toBe('residents.org_not_village');
    const posted = await phone.req('POST', '/api/public/resident/wishes', { ...body, orgId: general });
    expect(posted.statusCode).toBe(200);
    expect(posted.json().orgName).toBe('大岭村');
  });

  it('organs’ branches are left out of the household coverage rankings', async () => {
    const cov = (await county.get('/api/household-groups/coverage')).json();
    const ranked = cov.byOrg.map((o: { orgName: string }) => o.orgName);
    expect(ranked).toEqual(expect.arrayContaining(['东乡镇', '西乡镇']));
    expect(ranked).not.toContain('测试县直机关工委');
    const stats = (await county.get('/api/stats/service')).json();
    const rows = stats.byOrg.map((o: { orgName: string }) => o.orgName);
    expect(rows).toEqual(expect.arrayContaining(['东乡镇', '西乡镇']));
    expect(rows).not.toContain('测试县直机关工委');
  });
});
