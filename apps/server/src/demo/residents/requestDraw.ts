/**
 * The drawing of the requests demo, in runs of days ("chunks") that depend only on the plan and their own index: the
 * loading thread and a second thread can draw the chunks side by side and still write the same rows as one thread
 * drawing them all in order (demo/residents/requestThreads.ts).
 */
import { RESIDENTS_RULE_DEFAULTS } from '@dangjian/contracts';
import { personName } from '../names.js';
import { Random, WeightedTable, mixSeed } from '../random.js';
import { CST_MS, DAY_MS, HOUR_MS, iso } from './plan.js';
import { CATEGORY_TEXT, DEPARTMENTS, RESULTS_LATER, RESULTS_ON_SPOT } from './texts.js';
import { type Row, SCOPED_COLUMNS, STAMP_COLUMNS, guardedColumns } from '../bulk.js';

/** A place as the requests need it: its organization, township, households and members. */
export interface RequestPlace {
  id: number;
  path: string;
  townshipKey: string;
  hhFrom: number;
  hhTo: number;
  members: { id: number; name: string }[];
}

/** A township as the requests need it: where escalated requests go, and its staff. */
export interface RequestTownship {
  id: number;
  path: string;
  staff: { id: number; name: string }[];
}

/** A household as the requests need it: its id, head and phone columns. */
export interface RequestHousehold {
  id: number;
  head: string;
  phoneEnc: string;
  phoneHash: string;
  phoneMasked: string;
}

/** Everything the drawing needs, as plain data that a worker thread receives by copy. */
export interface RequestsPlan {
  tenant: number;
  now: number;
  /** The seed of the chunks' generators. */
  seed: number;
  firstDay: number;
  /** Requests of each day from `firstDay`, drawn beforehand. */
  perDay: number[];
  /** The id of the first day's first request. */
  firstId: number;
  places: RequestPlace[];
  townships: [string, RequestTownship][];
  households: RequestHousehold[];
}

/** What one chunk drew: its rows, its timeline events (ids given when all are known), its tallies. */
export interface RequestsChunk {
  rows: Row[];
  events: Row[];
  tally: RequestsTally;
  /** The last acceptance number of each year drawn in the chunk. */
  lastNo: [number, number][];
}

/** The counts of the start log. */
export interface RequestsTally {
  open: number;
  overdue: number;
  escalatedOpen: number;
  closed: number;
}

/** Days per chunk: about 10,000 requests, a tenth of a second to write, so two threads take turns often. */
export const CHUNK_DAYS = 10;

/** The columns of a request row, in the order the drawing writes them. */
export const REQUEST_COLUMNS = [
  ...SCOPED_COLUMNS,
  'request_no',
  'origin_org_id',
  'origin_path',
  'household_id',
  'resident_name',
  'channel',
  'category',
  'description',
  'level',
  'status',
  'accepted_at',
  'due_at',
  'owner_member_id',
  'owner_name',
  'department',
  'escalations',
  'escalated_at',
  'closed_at',
  'result',
  'rating',
  'rated_at',
  'reopened',
  ...guardedColumns('phone'),
  'created_by',
  ...STAMP_COLUMNS,
];

/** The columns of a request's timeline event row. */
export const EVENT_COLUMNS = [
  'id',
  'tenant_id',
  'entity_type',
  'entity_id',
  'org_path',
  'action',
  'from_state',
  'to_state',
  'actor_id',
  'actor_name',
  'note',
  'data',
  'at',
];

const NO = REQUEST_COLUMNS.indexOf('request_no');
const AT = REQUEST_COLUMNS.indexOf('accepted_at');

/** The China year of a day number (days since 1970-01-01 in China time). */
const yearOfDay = (day: number) => new Date(day * DAY_MS).getUTCFullYear();

/** Draws the chunks of one plan; any chunk, in any order, on any thread, draws the same rows. */
export class RequestsDrawer {
  readonly chunks: number;
  private readonly placeTable: WeightedTable<number>;
  private readonly townships: Map<string, RequestTownship>;
  /** The first request id of each day. */
  private readonly dayFirstId: number[];
  /** The requests accepted earlier in the same year, for each day: its first acceptance number is one more. */
  private readonly dayNoBase: number[];

  constructor(private readonly plan: RequestsPlan) {
    this.chunks = Math.ceil(plan.perDay.length / CHUNK_DAYS);
    this.placeTable = new WeightedTable(plan.places.map((p, i) => [i, Math.pow(p.hhTo - p.hhFrom, 0.9)] as const));
    this.townships = new Map(plan.townships);
    this.dayFirstId = [];
    this.dayNoBase = [];
    let id = plan.firstId;
    let year = -1;
    let inYear = 0;
    for (const [d, n] of plan.perDay.entries()) {
      const y = yearOfDay(plan.firstDay + d);
      if (y !== year) [year, inYear] = [y, 0];
      this.dayFirstId.push(id);
      this.dayNoBase.push(inYear);
      id += n;
      // Only today's requests after now are skipped, and no day follows today: the counts before a day are exact.
      inYear += n;
    }
  }

  /** The id after the last request of the plan. */
  get endId(): number {
    return this.plan.firstId + this.plan.perDay.reduce((a, b) => a + b, 0);
  }

  /** Draws chunk `c`: its days in order, each day's rows numbered by their time of acceptance. */
  draw(c: number): RequestsChunk {
    const { tenant, now, firstDay, perDay, places, households } = this.plan;
    const qr = new Random(mixSeed(this.plan.seed, c));
    const studiedMs = RESIDENTS_RULE_DEFAULTS.studiedDays * DAY_MS;
    const coordMs = RESIDENTS_RULE_DEFAULTS.coordinatedDays * DAY_MS;
    const recentFrom = now - 30 * DAY_MS;
    const phoneFrom = now - 365 * DAY_MS;
    const rows: Row[] = [];
    const events: Row[] = [];
    const tally: RequestsTally = { open: 0, overdue: 0, escalatedOpen: 0, closed: 0 };
    const lastNo = new Map<number, number>();
    // The timeline keeps the request's path at each move and the organizations of a move in `data`.
    const event = (
      id: number,
      path: string,
      kind: string,
      at: number,
      actor: string | null,
      from: number | null,
      to: number | null,
      note: string | null,
      states: [string | null, string | null] = [null, null],
    ) => {
      const data =
        from == null && to == null ? null : JSON.stringify({ ...(from ? { fromOrgId: from } : {}), toOrgId: to });
      events.push([0, tenant, 'request', id, path, kind, ...states, null, actor, note, data, iso(at)]);
    };
    const dayEnd = Math.min(perDay.length, (c + 1) * CHUNK_DAYS);
    for (let d = c * CHUNK_DAYS; d < dayEnd; d++) {
      const day = firstDay + d;
      const dayStart = rows.length;
      let rid = this.dayFirstId[d]!;
      const year = yearOfDay(day);
      let no = lastNo.get(year) ?? this.dayNoBase[d]!;
      for (let k = 0; k < perDay[d]!; k++) {
        const id = rid++;
        const p = places[this.placeTable.pick(qr)]!;
        const town = this.townships.get(p.townshipKey)!;
        const channel = CHANNELS.pick(qr);
        const category = CATEGORIES.pick(qr);
        const level = channel === 'complaint' && qr.chance(0.4) ? 'studied' : LEVELS.pick(qr);
        const accepted =
          day * DAY_MS - CST_MS + (qr.chance(0.9) ? qr.int(8 * 60 + 30, 18 * 60) : qr.int(7 * 60, 21 * 60)) * 60_000;
        if (accepted > now) continue;
        no++;
        const hh =
          channel !== 'online' && channel !== 'hotline' && qr.chance(0.72)
            ? households[qr.int(p.hhFrom, p.hhTo - 1)]!
            : null;
        const anonymous =
          !hh && (channel === 'complaint' || channel === 'online' || channel === 'hotline') && qr.chance(0.35);
        const residentName = hh
          ? hh.head
          : anonymous
            ? null
            : personName(qr, qr.chance(0.6) ? 'male' : 'female', 1950 + qr.int(0, 50));
        const owner = p.members.length ? (qr.chance(0.6) ? p.members[0]! : qr.pick(p.members)) : null;
        let orgId = p.id;
        let orgPath = p.path;
        let due: number | null = null;
        let closed: number | null;
        let escalations = 0;
        let escalatedAt: number | null = null;
        let department: string | null = null;
        let ownerId = owner?.id ?? null;
        let ownerName = owner?.name ?? null;
        if (level === 'on_the_spot') {
          closed = accepted + qr.int(5, 90) * 60_000;
        } else {
          due = accepted + (level === 'studied' ? studiedMs : coordMs);
          const span = level === 'studied' ? studiedMs : coordMs;
          const late = qr.chance(level === 'studied' ? 0.06 : 0.09);
          closed = late
            ? due + qr.int(1, level === 'studied' ? 5 : 10) * DAY_MS + qr.int(0, 8) * HOUR_MS
            : accepted + Math.max(2 * HOUR_MS, Math.floor(span * Math.pow(qr.next(), 2.2)));
          if (level === 'coordinated') department = DEPARTMENTS[qr.int(0, DEPARTMENTS.length - 1)]!;
          // Past due and still open at the daily 07:00 run: the job escalated it to the township.
          const escalate = (late && qr.chance(0.5)) || (closed > now && due < now - DAY_MS);
          if (escalate) {
            escalations = 1;
            escalatedAt = Math.ceil((due + CST_MS - 7 * HOUR_MS) / DAY_MS) * DAY_MS - CST_MS + 7 * HOUR_MS;
            if (escalatedAt > now || closed <= escalatedAt) escalations = 0;
            else {
              orgId = town.id;
              orgPath = town.path;
              if (town.staff.length) {
                const s = qr.pick(town.staff);
                ownerId = s.id;
                ownerName = s.name;
              }
            }
          }
        }
        const isOpen = closed > now;
        if (isOpen) closed = null;
        let rating: string | null = null;
        let ratedAt: number | null = null;
        let reopened = 0;
        if (closed !== null && qr.chance(0.8)) {
          rating = qr.chance(0.885) ? 'satisfied' : qr.chance(0.8) ? 'fairly_satisfied' : 'dissatisfied';
          ratedAt = closed + qr.int(10, 3 * 24 * 60) * 60_000;
          if (rating === 'dissatisfied') {
            // Reopened once, handled again and rated anew.
            reopened = 1;
            const again = ratedAt + qr.int(2, 9) * DAY_MS;
            if (again > now) {
              // Still being handled again, with a new deadline from the reopening.
              due = ratedAt + (level === 'coordinated' ? coordMs : studiedMs);
              closed = null;
              rating = null;
              ratedAt = null;
            } else {
              closed = again;
              rating = qr.chance(0.6) ? 'fairly_satisfied' : qr.chance(0.75) ? 'satisfied' : 'dissatisfied';
              ratedAt = again + qr.int(1, 48) * HOUR_MS;
            }
          }
          if (ratedAt !== null && ratedAt > now) {
            rating = null;
            ratedAt = null;
          }
        }
        const status = closed === null ? (reopened ? 'reopened' : 'open') : 'closed';
        if (closed === null) {
          tally.open++;
          if (due !== null && due < now) tally.overdue++;
          if (escalations) tally.escalatedOpen++;
        } else tally.closed++;
        const withPhone = hh && accepted >= phoneFrom;
        const desc = qr.pick(CATEGORY_TEXT[category]!);
        const result =
          closed === null ? null : level === 'on_the_spot' ? qr.pick(RESULTS_ON_SPOT) : qr.pick(RESULTS_LATER);
        const last = Math.max(accepted, closed ?? 0, ratedAt ?? 0, escalatedAt ?? 0);
        const acceptedIso = iso(accepted);
        rows.push([
          id,
          tenant,
          orgId,
          orgPath,
          `${year}-${String(no).padStart(5, '0')}`,
          p.id,
          p.path,
          hh?.id ?? null,
          residentName,
          channel,
          category,
          desc,
          level,
          status,
          acceptedIso,
          due === null ? null : iso(due),
          ownerId,
          ownerName,
          department,
          escalations,
          escalatedAt === null ? null : iso(escalatedAt),
          closed === null ? null : iso(closed),
          result,
          rating,
          ratedAt === null ? null : iso(ratedAt),
          reopened,
          withPhone ? hh.phoneEnc : null,
          withPhone ? hh.phoneHash : null,
          withPhone ? hh.phoneMasked : null,
          null,
          acceptedIso,
          iso(last),
          null,
        ]);
        if (closed === null || accepted >= recentFrom) {
          const who = ownerName;
          event(id, p.path, 'accepted', accepted, who, null, p.id, null, [null, 'open']);
          if (level !== 'on_the_spot')
            event(id, p.path, 'assigned', accepted + 10 * 60_000, who, null, null, ownerName);
          if (escalations) event(id, orgPath, 'escalated', escalatedAt!, null, p.id, town.id, null);
          if (closed !== null) event(id, orgPath, 'closed', closed, who, null, null, result, ['open', 'closed']);
          if (rating) event(id, orgPath, 'rated', ratedAt!, null, null, null, rating);
        }
      }
      lastNo.set(year, no);
      // The day's numbers go to its rows in the order of their time of acceptance.
      const dayRows = rows.slice(dayStart);
      const numbers = dayRows.map((r) => r[NO] as string).sort((a, b) => Number(a.slice(5)) - Number(b.slice(5)));
      dayRows.sort((a, b) => ((a[AT] as string) < (b[AT] as string) ? -1 : 1));
      dayRows.forEach((r, i) => (r[NO] = numbers[i]!));
    }
    return { rows, events, tally, lastNo: [...lastNo] };
  }
}

const CHANNELS = new WeightedTable<string>([
  ['outreach', 34],
  ['reception', 36],
  ['complaint', 7],
  ['online', 13],
  ['hotline', 10],
]);
const CATEGORIES = new WeightedTable<string>([
  ['livelihood', 22],
  ['infrastructure', 16],
  ['land', 8],
  ['social_security', 16],
  ['medical', 9],
  ['education', 5],
  ['environment', 8],
  ['dispute', 7],
  ['employment', 6],
  ['other', 3],
]);
const LEVELS = new WeightedTable<string>([
  ['on_the_spot', 86],
  ['studied', 10],
  ['coordinated', 4],
]);
