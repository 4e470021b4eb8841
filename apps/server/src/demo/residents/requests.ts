import { RESIDENTS_RULE_DEFAULTS } from '@dangjian/contracts';
import { personName } from '../names.js';
import { WeightedTable } from '../random.js';
import { CST_MS, DAY_MS, DEMO_REQUESTS, HOUR_MS, iso, requestsPerDay } from './plan.js';
import { CATEGORY_TEXT, DEPARTMENTS, RESULTS_LATER, RESULTS_ON_SPOT } from './texts.js';
import { Row, SCOPED_COLUMNS, guardedColumns, STAMP_COLUMNS } from '../bulk.js';
import type { Begin, Places } from './start.js';
import type { Households } from './households.js';

export async function loadRequests(s: Begin & Places & Households) {
  const { bulk, c, rng, log, scale, tenant, now, todayDay, lap, membersByOrg, places, households } = s;
  // ---- requests: five years, chronological ----
  const qr = rng.fork(6);
  const reqTotal = Math.round(DEMO_REQUESTS * scale);
  const firstDay = todayDay - 5 * 365 + 1;
  const perDay = requestsPerDay(reqTotal, firstDay, 5 * 365, qr);
  const placeTable = new WeightedTable(places.map((p, i) => [i, Math.pow(p.hhTo - p.hhFrom, 0.9)] as const));
  const townshipIds = new Map(
    c.county.orgs
      .filter((o) => o.unit === 'township')
      .map((o) => [
        o.key,
        { id: c.orgIds.get(o.key)!, path: c.orgPaths.get(o.key)!, staff: membersByOrg.get(o.key) ?? [] },
      ]),
  );
  const channelT = new WeightedTable<string>([
    ['outreach', 34],
    ['reception', 36],
    ['complaint', 7],
    ['online', 13],
    ['hotline', 10],
  ]);
  const categoryT = new WeightedTable<string>([
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
  const levelT = new WeightedTable<string>([
    ['on_the_spot', 86],
    ['studied', 10],
    ['coordinated', 4],
  ]);
  const studiedMs = RESIDENTS_RULE_DEFAULTS.studiedDays * DAY_MS;
  const coordMs = RESIDENTS_RULE_DEFAULTS.coordinatedDays * DAY_MS;
  const reqCols = [
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
  const reqId0 = await bulk.nextId('requests');
  const evId0 = await bulk.nextId('timeline_events');
  const eventRows: Row[] = [];
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
    eventRows.push([
      evId0 + eventRows.length,
      tenant,
      'request',
      id,
      path,
      kind,
      ...states,
      null,
      actor,
      note,
      data,
      iso(at),
    ]);
  };
  const recentFrom = now - 30 * DAY_MS;
  const phoneFrom = now - 365 * DAY_MS;
  let buf: Row[] = [];
  let rid = reqId0;
  let open = 0;
  let overdue = 0;
  let escalatedOpen = 0;
  let closedCount = 0;
  // Acceptance numbers: sequential per China year in the order of acceptance (the days in order; each day's rows
  // are renumbered by their time once the day is drawn).
  const lastNo = new Map<number, number>();
  const NO = 4;
  const AT = NO + 10;
  for (let d = 0; d < perDay.length; d++) {
    const day = firstDay + d;
    const dayStart = buf.length;
    for (let k = 0; k < perDay[d]!; k++) {
      const id = rid++;
      const p = places[placeTable.pick(qr)]!;
      const town = townshipIds.get(p.townshipKey)!;
      const channel = channelT.pick(qr);
      const category = categoryT.pick(qr);
      const level = channel === 'complaint' && qr.chance(0.4) ? 'studied' : levelT.pick(qr);
      const accepted =
        day * DAY_MS - CST_MS + (qr.chance(0.9) ? qr.int(8 * 60 + 30, 18 * 60) : qr.int(7 * 60, 21 * 60)) * 60_000;
      if (accepted > now) continue;
      const year = new Date(accepted + CST_MS).getUTCFullYear();
      const no = (lastNo.get(year) ?? 0) + 1;
      lastNo.set(year, no);
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
        open++;
        if (due !== null && due < now) overdue++;
        if (escalations) escalatedOpen++;
      } else closedCount++;
      const withPhone = hh && accepted >= phoneFrom;
      const desc = qr.pick(CATEGORY_TEXT[category]!);
      const result =
        closed === null ? null : level === 'on_the_spot' ? qr.pick(RESULTS_ON_SPOT) : qr.pick(RESULTS_LATER);
      const last = Math.max(accepted, closed ?? 0, ratedAt ?? 0, escalatedAt ?? 0);
      buf.push([
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
        iso(accepted),
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
        iso(accepted),
        iso(last),
        null,
      ]);
      if (closed === null || accepted >= recentFrom) {
        const who = ownerName;
        event(id, p.path, 'accepted', accepted, who, null, p.id, null, [null, 'open']);
        if (level !== 'on_the_spot') event(id, p.path, 'assigned', accepted + 10 * 60_000, who, null, null, ownerName);
        if (escalations) event(id, orgPath, 'escalated', escalatedAt!, null, p.id, town.id, null);
        if (closed !== null) event(id, orgPath, 'closed', closed, who, null, null, result, ['open', 'closed']);
        if (rating) event(id, orgPath, 'rated', ratedAt!, null, null, null, rating);
      }
    }
    const dayRows = buf.slice(dayStart);
    const numbers = dayRows.map((r) => r[NO] as string).sort((a, b) => Number(a.slice(5)) - Number(b.slice(5)));
    dayRows.sort((a, b) => ((a[AT] as string) < (b[AT] as string) ? -1 : 1));
    dayRows.forEach((r, i) => (r[NO] = numbers[i]!));
    if (buf.length >= 50_000) {
      await bulk.insert('requests', reqCols, buf);
      buf = [];
    }
  }
  await bulk.insert('requests', reqCols, buf);
  buf = [];
  // The counters the service's next numbers continue from.
  await bulk.insert(
    'request_numbers',
    ['tenant_id', 'year', 'last_no'],
    [...lastNo].map(([year, n]) => [tenant, year, n]),
  );
  await bulk.insert(
    'timeline_events',
    [
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
    ],
    eventRows,
  );
  log(
    `  为民服务 service：${rid - reqId0} 件诉求 requests（已办结 closed ${closedCount}，办理中 open ${open}，` +
      `逾期 overdue ${overdue}，已上报 escalated ${escalatedOpen}），${eventRows.length} 条办理记录 timeline events` +
      `（${lap()}）`,
  );
  eventRows.length = 0;
  return { placeTable, townshipIds };
}
export type Requests = Awaited<ReturnType<typeof loadRequests>>;
