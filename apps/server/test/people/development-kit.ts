/** The set-up the development tests share: the fixture, signed-in clients, an application and a walk of steps. */
import type { DevelopmentDetailT, DevelopmentStepKey } from '@dangjian/contracts';
import { expect } from 'vitest';
import * as members from '../../src/areas/core/members/members.service.js';
import type { DialectName } from '../../src/db/database.js';
import {
  buildFixture,
  type Client,
  createEnv,
  type Fixture,
  signInAll,
  type TestEnv,
  TestClock,
  testIdNumber,
} from '../harness.js';

export interface DevKit {
  env: TestEnv;
  fx: Fixture;
  county: Client;
  townA: Client;
  townB: Client;
  sec: Client;
  member: Client;
  /** A second full member of village A1 (two introducers). */
  second: number;
}

/** A fresh county with the clients of each role and a second full member in village A1. */
export async function devKit(dialect: DialectName): Promise<DevKit> {
  // One clock for the whole file, late enough for every date the tests record (moving it would end the sessions).
  const env = await createEnv(dialect, {}, new TestClock(new Date(`${TODAY}T02:00:00Z`)));
  const fx = await buildFixture(env);
  const clients = await signInAll(env.app, {
    county: 't-county',
    townA: 't-town-a',
    townB: 't-town-b',
    sec: 't-sec-a1',
    member: 't-member-a1',
  });
  const o = { env, fx, ...clients };
  const second = (
    await members.create(o.env.ctx, o.fx.system, {
      orgId: o.fx.villageA1,
      name: '赵介绍',
      idNumber: testIdNumber('female', '1975-03-04'),
      gender: 'female',
      joinedAt: '2005-07-01',
    })
  ).id;
  return { ...o, second };
}

/** The day the tests run on (China), after every date they record. */
export const TODAY = '2026-10-20';

/** Records an application in village A1 and answers the candidate. */
export async function apply(k: DevKit, appliedOn: string, name = '钱申请'): Promise<DevelopmentDetailT> {
  const res = await k.sec.post('/api/development', {
    orgId: k.fx.villageA1,
    name,
    idNumber: testIdNumber('male', '2000-02-03'),
    phone: '13700001111',
    education: 'bachelor',
    appliedOn,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** What each step needs besides its day. */
export function extraOf(k: DevKit, step: DevelopmentStepKey): Record<string, unknown> {
  const vote = { entitled: 10, presentVoting: 8, yes: 7, no: 1, abstain: 0 };
  const extra: Partial<Record<DevelopmentStepKey, Record<string, unknown>>> = {
    talk: { talkerName: '张三' },
    contacts_assigned: { contactIds: [k.fx.memberIn.villageA1] },
    introducers_assigned: { introducerIds: [k.fx.memberIn.villageA1, k.second] },
    intensive_training: { trainingDays: 3 },
    branch_vote: { vote },
    committee_talk: { talkerName: '东乡乙' },
    conversion_vote: { vote },
  };
  return extra[step] ?? {};
}

const COMMITTEE: DevelopmentStepKey[] = [
  'pre_review',
  'committee_talk',
  'approval',
  'approval_filing',
  'conversion_approval',
];

/** Records one step as the branch (or the township for the higher committee's steps); answers the response. */
export function record(
  k: DevKit,
  id: number,
  step: DevelopmentStepKey,
  date: string,
  more: Record<string, unknown> = {},
) {
  const who = COMMITTEE.includes(step) ? k.townA : k.sec;
  return who.post(`/api/development/${id}/steps`, { step, date, ...extraOf(k, step), ...more });
}

/** Records steps in order, each expected to pass. */
export async function walk(k: DevKit, id: number, steps: [DevelopmentStepKey, string][]): Promise<DevelopmentDetailT> {
  let last: DevelopmentDetailT | null = null;
  for (const [step, date] of steps) {
    const res = await record(k, id, step, date);
    expect(res.statusCode, `${step} ${date}: ${res.body}`).toBe(200);
    last = res.json();
  }
  return last!;
}

/** A path from application to the branch vote's eve that keeps every time rule (application 2024-01-08). */
export const TO_TARGET: [DevelopmentStepKey, string][] = [
  ['talk', '2024-01-20'],
  ['activist_recommendation', '2024-02-01'],
  ['activist_decision', '2024-02-05'],
  ['activist_filing', '2024-02-10'],
  ['contacts_assigned', '2024-02-10'],
  ['activist_review', '2024-04-30'],
  ['target_recommendation', '2025-02-05'],
  ['target_decision', '2025-02-06'],
];

/** From development target to the day before the branch vote. */
export const TO_VOTE: [DevelopmentStepKey, string][] = [
  ['introducers_assigned', '2025-02-10'],
  ['political_review', '2025-03-01'],
  ['intensive_training', '2025-03-10'],
  ['branch_committee_review', '2025-03-20'],
  ['publicity', '2025-03-24'],
  ['pre_review', '2025-04-01'],
  ['application_form', '2025-04-05'],
];
