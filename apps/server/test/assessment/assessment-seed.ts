/**
 * The assessment blocks of the permission table's seed (besides the ratings' own, `ratings-seed.ts`): a retraining
 * file, a manual points entry and a pledge of each organization that can hold them, reporting rounds with their
 * reports, selections and nominations — each carrying its organization's marker.
 */
import { expect } from 'vitest';
import type { Client, Fixture, TestEnv } from '../harness.js';
import { marker, type OrgKey, PLACES, type Seeded } from '../permission-seed.js';

/** Seeds the assessment records of every organization that can hold them. */
export async function seedAssessment(
  env: TestEnv,
  fx: Fixture,
  county: Client,
  org: Record<OrgKey, number>,
  member: Partial<Record<OrgKey, number>>,
  records: Seeded['records'],
): Promise<void> {
  const ok = async (res: Promise<{ statusCode: number; body: string; json(): { id: number } }>) => {
    const r = await res;
    expect(r.statusCode, r.body).toBe(200);
    return r.json().id;
  };
  // A retraining file of a cadre of each village and community that has a member (the county suspends).
  for (const key of PLACES)
    if (member[key])
      records.retraining[key] = await ok(
        county.post('/api/retraining', {
          memberId: member[key],
          post: 'director',
          reasons: ['inaction'],
          evidence: `${marker(key)}不作为`,
        }),
      );
  // A manual points entry of a member of each organization that has one (the ledger lies on the member's path).
  for (const [key, memberId] of Object.entries(member) as [OrgKey, number][])
    records.points[key] = await ok(
      county.post('/api/points', {
        memberId,
        kind: 'volunteer',
        points: 2,
        occurredOn: '2026-06-01',
        note: `${marker(key)}志愿服务`,
        evidence: '签到表',
      }),
    );
  // A pledge of each organization: its member's where it has one, else the organization's own (为民办实事).
  const pledge = { year: 2026, category: 'service', content: '承诺内容', dueOn: '2026-12-31' };
  for (const [key, id] of Object.entries(org) as [OrgKey, number][])
    if (key !== 'groupA1') {
      const who = member[key] ? { kind: 'member', memberId: member[key] } : { kind: 'org' };
      const body = { ...pledge, ...who, orgId: id, title: `${marker(key)}承诺` };
      records.pledges[key] = await ok(county.post('/api/pledges', body));
    }
  // Reports: a round of the county (for the townships) and of each township (for its villages and communities),
  // each report due carrying its organization's marker; selections of the county and each township, and a
  // nomination on each organization with a member (inserted as its organization's, in the county's selection).
  for (const key of ['county', 'townA', 'townB'] as const)
    records.rounds[key] = await ok(
      county.post('/api/reports/rounds', {
        orgId: org[key],
        year: 2026,
        title: `${marker(key)}述职评议`,
        deadline: '2026-12-31',
      }),
    );
  const due = await env.ctx.db.selectFrom('reports').select(['id', 'org_id']).execute();
  for (const [key, id] of Object.entries(org) as [OrgKey, number][]) {
    const r = due.find((d) => d.org_id === id);
    if (!r) continue;
    records.reports[key] = r.id;
    await env.ctx.db
      .updateTable('reports')
      .set({ content: `${marker(key)}述职报告` })
      .where('id', '=', r.id)
      .execute();
  }
  for (const key of ['county', 'townA', 'townB'] as const)
    records.selections[key] = await ok(
      county.post('/api/selections', {
        orgId: org[key],
        year: 2026,
        title: `${marker(key)}十佳评选`,
        kind: 'village_cadres',
        places: 10,
        nominateFrom: '2026-06-01',
        nominateTo: '2026-06-30',
        voteFrom: '2026-07-01',
        voteTo: '2026-07-10',
        quotaPerOrg: 3,
        maxChoices: 10,
      }),
    );
  for (const [key, memberId] of Object.entries(member) as [OrgKey, number][]) {
    const o = await env.ctx.db
      .selectFrom('orgs')
      .select('org_path')
      .where('id', '=', org[key])
      .executeTakeFirstOrThrow();
    const now = env.ctx.clock().toISOString();
    const [n] = await env.ctx.db
      .insertInto('selection_nominations')
      .values({
        tenant_id: fx.county,
        org_id: org[key],
        org_path: o.org_path,
        selection_id: records.selections.county!,
        member_id: memberId,
        member_name: `${marker(key)}人选`,
        deeds: `${marker(key)}事迹`,
        status: 'pending',
        category: null,
        evidence: null,
        review_reason: null,
        winner_reason: null,
        created_by: null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })
      .returning('id')
      .execute();
    records.nominations[key] = n!.id;
  }
}
