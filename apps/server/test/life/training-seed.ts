/**
 * The training block of the permission table's seed: a training class organized by the county, each township and
 * two villages (the path segment `classes` of `/api/training/classes/{id}`), each titled with its organization's
 * marker, with one session in its plan.
 */
import { expect } from 'vitest';
import type { Client } from '../harness.js';
import { marker, type OrgKey, type Seeded } from '../permission-seed.js';

const ORGANIZERS: OrgKey[] = ['county', 'townA', 'townB', 'villageA1', 'villageB1'];

/** Seeds a class of each organizer (the county creates them). */
export async function seedTraining(county: Client, org: Record<OrgKey, number>, records: Seeded['records']) {
  for (const key of ORGANIZERS) {
    const res = await county.post('/api/training/classes', {
      orgId: org[key],
      title: `${marker(key)}党员轮训班`,
      kind: 'rotation',
      startOn: '2026-06-01',
      endOn: '2026-06-03',
      place: '党群服务中心',
      target: '党员',
    });
    expect(res.statusCode, res.body).toBe(200);
    const id = res.json().id as number;
    const plan = await county.request('PUT', `/api/training/classes/${id}/plan`, {
      sessions: [{ heldOn: '2026-06-01', topic: '党章学习', teacher: '党校教师', hours: 3 }],
    });
    expect(plan.statusCode, plan.body).toBe(200);
    records.classes[key] = id;
  }
}
