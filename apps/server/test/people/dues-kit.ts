/** Shared set-up of the dues tests: the fixture, its clients, and helpers to set profiles and make bills. */
import { expect } from 'vitest';
import * as members from '../../src/areas/core/members/members.service.js';
import type { DialectName } from '../../src/db/database.js';
import { type Client, type Fixture, openFixture, type TestEnv, testIdNumber } from '../harness.js';

export const DAY = 86_400_000;

/** The fixture with the accounts the dues tests use, signed in. */
export async function openDues(dialect: DialectName) {
  return openFixture(dialect, {
    county: 't-county',
    townA: 't-town-a',
    townB: 't-town-b',
    sec: 't-sec-a1',
    member: 't-member-a1',
  });
}

/** Sets a member's dues profile through the API (expects success). */
export async function setProfile(c: Client, memberId: number, body: Record<string, unknown>) {
  const res = await c.request('PUT', `/api/dues/profiles/${memberId}`, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Makes the bills of some months for an organization's subtree (expects success). */
export async function generate(c: Client, orgId: number, ...months: string[]) {
  const out = [];
  for (const month of months) {
    const res = await c.post('/api/dues/bills/generate', { orgId, month });
    expect(res.statusCode, res.body).toBe(200);
    out.push(res.json());
  }
  return out;
}

/** A bill as the tests read it. */
export interface KitBill {
  id: number;
  month: string;
  amount: number;
  paid: number;
  status: string;
  ruleVersion: number;
  orgId: number;
}

/** The bills of a member, oldest first. */
export async function billsOf(c: Client, memberId: number) {
  const res = await c.get(`/api/dues/bills?memberId=${memberId}&pageSize=100`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as KitBill[]).slice().sort((a, b) => (a.month < b.month ? -1 : 1));
}

/** Adds a member to an organization, joined on a day (system actor). */
export async function addMember(env: TestEnv, fx: Fixture, orgId: number, name: string, joinedAt: string) {
  return (
    await members.create(env.ctx, fx.system, {
      orgId,
      name,
      idNumber: testIdNumber('male', '1990-03-04'),
      gender: 'male',
      joinedAt,
    })
  ).id;
}
