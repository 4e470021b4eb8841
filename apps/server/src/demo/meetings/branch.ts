/** The meetings demo of a branch: its monthly, quarterly and yearly life. */
import { tallyMotion } from '../../areas/life/meetings/meetings.votes.js';
import { Random, fromDay, toDay } from '../random.js';
import {
  type AttendanceRow,
  DEMO_THEME_DAY,
  Mem,
  type MeetingRow,
  MotionRow,
  OrgInfo,
  RURAL_UNITS,
  ymd,
} from './plan.js';
import { COMMITTEE_TOPICS, LEADERS, LECTURES, LECTURES_RURAL, LECTURES_URBAN, STUDY, THEMES } from './texts.js';
import type { Step } from './writer.js';
import { grades, annualDay, talks } from './yearly.js';

export async function branchLife(s: Step, o: OrgInfo, r: Random) {
  const { today, months, quarters, years, add, rural, nameOf, committeeOf, hostOf, recorderOf, placeOf } = s;
  const { time, randomDay, minutesText, attendance, meetingRow, membersOn } = s;
  const pool = o.subtree;
  const committee = committeeOf(o);
  const host = hostOf(o, committee);
  const recorder = recorderOf(o, pool.length ? pool : committee, host);
  const office = !rural(o);
  const ruralTheme = RURAL_UNITS.has(o.unit);
  if (!pool.length) return;
  // A meeting with its attendance only (no motions, no reviews).
  const addPlain = (row: MeetingRow, att: AttendanceRow[]) => add({ row, attendance: att, motions: [], reviews: [] });

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
      await addPlain(
        meetingRow(
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
        att,
      );
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
      await addPlain(
        meetingRow(
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
        att,
      );
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
      await generalMeeting(s, o, r, heldOn, pool, host, recorder);
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
      await addPlain(
        meetingRow(
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
        att,
      );
    }
  }

  for (const y of years) {
    // 组织生活会 and 民主评议党员, once a year at the branch's habitual time.
    const day = annualDay(s, o, r, y);
    if (day && !r.chance(o.miss)) {
      const t = time('life_meeting', o, r);
      const att = attendance(o, r, membersOn(pool, day), day, t.start);
      const text =
        `支部委员会通报了年度工作情况，${r.chance(0.5) ? '支部书记带头作对照检查，' : ''}党员逐一对照党章党规查摆问题，开展批评和自我批评。` +
        `会议梳理了问题清单，明确了整改措施。`;
      await addPlain(
        meetingRow(
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
        att,
      );
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
    if (o.direct.length) await talks(s, o, r, y, host, committee);
  }
}

export async function generalMeeting(
  s: Step,
  o: OrgInfo,
  r: Random,
  heldOn: string,
  pool: Mem[],
  host: string | null,
  recorder: string | null,
) {
  const { add, placeOf, time, minutesText, attendance, presentCount, meetingRow, membersOn } = s;
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
      (m) => [`${m.name}同志预备党员转为正式党员`, `同意${m.name}同志按期转为中共正式党员，报上级党组织审批`] as const,
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
