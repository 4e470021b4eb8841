import { fromDay } from '../random.js';
import { CST_MS, DAY_MS, Hh, Place, formGroups, iso, pairHouseholds } from './plan.js';
import { VISIT_FOUND, VISIT_PROMISED } from './texts.js';
import { Row, SCOPED_COLUMNS, guardedColumns, STAMP_COLUMNS, stampValues, phoneValues } from '../bulk.js';
import type { Begin, Places } from './start.js';
import type { Households } from './households.js';

export async function loadGroups(s: Begin & Places & Households) {
  const { bulk, rng, log, tenant, stamp, lap, places, grpId0, households, hhRows, resRows } = s;
  // ---- household groups (三带五联) ----
  const gr = rng.fork(3);
  const grpRows: Row[] = [];
  const groupOf = new Int32Array(households.length);
  const lagging = new Set(
    gr.sample(
      places.filter((p) => !p.community).map((_, i) => i),
      Math.max(1, Math.round(places.length * 0.05)),
    ),
  );
  for (const [pi, p] of places.entries()) {
    const hhs = households.slice(p.hhFrom, p.hhTo);
    const coverage = lagging.has(pi) ? 0.45 + gr.next() * 0.25 : 0.9 + gr.next() * 0.1;
    const groups = formGroups(
      gr,
      hhs.map((h) => h.poor),
      coverage,
    );
    groups.forEach((members, gi) => {
      const id = grpId0 + grpRows.length;
      const leaderHh = hhs[members[0]!]!;
      const kind = p.members.length && gr.chance(0.5) ? 'member' : gr.chance(0.6) ? 'capable' : 'well_off';
      const leaderMember = kind === 'member' ? gr.pick(p.members) : null;
      grpRows.push([
        id,
        tenant,
        p.id,
        p.path,
        `第${gi + 1}联户组`,
        kind,
        leaderMember?.name ?? leaderHh.head,
        leaderMember?.id ?? null,
        leaderMember ? null : leaderHh.id,
        ...phoneValues(leaderHh),
        ...stampValues(stamp),
      ]);
      for (const m of members) groupOf[p.hhFrom + m] = id;
    });
  }
  hhRows.forEach((r, i) => (r[9] = groupOf[i] || null));

  await bulk.insert(
    'household_groups',
    [
      ...SCOPED_COLUMNS,
      'name',
      'leader_kind',
      'leader_name',
      'leader_member_id',
      'leader_household_id',
      ...guardedColumns('leader_phone'),
      ...STAMP_COLUMNS,
    ],
    grpRows,
  );
  await bulk.insert(
    'households',
    [
      ...SCOPED_COLUMNS,
      'address',
      'head_name',
      'tags',
      'is_poor',
      'people',
      'group_id',
      'note',
      ...guardedColumns('phone'),
      ...STAMP_COLUMNS,
    ],
    hhRows,
  );
  await bulk.insert(
    'residents',
    [
      ...SCOPED_COLUMNS,
      'household_id',
      'name',
      'relation',
      'gender',
      'birth_date',
      ...guardedColumns('id_number'),
      ...guardedColumns('phone'),
      ...STAMP_COLUMNS,
    ],
    resRows,
  );
  const grouped = groupOf.reduce((a, g) => a + (g ? 1 : 0), 0);
  log(
    `  为民服务 service：${households.length} 户 households，${resRows.length} 名群众 residents` +
      `（困难户 poor ${households.filter((h) => h.poor).length}），${grpRows.length} 个联户组 groups 覆盖 covering ` +
      `${grouped} 户 households（${lap()}）`,
  );
  hhRows.length = 0;
  resRows.length = 0;
}

export async function loadPairings(s: Begin & Places & Households) {
  const { bulk, c, rng, tenant, todayDay, stamp, membersByOrg, places, households } = s;
  // ---- pairings: poor households with cadres of the county's organs and institutions ----
  const pr = rng.fork(4);
  const cadrePool = c.county.orgs
    .filter((o) => o.unit === 'organ' || o.unit === 'institution' || o.unit === 'school' || o.unit === 'township')
    .flatMap((o) => membersByOrg.get(o.key) ?? []);
  const poorHh = households.filter((h) => h.poor);
  const cadres = pr.sample(cadrePool, Math.min(cadrePool.length, Math.ceil(poorHh.length / 3.6)));
  const pairs = pairHouseholds(pr, poorHh.length, cadres.length);
  const pairRows: Row[] = [];
  const pairId0 = await bulk.nextId('pairings');
  const pairedBy = new Map<number, { id: number; name: string }>();
  for (const [h, k] of pairs) {
    const hh = poorHh[h]!;
    const p = places[hh.place]!;
    const started = fromDay(todayDay - pr.int(60, 1400));
    pairedBy.set(hh.id, cadres[k]!);
    pairRows.push([
      pairId0 + pairRows.length,
      tenant,
      p.id,
      p.path,
      hh.id,
      cadres[k]!.id,
      started,
      null,
      ...stampValues(stamp),
    ]);
  }
  await bulk.insert(
    'pairings',
    [...SCOPED_COLUMNS, 'household_id', 'cadre_member_id', 'started_on', 'ended_on', ...STAMP_COLUMNS],
    pairRows,
  );
  return { poorHh, cadres, pairRows, pairedBy };
}
export type Pairings = Awaited<ReturnType<typeof loadPairings>>;

export async function loadVisits(s: Begin & Places & Households & Pairings) {
  const {
    bulk,
    c,
    rng,
    log,
    tenant,
    todayDay,
    lap,
    membersByOrg,
    places,
    households,
    poorHh,
    cadres,
    pairRows,
    pairedBy,
  } = s;
  // ---- visits over the last year ----
  const vr = rng.fork(5);
  const visitRows: Row[] = [];
  const visitId0 = await bulk.nextId('visits');
  const visit = (hh: Hh, memberId: number, day: number) => {
    const p = places[hh.place]!;
    const at = iso(day * DAY_MS - CST_MS + vr.int(9 * 60, 17 * 60) * 60_000);
    visitRows.push([
      visitId0 + visitRows.length,
      tenant,
      p.id,
      p.path,
      hh.id,
      memberId,
      fromDay(day),
      vr.pick(VISIT_FOUND),
      vr.chance(0.3) ? vr.pick(VISIT_PROMISED) : null,
      null,
      null,
      ...stampValues(at),
    ]);
  };
  // Paired cadres visit their households about monthly.
  for (const hh of poorHh) {
    const cadre = pairedBy.get(hh.id);
    if (!cadre) continue;
    for (let m = 0; m < 12; m++) if (vr.chance(0.85)) visit(hh, cadre.id, todayDay - m * 30 - vr.int(0, 29));
  }
  // Village secretaries visit households every quarter; a few villages miss a quarter.
  for (const p of places) {
    if (!p.members.length) continue;
    for (let q = 0; q < 4; q++) {
      if (vr.chance(0.04)) continue;
      const n = vr.int(2, 8);
      for (let k = 0; k < n; k++)
        visit(households[vr.int(p.hhFrom, p.hhTo - 1)]!, p.members[0]!.id, todayDay - q * 91 - vr.int(0, 90));
    }
  }
  // Township staff: 2–3 days and 30–40 households a week in their township's villages; some fall short.
  const placesByTownship = new Map<string, Place[]>();
  for (const p of places) placesByTownship.set(p.townshipKey, [...(placesByTownship.get(p.townshipKey) ?? []), p]);
  for (const t of c.county.orgs.filter((o) => o.unit === 'township')) {
    const ps = placesByTownship.get(t.key) ?? [];
    if (!ps.length) continue;
    for (const staff of membersByOrg.get(t.key) ?? []) {
      const diligence = vr.chance(0.75) ? 1 : 0.6;
      for (let w = 0; w < 52; w++) {
        const monday = todayDay - ((todayDay + 3) % 7) - w * 7;
        const days = diligence === 1 || vr.chance(0.5) ? vr.int(2, 3) : 1;
        const total = Math.round(vr.int(30, 40) * diligence);
        for (let d = 0; d < days; d++) {
          const day = monday + vr.int(0, 4);
          if (day > todayDay) continue;
          const p = vr.pick(ps);
          for (let k = 0; k < Math.ceil(total / days); k++)
            visit(households[vr.int(p.hhFrom, p.hhTo - 1)]!, staff.id, day);
        }
      }
    }
  }
  await bulk.insert(
    'visits',
    [
      ...SCOPED_COLUMNS,
      'household_id',
      'visitor_member_id',
      'visited_on',
      'found',
      'promised',
      'request_id',
      'created_by',
      ...STAMP_COLUMNS,
    ],
    visitRows,
  );
  log(
    `  为民服务 service：${pairRows.length} 对结对 pairings，${cadres.length} 名干部 cadres，` +
      `${visitRows.length} 次走访 visits（${lap()}）`,
  );
  visitRows.length = 0;
}
