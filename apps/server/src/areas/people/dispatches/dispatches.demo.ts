/**
 * The dispatched cadres of the demo county (seed 000's scale: about 100 first secretaries and 100 village work
 * teams of a leader and two to four members; instructors and science envoys in proportion, an envoy serving two or
 * three villages), a few rotations of first secretaries this year, and the days present of every month so far as a
 * township enters them. Deterministic, inserted in bulk.
 */
import { chinaToday } from '@dangjian/contracts';
import type { DemoContributor, LoadedCounty } from '../../../demo/load.js';
import { personName } from '../../../demo/names.js';
import type { Random } from '../../../demo/random.js';
import type { Ctx } from '../../../platform/context.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import * as repo from './dispatches.repository.js';

type Row = Parameters<typeof repo.insertDispatches>[1][number];
type Place = { id: number; org_path: string; parent_id: number | null };

const UNITS: [string, 'province' | 'city' | 'county'][] = [
  ['省农业农村厅', 'province'],
  ['省交通运输厅', 'province'],
  ['市财政局', 'city'],
  ['市自然资源局', 'city'],
  ['市人民医院', 'city'],
  ['县委组织部', 'county'],
  ['县农业农村局', 'county'],
  ['县教育局', 'county'],
  ['县卫生健康局', 'county'],
  ['县住房和城乡建设局', 'county'],
  ['县供电公司', 'county'],
  ['县农商银行', 'county'],
];
const ENVOY_UNITS = ['市农业科学院', '县农业技术推广中心', '县林业站', '县畜牧兽医站', '省农业大学'];
const POSTS = ['科员', '副科长', '四级主任科员', '干部', '技术员'];

async function load(ctx: Ctx, c: LoadedCounty, rng0: Random, log: (line: string) => void): Promise<void> {
  const rng = rng0.fork(3301);
  const db = ctx.db;
  const today = chinaToday(ctx.clock());
  const year = Number(today.slice(0, 4));
  const now = ctx.clock().toISOString();
  const places = (await repo.demoPlaces(db, c.tenantId)) as Place[];
  if (!places.length) return;
  const base = (kind: string, place: Place, started: string, unit: [string, string]): Row => ({
    tenant_id: c.tenantId,
    org_id: place.id,
    org_path: place.org_path,
    kind,
    person_name: personName(rng, rng.chance(0.78) ? 'male' : 'female', rng.int(1970, 1996)),
    sending_unit: unit[0],
    unit_level: unit[1],
    started_on: started,
    status: 'on_duty',
    team_role: null,
    team_id: null,
    post: rng.pick(POSTS),
    ends_on: `${Number(started.slice(0, 4)) + 2}${started.slice(4)}`,
    ended_on: null,
    note: null,
    replaces_id: null,
    phone_enc: null,
    phone_hash: null,
    phone_masked: null,
    created_by: null,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  });
  const started = () => rng.date(`${year - 2}-03-01`, `${year - 1}-09-30`);
  const unit = () => rng.pick(UNITS);
  const shuffled = rng.shuffle([...places]);
  // First secretaries: about 100 (every place when there are fewer), ten of them rotated this spring.
  const fsPlaces = shuffled.slice(0, Math.min(100, places.length));
  const rotating = new Set(fsPlaces.slice(0, 10).map((p) => p.id));
  const first = fsPlaces.map((p) => base('first_secretary', p, started(), unit()));
  // Work teams: about 100 leaders, each with two to four members.
  const teamPlaces = rng.shuffle([...places]).slice(0, Math.min(100, places.length));
  const leaders = teamPlaces.map((p) => ({ ...base('work_team', p, started(), unit()), team_role: 'leader' }));
  // Instructors (about one for every three places) and science envoys (one for every eight, serving 2–3 places).
  const instructors = rng
    .shuffle([...places])
    .slice(0, Math.ceil(places.length / 3))
    .map((p) =>
      base('instructor', p, started(), [`${rng.pick(['县委组织部', '县直机关工委', '乡镇党委'])}`, 'county']),
    );
  const envoyPlaces = rng.shuffle([...places]).slice(0, Math.ceil(places.length / 8));
  const envoys = envoyPlaces.map((p) => ({
    ...base('science_envoy', p, started(), [rng.pick(ENVOY_UNITS), rng.chance(0.3) ? 'province' : 'city'] as [
      string,
      string,
    ]),
    post: '农艺师',
  }));
  const firstRows = [...first, ...leaders, ...instructors, ...envoys];
  for (const r of first) if (rotating.has(r.org_id)) Object.assign(r, { status: 'rotated', ended_on: `${year}-03-31` });
  const firstIds = await repo.insertDispatches(db, firstRows);
  const idOf = new Map(firstRows.map((r, i) => [r, firstIds[i]!]));
  // The second wave: the rotated secretaries' successors and the teams' members.
  const second: Row[] = [];
  for (const r of first)
    if (r.status === 'rotated')
      second.push({
        ...base('first_secretary', places.find((p) => p.id === r.org_id)!, `${year}-04-01`, unit()),
        replaces_id: idOf.get(r)!,
      });
  for (const l of leaders)
    for (let i = rng.int(2, 4); i > 0; i--)
      second.push({
        ...base('work_team', places.find((p) => p.id === l.org_id)!, l.started_on, [l.sending_unit, l.unit_level] as [
          string,
          string,
        ]),
        team_role: 'member',
        team_id: idOf.get(l)!,
      });
  const secondIds = await repo.insertDispatches(db, second);
  const all = [
    ...firstRows.map((r, i) => ({ r, id: firstIds[i]! })),
    ...second.map((r, i) => ({ r, id: secondIds[i]! })),
  ];
  // Organizations served: the own place, and one or two more of the same township for an envoy.
  const orgRows: Parameters<typeof repo.insertOrgs>[1] = [];
  for (const { r, id } of all) {
    const served = [r.org_id];
    if (r.kind === 'science_envoy') {
      const near = places.filter(
        (p) => p.parent_id === places.find((x) => x.id === r.org_id)?.parent_id && p.id !== r.org_id,
      );
      served.push(...rng.sample(near, Math.min(near.length, rng.int(1, 2))).map((p) => p.id));
    }
    for (const orgId of served) {
      const p = places.find((x) => x.id === orgId)!;
      orgRows.push({ tenant_id: c.tenantId, org_id: p.id, org_path: p.org_path, dispatch_id: id, deleted_at: null });
    }
  }
  await repo.insertOrgs(db, orgRows);
  // Days present of every month of this year so far (the current month once it is half gone).
  const lastMonth = Number(today.slice(8, 10)) >= 15 ? Number(today.slice(5, 7)) : Number(today.slice(5, 7)) - 1;
  const presence: Parameters<typeof repo.insertPresence>[1] = [];
  for (const { r, id } of all) {
    const from = r.started_on.slice(0, 4) === String(year) ? Number(r.started_on.slice(5, 7)) : 1;
    const to = r.ended_on ? Math.min(lastMonth, Number(r.ended_on.slice(5, 7))) : lastMonth;
    const usual = r.kind === 'instructor' || r.kind === 'science_envoy' ? [4, 10] : [17, 24];
    for (let m = from; m <= to; m++) {
      const days = rng.int(usual[0]!, usual[1]!) - (m === 2 ? 4 : 0);
      presence.push({
        tenant_id: c.tenantId,
        org_id: r.org_id,
        org_path: r.org_path,
        dispatch_id: id,
        month: `${year}-${String(m).padStart(2, '0')}`,
        days,
        note: m === 2 ? '春节假期' : rng.chance(0.05) ? '参加县里集中培训3天' : null,
        recorded_by: null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      });
    }
  }
  await repo.insertPresence(db, presence);
  await bumpVersion(db, c.tenantId, 'dispatches');
  log(
    `  派驻 dispatches：第一书记 ${first.length}（轮换 ${rotating.size}），工作队 ${leaders.length}` +
      `（队员 ${second.length - rotating.size}），指导员 ${instructors.length}，科技特派员 ${envoys.length}；` +
      `在村天数 ${presence.length} 条`,
  );
}

/** The dispatches demo, run after the organizations exist. */
export const dispatchesContributor: DemoContributor = { name: 'dispatches', load };
