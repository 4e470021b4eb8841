/**
 * The economy blocks (incomes, funds) of the permission table's seed: an income entry and a funds record of each
 * village, each carrying its organization's marker.
 */
import { expect } from 'vitest';
import type { Client } from '../harness.js';
import { marker, type OrgKey, type Seeded } from '../permission-seed.js';

const VILLAGES: OrgKey[] = ['villageA1', 'villageA2', 'villageB1'];

/** Seeds an income entry and a funds record of every village. */
export async function seedEconomy(
  county: Client,
  org: Record<OrgKey, number>,
  records: Seeded['records'],
): Promise<void> {
  const ok = async (res: Promise<{ statusCode: number; body: string; json(): { id: number } }>) => {
    const r = await res;
    expect(r.statusCode, r.body).toBe(200);
    return r.json().id;
  };
  for (const key of VILLAGES) {
    records.incomes[key] = await ok(
      county.post('/api/economy/incomes', {
        orgId: org[key],
        year: 2025,
        source: 'property',
        amountFen: 50_000_000,
        note: `${marker(key)}物业租赁`,
      }),
    );
    records.funds[key] = await ok(
      county.post('/api/economy/funds', {
        orgId: org[key],
        year: 2026,
        kind: 'operating',
        source: 'county',
        amountFen: 12_400_000,
        note: `${marker(key)}运转经费`,
      }),
    );
  }
}
