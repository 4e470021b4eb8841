/** Loads the meetings demo: five years of meetings, attendance, motions and reviews of every branch. */
import { CHINA_OFFSET_MS, chinaToday } from '@dangjian/contracts';
import type { Insertable, Transaction } from 'kysely';
import type { DB, MeetingAttendanceTable, MeetingMotionsTable, MeetingReviewsTable } from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import { excellentWithinShare, tallyMotion } from '../../areas/life/meetings/meetings.votes.js';
import type { MeetingKind } from '../../areas/life/meetings/meetings.rules.js';
import type { DemoOrg } from '../county.js';
import type { DemoContributor, LoadedCounty } from '../load.js';
import { Random, fromDay, toDay } from '../random.js';
import {
  AttendanceRow,
  BEHIND_SHARE,
  BRANCH_TYPES,
  CHILD_BATCH,
  DEMO_THEME_DAY,
  MEETING_BATCH,
  MeetingRow,
  Mem,
  MotionRow,
  OrgInfo,
  PLACES,
  Pending,
  RURAL_UNITS,
  ReviewRow,
  SELF_CHECKIN_UNITS,
  Unit,
  daysIn,
  hhmm,
  instant,
  memberOf,
  minutesOf,
  weekday,
  ymd,
} from './plan.js';
import {
  COMMITTEE_TOPICS,
  GROUP_TOPICS,
  LEADERS,
  LECTURES,
  LECTURES_RURAL,
  LECTURES_URBAN,
  STUDY,
  THEMES,
  TIMES,
} from './texts.js';

/** Loads a county's organizational life; see the file comment. */
async function loadMeetings(ctx: Ctx, c: LoadedCounty, rng: Random, log: (line: string) => void): Promise<void> {
  const now = ctx.clock();
  const nowIso = now.toISOString();
  const today = chinaToday(now);
  const nowMinutes = Math.floor(((now.getTime() + CHINA_OFFSET_MS) % 86_400_000) / 60_000);
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));

  // The window: the current month and the eleven before it; cadence units overlapping it.
  const months: { y: number; m: number; from: string; to: string }[] = [];
  for (let i = 11; i >= 0; i--) {
    const idx = year * 12 + (month - 1) - i;
    const y = Math.floor(idx / 12);
    const m = (idx % 12) + 1;
    months.push({ y, m, from: ymd(y, m, 1), to: ymd(y, m, daysIn(y, m)) });
  }
  const windowStart = months[0].from;
  const quarters: { from: string; to: string }[] = [];
  for (const mo of months) {
    const q = Math.ceil(mo.m / 3);
    const from = ymd(mo.y, q * 3 - 2, 1);
    const to = ymd(mo.y, q * 3, daysIn(mo.y, q * 3));
    const partFrom = from < windowStart ? windowStart : from;
    if (!quarters.some((x) => x.to === to)) quarters.push({ from: partFrom, to });
  }
  const years = [...new Set(months.map((m) => m.y))].map((y) => ({
    y,
    from: ymd(y, 1, 1) < windowStart ? windowStart : ymd(y, 1, 1),
    to: ymd(y, 12, 31),
  }));

  const orgRows = await ctx.db
    .selectFrom('orgs')
    .select(['id', 'parent_id', 'type', 'org_path', 'name', 'secretary_member_id', 'committee'])
    .where('tenant_id', '=', c.tenantId)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
  const memberRows = await ctx.db
    .selectFrom('members')
    .select(['id', 'name', 'org_id', 'joined_at', 'full_member_at', 'birth_date', 'category'])
    .where('tenant_id', '=', c.tenantId)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();

  const unitById = new Map<number, Unit>();
  const townshipOf = new Map<number, number | null>();
  const keyToOrg = new Map(c.county.orgs.map((o) => [o.key, o]));
  for (const [key, id] of c.orgIds) {
    const o = keyToOrg.get(key)!;
    unitById.set(id, o.unit);
    let t: DemoOrg | undefined = o;
    while (t && t.unit !== 'township') t = t.parentKey ? keyToOrg.get(t.parentKey) : undefined;
    townshipOf.set(id, t ? c.orgIds.get(t.key)! : null);
  }

  const orgs = new Map<number, OrgInfo>();
  for (const r of orgRows) {
    const seats = (JSON.parse(r.committee) as { memberId?: number | null }[])
      .map((s) => s.memberId ?? 0)
      .filter((x) => x > 0);
    orgs.set(r.id, {
      id: r.id,
      parentId: r.parent_id,
      type: r.type,
      path: r.org_path,
      name: r.name,
      unit: unitById.get(r.id) ?? 'organ',
      secretaryId: r.secretary_member_id,
      seats,
      direct: [],
      subtree: [],
      children: [],
      behind: false,
      miss: 0,
      habit: 'janfeb',
    });
  }
  for (const o of orgs.values()) if (o.parentId && orgs.has(o.parentId)) orgs.get(o.parentId)!.children.push(o);
  const memberById = new Map<number, Mem>();
  for (const r of memberRows) {
    const org = orgs.get(r.org_id);
    if (!org) continue;
    const m = memberOf(r, org.unit, today);
    memberById.set(m.id, m);
    org.direct.push(m);
    for (let o: OrgInfo | undefined = org; o; o = o.parentId ? orgs.get(o.parentId) : undefined) {
      if (BRANCH_TYPES.has(o.type)) o.subtree.push(m);
    }
  }

  // Who is behind: most of them in two rural townships, a few scattered elsewhere.
  const ordered = c.county.orgs.map((o) => orgs.get(c.orgIds.get(o.key)!)!).filter(Boolean);
  const branches = ordered.filter((o) => BRANCH_TYPES.has(o.type));
  const townships = ordered.filter((o) => o.unit === 'township');
  const laggingTowns = new Set(rng.sample(townships.slice(3), 2).map((t) => t.id));
  const inLagging = branches.filter((b) => laggingTowns.has(townshipOf.get(b.id) ?? -1));
  const target = Math.round(branches.length * BEHIND_SHARE);
  const fromLagging = Math.min(Math.round(target * 0.6), Math.round(inLagging.length * 0.7));
  const behind = new Set(
    [
      ...rng.sample(inLagging, fromLagging),
      ...rng.sample(
        branches.filter((b) => !laggingTowns.has(townshipOf.get(b.id) ?? -1)),
        target - fromLagging,
      ),
    ].map((b) => b.id),
  );
  for (const o of ordered) {
    const parent = o.parentId ? orgs.get(o.parentId) : undefined;
    o.behind = behind.has(o.id) || (o.type === 'group' && !!parent && behind.has(parent.id));
    o.miss = o.behind ? 0.3 + rng.next() * 0.2 : rng.chance(0.25) ? 0 : 0.03 + rng.next() * 0.07;
    o.habit = rng.chance(o.type === 'committee' ? 0.5 : 0.75) ? 'janfeb' : 'dec';
  }

  // ---- writing, in batches, inside one transaction ----
  const counts = { meetings: 0, attendance: 0, motions: 0, reviews: 0 };
  const byKind = new Map<string, number>();

  await ctx.db.transaction().execute(async (trx) => {
    const ruleRows = [year - 1, year].map((y) => ({
      tenant_id: c.tenantId,
      rule_set: 'meetings',
      key: 'theme_day',
      year: y,
      value: JSON.stringify({ every: 'month', min: 1, fixedDay: DEMO_THEME_DAY }),
      reason: '本县主题党日定为每月固定日 (the county fixes its party day)',
      updated_at: nowIso,
      updated_by: null,
    }));
    await trx.insertInto('rule_overrides').values(ruleRows).execute();

    const pending: Pending[] = [];
    const attBuf: Insertable<MeetingAttendanceTable>[] = [];
    const flushChildren = async (all: boolean) => {
      while (attBuf.length >= CHILD_BATCH || (all && attBuf.length)) {
        await trx.insertInto('meeting_attendance').values(attBuf.splice(0, CHILD_BATCH)).execute();
      }
    };
    const flush = async () => {
      if (!pending.length) return;
      const batch = pending.splice(0, pending.length);
      const ids = await insertMeetings(
        trx,
        batch.map((p) => p.row),
      );
      const motions: Insertable<MeetingMotionsTable>[] = [];
      const reviews: Insertable<MeetingReviewsTable>[] = [];
      batch.forEach((p, i) => {
        const id = ids[i];
        for (const a of p.attendance) attBuf.push({ ...a, meeting_id: id });
        for (const m of p.motions) motions.push({ ...m, meeting_id: id });
        for (const r of p.reviews) reviews.push({ ...r, meeting_id: id });
        counts.attendance += p.attendance.length;
      });
      await flushChildren(false);
      if (motions.length) await trx.insertInto('meeting_motions').values(motions).execute();
      for (let i = 0; i < reviews.length; i += CHILD_BATCH)
        await trx
          .insertInto('meeting_reviews')
          .values(reviews.slice(i, i + CHILD_BATCH))
          .execute();
      counts.motions += motions.length;
      counts.reviews += reviews.length;
    };

    /** Adds a meeting (or drops it when it is not over yet); returns whether it was added. */
    const add = async (p: Pending): Promise<boolean> => {
      const end = minutesOf(p.row.end_time ?? p.row.start_time);
      if (p.row.held_on > today || (p.row.held_on === today && end > nowMinutes)) return false;
      pending.push(p);
      counts.meetings += 1;
      byKind.set(p.row.kind, (byKind.get(p.row.kind) ?? 0) + 1);
      if (pending.length >= MEETING_BATCH) await flush();
      return true;
    };

    // ---- helpers bound to the county ----
    const rural = (o: OrgInfo) => RURAL_UNITS.has(o.unit) || o.unit === 'community';
    const nameOf = (id: number | null | undefined) => (id ? (memberById.get(id)?.name ?? null) : null);
    /**
     * Committee seats and secretary, as the service lists them; where an org has none of its own (a general branch, a
     * committee without staff), the secretaries of the orgs under it.
     */
    const committeeOf = (o: OrgInfo): Mem[] => {
      const ids = new Set(o.seats);
      if (o.secretaryId) ids.add(o.secretaryId);
      const own = [...ids].map((id) => memberById.get(id)).filter((m): m is Mem => !!m);
      if (own.length >= (o.type === 'committee' ? 5 : 1)) return own;
      const secretaries = (list: OrgInfo[]) =>
        list
          .map((ch) => (ch.secretaryId ? memberById.get(ch.secretaryId) : undefined))
          .filter((m): m is Mem => !!m && !ids.has(m.id));
      const committees = secretaries(o.children.filter((ch) => ch.type === 'committee'));
      const extra = committees.length ? committees : secretaries(o.children);
      return [...own, ...extra.slice(0, 9 - own.length)];
    };
    const hostOf = (o: OrgInfo, committee: Mem[]) => nameOf(o.secretaryId) ?? committee[0]?.name ?? null;
    const recorderOf = (o: OrgInfo, pool: Mem[], host: string | null) => {
      const seat = o.seats.map((id) => memberById.get(id)).find((m) => m && m.name !== host && m.id !== o.secretaryId);
      if (seat) return seat.name;
      return pool.find((m) => m.name !== host)?.name ?? host;
    };
    const placeOf = (o: OrgInfo, r: Random) => r.pick(PLACES[o.unit]);
    const time = (kind: MeetingKind, o: OrgInfo, r: Random) => {
      const t = TIMES[kind];
      const start = r.pick(rural(o) && o.unit !== 'community' ? t.rural : t.office);
      const len = r.int(t.minutes[0] / 10, t.minutes[1] / 10) * 10;
      return { start, end: Math.min(start + len, 23 * 60 + 30) };
    };
    const randomDay = (r: Random, from: string, to: string, office: boolean) => {
      let d = r.int(toDay(from), toDay(to));
      for (let i = 0; office && i < 6 && (weekday(d) === 0 || weekday(d) === 6); i++) d = r.int(toDay(from), toDay(to));
      return fromDay(d);
    };
    const enteredAt = (r: Random, heldOn: string, end: number) => {
      const lag = r.chance(0.03)
        ? r.int(10, 20)
        : r.weighted([
            [0, 40],
            [1, 30],
            [2, 17],
            [3, 13],
          ] as const);
      const day = fromDay(toDay(heldOn) + lag);
      const minute =
        lag === 0 ? r.int(Math.min(end + 10, 23 * 60), Math.min(end + 180, 23 * 60 + 50)) : r.int(8 * 60 + 30, 22 * 60);
      const at = instant(day, minute);
      return at > nowIso ? nowIso : at;
    };
    const minutesText = (o: OrgInfo, r: Random, text: string) => (r.chance(o.behind ? 0.15 : 0.04) ? null : text);

    /** Attendance of expected members: present, on leave with a reason, or absent; some sign themselves in. */
    const attendance = (
      o: OrgInfo,
      r: Random,
      expected: Mem[],
      heldOn: string,
      start: number,
      opts: { bonus?: number; selfCheckin?: boolean } = {},
    ): AttendanceRow[] => {
      const self = opts.selfCheckin && SELF_CHECKIN_UNITS.has(o.unit) && r.chance(0.45);
      const shift = (opts.bonus ?? 0) - (o.behind ? 0.06 : 0);
      return expected.map((m) => {
        const x = r.next();
        const p = Math.min(0.99, m.pPresent + shift);
        if (x < p) {
          if (self && r.chance(0.6))
            return {
              member_id: m.id,
              status: 'present',
              leave_reason: null,
              checked_in_at: instant(heldOn, start - r.int(0, 25)),
              method: 'self',
            };
          return { member_id: m.id, status: 'present', leave_reason: null, checked_in_at: null, method: 'secretary' };
        }
        if (x < p + m.pLeave)
          return {
            member_id: m.id,
            status: 'leave',
            leave_reason: r.weighted(m.reasons),
            checked_in_at: null,
            method: 'secretary',
          };
        return { member_id: m.id, status: 'absent', leave_reason: null, checked_in_at: null, method: 'secretary' };
      });
    };
    const presentCount = (rows: AttendanceRow[]) => rows.filter((a) => a.status === 'present').length;
    const meetingRow = (
      o: OrgInfo,
      kind: MeetingKind,
      heldOn: string,
      t: { start: number; end: number },
      f: {
        topic: string;
        place: string | null;
        host: string | null;
        recorder: string | null;
        minutes: string | null;
        decisions?: string | null;
        lecturerId?: number | null;
        lecturerRole?: string | null;
      },
      r: Random,
    ): MeetingRow => {
      const created = enteredAt(r, heldOn, t.end);
      return {
        tenant_id: c.tenantId,
        org_id: o.id,
        org_path: o.path,
        kind,
        topic: f.topic,
        held_on: heldOn,
        start_time: hhmm(t.start),
        end_time: hhmm(t.end),
        place: f.place,
        host_name: f.host,
        recorder_name: f.recorder,
        lecturer_member_id: f.lecturerId ?? null,
        lecturer_role: f.lecturerRole ?? null,
        minutes: f.minutes,
        decisions: f.decisions ?? null,
        checkin_code: null,
        checkin_from: null,
        checkin_to: null,
        created_by: null,
        created_at: created,
        updated_at: created,
        deleted_at: null,
      };
    };
    const membersOn = (pool: Mem[], heldOn: string) => pool.filter((m) => m.joined < heldOn);

    // ---- per organization, in the county's order ----
    for (const o of ordered) {
      const r = rng.fork(o.id);
      if (BRANCH_TYPES.has(o.type)) await branchLife(o, r);
      else if (o.type === 'group') await groupLife(o, r);
      else if (o.type === 'committee') await committeeLife(o, r);
    }
    await flush();
    await flushChildren(true);

    async function branchLife(o: OrgInfo, r: Random) {
      const pool = o.subtree;
      const committee = committeeOf(o);
      const host = hostOf(o, committee);
      const recorder = recorderOf(o, pool.length ? pool : committee, host);
      const office = !rural(o);
      const ruralTheme = RURAL_UNITS.has(o.unit);
      if (!pool.length) return;

      for (const mo of months) {
        // 主题党日 on the fixed day, a few a day or three either side.
        if (!r.chance(o.miss)) {
          const day = r.chance(0.9) ? DEMO_THEME_DAY : r.pick([4, 6, 7, 8]);
          const heldOn = ymd(mo.y, mo.m, day);
          const [theme, , place] = r.pick(
            THEMES[mo.m].filter((t) => t[1] === 'all' || t[1] === (ruralTheme ? 'rural' : 'urban')),
          );
          const title = theme.replace('{n}', String(mo.y - 1921));
          const t = time('theme_day', o, r);
          const att = attendance(o, r, membersOn(pool, heldOn), heldOn, t.start, { selfCheckin: true });
          const text =
            `开展“${title}”主题党日活动，` +
            `组织党员重温入党誓词${r.chance(0.5) ? '，集中学习有关文件精神' : ''}` +
            `。${r.chance(0.6) ? `${host ?? '书记'}同志对下一步工作作了安排。` : ''}`;
          await add({
            row: meetingRow(
              o,
              'theme_day',
              heldOn,
              t,
              {
                topic: `主题党日：${title}`,
                place: place && r.chance(0.7) ? place : placeOf(o, r),
                host,
                recorder,
                minutes: minutesText(o, r, text),
              },
              r,
            ),
            attendance: att,
            motions: [],
            reviews: [],
          });
        }
        // 支部委员会, once a month.
        if (!r.chance(o.miss)) {
          const heldOn = randomDay(r, mo.from, mo.to, office);
          const topics = [...COMMITTEE_TOPICS.all, ...(ruralTheme ? COMMITTEE_TOPICS.rural : COMMITTEE_TOPICS.urban)];
          let topic = r.pick(topics);
          if ((mo.m === 12 || mo.m === 1) && r.chance(0.4)) topic = '研究年度组织生活会和民主评议党员工作方案';
          if (heldOn >= '2025-10-25' && heldOn <= '2026-03-31' && r.chance(0.2))
            topic = '传达学习党的二十届四中全会精神，研究贯彻落实措施';
          const t = time('committee_meeting', o, r);
          const att = attendance(o, r, membersOn(committee, heldOn), heldOn, t.start, { bonus: 0.05 });
          const text = `会议${topic.replace(/^研究/, '研究了')}，明确了责任分工和完成时限。`;
          await add({
            row: meetingRow(
              o,
              'committee_meeting',
              heldOn,
              t,
              {
                topic,
                place: placeOf(o, r),
                host,
                recorder,
                minutes: minutesText(o, r, text),
                decisions: r.chance(0.3) ? '按会议分工抓好落实，下次支委会听取进展情况。' : null,
              },
              r,
            ),
            attendance: att,
            motions: [],
            reviews: [],
          });
        }
      }

      for (const q of quarters) {
        // 支部党员大会: on the day the branch received or converted a member when there was one.
        if (!r.chance(o.miss)) {
          const events = o.direct
            .flatMap((m) => [
              ...(m.joined >= q.from && m.joined <= q.to && !m.full ? [m.joined] : []),
              ...(m.full && m.full >= q.from && m.full <= q.to && m.full !== m.joined ? [m.full] : []),
            ])
            .filter((d) => d <= today);
          const heldOn = events.length && r.chance(0.85) ? r.pick(events) : randomDay(r, q.from, q.to, office);
          await generalMeeting(o, r, heldOn, pool, host, recorder);
        }
        // 党课.
        if (!r.chance(o.miss)) {
          const heldOn = randomDay(r, q.from, q.to, office);
          const t = time('party_lecture', o, r);
          const title = r.pick([...LECTURES, ...LECTURES, ...(ruralTheme ? LECTURES_RURAL : LECTURES_URBAN)]);
          let role: 'secretary' | 'leader' | 'member' | 'other' = r.weighted([
            ['secretary', 70],
            ['leader', 12],
            ['member', 10],
            ['other', 8],
          ] as const);
          let lecturerId: number | null = null;
          let who = '';
          if (role === 'secretary' && !(o.secretaryId ?? committee[0]?.id)) role = 'leader';
          if (role === 'secretary') {
            lecturerId = o.secretaryId ?? committee[0].id;
            who = `支部书记${nameOf(lecturerId) ?? ''}`;
          } else if (role === 'member') {
            const senior = pool.filter((m) => m.age >= 55 && m.joined < heldOn);
            const m = senior.length ? r.pick(senior) : r.pick(pool);
            lecturerId = m.id;
            who = `老党员${m.name}`;
          } else who = role === 'leader' ? r.pick(LEADERS) : r.pick(['县委党校教师', '县委宣讲团成员', '乡镇党校教师']);
          const att = attendance(o, r, membersOn(pool, heldOn), heldOn, t.start, { selfCheckin: true });
          const text = `${who}同志以“${title}”为题讲授专题党课。${r.chance(0.6) ? '党员们结合自身实际交流了学习体会。' : ''}`;
          await add({
            row: meetingRow(
              o,
              'party_lecture',
              heldOn,
              t,
              {
                topic: `党课：${title}`,
                place: placeOf(o, r),
                host,
                recorder,
                minutes: minutesText(o, r, text),
                lecturerId,
                lecturerRole: role,
              },
              r,
            ),
            attendance: att,
            motions: [],
            reviews: [],
          });
        }
      }

      for (const y of years) {
        // 组织生活会 and 民主评议党员, once a year at the branch's habitual time.
        const day = annualDay(o, r, y);
        if (day && !r.chance(o.miss)) {
          const t = time('life_meeting', o, r);
          const att = attendance(o, r, membersOn(pool, day), day, t.start);
          const text =
            `支部委员会通报了年度工作情况，${r.chance(0.5) ? '支部书记带头作对照检查，' : ''}党员逐一对照党章党规查摆问题，开展批评和自我批评。` +
            `会议梳理了问题清单，明确了整改措施。`;
          await add({
            row: meetingRow(
              o,
              'life_meeting',
              day,
              t,
              {
                topic: r.pick([
                  '召开年度组织生活会',
                  '年度组织生活会：对照检视 查摆问题',
                  '召开年度组织生活会，开展批评和自我批评',
                ]),
                place: placeOf(o, r),
                host,
                recorder,
                minutes: minutesText(o, r, text),
              },
              r,
            ),
            attendance: att,
            motions: [],
            reviews: [],
          });
        }
        if (day && !r.chance(o.miss)) {
          const t2 = time('member_review', o, r);
          const reviewDay = r.chance(0.7) ? day : fromDay(toDay(day) + 1);
          const expected = membersOn(pool, reviewDay);
          const att = attendance(o, r, expected, reviewDay, t2.start);
          const reviews = grades(
            r,
            expected.filter((m) => m.full && m.full < reviewDay),
            att,
          );
          const text = `党员进行个人总结和自我评价，党员之间互评互议，支部委员会综合评议情况确定评定等次。共评议党员${reviews.length}名。`;
          await add({
            row: meetingRow(
              o,
              'member_review',
              reviewDay,
              t2,
              {
                topic: r.pick(['开展年度民主评议党员', '民主评议党员大会']),
                place: placeOf(o, r),
                host,
                recorder,
                minutes: minutesText(o, r, text),
              },
              r,
            ),
            attendance: att,
            motions: [],
            reviews,
          });
        }
        // 谈心谈话: each member once a year, mostly before the annual meeting; members of this org itself.
        if (o.direct.length) await talks(o, r, y, host, committee);
      }
    }

    async function generalMeeting(
      o: OrgInfo,
      r: Random,
      heldOn: string,
      pool: Mem[],
      host: string | null,
      recorder: string | null,
    ) {
      const t = time('general_meeting', o, r);
      const expected = membersOn(pool, heldOn);
      const att = attendance(o, r, expected, heldOn, t.start, { selfCheckin: true });
      const joiners = o.direct.filter((m) => m.joined === heldOn && !m.full);
      const converts = o.direct.filter((m) => m.full === heldOn && m.full !== m.joined);
      const entitledIds = new Set(expected.filter((m) => m.full && m.full < heldOn).map((m) => m.id));
      const presentVoting = att.filter((a) => a.status === 'present' && entitledIds.has(a.member_id)).length;
      const motions: MotionRow[] = [];
      const decisions: string[] = [];
      for (const [title, decision] of [
        ...joiners.map(
          (m) => [`接收${m.name}同志为中共预备党员`, `同意接收${m.name}同志为中共预备党员，报上级党组织审批`] as const,
        ),
        ...converts.map(
          (m) =>
            [`${m.name}同志预备党员转为正式党员`, `同意${m.name}同志按期转为中共正式党员，报上级党组织审批`] as const,
        ),
      ]) {
        const no = presentVoting > 10 && r.chance(0.15) ? 1 : 0;
        const abstain = presentVoting > 6 && r.chance(0.2) ? r.int(1, 2) : 0;
        const yes = Math.max(0, presentVoting - no - abstain);
        const tally = tallyMotion({ entitled: entitledIds.size, presentVoting, yes, no, abstain });
        if (!tally.valid) continue;
        motions.push({
          title,
          yes,
          no,
          abstain,
          entitled: entitledIds.size,
          present_voting: presentVoting,
          quorum_met: tally.quorumMet ? 1 : 0,
          passed: tally.passed ? 1 : 0,
        });
        decisions.push(tally.passed ? decision : `${title}未获通过，会后另行研究`);
      }
      const topic = motions.length
        ? `支部党员大会：讨论${joiners.length ? '接收预备党员' : ''}${joiners.length && converts.length ? '和' : ''}` +
          `${converts.length ? '预备党员转正' : ''}`
        : `支部党员大会：${r.pick([...STUDY, '通报支部工作情况', '收缴党费及党费使用情况通报', '学习传达上级会议精神'])}`;
      const voting = motions.length
        ? `有表决权的正式党员${entitledIds.size}名，到会${presentVoting}名，会议进行了表决。`
        : '会议通报了支部近期工作情况，与会党员进行了讨论。';
      const text = `会议由${host ?? '支部书记'}同志主持，应到党员${expected.length}名，实到${presentCount(att)}名。${voting}`;
      await add({
        row: meetingRow(
          o,
          'general_meeting',
          heldOn,
          t,
          {
            topic,
            place: placeOf(o, r),
            host,
            recorder,
            minutes: motions.length ? text : minutesText(o, r, text),
            decisions: decisions.length ? `${decisions.join('；')}。` : null,
          },
          r,
        ),
        attendance: att,
        motions,
        reviews: [],
      });
    }

    /** At most a third excellent (fewer in practice), a few basically qualified, the rest qualified. */
    function grades(r: Random, graded: Mem[], att: AttendanceRow[]): ReviewRow[] {
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
    function annualDay(o: OrgInfo, r: Random, y: { y: number; from: string; to: string }): string | null {
      const slot = (h: 'janfeb' | 'dec') =>
        (h === 'janfeb' ? [ymd(y.y, 1, 6), ymd(y.y, 2, 26)] : [ymd(y.y, 12, 8), ymd(y.y, 12, 30)]) as [string, string];
      let [from, to] = slot(o.habit);
      if (to < y.from) [from, to] = slot('dec'); // this year's January is before the window: the year-end one is
      if (from < y.from) from = y.from;
      if (from > to) return null;
      return randomDay(r, from, to, !rural(o));
    }

    async function talks(
      o: OrgInfo,
      r: Random,
      y: { y: number; from: string; to: string },
      host: string | null,
      committee: Mem[],
    ) {
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

    async function groupLife(o: OrgInfo, r: Random) {
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

    async function committeeLife(o: OrgInfo, r: Random) {
      const committee = committeeOf(o);
      if (!committee.length) return;
      const host = hostOf(o, committee);
      for (const y of years) {
        const day = annualDay(o, r, y);
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
  });

  const kinds = [...byKind.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  log(
    `  meetings: ${counts.meetings} (${kinds}); attendance ${counts.attendance}, motions ${counts.motions}, ` +
      `reviews ${counts.reviews}; ${behind.size} of ${branches.length} branches behind`,
  );
}

/** Inserts meetings and returns their ids in the order given (checked, not assumed). */
async function insertMeetings(trx: Transaction<DB>, rows: MeetingRow[]): Promise<number[]> {
  const out = await trx
    .insertInto('meetings')
    .values(rows)
    .returning(['id', 'org_id', 'kind', 'held_on', 'created_at'])
    .execute();
  if (out.length !== rows.length) throw new Error('meetings insert returned a different number of rows');
  return out.map((o, i) => {
    const r = rows[i];
    if (o.org_id !== r.org_id || o.kind !== r.kind || o.held_on !== r.held_on || o.created_at !== r.created_at)
      throw new Error('meetings insert returned rows out of order');
    return o.id;
  });
}

/** The meetings module's part of the demo. */
export const meetingsContributor: DemoContributor = {
  name: 'meetings',
  load: loadMeetings,
};
