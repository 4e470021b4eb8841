/**
 * The two committees of every village and community of the demo county for the terms 2021 and 2026 (seed 004: this
 * year's elections made the committees younger by about six years, 85–90% 一肩挑, 77% of the "four kinds", about 200
 * with high school or more). Party committee people are roster members of the village (training reads their hours
 * from here); the villagers' committee's other people are not on the roster. About 40% of 2021's younger people
 * stay on; their 2021 posts end at the 2026 election (换届离任). A few secretaries' filings and joint reviews in each
 * state. Bulk inserts.
 */
import { addDays, type CadreKind, type ReviewUnit, REVIEW_UNITS } from '@dangjian/contracts';
import type { DemoContributor, LoadedCounty } from '../../../demo/load.js';
import { personName } from '../../../demo/names.js';
import type { Random } from '../../../demo/random.js';
import type { Ctx } from '../../../platform/context.js';
import { addTimelineBatch, type TimelineEntry } from '../../../platform/data/timeline.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import * as flowsRepo from './cadres.flows.repository.js';
import * as repo from './cadres.repository.js';

const KINDS: CadreKind[] = ['rich_leader', 'returnee', 'local_graduate', 'veteran'];
const LOW = ['primary', 'junior'] as const;
const HIGH = ['senior', 'senior', 'college', 'bachelor'] as const;

/** One person planned for the demo (its posts by term). */
interface Person {
  key: number;
  orgId: number;
  orgPath: string;
  memberId: number | null;
  name: string;
  gender: 'male' | 'female';
  birth: string;
  kinds: CadreKind[];
  education: string;
  posts: {
    committee: 'party' | 'villagers';
    post: string;
    term: '2021' | '2026';
    started: string;
    ended: string | null;
  }[];
}

const at = (day: string, hour: number) => `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;
const ageAt = (birth: string, day: string) =>
  Number(day.slice(0, 4)) - Number(birth.slice(0, 4)) - (day.slice(5) < birth.slice(5) ? 1 : 0);

async function load(ctx: Ctx, c: LoadedCounty, rng0: Random, log: (line: string) => void): Promise<void> {
  const rng = rng0.fork(1401);
  const db = ctx.db;
  const villages = await repo.demoVillages(db, c.tenantId);
  if (!villages.length) return;
  // Roster members of each village's subtree (a general branch's branches too), by age.
  const members = await repo.demoMembers(db, c.tenantId);
  const byVillage = new Map<number, typeof members>();
  const villageOfPath = (path: string) => Number(path.split('/').filter(Boolean)[2]);
  for (const m of members) {
    const v = villageOfPath(m.org_path);
    if (!Number.isFinite(v)) continue;
    const list = byVillage.get(v);
    if (list) list.push(m);
    else byVillage.set(v, [m]);
  }
  const people: Person[] = [];
  let key = 0;
  const used = new Set<number>();
  /** A new person of a village: a roster member of a fitting age when `member`, else someone off the roster. */
  const newPerson = (
    v: (typeof villages)[number],
    onDay: string,
    ages: [number, number],
    member: boolean,
    kindP: number,
    highP: number,
  ): Person => {
    const pool = member ? (byVillage.get(v.id) ?? []).filter((m) => !used.has(m.id)) : [];
    const fit = pool.filter((m) => {
      const a = ageAt(m.birth_date, onDay);
      return a >= ages[0] && a <= ages[1];
    });
    const m = fit.length ? rng.pick(fit) : null;
    if (m) used.add(m.id);
    const gender = (m?.gender as 'male' | 'female') ?? (rng.chance(0.24) ? 'female' : 'male');
    const age = rng.int(ages[0], ages[1]);
    const birthYear = Number(onDay.slice(0, 4)) - age - 1;
    const birth =
      m?.birth_date ??
      `${birthYear}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    const kinds = rng.chance(kindP) ? rng.sample(KINDS, rng.chance(0.15) ? 2 : 1) : [];
    return {
      key: key++,
      orgId: v.id,
      orgPath: v.org_path,
      memberId: m?.id ?? null,
      name: m?.name ?? personName(rng, gender, birthYear),
      gender,
      birth,
      kinds,
      education: rng.chance(highP) ? rng.pick(HIGH) : rng.pick(LOW),
      posts: [],
    };
  };
  const started = (year: number) => `${year}-0${rng.int(1, 3)}-${String(rng.int(5, 28)).padStart(2, '0')}`;
  for (const v of villages) {
    // 2021: party committee 3–5, villagers' committee 3–5; about half 一肩挑, cross-membership common.
    const s21 = started(2021);
    const s26 = started(2026);
    const party21 = Array.from({ length: rng.int(3, 5) }, () => newPerson(v, s21, [34, 62], true, 0.5, 0.1));
    const party21Posts = ['secretary', ...(rng.chance(0.5) ? ['deputy_secretary'] : [])];
    party21.forEach((p, i) =>
      p.posts.push({ committee: 'party', post: party21Posts[i] ?? 'member', term: '2021', started: s21, ended: s26 }),
    );
    const vill21Size = rng.int(3, 5);
    const vill21: Person[] = [];
    vill21.push(rng.chance(0.5) ? party21[0]! : newPerson(v, s21, [34, 62], false, 0.5, 0.1));
    for (let i = 1; i < vill21Size; i++) {
      const fromParty = party21.filter((p) => !vill21.includes(p) && p !== party21[0]);
      vill21.push(
        fromParty.length && rng.chance(0.6) ? rng.pick(fromParty) : newPerson(v, s21, [32, 60], false, 0.5, 0.1),
      );
    }
    vill21.forEach((p, i) =>
      p.posts.push({
        committee: 'villagers',
        post: i === 0 ? 'director' : i === 1 && rng.chance(0.5) ? 'deputy_director' : 'member',
        term: '2021',
        started: s21,
        ended: s26,
      }),
    );
    // 2026: the younger of 2021 may stay; the rest new and young; 一肩挑 ~88%, cross-membership ~85%.
    const was = [...new Set([...party21, ...vill21])];
    const stay = was.filter((p) => ageAt(p.birth, s21) < 46 && rng.chance(0.8));
    const party26Size = rng.int(3, 5);
    const party26: Person[] = stay.filter((p) => p.memberId != null).slice(0, Math.ceil(party26Size * 0.4));
    while (party26.length < party26Size) party26.push(newPerson(v, s26, [31, 50], true, 0.8, 0.14));
    // The secretary: the youngest of the party committee.
    party26.sort((a, b) => (a.birth < b.birth ? 1 : -1));
    const party26Posts = ['secretary', ...(rng.chance(0.5) ? ['deputy_secretary'] : [])];
    party26.forEach((p, i) =>
      p.posts.push({ committee: 'party', post: party26Posts[i] ?? 'member', term: '2026', started: s26, ended: null }),
    );
    const vill26: Person[] = [rng.chance(0.88) ? party26[0]! : newPerson(v, s26, [31, 50], false, 0.75, 0.14)];
    const vill26Size = rng.int(3, 5);
    for (let i = 1; i < vill26Size; i++) {
      const fromParty = party26.filter((p) => !vill26.includes(p));
      vill26.push(
        fromParty.length && rng.chance(0.85) ? rng.pick(fromParty) : newPerson(v, s26, [31, 50], false, 0.75, 0.14),
      );
    }
    vill26.forEach((p, i) =>
      p.posts.push({
        committee: 'villagers',
        post: i === 0 ? 'director' : i === 1 && rng.chance(0.5) ? 'deputy_director' : 'member',
        term: '2026',
        started: s26,
        ended: null,
      }),
    );
    // Those staying on gain a kind now and then (a returnee elected again).
    for (const p of stay) if (!p.kinds.length && rng.chance(0.5)) p.kinds = [rng.pick(KINDS)];
    people.push(...new Set([...party21, ...vill21, ...party26, ...vill26]));
  }
  const now = ctx.clock().toISOString();
  const ids = await repo.insertCadres(
    db,
    people.map((p) => ({
      tenant_id: c.tenantId,
      org_id: p.orgId,
      org_path: p.orgPath,
      member_id: p.memberId,
      name: p.name,
      gender: p.gender,
      birth_date: p.birth,
      kinds: JSON.stringify(p.kinds),
      education: p.education,
      note: null,
      phone_enc: null,
      phone_hash: null,
      phone_masked: null,
      created_by: null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    })),
  );
  const idOf = new Map(people.map((p, i) => [p.key, ids[i]!]));
  const posts = people.flatMap((p) =>
    p.posts.map((x) => ({
      tenant_id: c.tenantId,
      org_id: p.orgId,
      org_path: p.orgPath,
      cadre_id: idOf.get(p.key)!,
      committee: x.committee,
      post: x.post,
      term: x.term,
      started_on: x.started,
      ended_on: x.ended,
      end_reason: x.ended ? 'term_end' : null,
      end_note: null,
      created_by: null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    })),
  );
  await repo.insertPosts(db, posts);

  // Filings of this year's new secretaries and joint reviews of candidates, a few in each state.
  const secretaries = people.filter((p) =>
    p.posts.some((x) => x.term === '2026' && x.committee === 'party' && x.post === 'secretary'),
  );
  const picked = rng.sample(secretaries, Math.min(secretaries.length, 48));
  const events: { author: { id: null; name: string }; entry: TimelineEntry }[] = [];
  const ev = (
    type: string,
    id: number,
    path: string,
    action: string,
    from: string | null,
    to: string | null,
    day: string,
    note: string | null,
  ) =>
    events.push({
      author: {
        id: null,
        name: type === 'cadre_filing' && action !== 'filed' && action !== 'refiled' ? '县委组织部' : '乡镇党委',
      },
      entry: {
        tenantId: c.tenantId,
        entityType: type,
        entityId: id,
        orgPath: path,
        action,
        fromState: from,
        toState: to,
        note,
        at: at(day, 3),
      },
    });
  const filingPlan = ['acknowledged', 'acknowledged', 'acknowledged', 'filed', 'returned'] as const;
  const filingRows = picked.slice(0, 30).map((p, i) => {
    const post = p.posts.find((x) => x.term === '2026' && x.post === 'secretary')!;
    const status = filingPlan[i % filingPlan.length]!;
    const filed = addDays(post.started, rng.int(3, 15));
    return {
      p,
      status,
      filed,
      row: {
        tenant_id: c.tenantId,
        org_id: p.orgId,
        org_path: p.orgPath,
        cadre_id: idOf.get(p.key)!,
        term: '2026',
        appointed_on: post.started,
        filed_on: filed,
        status,
        acknowledged_on: status === 'acknowledged' ? addDays(filed, rng.int(2, 10)) : null,
        return_reason: status === 'returned' ? '任职前联审材料不全，请补充县纪委监委、县公安局意见后重新报备' : null,
        note: null,
        created_by: null,
        created_at: at(filed, 2),
        updated_at: now,
        deleted_at: null,
      },
    };
  });
  const filingIds = await flowsRepo.insertFilings(
    db,
    filingRows.map((f) => f.row),
  );
  filingRows.forEach((f, i) => {
    const id = filingIds[i]!;
    ev('cadre_filing', id, f.p.orgPath, 'filed', null, 'filed', f.filed, null);
    if (f.status === 'acknowledged')
      ev('cadre_filing', id, f.p.orgPath, 'acknowledged', 'filed', 'acknowledged', f.row.acknowledged_on!, null);
    if (f.status === 'returned')
      ev('cadre_filing', id, f.p.orgPath, 'returned', 'filed', 'returned', addDays(f.filed, 5), f.row.return_reason);
  });
  const units = Object.keys(REVIEW_UNITS) as ReviewUnit[];
  const reviewPlan = ['cleared', 'cleared', 'cleared', 'stopped', 'reviewing'] as const;
  const reviewRows = picked.slice(30).map((p, i) => {
    const status = reviewPlan[i % reviewPlan.length]!;
    const opened = addDays(p.posts.find((x) => x.term === '2026')!.started, -30);
    const ops: Record<string, { verdict: string; reason: string | null; on: string }> = {};
    const stopper = rng.pick(units);
    for (const [k, u] of units.entries()) {
      if (status === 'reviewing' && k >= 6) break;
      if (status === 'stopped' && u === stopper) {
        ops[u] = { verdict: 'stop', reason: '经核查，该人选近三年内受过党纪处分，不宜提名', on: addDays(opened, 5) };
        break;
      }
      ops[u] = { verdict: 'clear', reason: null, on: addDays(opened, 1 + (k % 5)) };
    }
    return {
      p,
      status,
      opened,
      ops,
      row: {
        tenant_id: c.tenantId,
        org_id: p.orgId,
        org_path: p.orgPath,
        cadre_id: idOf.get(p.key)!,
        term: '2026',
        committee: 'party',
        post: 'secretary',
        status,
        units: JSON.stringify(units),
        opinions: JSON.stringify(ops),
        note: null,
        created_by: null,
        created_at: at(opened, 2),
        updated_at: now,
        deleted_at: null,
      },
    };
  });
  const reviewIds = await flowsRepo.insertReviews(
    db,
    reviewRows.map((r) => r.row),
  );
  reviewRows.forEach((r, i) => {
    const id = reviewIds[i]!;
    ev('cadre_review', id, r.p.orgPath, 'opened', null, 'reviewing', r.opened, null);
    for (const [u, o] of Object.entries(r.ops)) {
      const last = o.verdict === 'stop' || (r.status === 'cleared' && u === units[units.length - 1]);
      const to = o.verdict === 'stop' ? 'stopped' : last ? 'cleared' : 'reviewing';
      const name = REVIEW_UNITS[u as ReviewUnit].zh;
      ev(
        'cadre_review',
        id,
        r.p.orgPath,
        o.verdict === 'stop' ? 'unit_stopped' : 'unit_cleared',
        'reviewing',
        to,
        o.on,
        `${name}：${o.reason ?? '无异议'}`,
      );
    }
  });
  await addTimelineBatch(db, events);
  await bumpVersion(db, c.tenantId, 'cadres');
  log(
    `  村两委 cadres：${villages.length} 个村（社区），${people.length} 人，${posts.length} 条任职；` +
      `备案 ${filingRows.length}，联审 ${reviewRows.length}`,
  );
}

/** The committees demo, run after the organizations and members exist. */
export const cadresContributor: DemoContributor = { name: 'cadres', load };
