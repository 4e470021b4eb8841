/**
 * The posts block of the permission table's seed: a post for members (设岗定责) of each village and community, named
 * with its organization's marker. A branch defines its own posts only (no orgId in the body), so each is set by a
 * secretary of that branch: the fixture's for 东村, an account made here, as the security admin would, for the others.
 */
import { expect } from 'vitest';
import { type Client, type Fixture, login, PASSWORD, type TestEnv } from '../harness.js';
import { marker, type OrgKey, PLACES, type Seeded } from '../permission-seed.js';

/** Seeds a post of every branch that can hold one, each set by the branch's own secretary. */
export async function seedPosts(env: TestEnv, fx: Fixture, org: Record<OrgKey, number>, records: Seeded['records']) {
  const security = await login(env.app, fx.users.security.username);
  for (const key of PLACES) {
    const secretary =
      key === 'villageA1' ? await login(env.app, fx.users.secA1.username) : await secretaryOf(env, security, key, org);
    const res = await secretary.post('/api/posts', {
      name: `${marker(key)}环境整治岗`,
      kind: 'environment',
      duties: '包保村道卫生',
    });
    expect(res.statusCode, res.body).toBe(200);
    records.posts[key] = res.json().id;
  }
}

/** A branch secretary account of an organization, signed in with its own password (not one of the table's actors). */
async function secretaryOf(env: TestEnv, security: Client, key: OrgKey, org: Record<OrgKey, number>): Promise<Client> {
  const username = `pt-sec-${key}`;
  const res = await security.post('/api/users', {
    username,
    displayName: `支部书记${key}`,
    role: 'branch_secretary',
    orgId: org[key],
  });
  expect(res.statusCode, res.body).toBe(200);
  const first = await login(env.app, username, res.json().oneTimePassword);
  const changed = await first.post('/api/auth/password', {
    oldPassword: res.json().oneTimePassword,
    newPassword: PASSWORD,
  });
  expect(changed.statusCode, changed.body).toBe(200);
  return login(env.app, username);
}
