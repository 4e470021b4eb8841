/**
 * China time in one place, for the server and the web app: China keeps UTC+8 all year (no daylight
 * saving), so a China date is the UTC date of the instant moved by eight hours. Dates are `YYYY-MM-DD`
 * strings of the China calendar; instants are ISO strings in UTC. Working days follow the State Council's
 * published holiday calendar (放假 and 调休), kept below as data.
 */

/** China's offset from UTC (Asia/Shanghai, no daylight saving). */
export const CHINA_OFFSET_MS = 8 * 3_600_000;
/** The IANA time zone of China time, for schedulers and Intl. */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';
const DAY_MS = 86_400_000;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const ms = (at: Date | string | number) =>
  typeof at === 'number' ? at : typeof at === 'string' ? Date.parse(at) : at.getTime();
const utcMs = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** The China date of an instant, `YYYY-MM-DD`. */
export function chinaDay(at: Date | string | number): string {
  return new Date(ms(at) + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today in China, `YYYY-MM-DD`. */
export function chinaToday(now: Date = new Date()): string {
  return chinaDay(now);
}

/** The China year of an instant. */
export function chinaYear(at: Date | string | number): number {
  return Number(chinaDay(at).slice(0, 4));
}

/** An instant as China local time, `YYYY-MM-DD HH:mm`. */
export function chinaDateTime(at: Date | string | number): string {
  return new Date(ms(at) + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** The instant (ISO, UTC) a China date begins. */
export function chinaDayStart(day: string): string {
  return new Date(utcMs(day) - CHINA_OFFSET_MS).toISOString();
}

/** The instant (ISO, UTC) of a China date and clock time `HH:mm`. */
export function chinaInstant(day: string, time: string): string {
  return new Date(`${day}T${time}:00+08:00`).toISOString();
}

/** A date plus some days (negative goes back). */
export function addDays(day: string, n: number): string {
  return new Date(utcMs(day) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((utcMs(b) - utcMs(a)) / DAY_MS);
}

/** Days in a month (leap years included). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A date plus some months, the day clamped to the month's length (01-31 plus one month is 02-28 or 02-29). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return `${pad(ny, 4)}-${pad(nm)}-${pad(Math.min(d, daysInMonth(ny, nm)))}`;
}

/** First and last day of a month `YYYY-MM`. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { from: `${month}-01`, to: `${month}-${pad(daysInMonth(y, m))}` };
}

/** The quarter key `YYYY-Qn` of a date. */
export function quarterOf(day: string): string {
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/** First and last day of a quarter `YYYY-Qn`. */
export function quarterRange(quarter: string): { quarter: string; from: string; to: string } {
  const y = Number(quarter.slice(0, 4));
  const last = Number(quarter.slice(6)) * 3;
  return { quarter, from: `${y}-${pad(last - 2)}-01`, to: `${y}-${pad(last)}-${pad(daysInMonth(y, last))}` };
}

/** The half-year key `YYYY-H1` / `YYYY-H2` of a date. */
export function halfYearOf(day: string): string {
  return `${day.slice(0, 4)}-H${Number(day.slice(5, 7)) <= 6 ? 1 : 2}`;
}

/** First and last day of a half-year `YYYY-H1` / `YYYY-H2`. */
export function halfYearRange(half: string): { from: string; to: string } {
  const y = half.slice(0, 4);
  return half.endsWith('H1') ? { from: `${y}-01-01`, to: `${y}-06-30` } : { from: `${y}-07-01`, to: `${y}-12-31` };
}

/** Monday = 0 … Sunday = 6. */
export function weekdayOf(day: string): number {
  return (new Date(utcMs(day)).getUTCDay() + 6) % 7;
}

/** The ISO week `YYYY-Www` of a date, with its Monday and Sunday. */
export function isoWeekOf(day: string): { week: string; from: string; to: string } {
  const monday = addDays(day, -weekdayOf(day));
  const year = Number(addDays(monday, 3).slice(0, 4));
  const jan4 = `${year}-01-04`;
  const week1Monday = addDays(jan4, -weekdayOf(jan4));
  const n = Math.round(daysBetween(week1Monday, monday) / 7) + 1;
  return { week: `${year}-W${pad(n)}`, from: monday, to: addDays(monday, 6) };
}

/** Monday and Sunday of an ISO week `YYYY-Www`; null when the year has no such week. */
export function isoWeekRange(week: string): { week: string; from: string; to: string } | null {
  const [y, w] = week.split('-W').map(Number) as [number, number];
  const jan4 = `${y}-01-04`;
  const r = isoWeekOf(addDays(addDays(jan4, -weekdayOf(jan4)), (w - 1) * 7));
  return r.week === week ? r : null;
}

/**
 * The State Council's holiday calendar (国务院办公厅关于部分节假日安排的通知): the days off (放假) and the
 * weekend days that are working days (调休上班). The notice for a year appears in November or December:
 * each December the new year's two lists are added here, as data (2024: 国办发明电〔2023〕7号;
 * 2025: 国办发明电〔2024〕12号; 2026: 国办发明电〔2025〕7号).
 */
export const HOLIDAY_CALENDAR: Record<number, { off: readonly string[]; work: readonly string[] }> = {
  2024: {
    off: [
      '01-01',
      ...['02-10', '02-11', '02-12', '02-13', '02-14', '02-15', '02-16', '02-17'],
      ...['04-04', '04-05', '04-06'],
      ...['05-01', '05-02', '05-03', '05-04', '05-05'],
      '06-10',
      ...['09-15', '09-16', '09-17'],
      ...['10-01', '10-02', '10-03', '10-04', '10-05', '10-06', '10-07'],
    ],
    work: ['02-04', '02-18', '04-07', '04-28', '05-11', '09-14', '09-29', '10-12'],
  },
  2025: {
    off: [
      '01-01',
      ...['01-28', '01-29', '01-30', '01-31', '02-01', '02-02', '02-03', '02-04'],
      ...['04-04', '04-05', '04-06'],
      ...['05-01', '05-02', '05-03', '05-04', '05-05'],
      ...['05-31', '06-01', '06-02'],
      ...['10-01', '10-02', '10-03', '10-04', '10-05', '10-06', '10-07', '10-08'],
    ],
    work: ['01-26', '02-08', '04-27', '09-28', '10-11'],
  },
  2026: {
    off: [
      ...['01-01', '01-02', '01-03'],
      ...['02-15', '02-16', '02-17', '02-18', '02-19', '02-20', '02-21', '02-22', '02-23'],
      ...['04-04', '04-05', '04-06'],
      ...['05-01', '05-02', '05-03', '05-04', '05-05'],
      ...['06-19', '06-20', '06-21'],
      ...['09-25', '09-26', '09-27'],
      ...['10-01', '10-02', '10-03', '10-04', '10-05', '10-06', '10-07'],
    ],
    work: ['01-04', '02-14', '02-28', '05-09', '09-20', '10-10'],
  },
};

const offDays = new Set<string>();
const workDays = new Set<string>();
for (const [year, c] of Object.entries(HOLIDAY_CALENDAR)) {
  for (const d of c.off) offDays.add(`${year}-${d}`);
  for (const d of c.work) workDays.add(`${year}-${d}`);
}

/** Whether a China date is a working day: a 调休 weekend day is, a holiday is not; other years by the weekday. */
export function isWorkingDay(day: string): boolean {
  if (workDays.has(day)) return true;
  if (offDays.has(day)) return false;
  return weekdayOf(day) < 5;
}

/** The date `n` working days after a date (the date itself not counted; n ≤ 0 gives the date). */
export function addWorkingDays(day: string, n: number): string {
  let d = day;
  for (let left = n; left > 0; ) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) left--;
  }
  return d;
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: string, to: string): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) n++;
  return n;
}
