import { bumpVersion } from '../../platform/data/versions.js';
import { fromDay } from '../random.js';
import { apportion } from './plan.js';
import { MONTHLY_COMMENTS } from './texts.js';
import { BIG_TABLES, Row, SCOPED_COLUMNS, STAMP_COLUMNS, stampValues } from '../bulk.js';
import type { Begin, Places } from './start.js';
import type { Requests } from './requests.js';
import type { Errands, Wishes } from './wishes.js';

export async function loadZones(s: Begin & Places) {
  const { bulk, rng, tenant, todayDay, stamp, places } = s;
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
        ...stampValues(stamp),
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
  return { zoneRows, zmRows };
}
export type Zones = Awaited<ReturnType<typeof loadZones>>;

export async function loadEvaluations(s: Begin & Places & Requests) {
  const { bulk, rng, tenant, today, stamp, byKey, townshipIds } = s;
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
        ...stampValues(stamp),
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
      ...stampValues(stamp),
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
      ...stampValues(stamp),
    ]);
  }
  await bulk.insert(
    'residents_evaluations',
    [
      ...SCOPED_COLUMNS,
      'kind',
      'period',
      'grade',
      'satisfied',
      'fairly_satisfied',
      'dissatisfied',
      'comments',
      'evaluator_name',
      'created_by',
      ...STAMP_COLUMNS,
    ],
    evalRows,
  );
  return { evalRows };
}
export type Evaluations = Awaited<ReturnType<typeof loadEvaluations>>;

export async function finishResidents(s: Begin & Wishes & Errands & Zones & Evaluations) {
  const {
    ctx,
    bulk,
    log,
    scale,
    tenant,
    lap,
    wishTotal,
    nOpen,
    nFulfilled,
    nConfirmed,
    errandTotal,
    nDone,
    zoneRows,
    zmRows,
    evalRows,
  } = s;
  log(`  为民服务 service：已写入 rows written（${lap()}）`);
  await bulk.fixSequences([...BIG_TABLES, 'zones', 'zone_members', 'residents_evaluations']);
  await bumpVersion(ctx.db, tenant, 'residents');
  log(
    `  为民服务 service：${wishTotal} 个微心愿 wishes（已确认 confirmed ${nConfirmed}，待确认 awaiting ${nFulfilled}，` +
      `待认领 open ${nOpen}），${errandTotal} 件代办 errands（已办 done ${nDone}），${zoneRows.length} 个责任区 zones` +
      `（${zmRows.length} 名党员 members），${evalRows.length} 次三评 evaluations；比例 scale ${scale}（${lap()}）`,
  );
}
