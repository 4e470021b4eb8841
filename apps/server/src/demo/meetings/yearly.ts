/** The meetings demo's reviews, talks, and the life of groups and committees. */
import { excellentWithinShare } from '../../areas/life/meetings/meetings.votes.js';
import { Random, fromDay, toDay } from '../random.js';
import { AttendanceRow, Mem, OrgInfo, PLACES, ReviewRow, ymd } from './plan.js';
import { GROUP_TOPICS } from './texts.js';
import type { Step } from './writer.js';

/** At most a third excellent (fewer in practice), a few basically qualified, the rest qualified. */

export function grades(r: Random, graded: Mem[], att: AttendanceRow[]): ReviewRow[] {
  if (!graded.length) return [];
  const present = new Set(att.filter((a) => a.status === 'present').map((a) => a.member_id));
  const cap = Math.floor(graded.length / 3);
  const want = Math.min(cap, Math.round(graded.length * (0.15 + r.next() * 0.15)));
  const candidates = r.shuffle(graded.filter((m) => present.has(m.id)));
  const excellent = new Set(candidates.slice(0, want).map((m) => m.id));
  const out = graded.map((m) => ({
    member_id: m.id,
    grade: excellent.has(m.id)
      ? 'excellent'
      : !present.has(m.id) && r.chance(0.12)
        ? 'basically_qualified'
        : r.chance(0.01)
          ? 'basically_qualified'
          : 'qualified',
  }));
  if (!excellentWithinShare(out.map((g) => g.grade))) throw new Error('demo review exceeds the excellent share');
  return out;
}

/** The day of the annual meeting in a year, or null when it is not held within the window. */

export function annualDay(s: Step, o: OrgInfo, r: Random, y: { y: number; from: string; to: string }): string | null {
  const { rural, randomDay } = s;
  const slot = (h: 'janfeb' | 'dec') =>
    (h === 'janfeb' ? [ymd(y.y, 1, 6), ymd(y.y, 2, 26)] : [ymd(y.y, 12, 8), ymd(y.y, 12, 30)]) as [string, string];
  let [from, to] = slot(o.habit);
  if (to < y.from) [from, to] = slot('dec'); // this year's January is before the window: the year-end one is
  if (from < y.from) from = y.from;
  if (from > to) return null;
  return randomDay(r, from, to, !rural(o));
}

export async function talks(
  s: Step,
  o: OrgInfo,
  r: Random,
  y: { y: number; from: string; to: string },
  host: string | null,
  committee: Mem[],
) {
  const { year, add, rural, time, randomDay, minutesText, meetingRow } = s;
  const people = o.direct;
  const coverage = o.behind ? 0.4 + r.next() * 0.25 : r.chance(0.55) ? 1 : 0.82 + r.next() * 0.15;
  const chosen = r.sample(people, Math.round(people.length * coverage));
  const current = y.y === year;
  const office = !rural(o);
  // In the current year most talks come in the first quarter (the county's 年初集中谈心谈话, before the
  // annual meetings); in the past year all of them fall inside the window, many at the year's end.
  const season: [string, string] = [ymd(y.y, 1, 3), ymd(y.y, 3, 31)];
  const dateFor = (m: Mem): string => {
    let from = y.from;
    let to = ymd(y.y, 12, 24);
    if (current && r.chance(0.8)) [from, to] = season;
    else if (!current && r.chance(0.5) && ymd(y.y, 11, 1) >= y.from) from = ymd(y.y, 11, 1);
    if (from <= m.joined) from = fromDay(toDay(m.joined) + 1);
    if (from > to) to = ymd(y.y, 12, 24);
    if (from > to) return '9999-12-31';
    return randomDay(r, from, to, office);
  };
  for (let i = 0; i < chosen.length; ) {
    const size = Math.min(
      chosen.length - i,
      r.weighted([
        [1, 50],
        [2, 35],
        [3, 15],
      ] as const),
    );
    const group = chosen.slice(i, i + size);
    i += size;
    const latestJoin = group.reduce((a, m) => (m.joined > a ? m.joined : a), '');
    let heldOn = dateFor(group[0]);
    if (heldOn <= latestJoin) heldOn = fromDay(toDay(latestJoin) + 1);
    if (heldOn > ymd(y.y, 12, 31)) continue;
    const t = time('heart_to_heart', o, r);
    const talkedToSecretary = group.some((m) => m.id === o.secretaryId);
    const talker = talkedToSecretary ? (committee.find((m) => m.id !== o.secretaryId)?.name ?? host) : host;
    const names = group.map((m) => m.name).join('、');
    const text = `${talker ?? '支部书记'}同志与${names}同志谈心谈话，了解思想、工作和生活情况，听取对支部工作的意见建议。`;
    await add({
      row: meetingRow(
        o,
        'heart_to_heart',
        heldOn,
        t,
        {
          topic: `谈心谈话：与${names}同志谈心`,
          place: r.pick(
            rural(o) && o.unit !== 'community'
              ? ['村党群服务中心', '党员家中', t.start < 1080 ? '田间地头' : '党员家中', '书记办公室']
              : ['书记办公室', '党员活动室', '小会议室'],
          ),
          host: talker,
          recorder: null,
          minutes: minutesText(o, r, text),
        },
        r,
      ),
      attendance: group.map((m) => ({
        member_id: m.id,
        status: 'present',
        leave_reason: null,
        checked_in_at: null,
        method: 'secretary',
      })),
      motions: [],
      reviews: [],
    });
  }
}

export async function groupLife(s: Step, o: OrgInfo, r: Random) {
  const { months, orgs, add, time, randomDay, minutesText, attendance, meetingRow, membersOn } = s;
  const parent = o.parentId ? orgs.get(o.parentId) : undefined;
  if (!parent || !parent.direct.length) return;
  // The branch's members split among its groups; a group's roster is 8–15 of its share.
  const siblings = parent.children.filter((ch) => ch.type === 'group').sort((a, b) => a.id - b.id);
  const index = siblings.findIndex((s) => s.id === o.id);
  const share = parent.direct.filter((_, i) => i % siblings.length === index);
  const roster = share.slice(0, r.int(8, 15));
  if (!roster.length) return;
  const leader = roster[0];
  const recorder = roster[1]?.name ?? null;
  for (const mo of months) {
    if (r.chance(o.miss)) continue;
    const heldOn = randomDay(r, mo.from, mo.to, false);
    const t = time('group_meeting', o, r);
    const att = attendance(o, r, membersOn(roster, heldOn), heldOn, t.start);
    const topic = `党小组会：${r.pick(GROUP_TOPICS)}`;
    const text = `组长${leader.name}同志${topic.slice(5)}，组员交流了学习体会和近期生产生活情况。`;
    await add({
      row: meetingRow(
        o,
        'group_meeting',
        heldOn,
        t,
        { topic, place: r.pick(PLACES.group), host: leader.name, recorder, minutes: minutesText(o, r, text) },
        r,
      ),
      attendance: att,
      motions: [],
      reviews: [],
    });
  }
}

export async function committeeLife(s: Step, o: OrgInfo, r: Random) {
  const { years, add, committeeOf, hostOf, recorderOf, placeOf, time, attendance, meetingRow, membersOn } = s;
  const committee = committeeOf(o);
  if (!committee.length) return;
  const host = hostOf(o, committee);
  for (const y of years) {
    const day = annualDay(s, o, r, y);
    if (!day) continue;
    const t = time('leadership_life_meeting', o, r);
    const att = attendance(o, r, membersOn(committee, day), day, t.start, { bonus: 0.08 });
    const text = '班子成员逐一作对照检查发言，开展批评和自我批评，会议形成问题整改清单，明确整改时限和责任人。';
    await add({
      row: meetingRow(
        o,
        'leadership_life_meeting',
        day,
        t,
        {
          topic: r.pick(['召开年度民主生活会', '领导班子年度民主生活会']),
          place: placeOf(o, r),
          host,
          recorder: recorderOf(o, committee, host),
          minutes: text,
        },
        r,
      ),
      attendance: att,
      motions: [],
      reviews: [],
    });
  }
}
