import { WeightedTable } from '../random.js';
import { DEMO_REQUESTS, requestsPerDay } from './plan.js';
import { EVENT_COLUMNS, type RequestsPlan } from './requestDraw.js';
import { writeRequests } from './requestThreads.js';
import type { Begin, Places } from './start.js';
import type { Households } from './households.js';

/** Five years of requests, drawn in chunks of days (requestDraw.ts), with their timeline events and counters. */
export async function loadRequests(s: Begin & Places & Households) {
  const { ctx, bulk, c, rng, log, scale, tenant, now, todayDay, lap, membersByOrg, places, households } = s;
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
  const plan: RequestsPlan = {
    tenant,
    now,
    seed: Math.floor(qr.next() * 4294967296),
    firstDay,
    perDay,
    firstId: await bulk.nextId('requests'),
    // Only what the drawing reads: a second thread gets a copy.
    places: places.map(({ id, path, townshipKey, hhFrom, hhTo, members }) => ({
      id,
      path,
      townshipKey,
      hhFrom,
      hhTo,
      members,
    })),
    townships: [...townshipIds],
    households: households.map(({ id, head, phoneEnc, phoneHash, phoneMasked }) => ({
      id,
      head,
      phoneEnc,
      phoneHash,
      phoneMasked,
    })),
  };
  const chunks = await writeRequests(ctx, bulk, plan);
  // The counters the service's next numbers continue from: each year's last number.
  const lastNo = new Map<number, number>();
  for (const ch of chunks) for (const [year, no] of ch.lastNo) lastNo.set(year, Math.max(no, lastNo.get(year) ?? 0));
  await bulk.insert(
    'request_numbers',
    ['tenant_id', 'year', 'last_no'],
    [...lastNo].map(([year, n]) => [tenant, year, n]),
  );
  // The events get their ids in chunk order, the order one thread would have drawn them in.
  const evId0 = await bulk.nextId('timeline_events');
  const events = chunks.flatMap((ch) => ch.events);
  events.forEach((e, i) => (e[0] = evId0 + i));
  await bulk.insert('timeline_events', EVENT_COLUMNS, events);
  const sum = (k: 'open' | 'overdue' | 'escalatedOpen' | 'closed') => chunks.reduce((a, ch) => a + ch.tally[k], 0);
  log(
    `  为民服务 service：${reqTotal} 件诉求 requests（已办结 closed ${sum('closed')}，办理中 open ${sum('open')}，` +
      `逾期 overdue ${sum('overdue')}，已上报 escalated ${sum('escalatedOpen')}），${events.length} 条办理记录 ` +
      `timeline events（${lap()}）`,
  );
  return { placeTable, townshipIds };
}
export type Requests = Awaited<ReturnType<typeof loadRequests>>;
