/** The meetings demo's writer (batches inside one transaction) and its helpers bound to the county. */
import type { Insertable, Transaction } from 'kysely';
import type { DB, MeetingMotionsTable } from '../../db/schema/index.js';
import type { MeetingKind } from '../../areas/life/meetings/meetings.rules.js';
import { Random, fromDay, toDay } from '../random.js';
import {
  AttendanceRow,
  CHILD_BATCH,
  DEMO_THEME_DAY,
  MEETING_BATCH,
  MeetingRow,
  Mem,
  OrgInfo,
  PLACES,
  Pending,
  RURAL_UNITS,
  SELF_CHECKIN_UNITS,
  hhmm,
  instant,
  minutesOf,
  weekday,
} from './plan.js';
import { TIMES } from './texts.js';
import type { Window } from './window.js';
import { demoTick } from '../progress.js';
import { Bulk, type Row } from '../bulk.js';

const ATTENDANCE_COLUMNS = ['meeting_id', 'member_id', 'status', 'leave_reason', 'checked_in_at', 'method'];
const REVIEW_COLUMNS = ['meeting_id', 'member_id', 'grade'];
const MEETING_COLUMNS = [
  'tenant_id',
  'org_id',
  'org_path',
  'kind',
  'topic',
  'held_on',
  'start_time',
  'end_time',
  'place',
  'host_name',
  'recorder_name',
  'lecturer_member_id',
  'lecturer_role',
  'minutes',
  'decisions',
  'checkin_code',
  'checkin_from',
  'checkin_to',
  'created_by',
  'created_at',
  'updated_at',
  'deleted_at',
] as const satisfies readonly (keyof MeetingRow)[];

/** The counts the writer keeps as it goes. */
export interface Counts {
  meetings: number;
  attendance: number;
  motions: number;
  reviews: number;
}

/** Everything a step needs: the window, the writer bound to the transaction and the helpers. */
export async function countyStep(w: Window, trx: Transaction<DB>, counts: Counts, byKind: Map<string, number>) {
  const { c, nowIso, today, nowMinutes, year, memberById } = w;
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
  // The meetings, the half million attendance rows and the reviews through the demo's bulk writer (COPY on
  // PostgreSQL), not Kysely's builder: ids are assigned here, read inside the transaction (SQLite has one connection).
  const bulk = new Bulk(w.ctx);
  const top = await trx
    .selectFrom('meetings')
    .select((e) => e.fn.max('id').as('m'))
    .executeTakeFirst();
  let nextMeetingId = Number(top?.m ?? 0) + 1;
  const attBuf: Row[] = [];
  const flushChildren = async (all: boolean) => {
    if (attBuf.length >= CHILD_BATCH || (all && attBuf.length))
      await bulk.insert('meeting_attendance', ATTENDANCE_COLUMNS, attBuf.splice(0, attBuf.length), trx);
  };
  const flush = async () => {
    if (!pending.length) return;
    const batch = pending.splice(0, pending.length);
    const rows = batch.map((p) => [nextMeetingId++, ...MEETING_COLUMNS.map((k) => p.row[k] ?? null)]);
    await bulk.insert('meetings', ['id', ...MEETING_COLUMNS], rows, trx);
    const ids = rows.map((r) => r[0] as number);
    const motions: Insertable<MeetingMotionsTable>[] = [];
    const reviews: Row[] = [];
    batch.forEach((p, i) => {
      const id = ids[i];
      // The province's counties keep attendance rows of the last quarter only (docs/SCALE.md).
      const keep = !c.attendanceFrom || p.row.held_on >= c.attendanceFrom;
      for (const a of keep ? p.attendance : [])
        attBuf.push([id, a.member_id, a.status, a.leave_reason ?? null, a.checked_in_at ?? null, a.method ?? null]);
      for (const m of p.motions) motions.push({ ...m, meeting_id: id });
      for (const r of p.reviews) reviews.push([id, r.member_id, r.grade]);
      if (keep) counts.attendance += p.attendance.length;
    });
    await flushChildren(false);
    if (motions.length) await trx.insertInto('meeting_motions').values(motions).execute();
    await bulk.insert('meeting_reviews', REVIEW_COLUMNS, reviews, trx);
    counts.motions += motions.length;
    counts.reviews += reviews.length;
    demoTick(() => `${counts.meetings} 次会议 meetings，${counts.attendance} 条出席 attendance`);
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
  return {
    ...w,
    flushChildren,
    flush,
    add,
    rural,
    nameOf,
    committeeOf,
    hostOf,
    recorderOf,
    placeOf,
    time,
    randomDay,
    minutesText,
    attendance,
    presentCount,
    meetingRow,
    membersOn,
  };
}
export type Step = Awaited<ReturnType<typeof countyStep>>;
