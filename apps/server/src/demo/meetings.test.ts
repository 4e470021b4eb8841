/**
 * The demo's organizational life, loaded through the real pipeline (migrations, `loadDemo`) into a fresh
 * SQLite database at a fixed mid-year date, and read back through the compliance figures the app shows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnv, TestClock, type TestEnv } from '../../test/harness.js';
import { systemActor, type Actor } from '../platform/actor.js';
import { compliance } from '../areas/life/meetings/meetings.figures.js';
import { excellentWithinShare, tallyMotion } from '../areas/life/meetings/meetings.votes.js';
import { loadDemo, type LoadedCounty } from './load.js';

/** Mid-June: the current year is half done, the hardest case for yearly per-member talks. */
const NOW = new Date('2026-06-15T02:00:00Z');
const TODAY = '2026-06-15';
const MONTHS = [
  '2025-07',
  '2025-08',
  '2025-09',
  '2025-10',
  '2025-11',
  '2025-12',
  '2026-01',
  '2026-02',
  '2026-03',
  '2026-04',
  '2026-05',
  '2026-06',
];

let env: TestEnv;
let county: LoadedCounty;
let actor: Actor;
let meetingsMs = 0;
const rate = (a: number, b: number) => (b ? a / b : 0);

beforeAll(async () => {
  env = await createEnv('sqlite', {}, new TestClock(new Date(NOW)));
  const lines: string[] = [];
  [county] = await loadDemo(env.ctx, { log: (l) => lines.push(l) });
  const timing = lines.find((l) => /^\s+组织生活 meetings 完成 done（[\d.]+ 秒 s）$/.test(l));
  meetingsMs = Number(/（([\d.]+) 秒 s）/.exec(timing ?? '')?.[1] ?? NaN) * 1000;
  const root = await env.ctx.db
    .selectFrom('orgs')
    .select(['id', 'org_path'])
    .where('id', '=', county.tenantId)
    .executeTakeFirstOrThrow();
  actor = systemActor(county.tenantId, root.org_path, root.id);
}, 300_000);

afterAll(async () => {
  await env?.close();
});

describe('demo meetings', () => {
  it('reports the time it took to load the meetings (measured by the bench, not asserted here)', () => {
    expect(meetingsMs).toBeGreaterThan(0);
  });

  it('sets the county party day on the 5th for this year and the last', async () => {
    const rows = await env.ctx.db
      .selectFrom('rule_overrides')
      .selectAll()
      .where('tenant_id', '=', county.tenantId)
      .where('rule_set', '=', 'meetings')
      .orderBy('year')
      .execute();
    expect(rows.map((r) => [r.year, r.key, JSON.parse(r.value!)])).toEqual([
      [2025, 'theme_day', { every: 'month', min: 1, fixedDay: 5 }],
      [2026, 'theme_day', { every: 'month', min: 1, fixedDay: 5 }],
    ]);
    expect(rows.every((r) => r.updated_by === null)).toBe(true);
  });

  it('covers each of the last twelve months and nothing after today', async () => {
    const byMonth = await env.ctx.db
      .selectFrom('meetings')
      .select([
        (e) => e.fn.min<string>('held_on').as('first'),
        (e) => e.fn.max<string>('held_on').as('last'),
        (e) => e.fn.max<string>('created_at').as('entered'),
        (e) => e.fn.countAll<number>().as('n'),
      ])
      .where('tenant_id', '=', county.tenantId)
      .executeTakeFirstOrThrow();
    expect(byMonth.first >= `${MONTHS[0]}-01` && byMonth.first <= `${MONTHS[0]}-07`).toBe(true);
    expect(byMonth.last <= TODAY).toBe(true);
    expect(byMonth.entered <= NOW.toISOString()).toBe(true);
    for (const m of MONTHS) {
      const n = await env.ctx.db
        .selectFrom('meetings')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('held_on', '>=', `${m}-01`)
        .where('held_on', '<=', `${m}-31`)
        .executeTakeFirstOrThrow();
      expect(Number(n.n), m).toBeGreaterThan(1000);
    }
    const kinds = await env.ctx.db
      .selectFrom('meetings')
      .select(['kind', (e) => e.fn.countAll<number>().as('n')])
      .groupBy('kind')
      .execute();
    expect(kinds.map((k) => k.kind).sort()).toEqual([
      'committee_meeting',
      'general_meeting',
      'group_meeting',
      'heart_to_heart',
      'leadership_life_meeting',
      'life_meeting',
      'member_review',
      'party_lecture',
      'theme_day',
    ]);
    // Nothing on a meeting left unfinished today: a meeting of today ended before now.
    const todays = await env.ctx.db.selectFrom('meetings').select('end_time').where('held_on', '=', TODAY).execute();
    expect(todays.every((m) => m.end_time! <= '10:00')).toBe(true);
  });

  it('lands the county near 90% compliance, with some branches behind and this month partly due soon', async () => {
    let sum = 0;
    let behindBranches = 0;
    for (const period of MONTHS) {
      const c = await compliance(env.ctx, actor, { period });
      sum += c.summary.rate;
      if (period === '2026-05')
        behindBranches = new Set(
          c.items.filter((i) => i.status === 'behind' && i.kind === 'theme_day').map((i) => i.orgId),
        ).size;
      if (period === '2026-06') expect(c.summary.dueSoon).toBeGreaterThan(0);
    }
    const average = sum / MONTHS.length;
    expect(average).toBeGreaterThan(0.8);
    expect(average).toBeLessThan(0.97);
    expect(behindBranches).toBeGreaterThan(5);
  });

  it('holds the party day mostly on the 5th, never outside the 4th–8th', async () => {
    const days = await env.ctx.db.selectFrom('meetings').select('held_on').where('kind', '=', 'theme_day').execute();
    const fifth = days.filter((d) => d.held_on.endsWith('-05')).length;
    expect(rate(fifth, days.length)).toBeGreaterThan(0.8);
    expect(days.every((d) => Number(d.held_on.slice(8)) >= 4 && Number(d.held_on.slice(8)) <= 8)).toBe(true);
  });

  it('lists the expected attendees as the service would, with realistic presence and reasons for leave', async () => {
    const a = await env.ctx.db
      .selectFrom('meeting_attendance as a')
      .innerJoin('meetings as m', 'm.id', 'a.meeting_id')
      .select(['a.status', 'a.leave_reason', 'a.method', 'a.checked_in_at', 'm.held_on', 'm.kind'])
      .where('m.kind', '!=', 'heart_to_heart')
      .execute();
    const present = a.filter((x) => x.status === 'present');
    const leave = a.filter((x) => x.status === 'leave');
    expect(rate(present.length, a.length)).toBeGreaterThan(0.84);
    expect(rate(present.length, a.length)).toBeLessThan(0.93);
    expect(rate(leave.length, a.length)).toBeGreaterThan(0.03);
    expect(rate(leave.length, a.length)).toBeLessThan(0.08);
    expect(new Set(leave.map((x) => x.leave_reason))).toEqual(new Set(['外出务工', '生病住院', '家中有事', '出差']));
    const self = present.filter((x) => x.method === 'self');
    expect(rate(self.length, present.length)).toBeGreaterThan(0.01);
    expect(rate(self.length, present.length)).toBeLessThan(0.04);
    for (const s of self)
      expect(new Date(Date.parse(s.checked_in_at!) + 8 * 3_600_000).toISOString().slice(0, 10)).toBe(s.held_on);

    // A branch's party day: every member of its subtree who had joined by then.
    const sample = await env.ctx.db
      .selectFrom('meetings as m')
      .innerJoin('orgs as o', 'o.id', 'm.org_id')
      .select(['m.id', 'm.held_on', 'o.org_path', 'o.type'])
      .where('m.kind', '=', 'theme_day')
      .orderBy('m.id')
      .limit(40)
      .execute();
    // A member a transfer moved since (the demo's transfers run after its meetings) stays listed where it was then.
    const moved = new Set(
      (
        await env.ctx.db
          .selectFrom('transfers')
          .select('member_id')
          .where('status', '=', 'accepted')
          .where('member_id', 'is not', null)
          .execute()
      ).map((t) => t.member_id),
    );
    const stayed = (ids: number[]) => ids.filter((id) => !moved.has(id)).sort((x, y) => x - y);
    for (const m of sample) {
      const members = await env.ctx.db
        .selectFrom('members')
        .select('id')
        .where('org_path', '>=', m.org_path)
        .where('org_path', '<', m.org_path.slice(0, -1) + '0')
        .where('joined_at', '<', m.held_on)
        .execute();
      const listed = await env.ctx.db
        .selectFrom('meeting_attendance')
        .select('member_id')
        .where('meeting_id', '=', m.id)
        .execute();
      expect(stayed(listed.map((l) => l.member_id))).toEqual(stayed(members.map((x) => x.id)));
    }
    // A committee meeting of a branch with a committee: its seats and secretary only.
    const committees = await env.ctx.db
      .selectFrom('meetings as m')
      .innerJoin('orgs as o', 'o.id', 'm.org_id')
      .select(['m.id', 'o.committee', 'o.secretary_member_id'])
      .where('m.kind', '=', 'committee_meeting')
      .where('o.type', '=', 'branch')
      .orderBy('m.id')
      .limit(200)
      .execute();
    for (const m of committees) {
      const seats = new Set([
        ...(JSON.parse(m.committee) as { memberId: number }[]).map((s) => s.memberId),
        m.secretary_member_id,
      ]);
      const listed = await env.ctx.db
        .selectFrom('meeting_attendance')
        .select('member_id')
        .where('meeting_id', '=', m.id)
        .execute();
      expect(listed.length).toBeGreaterThan(0);
      for (const l of listed) expect(seats.has(l.member_id)).toBe(true);
    }
  });

  it('has heart-to-heart talks of one to three members, and group meetings of 8–15', async () => {
    // The number of attendance rows of each meeting of a kind.
    const sizes = (kind: string) =>
      env.ctx.db
        .selectFrom('meeting_attendance as a')
        .innerJoin('meetings as m', 'm.id', 'a.meeting_id')
        .select(['m.id', (e) => e.fn.countAll<number>().as('n')])
        .where('m.kind', '=', kind)
        .groupBy('m.id')
        .execute();
    const talks = await sizes('heart_to_heart');
    expect(talks.length).toBeGreaterThan(1000);
    expect(talks.every((t) => Number(t.n) >= 1 && Number(t.n) <= 3)).toBe(true);
    const groups = await sizes('group_meeting');
    expect(groups.length).toBeGreaterThan(500);
    expect(groups.every((g) => Number(g.n) <= 15)).toBe(true);
    expect(rate(groups.filter((g) => Number(g.n) >= 8).length, groups.length)).toBeGreaterThan(0.9);
  });

  it('never grades more than a third of a review excellent', async () => {
    const rows = await env.ctx.db.selectFrom('meeting_reviews').select(['meeting_id', 'grade']).execute();
    const byMeeting = new Map<number, string[]>();
    for (const r of rows) byMeeting.set(r.meeting_id, [...(byMeeting.get(r.meeting_id) ?? []), r.grade]);
    expect(byMeeting.size).toBeGreaterThan(100);
    for (const grades of byMeeting.values()) expect(excellentWithinShare(grades)).toBe(true);
    const excellent = rows.filter((r) => r.grade === 'excellent').length;
    expect(rate(excellent, rows.length)).toBeGreaterThan(0.1);
    expect(rows.some((r) => r.grade === 'basically_qualified')).toBe(true);
  });

  it('tallies motions against the full members listed at the meeting', async () => {
    const motions = await env.ctx.db
      .selectFrom('meeting_motions as v')
      .innerJoin('meetings as m', 'm.id', 'v.meeting_id')
      .selectAll('v')
      .select(['m.held_on', 'm.kind'])
      .execute();
    expect(motions.length).toBeGreaterThan(50);
    for (const v of motions) {
      expect(v.kind).toBe('general_meeting');
      const t = tallyMotion({
        entitled: v.entitled,
        presentVoting: v.present_voting,
        yes: v.yes,
        no: v.no,
        abstain: v.abstain,
      });
      expect(t.valid).toBe(true);
      expect(Boolean(v.quorum_met)).toBe(t.quorumMet);
      expect(Boolean(v.passed)).toBe(t.passed);
    }
    for (const v of motions.slice(0, 60)) {
      const listed = await env.ctx.db
        .selectFrom('meeting_attendance as a')
        .innerJoin('members as mb', 'mb.id', 'a.member_id')
        .select(['a.status', 'mb.full_member_at'])
        .where('a.meeting_id', '=', v.meeting_id)
        .execute();
      const full = listed.filter((l) => l.full_member_at && l.full_member_at < v.held_on);
      expect(v.entitled).toBe(full.length);
      expect(v.present_voting).toBe(full.filter((l) => l.status === 'present').length);
    }
  });

  it('has party lectures mostly by the secretary, and a few records left incomplete or entered late', async () => {
    const lectures = await env.ctx.db
      .selectFrom('meetings as m')
      .innerJoin('orgs as o', 'o.id', 'm.org_id')
      .select(['m.lecturer_role', 'm.lecturer_member_id', 'o.secretary_member_id'])
      .where('m.kind', '=', 'party_lecture')
      .execute();
    const bySecretary = lectures.filter((l) => l.lecturer_role === 'secretary');
    expect(rate(bySecretary.length, lectures.length)).toBeGreaterThan(0.6);
    expect(rate(bySecretary.length, lectures.length)).toBeLessThan(0.8);
    const ownSecretary = bySecretary.filter((l) => l.secretary_member_id);
    expect(ownSecretary.every((l) => l.lecturer_member_id === l.secretary_member_id)).toBe(true);
    const all = await env.ctx.db
      .selectFrom('meetings')
      .select(['minutes', 'held_on', 'created_at', 'topic', 'host_name'])
      .execute();
    const empty = all.filter((m) => !m.minutes).length;
    expect(rate(empty, all.length)).toBeGreaterThan(0.02);
    expect(rate(empty, all.length)).toBeLessThan(0.08);
    const lag = (m: { held_on: string; created_at: string }) =>
      (Date.parse(m.created_at) + 8 * 3_600_000 - Date.parse(`${m.held_on}T00:00:00Z`)) / 86_400_000;
    expect(all.every((m) => lag(m) >= 0 && lag(m) < 21)).toBe(true);
    expect(rate(all.filter((m) => lag(m) >= 10).length, all.length)).toBeGreaterThan(0.01);
    expect(rate(all.filter((m) => lag(m) < 4).length, all.length)).toBeGreaterThan(0.9);
    expect(all.every((m) => m.topic.length > 0 && m.host_name)).toBe(true);
  });
});
