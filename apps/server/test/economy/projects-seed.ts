/** The projects block of the permission table's seed: an industry project led by each village and community. */
import { expect } from 'vitest';
import type { Client } from '../harness.js';
import { marker, type OrgKey, PLACES, type Seeded } from '../permission-seed.js';

/** Seeds a project of each place (the county records it), carrying its organization's marker. */
export async function seedProjects(
  county: Client,
  org: Record<OrgKey, number>,
  records: Seeded['records'],
): Promise<void> {
  for (const key of PLACES) {
    const res = await county.post('/api/economy/projects', {
      orgId: org[key],
      name: `${marker(key)}茶叶种植基地`,
      industry: 'planting',
      models: ['cooperative', 'households'],
      cooperatives: [{ name: `${marker(key)}茶叶专业合作社`, members: 30 }],
      startYear: 2025,
      status: 'operating',
    });
    expect(res.statusCode, res.body).toBe(200);
    records.projects[key] = res.json().id;
  }
}
