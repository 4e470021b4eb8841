/**
 * Loads the residents demo: households, residents, groups, pairings, visits, requests, wishes, errands, zones,
 * evaluations.
 */
import { RESIDENTS_RULE_DEFAULTS } from '@dangjian/contracts';
import type { Ctx } from '../../platform/context.js';
import { bumpVersion } from '../../platform/data/versions.js';
import { maskPhone } from '../../platform/idcard.js';
import { makeIdNumber } from '../../platform/idcard.js';
import type { DemoOrg } from '../county.js';
import type { DemoContributor, LoadedCounty } from '../load.js';
import { personName, randomSurname } from '../names.js';
import { Random, WeightedTable, fromDay, toDay } from '../random.js';
import {
  CST_MS,
  DAY_MS,
  DEMO_ERRANDS,
  DEMO_HOUSEHOLDS,
  DEMO_POOR_SHARE,
  DEMO_REQUESTS,
  DEMO_WISHES,
  HOUR_MS,
  Hh,
  Place,
  apportion,
  formGroups,
  householdSize,
  householdTags,
  isPoorTags,
  iso,
  pad2,
  pairHouseholds,
  requestsPerDay,
  residentsScale,
} from './plan.js';
import {
  CATEGORY_TEXT,
  DEPARTMENTS,
  ERRANDS,
  FULFIL_NOTES,
  MONTHLY_COMMENTS,
  RESULTS_LATER,
  RESULTS_ON_SPOT,
  SUGGESTION_TITLES,
  VISIT_FOUND,
  VISIT_PROMISED,
  WISH_TITLES,
} from './texts.js';
import { Bulk, Row } from './bulk.js';

export async function load(ctx: Ctx, c: LoadedCounty, rng: Random, log: (line: string) => void): Promise<void> {
  const bulk = new Bulk(ctx);
  bulk.fast(true);
  try {
    const t = Date.now();
    await bulk.withoutIndexes(
      [
        'households',
        'residents',
        'household_groups',
        'pairings',
        'visits',
        'requests',
        'timeline_events',
        'wishes',
        'errands',
      ],
      () => loadResidents(ctx, bulk, c, rng, log),
    );
    // Fresh statistics so that the planner picks the scope and period indexes on the big tables.
    if (ctx.database.sqlite) ctx.database.sqlite.exec('pragma analysis_limit = 1000; analyze');
    log(
      `  service: indexes built and analysed (${((Date.now() - t) / 1000).toFixed(1)} s since the start of ` +
        `the service data)`,
    );
  } finally {
    bulk.fast(false);
  }
}

async function loadResidents(
  ctx: Ctx,
  bulk: Bulk,
  c: LoadedCounty,
  rng: Random,
  log: (line: string) => void,
): Promise<void> {
  const scale = residentsScale();
  const tenant = c.tenantId;
  const now = ctx.clock().getTime();
  const today = fromDay(Math.floor((now + CST_MS) / DAY_MS));
  const todayDay = toDay(today);
  const stamp = iso(now);
  // The demo county's poor households are about 2% (seed 001), too few for 2–3 in every group of five
  // (seed 000 describes poorer years): the county sets its own minimum, which is what the rules table is for.
  await ctx.db
    .insertInto('rule_overrides')
    .values({
      tenant_id: tenant,
      rule_set: 'residents',
      key: 'groupPoorMin',
      year: new Date(now + CST_MS).getUTCFullYear(),
      value: '0',
      reason: '本县困难户较少 (few poor households in the county)',
      updated_at: stamp,
      updated_by: null,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'rule_set', 'key', 'year']).doNothing())
    .execute();
  const t0 = Date.now();
  const cpu0 = process.cpuUsage();
  const lap = () => {
    const u = process.cpuUsage(cpu0);
    return (
      `${((Date.now() - t0) / 1000).toFixed(1)} s, cpu ${((u.user + u.system) / 1e6).toFixed(1)} s of ` +
      `which writing ${(bulk.writeMs / 1000).toFixed(1)} s`
    );
  };

  // ---- places: the top organization of each village and community ----
  const byKey = new Map(c.county.orgs.map((o) => [o.key, o]));
  const townshipOf = (o: DemoOrg): string | null => {
    for (let x: DemoOrg | undefined = o; x; x = x.parentKey ? byKey.get(x.parentKey) : undefined)
      if (x.unit === 'township') return x.key;
    return null;
  };
  const topOf = (o: DemoOrg): DemoOrg => {
    let x = o;
    while (x.parentKey && byKey.get(x.parentKey)!.unit === x.unit) x = byKey.get(x.parentKey)!;
    return x;
  };
  const membersByTop = new Map<string, { id: number; name: string }[]>();
  const membersByOrg = new Map<string, { id: number; name: string }[]>();
  for (const m of c.county.members) {
    const o = byKey.get(m.orgKey)!;
    const entry = { id: c.memberIds.get(m.key)!, name: m.name };
    if (!membersByOrg.has(o.key)) membersByOrg.set(o.key, []);
    membersByOrg.get(o.key)!.push(entry);
    if (o.unit === 'village' || o.unit === 'community' || o.unit === 'group') {
      const top = topOf(o.unit === 'group' ? byKey.get(o.parentKey!)! : o);
      if (!membersByTop.has(top.key)) membersByTop.set(top.key, []);
      membersByTop.get(top.key)!.push(entry);
    }
  }
  const placesOrgs = c.county.orgs.filter(
    (o) => (o.unit === 'village' || o.unit === 'community') && byKey.get(o.parentKey!)?.unit === 'township',
  );
  const hr = rng.fork(1);
  const weights = placesOrgs.map((o) => (o.unit === 'community' ? 1.6 : 1) * (0.45 + Math.pow(hr.next(), 1.4) * 1.6));
  const hhTotal = Math.max(placesOrgs.length * 3, Math.round(DEMO_HOUSEHOLDS * scale));
  const hhCounts = apportion(hhTotal, weights).map((n) => Math.max(3, n));
  const places: Place[] = [];
  {
    let from = 0;
    placesOrgs.forEach((o, i) => {
      const n = hhCounts[i]!;
      places.push({
        org: o,
        id: c.orgIds.get(o.key)!,
        path: c.orgPaths.get(o.key)!,
        townshipKey: townshipOf(o)!,
        community: o.unit === 'community',
        stem: o.name.replace(/(村党总支|村党支部|社区党支部)$/, ''),
        members: membersByTop.get(o.key) ?? [],
        hhFrom: from,
        hhTo: from + n,
      });
      from += n;
    });
  }

  // ---- households and residents ----
  const hhId0 = await bulk.nextId('households');
  const resId0 = await bulk.nextId('residents');
  const grpId0 = await bulk.nextId('household_groups');
  const households: Hh[] = [];
  const hhRows: Row[] = [];
  const resRows: Row[] = [];
  const rr = rng.fork(2);
  const birthYear = (age: number) => Number(today.slice(0, 4)) - age;
  const birth = (age: number) => `${birthYear(age)}-${pad2(rr.int(1, 12))}-${pad2(rr.int(1, 28))}`;
  let seq = 0;
  for (const [pi, p] of places.entries()) {
    // Mountain villages have more poor households; communities few.
    const poorShare = p.community ? DEMO_POOR_SHARE * 0.25 : DEMO_POOR_SHARE * (0.3 + rr.next() * 1.6);
    const clan = rr.chance(0.6) ? randomSurname(rr) : null;
    for (let h = p.hhFrom; h < p.hhTo; h++) {
      const id = hhId0 + h;
      const tags = householdTags(rr, poorShare);
      const poor = isPoorTags(tags);
      const size = tags.includes('elderly_alone') || tags.includes('five_guarantees') ? 1 : householdSize(rr);
      const surname = clan && rr.chance(0.55) ? clan : randomSurname(rr);
      const headMale = rr.chance(0.82);
      const headAge = size === 1 ? rr.int(62, 90) : rr.int(30, 78);
      const headBirth = birth(headAge);
      const head = personName(rr, headMale ? 'male' : 'female', birthYear(headAge), surname);
      const phone = `1${rr.pick(['3', '5', '7', '8', '9'])}${String(rr.int(0, 999_999_999)).padStart(9, '0')}`;
      const hh: Hh = {
        id,
        place: pi,
        head,
        poor,
        people: size,
        phoneEnc: ctx.vault.encrypt(phone),
        phoneHash: ctx.vault.lookupHash(phone),
        phoneMasked: maskPhone(phone),
      };
      households.push(hh);
      const idNumber = makeIdNumber(c.county.regionCode, headBirth, (seq++ * 7) % 1000, headMale ? 'male' : 'female');
      const address = p.community
        ? `${p.stem}社区${rr.int(1, 30)}栋${rr.int(1, 4)}单元${rr.int(1, 6)}0${rr.int(1, 4)}`
        : `${p.stem}村${rr.int(1, 12)}组${rr.int(1, 80)}号`;
      hhRows.push([
        id,
        tenant,
        p.id,
        p.path,
        address,
        head,
        JSON.stringify(tags),
        poor ? 1 : 0,
        size,
        null,
        null,
        hh.phoneEnc,
        hh.phoneHash,
        hh.phoneMasked,
        stamp,
        stamp,
        null,
      ]);
      resRows.push([
        resId0 + resRows.length,
        tenant,
        p.id,
        p.path,
        id,
        head,
        'head',
        headMale ? 'male' : 'female',
        headBirth,
        ctx.vault.encrypt(idNumber),
        ctx.vault.lookupHash(idNumber),
        `${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`,
        hh.phoneEnc,
        hh.phoneHash,
        hh.phoneMasked,
        stamp,
        stamp,
        null,
      ]);
      // The rest of the family: spouse, children, a parent, grandchildren.
      for (let k = 1; k < size; k++) {
        let relation: string;
        let age: number;
        let male: boolean;
        if (k === 1 && headAge >= 24 && rr.chance(0.85)) {
          relation = 'spouse';
          age = Math.max(20, headAge + rr.int(-4, 4));
          male = !headMale;
        } else if (k >= 4 && headAge >= 55) {
          relation = 'grandchild';
          age = rr.int(1, Math.max(2, headAge - 45));
          male = rr.chance(0.52);
        } else if (k === size - 1 && headAge < 55 && rr.chance(0.3)) {
          relation = 'parent';
          age = headAge + rr.int(22, 30);
          male = rr.chance(0.4);
        } else {
          relation = 'child';
          age = Math.max(0, headAge - rr.int(22, 34));
          male = rr.chance(0.52);
        }
        const name = personName(
          rr,
          male ? 'male' : 'female',
          birthYear(age),
          relation === 'spouse' || (relation === 'parent' && !male) ? undefined : surname,
        );
        resRows.push([
          resId0 + resRows.length,
          tenant,
          p.id,
          p.path,
          id,
          name,
          relation,
          male ? 'male' : 'female',
          birth(age),
          null,
          null,
          null,
          null,
          null,
          null,
          stamp,
          stamp,
          null,
        ]);
      }
    }
  }

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
        leaderHh.phoneEnc,
        leaderHh.phoneHash,
        leaderHh.phoneMasked,
        stamp,
        stamp,
        null,
      ]);
      for (const m of members) groupOf[p.hhFrom + m] = id;
    });
  }
  hhRows.forEach((r, i) => (r[9] = groupOf[i] || null));

  await bulk.insert(
    'household_groups',
    [
      'id',
      'tenant_id',
      'org_id',
      'org_path',
      'name',
      'leader_kind',
      'leader_name',
      'leader_member_id',
      'leader_household_id',
      'leader_phone_enc',
      'leader_phone_hash',
      'leader_phone_masked',
      'created_at',
      'updated_at',
      'deleted_at',
    ],
    grpRows,
  );
  await bulk.insert(
    'households',
    [
      'id',
      'tenant_id',
      'org_id',
      'org_path',
      'address',
      'head_name',
      'tags',
      'is_poor',
      'people',
      'group_id',
      'note',
      'phone_enc',
      'phone_hash',
      'phone_masked',
      'created_at',
      'updated_at',
      'deleted_at',
    ],
    hhRows,
  );
  await bulk.insert(
    'residents',
    [
      'id',
      'tenant_id',
      'org_id',
      'org_path',
      'household_id',
      'name',
      'relation',
      'gender',
      'birth_date',
      'id_number_enc',
      'id_number_hash',
      'id_number_masked',
      'phone_enc',
      'phone_hash',
      'phone_masked',
      'created_at',
      'updated_at',
      'deleted_at',
    ],
    resRows,
  );
  const grouped = groupOf.reduce((a, g) => a + (g ? 1 : 0), 0);
  log(
    `  service: ${households.length} households, ${resRows.length} residents ` +
      `(${households.filter((h) => h.poor).length} poor), ${grpRows.length} groups covering ${grouped} ` +
      `households (${lap()})`,
  );
  hhRows.length = 0;
  resRows.length = 0;

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
      stamp,
      stamp,
      null,
    ]);
  }
  await bulk.insert(
    'pairings',
    [
      'id',
      'tenant_id',
      'org_id',
      'org_path',
      'household_id',
      'cadre_member_id',
      'started_on',
      'ended_on',
      'created_at',
      'updated_at',
      'deleted_at',
    ],
    pairRows,
  );

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
      at,
      at,
      null,
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
      'id',
      'tenant_id',
      'org_id',
      'org_path',
      'household_id',
      'visitor_member_id',
      'visited_on',
      'found',
      'promised',
      'request_id',
      'created_by',
      'created_at',
      'updated_at',
      'deleted_at',
    ],
    visitRows,
  );
  log(`  service: ${pairRows.length} pairings with ${cadres.length} cadres, ${visitRows.length} visits (${lap()})`);
  visitRows.length = 0;

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
    'id',
    'tenant_id',
    'org_id',
    'org_path',
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
    'phone_enc',
    'phone_hash',
    'phone_masked',
    'created_by',
    'created_at',
    'updated_at',
    'deleted_at',
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
  for (let d = 0; d < perDay.length; d++) {
    const day = firstDay + d;
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
    if (buf.length >= 50_000) {
      await bulk.insert('requests', reqCols, buf);
      buf = [];
    }
  }
  await bulk.insert('requests', reqCols, buf);
  buf = [];
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
    `  service: ${rid - reqId0} requests (${closedCount} closed, ${open} open, ${overdue} overdue,` +
      ` ${escalatedOpen} escalated and open), ${eventRows.length} timeline events of recent and open ` +
      `requests (${lap()})`,
  );
  eventRows.length = 0;

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
      'id',
      'tenant_id',
      'org_id',
      'org_path',
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
      'phone_enc',
      'phone_hash',
      'phone_masked',
      'created_by',
      'created_at',
      'updated_at',
      'deleted_at',
    ],
    wishRows,
  );

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
      hh.phoneEnc,
      hh.phoneHash,
      hh.phoneMasked,
      null,
      iso(taken),
      iso(done ?? taken),
      null,
    ]);
  }
  await bulk.insert(
    'errands',
    [
      'id',
      'tenant_id',
      'org_id',
      'org_path',
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
      'phone_enc',
      'phone_hash',
      'phone_masked',
      'created_by',
      'created_at',
      'updated_at',
      'deleted_at',
    ],
    errandRows,
  );

  // ---- responsibility zones of communities ----
  const zr = rng.fork(9);
  const zoneRows: Row[] = [];
  const zmRows: Row[] = [];
  const zoneId0 = await bulk.nextId('zones');
  const zmId0 = await bulk.nextId('zone_members');
  for (const p of places.filter((x) => x.community)) {
    const n = zr.int(6, 12);
    const hhs = apportion(
      p.hhTo - p.hhFrom,
      Array.from({ length: n }, () => 0.7 + zr.next() * 0.6),
    );
    for (let z = 0; z < n; z++) {
      const id = zoneId0 + zoneRows.length;
      zoneRows.push([
        id,
        tenant,
        p.id,
        p.path,
        `第${z + 1}网格`,
        `${p.stem}社区${zr.int(1, 30)}栋至${zr.int(31, 60)}栋`,
        hhs[z]!,
        stamp,
        stamp,
        null,
      ]);
      for (const m of zr.sample(p.members, zr.int(2, 4)))
        zmRows.push([zmId0 + zmRows.length, id, m.id, fromDay(todayDay - zr.int(30, 900))]);
    }
  }
  await bulk.insert(
    'zones',
    ['id', 'tenant_id', 'org_id', 'org_path', 'name', 'area', 'households', 'created_at', 'updated_at', 'deleted_at'],
    zoneRows,
  );
  await bulk.insert('zone_members', ['id', 'zone_id', 'member_id', 'assigned_on'], zmRows);

  // ---- the three evaluations of each township: last months' reviews, last half-year, last year ----
  const vr2 = rng.fork(10);
  const evalRows: Row[] = [];
  const evalId0 = await bulk.nextId('residents_evaluations');
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const half = month > 6 ? `${year}-H1` : `${year - 1}-H2`;
  for (const [key, t] of townshipIds) {
    const name = byKey.get(key)!.name.replace(/党委$/, '');
    for (let m = 1; m <= 3; m++) {
      const ym = new Date(Date.UTC(year, month - 1 - m, 1)).toISOString().slice(0, 7);
      evalRows.push([
        evalId0 + evalRows.length,
        tenant,
        t.id,
        t.path,
        'monthly_review',
        ym,
        null,
        null,
        null,
        null,
        vr2.pick(MONTHLY_COMMENTS),
        `${name}党委书记`,
        null,
        stamp,
        stamp,
        null,
      ]);
    }
    const total = vr2.int(300, 900);
    const sat = Math.round(total * (0.86 + vr2.next() * 0.08));
    const fair = Math.round((total - sat) * 0.8);
    evalRows.push([
      evalId0 + evalRows.length,
      tenant,
      t.id,
      t.path,
      'half_year_residents',
      half,
      null,
      sat,
      fair,
      total - sat - fair,
      null,
      `${name}群众评议小组`,
      null,
      stamp,
      stamp,
      null,
    ]);
    evalRows.push([
      evalId0 + evalRows.length,
      tenant,
      t.id,
      t.path,
      'year_end_org',
      String(year - 1),
      vr2.weighted([
        ['excellent', 3],
        ['good', 6],
        ['fair', 1],
      ]),
      null,
      null,
      null,
      '年度为民服务工作考评',
      '县委组织部',
      null,
      stamp,
      stamp,
      null,
    ]);
  }
  await bulk.insert(
    'residents_evaluations',
    [
      'id',
      'tenant_id',
      'org_id',
      'org_path',
      'kind',
      'period',
      'grade',
      'satisfied',
      'fairly_satisfied',
      'dissatisfied',
      'comments',
      'evaluator_name',
      'created_by',
      'created_at',
      'updated_at',
      'deleted_at',
    ],
    evalRows,
  );

  log(`  service: rows written (${lap()})`);
  await bulk.fixSequences([
    'households',
    'residents',
    'household_groups',
    'pairings',
    'visits',
    'requests',
    'timeline_events',
    'wishes',
    'errands',
    'zones',
    'zone_members',
    'residents_evaluations',
  ]);
  await bumpVersion(ctx.db, tenant, 'residents');
  log(
    `  service: ${wishTotal} wishes (${nConfirmed} confirmed, ${nFulfilled} awaiting confirmation, ${nOpen} ` +
      `open), ${errandTotal} errands (${nDone} done), ${zoneRows.length} zones with ${zmRows.length} ` +
      `members, ${evalRows.length} evaluations; scale ${scale} (${lap()})`,
  );
}

/** The service demo, run after the meetings. */
export const residentsContributor: DemoContributor = { name: 'residents', load };
