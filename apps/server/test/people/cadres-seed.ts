/**
 * The cadres block of the permission table's seed: in each village and community a person of the committees (its
 * name carrying the organization's marker) holding the party secretary's post of 2026, that person's filing with the
 * county and a joint review.
 */
import { expect } from 'vitest';
import type { Client } from '../harness.js';
import { marker, type OrgKey, PLACES, type Seeded } from '../permission-seed.js';

/** Seeds a person, a filing and a review in every village and community. */
export async function seedCadres(
  county: Client,
  org: Record<OrgKey, number>,
  records: Seeded['records'],
): Promise<void> {
  const ok = async (res: Promise<{ statusCode: number; body: string; json(): { id: number } }>) => {
    const r = await res;
    expect(r.statusCode, r.body).toBe(200);
    return r.json().id;
  };
  for (const key of PLACES) {
    const id = await ok(
      county.post('/api/cadres', { orgId: org[key], name: marker(key), gender: 'male', birthDate: '1985-03-01' }),
    );
    records.cadres[key] = id;
    await ok(
      county.post(`/api/cadres/${id}/posts`, {
        committee: 'party',
        post: 'secretary',
        term: 2026,
        startedOn: '2026-03-01',
      }),
    );
    records.filings[key] = await ok(
      county.post('/api/cadres/filings', { cadreId: id, term: 2026, appointedOn: '2026-03-01', note: marker(key) }),
    );
    records.reviews[key] = await ok(
      county.post('/api/cadres/reviews', {
        cadreId: id,
        term: 2026,
        committee: 'party',
        post: 'secretary',
        units: ['discipline', 'police'],
        note: marker(key),
      }),
    );
  }
}
