/**
 * The permission table's seed of the dispatches and contact points modules: a dispatch sent to each organization
 * below the county and a contact point of one county leader on each organization, each carrying its
 * organization's marker.
 */
import { expect } from 'vitest';
import type { Client } from '../harness.js';
import { marker, type OrgKey, type Seeded } from '../permission-seed.js';

/** Seeds a dispatch and a contact point of every organization that can hold them. */
export async function seedDispatches(county: Client, org: Record<OrgKey, number>, records: Seeded['records']) {
  const ok = async (res: Promise<{ statusCode: number; body: string; json(): { id: number } }>) => {
    const r = await res;
    expect(r.statusCode, r.body).toBe(200);
    return r.json().id;
  };
  const leaderId = await ok(county.post('/api/contact-points/leaders', { name: '联系领导', post: '县委常委' }));
  for (const [key, id] of Object.entries(org) as [OrgKey, number][]) {
    if (key !== 'county')
      records.dispatches[key] = await ok(
        county.post('/api/dispatches', {
          kind: 'first_secretary',
          personName: `${marker(key)}书记`,
          sendingUnit: '县委组织部',
          unitLevel: 'county',
          orgIds: [id],
          startedOn: '2026-03-01',
        }),
      );
    records['contact-points'][key] = await ok(
      county.post('/api/contact-points', {
        leaderId,
        orgId: id,
        kind: 'guide',
        since: '2026-01-01',
        note: `${marker(key)}联系点`,
      }),
    );
  }
}
