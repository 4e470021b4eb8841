/**
 * The learning block of the permission table's seed: an item of June's learning list (夜学) set by the county and by
 * each township, topics carrying the setter's marker. Only the county and a township set lists, and an item lies
 * on its setter (no orgId in the body), so each is set by that organization's own admin.
 */
import { expect } from 'vitest';
import { type Fixture, login, type TestEnv } from '../harness.js';
import { marker, type Seeded } from '../permission-seed.js';

const SETTERS = ['county', 'townA', 'townB'] as const;

/** Seeds one learning item of each setter, created by the setter's admin. */
export async function seedLearning(env: TestEnv, fx: Fixture, records: Seeded['records']) {
  for (const key of SETTERS) {
    const setter = await login(env.app, fx.users[key].username);
    const res = await setter.post('/api/learning', {
      year: 2026,
      month: 6,
      topic: `${marker(key)}学习党章`,
      material: '党章第一章',
      kind: 'theory',
    });
    expect(res.statusCode, res.body).toBe(200);
    records.learning[key] = res.json().id;
  }
}
