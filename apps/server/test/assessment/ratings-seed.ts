/** The star ratings block of the permission table's seed: a scheme of the county and a result of each branch. */
import { expect } from 'vitest';
import type { Client } from '../harness.js';
import type { OrgKey, Seeded } from '../permission-seed.js';

/** Seeds the county's published scheme and a result of each branch; the first village's is scored and published. */
export async function seedRatings(county: Client, org: Record<OrgKey, number>, records: Seeded['records']) {
  const ok = async (res: Promise<{ statusCode: number; body: string; json(): { id: number } }>) => {
    const r = await res;
    expect(r.statusCode, r.body).toBe(200);
    return r.json().id;
  };
  // Star ratings: the county's published scheme, and a result of each branch computed under it; the first village's
  // scored and published, so that its members read it (a member sees its organization's published results only).
  const scheme = await ok(
    county.post('/api/ratings/schemes/from-template', { template: 'wuhua_wuxing', year: 2026, name: '权限表星级评定' }),
  );
  expect((await county.post(`/api/ratings/schemes/${scheme}/publish`)).statusCode).toBe(200);
  records.schemes.county = scheme;
  expect((await county.post(`/api/ratings/compute?scheme=${scheme}`)).statusCode).toBe(200);
  const results = (await county.get(`/api/ratings?scheme=${scheme}&pageSize=50`)).json().items as {
    id: number;
    orgId: number;
  }[];
  for (const [key, id] of Object.entries(org) as [OrgKey, number][]) {
    const r = results.find((x) => x.orgId === id);
    if (r) records.ratings[key] = r.id;
  }
  const a1 = records.ratings.villageA1!;
  const assessor = ['g1.1', 'g5.1', 'g5.2'].map((k) => ({ key: k, score: 5 }));
  expect((await county.post(`/api/ratings/${a1}/score`, { scores: assessor })).statusCode).toBe(200);
  expect((await county.post(`/api/ratings/${a1}/publish`, {})).statusCode).toBe(200);
}
