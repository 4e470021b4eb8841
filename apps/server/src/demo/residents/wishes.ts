import { RESIDENTS_RULE_DEFAULTS } from '@dangjian/contracts';
import { DAY_MS, DEMO_ERRANDS, DEMO_WISHES, HOUR_MS, Place, iso } from './plan.js';
import { ERRANDS, FULFIL_NOTES, SUGGESTION_TITLES, WISH_TITLES } from './texts.js';
import { Row, SCOPED_COLUMNS, guardedColumns, STAMP_COLUMNS, phoneValues } from '../bulk.js';
import type { Begin, Places } from './start.js';
import type { Households } from './households.js';
import type { Pairings } from './groups.js';
import type { Requests } from './requests.js';

export async function loadWishes(s: Begin & Places & Households & Pairings & Requests) {
  const { bulk, c, rng, scale, tenant, now, places, households, cadres, placeTable } = s;
  // ---- wishes ----
  const wr = rng.fork(7);
  const wishTotal = Math.max(20, Math.round(DEMO_WISHES * scale));
  const wishRows: Row[] = [];
  const wishId0 = await bulk.nextId('wishes');
  const share = (n: number) => Math.max(1, Math.round((n * wishTotal) / DEMO_WISHES));
  const nOpen = share(260);
  const nClaimed = share(140);
  const nWithdrawn = share(180);
  const claimMs = RESIDENTS_RULE_DEFAULTS.wishClaimDays * DAY_MS;
  const nearby = (p: Place) =>
    p.members.length ? p.members : cadres.length ? cadres : [{ id: c.memberIds.values().next().value!, name: '' }];
  let nFulfilled = 0;
  let nConfirmed = 0;
  for (let i = 0; i < wishTotal; i++) {
    const p = places[placeTable.pick(wr)]!;
    const hh = households[wr.int(p.hhFrom, p.hhTo - 1)]!;
    const kind = wr.chance(0.82) ? 'wish' : 'suggestion';
    const [title, description] = wr.pick(kind === 'wish' ? WISH_TITLES : SUGGESTION_TITLES);
    const via = wr.chance(0.45) ? 'phone' : 'worker';
    // The last ones written are the current ones: open and claimed wishes are recent.
    const status =
      i < nWithdrawn
        ? 'withdrawn'
        : i >= wishTotal - nOpen
          ? 'open'
          : i >= wishTotal - nOpen - nClaimed
            ? 'claimed'
            : i >= wishTotal - nOpen - nClaimed - share(60)
              ? 'fulfilled'
              : 'confirmed';
    const recent = status === 'open' || status === 'claimed' || status === 'fulfilled';
    const created = recent
      ? now - wr.int(status === 'open' ? 1 : 3, status === 'open' ? 60 : 13) * DAY_MS - wr.int(0, 20) * HOUR_MS
      : now - wr.int(20, 5 * 365) * DAY_MS;
    const claimer = wr.pick(nearby(p));
    const claimed = status === 'open' || status === 'withdrawn' ? null : created + wr.int(1, 72) * HOUR_MS;
    const fulfilled =
      status === 'fulfilled' || status === 'confirmed'
        ? Math.min(now - HOUR_MS, claimed! + wr.int(1, 12) * DAY_MS)
        : null;
    const confirmed = status === 'confirmed' ? fulfilled! + wr.int(2, 72) * HOUR_MS : null;
    if (status === 'fulfilled') nFulfilled++;
    if (status === 'confirmed') nConfirmed++;
    const last = Math.max(created, claimed ?? 0, fulfilled ?? 0, confirmed ?? 0);
    wishRows.push([
      wishId0 + i,
      tenant,
      p.id,
      p.path,
      kind,
      title,
      description,
      hh.id,
      hh.head,
      via,
      status,
      claimed === null ? null : claimer.id,
      claimed === null ? null : iso(claimed),
      claimed === null ? null : iso(claimed + claimMs),
      fulfilled === null ? null : iso(fulfilled),
      fulfilled === null ? null : wr.pick(FULFIL_NOTES),
      confirmed === null ? null : iso(confirmed),
      via === 'phone' ? hh.phoneEnc : null,
      via === 'phone' ? hh.phoneHash : null,
      via === 'phone' ? hh.phoneMasked : null,
      null,
      iso(created),
      iso(last),
      null,
    ]);
  }
  await bulk.insert(
    'wishes',
    [
      ...SCOPED_COLUMNS,
      'kind',
      'title',
      'description',
      'household_id',
      'resident_name',
      'posted_via',
      'status',
      'claimed_by_member_id',
      'claimed_at',
      'claim_due_at',
      'fulfilled_at',
      'fulfil_note',
      'confirmed_at',
      ...guardedColumns('phone'),
      'created_by',
      ...STAMP_COLUMNS,
    ],
    wishRows,
  );
  return { wishTotal, nOpen, nearby, nFulfilled, nConfirmed };
}
export type Wishes = Awaited<ReturnType<typeof loadWishes>>;

export async function loadErrands(s: Begin & Places & Households & Requests & Wishes) {
  const { bulk, rng, scale, tenant, now, places, households, placeTable, nearby } = s;
  // ---- errands ----
  const er = rng.fork(8);
  const errandTotal = Math.max(20, Math.round(DEMO_ERRANDS * scale));
  const errandRows: Row[] = [];
  const errandId0 = await bulk.nextId('errands');
  const nInProgress = Math.max(1, Math.round(errandTotal * 0.008));
  let nDone = 0;
  for (let i = 0; i < errandTotal; i++) {
    const p = places[placeTable.pick(er)]!;
    const hh = households[er.int(p.hhFrom, p.hhTo - 1)]!;
    const member = er.pick(nearby(p));
    const [title, result] = er.pick(ERRANDS);
    const inProgress = i >= errandTotal - nInProgress;
    const status = inProgress ? 'in_progress' : er.chance(0.02) ? 'cancelled' : 'done';
    const taken = inProgress ? now - er.int(1, 6 * 24) * HOUR_MS : now - er.int(8, 5 * 365) * DAY_MS;
    const done = status === 'done' ? taken + er.int(2, 120) * HOUR_MS : null;
    if (status === 'done') nDone++;
    errandRows.push([
      errandId0 + i,
      tenant,
      p.id,
      p.path,
      member.id,
      hh.id,
      hh.head,
      er.chance(0.6) ? `HX${String(p.id).padStart(4, '0')}${String(er.int(1, 999)).padStart(3, '0')}` : null,
      title,
      null,
      status,
      iso(taken),
      done === null ? null : iso(done),
      done === null ? (status === 'cancelled' ? '群众已自行办理' : null) : result,
      ...phoneValues(hh),
      null,
      iso(taken),
      iso(done ?? taken),
      null,
    ]);
  }
  await bulk.insert(
    'errands',
    [
      ...SCOPED_COLUMNS,
      'member_id',
      'household_id',
      'resident_name',
      'card_no',
      'title',
      'description',
      'status',
      'taken_at',
      'done_at',
      'result',
      ...guardedColumns('phone'),
      'created_by',
      ...STAMP_COLUMNS,
    ],
    errandRows,
  );
  return { errandTotal, nDone };
}
export type Errands = Awaited<ReturnType<typeof loadErrands>>;
