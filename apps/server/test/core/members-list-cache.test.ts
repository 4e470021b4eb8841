/**
 * The member list keeps its pages under the roster's version (issue 16): an edit, a new member or a deletion shows at
 * once, a page read by one account is never another's (scope is part of what is kept), and a write made by another
 * process (here: straight into the database, with its version bump) is seen too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bumpVersion } from '../../src/platform/data/versions.js';
import { type Client, dialects, type Fixture, openFixture, type TestEnv, testIdNumber } from '../harness.js';

interface Page {
  items: { id: number; name: string }[];
  total: number;
}

describe.each(dialects())('the cached member list on %s', (dialect) => {
  let env: TestEnv, fx: Fixture, county: Client, town: Client;
  beforeAll(async () => {
    ({ env, fx, county, town } = await openFixture(dialect, { county: 't-county', town: 't-town-a' }));
  });
  afterAll(() => env.close());
  const page = async (c: Client, url = '/api/members?pageSize=100') => (await c.get(url)).json() as Page;

  it('shows an edit, a new member and a deletion at once', async () => {
    const before = await page(county);
    const id = fx.memberIn.villageA1;
    expect((await county.patch(`/api/members/${id}`, { name: '改名甲' })).statusCode).toBe(200);
    expect((await page(county)).items.find((m) => m.id === id)?.name).toBe('改名甲');
    const added = await county.post('/api/members', {
      orgId: fx.villageA1,
      name: '新来乙',
      idNumber: testIdNumber('female', '1990-03-04'),
      gender: 'female',
      joinedAt: '2015-07-01',
    });
    expect(added.statusCode, added.body).toBe(200);
    const after = await page(county);
    expect(after.total).toBe(before.total + 1);
    expect(after.items.map((m) => m.name)).toContain('新来乙');
    expect((await county.delete(`/api/members/${added.json().id}`)).statusCode).toBe(200);
    expect((await page(county)).total).toBe(before.total);
  });

  it('keeps each scope its own: the township never gets the county page it asked the same way for', async () => {
    const all = await page(county);
    const mine = await page(town);
    expect(mine.total).toBeLessThan(all.total);
    expect(mine.items.map((m) => m.id)).not.toContain(fx.memberIn.townB);
    expect(all.items.map((m) => m.id)).toContain(fx.memberIn.townB);
  });

  it('sees a write of another process by its version bump', async () => {
    const id = fx.memberIn.villageA2;
    expect((await page(county)).items.find((m) => m.id === id)?.name).not.toBe('别处改名');
    await env.ctx.db.updateTable('members').set({ name: '别处改名' }).where('id', '=', id).execute();
    await bumpVersion(env.ctx.db, fx.county, 'roster');
    expect((await page(county)).items.find((m) => m.id === id)?.name).toBe('别处改名');
  });
});
