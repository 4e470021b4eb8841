/**
 * The records the generated permission table acts on: one of each kind of record in each organization that
 * can hold it, created through the API as the county admin would, each carrying a marker of its organization
 * so that a leak shows in any answer.
 */
import { seedTraining } from './life/training-seed.js';
import { seedAssessment } from './assessment/assessment-seed.js';
import { seedDispatches } from './people/dispatches-seed.js';
import { seedPosts } from './people/posts-seed.js';
import { seedLearning } from './life/learning-seed.js';
import { seedRatings } from './assessment/ratings-seed.js';
import { seedProjects } from './economy/projects-seed.js';
import { seedCadres } from './people/cadres-seed.js';
import { seedEconomy } from './economy/economy-seed.js';
import { expect } from 'vitest';
import type { Fixture, TestEnv } from './harness.js';
import { type Client, login, PASSWORD, testIdNumber } from './harness.js';
import { type OrgKey as FixtureOrgKey, PARENT as FIXTURE_PARENT } from './core/permission-oracle.js';

/** The organizations of the table: the fixture's tree plus a community under each township (zones need one). */
export type OrgKey = FixtureOrgKey | 'communityA' | 'communityB';
export const PARENT: Record<OrgKey, OrgKey | null> = { ...FIXTURE_PARENT, communityA: 'townA', communityB: 'townB' };

/** Where a record lies, seen from the actor's organization. */
export type Relation = 'own' | 'child' | 'parent' | 'sibling' | 'other';

/** Whether `target` is `home` or lies below it. */
export function isUnder(target: OrgKey, home: OrgKey): boolean {
  for (let k: OrgKey | null = target; k; k = PARENT[k]) if (k === home) return true;
  return false;
}

/** The relation of a record's organization to the actor's: other-township is anything in another branch. */
export function relationOf(home: OrgKey, target: OrgKey): Relation {
  if (home === target) return 'own';
  if (isUnder(target, home)) return 'child';
  if (isUnder(home, target)) return 'parent';
  if (PARENT[home] && PARENT[home] === PARENT[target]) return 'sibling';
  return 'other';
}

/** The text that marks a record of an organization in any answer. */
export const marker = (org: OrgKey) => `标记${org}`;

/** The kinds of record a route's `:id` can name, by the first segment of its path. */
const ENTITIES = [
  'orgs',
  'members',
  'users',
  'meetings',
  'households',
  'residents',
  'household-groups',
  'pairings',
  'zones',
  'visits',
  'requests',
  'evaluations',
  'wishes',
  'errands',
  'development',
  'transfers',
  'payments',
  'mobility',
  'bulletins',
  'tasks',
  'problems',
  'inspections',
  'accountability',
  'weak-orgs',
  'retraining',
  'points',
  'pledges',
  'rounds',
  'reports',
  'selections',
  'nominations',
  'schemes',
  'ratings',
  'classes',
  'projects',
  'cadres',
  'filings',
  'reviews',
  'dispatches',
  'contact-points',
  'incomes',
  'funds',
  'posts',
  'learning',
] as const;
export type Entity = (typeof ENTITIES)[number];

export interface Seeded {
  org: Record<OrgKey, number>;
  /** A member of each organization that has one. */
  member: Partial<Record<OrgKey, number>>;
  /** A poor household of each place (village or community). */
  household: Partial<Record<OrgKey, number>>;
  records: Record<Entity, Partial<Record<OrgKey, number>>>;
}

export const PLACES: OrgKey[] = ['villageA1', 'villageA2', 'villageB1', 'communityA', 'communityB'];

/** Creates one record of each kind in each organization that can hold it; returns their ids. */
export async function seedRecords(env: TestEnv, fx: Fixture): Promise<Seeded> {
  const county = await login(env.app, fx.users.county.username);
  const security = await login(env.app, fx.users.security.username);
  const ok = async (res: Promise<{ statusCode: number; body: string; json(): { id: number } }>) => {
    const r = await res;
    expect(r.statusCode, r.body).toBe(200);
    return r.json().id;
  };
  const community = (parentId: number, name: string) =>
    ok(
      county.post('/api/orgs', {
        parentId,
        name,
        type: 'branch',
        field: 'community',
        termStart: '2021-07-01',
        termEnd: '2026-07-01',
      }),
    );
  const org: Record<OrgKey, number> = {
    county: fx.county,
    townA: fx.townA,
    townB: fx.townB,
    villageA1: fx.villageA1,
    villageA2: fx.villageA2,
    groupA1: fx.groupA1,
    villageB1: fx.villageB1,
    communityA: await community(fx.townA, `东街社区党支部${marker('communityA')}`),
    communityB: await community(fx.townB, `西街社区党支部${marker('communityB')}`),
  };
  const member: Partial<Record<OrgKey, number>> = { ...fx.memberIn };
  const records = Object.fromEntries(ENTITIES.map((e) => [e, {}])) as Seeded['records'];
  records.orgs = { ...org };
  records.members = { ...member };
  // Accounts to act on (not the actors'), one member account per organization with a member; each sets its
  // own password, so the errands of its organization can be taken in its name.
  const memberClient: Partial<Record<OrgKey, Client>> = {};
  for (const [key, id] of Object.entries(org) as [OrgKey, number][]) {
    if (!member[key]) continue;
    const res = await security.post('/api/users', {
      username: `pt-${key}`,
      displayName: `目标账号${key}`,
      role: 'member',
      orgId: id,
      memberId: member[key],
    });
    expect(res.statusCode, res.body).toBe(200);
    records.users[key] = res.json().user.id;
    const first = await login(env.app, `pt-${key}`, res.json().oneTimePassword);
    const changed = await first.post('/api/auth/password', {
      oldPassword: res.json().oneTimePassword,
      newPassword: PASSWORD,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    memberClient[key] = await login(env.app, `pt-${key}`);
  }
  const household: Partial<Record<OrgKey, number>> = {};
  let n = 0;
  for (const place of PLACES) {
    n++;
    const m = marker(place);
    const cadre = member[place] ?? fx.memberIn.county;
    const h = await county.post('/api/households', {
      orgId: org[place],
      address: `${m}一组${n}号`,
      headName: `户主${n}`,
      tags: ['subsistence'],
      residents: [{ name: `户主${n}`, relation: 'head' }],
    });
    expect(h.statusCode, h.body).toBe(200);
    household[place] = h.json().id;
    records.households[place] = h.json().id;
    records.residents[place] = h.json().residents[0].id;
    records['household-groups'][place] = await ok(
      county.post('/api/household-groups', {
        orgId: org[place],
        name: `${m}第1组`,
        leaderKind: 'capable',
        leaderName: `组长${n}`,
        householdIds: [h.json().id],
      }),
    );
    records.pairings[place] = await ok(
      county.post('/api/pairings', { householdId: h.json().id, cadreMemberId: cadre, startedOn: '2026-06-01' }),
    );
    records.visits[place] = await ok(
      county.post('/api/visits', {
        householdId: h.json().id,
        visitorMemberId: cadre,
        visitedOn: '2026-06-02',
        found: `${m}屋顶漏雨`,
      }),
    );
    records.requests[place] = await ok(
      county.post('/api/requests', {
        orgId: org[place],
        channel: 'outreach',
        category: 'infrastructure',
        description: `${m}路灯坏了`,
        level: 'studied',
        householdId: h.json().id,
        residentName: `户主${n}`,
      }),
    );
    records.evaluations[place] = await ok(
      county.post('/api/evaluations', {
        orgId: org[place],
        kind: 'monthly_review',
        period: '2026-05',
        grade: 'good',
        comments: `${m}点评`,
        evaluatorName: '县领导',
      }),
    );
    records.wishes[place] = await ok(
      county.post('/api/wishes', {
        orgId: org[place],
        kind: 'wish',
        title: `${m}轮椅`,
        description: `${m}腿脚不便`,
        residentName: `户主${n}`,
        householdId: h.json().id,
      }),
    );
    const taker = memberClient[place];
    if (taker)
      records.errands[place] = await ok(
        taker.post('/api/errands', { orgId: org[place], title: `${m}代办`, residentName: `户主${n}` }),
      );
    records.development[place] = await ok(
      county.post('/api/development', {
        orgId: org[place],
        name: `申请人${m}`,
        idNumber: testIdNumber('male', '2001-03-04'),
        appliedOn: '2026-06-01',
      }),
    );
    if (place.startsWith('community'))
      records.zones[place] = await ok(
        county.post('/api/zones', { orgId: org[place], name: `${m}网格`, households: 5 }),
      );
  }
  for (const [key, memberId] of Object.entries(member) as [OrgKey, number][])
    records.mobility[key] = await ok(
      county.post('/api/mobility', {
        memberId,
        state: 'flowing',
        since: '2026-06-01',
        destination: `${marker(key)}深圳`,
      }),
    );
  for (const [key, id] of Object.entries(org) as [OrgKey, number][]) {
    records.meetings[key] = await ok(
      county.post('/api/meetings', {
        orgId: id,
        // The kinds each type of organization holds (a committee's leadership life meeting, a group's meeting).
        kind:
          key === 'groupA1'
            ? 'group_meeting'
            : /^(county|town)/.test(key)
              ? 'leadership_life_meeting'
              : 'committee_meeting',
        topic: `${marker(key)}研究工作`,
        heldOn: '2026-06-01',
        startTime: '09:00',
      }),
    );
  }
  // A transfer of each organization's member to a unit outside the platform (the owning side alone sees it).
  for (const [key, id] of Object.entries(member) as [OrgKey, number][])
    records.transfers[key] = await ok(
      county.post('/api/transfers', { memberId: id, toOrgName: `${marker(key)}外省接收单位`, duesPaidTo: '2026-05' }),
    );
  // A self-inspection problem of each organization (问题整改).
  for (const [key, id] of Object.entries(org) as [OrgKey, number][])
    records.problems[key] = await ok(
      county.post('/api/problems', {
        orgId: id,
        source: 'self_inspection',
        category: 'organization',
        title: `${marker(key)}三会一课记录不全`,
      }),
    );
  // Party dues: a farmer's profile and June's bill for every member, and a payment of it carrying the marker.
  for (const id of Object.values(member)) {
    const p = await county.request('PUT', `/api/dues/profiles/${id}`, { category: 'farmer' });
    expect(p.statusCode, p.body).toBe(200);
  }
  expect((await county.post('/api/dues/bills/generate', { orgId: fx.county, month: '2026-06' })).statusCode).toBe(200);
  for (const [key, memberId] of Object.entries(member) as [OrgKey, number][]) {
    const bill = (await county.get(`/api/dues/bills?memberId=${memberId}`)).json().items[0];
    records.payments[key] = await ok(
      county.post('/api/dues/payments', {
        memberId,
        billIds: [bill.id],
        paidOn: '2026-06-10',
        amount: 0.5,
        method: 'cash',
        note: `${marker(key)}党费`,
      }),
    );
  }
  // An issued bulletin covering each organization, by the county for itself and by each township for its subtree
  // (a branch cannot generate one); issued, so the branch below reads it too.
  const issuers = {
    A: await login(env.app, fx.users.townA.username),
    B: await login(env.app, fx.users.townB.username),
  };
  for (const [key, id] of Object.entries(org) as [OrgKey, number][]) {
    const by = key === 'county' ? county : isUnder(key, 'townA') ? issuers.A : issuers.B;
    const b = await ok(
      by.post('/api/bulletins', { orgId: id, kind: 'briefing', period: '2026-05', title: `${marker(key)}工作简报` }),
    );
    records.bulletins[key] = await ok(by.post(`/api/bulletins/${b}/issue`));
  }
  // A draft task of the county and of each township to the branches below it (a branch issues none).
  for (const key of ['county', 'townA', 'townB'] as const)
    records.tasks[key] = await ok(
      county.post('/api/tasks', {
        orgId: org[key],
        kind: 'special',
        title: `${marker(key)}专项任务`,
        startOn: '2026-06-01',
        dueOn: '2026-06-30',
        completion: 'evidence',
        targets: { mode: 'field', level: 'branch' },
      }),
    );
  // Inspections issued by the county and each township (no visits: the visited side's view is inspections.test.ts).
  for (const key of ['county', 'townA', 'townB'] as const)
    records.inspections[key] = await ok(
      county.post('/api/inspections', {
        orgId: org[key],
        kind: 'quarterly',
        title: `${marker(key)}季度督查`,
        startsOn: '2026-06-01',
        endsOn: '2026-06-30',
        team: [{ name: '督查组长', title: '组长', leader: true }],
      }),
    );
  // An accountability record against each organization (county and townships read them).
  for (const [key, id] of Object.entries(org) as [OrgKey, number][])
    records.accountability[key] = await ok(
      county.post('/api/accountability', {
        kind: 'reminder',
        targetKind: 'org',
        targetOrgId: id,
        reason: `${marker(key)}提醒`,
        decidedOn: '2026-06-01',
      }),
    );
  // A weak organization's file of each village and community (the county flags grassroots organizations only).
  for (const key of PLACES)
    records['weak-orgs'][key] = await ok(
      county.post('/api/weak-orgs', {
        orgId: org[key],
        reasons: ['other'],
        reasonText: `${marker(key)}班子软弱`,
        leaderName: '包抓领导',
        leaderPost: '县委常委',
      }),
    );
  await seedAssessment(env, fx, county, org, member, records);
  await seedRatings(county, org, records);
  await seedTraining(county, org, records);
  await seedProjects(county, org, records);
  await seedCadres(county, org, records);
  await seedDispatches(county, org, records);
  await seedPosts(env, fx, org, records);
  await seedLearning(env, fx, records);
  await seedEconomy(county, org, records);
  return { org, member, household, records };
}

/** Signs in every actor of the table. */
export async function signInActors(env: TestEnv, fx: Fixture): Promise<Record<ActorKey, Client>> {
  const out = {} as Record<ActorKey, Client>;
  for (const a of ACTOR_KEYS) out[a] = await login(env.app, fx.users[a].username);
  return out;
}

export const ACTOR_KEYS = ['county', 'townA', 'secA1', 'memberA1', 'auditor', 'security'] as const;
export type ActorKey = (typeof ACTOR_KEYS)[number];
/** The organization each actor's account sits on. */
export const ACTOR_ORG: Record<ActorKey, OrgKey> = {
  county: 'county',
  townA: 'townA',
  secA1: 'villageA1',
  memberA1: 'villageA1',
  auditor: 'county',
  security: 'county',
};
