/**
 * The accountability records of the demo county over its year, shaped like seed 000's figures (通报批评单位27个21人，
 * 处理违规人员3人): public criticism of units and persons linked to problems that went wrong or came from
 * inspections, three punishments, reminders, inquiries and admonitions, and an interview (约谈) of the secretary of
 * each organization marked by the development supervision. Deterministic, inserted in bulk.
 */
import { addDays, chinaToday } from '@dangjian/contracts';
import type { DemoContributor, LoadedCounty } from '../../../demo/load.js';
import { personName } from '../../../demo/names.js';
import type { Random } from '../../../demo/random.js';
import type { Ctx } from '../../../platform/context.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import * as repo from './accountability.repository.js';

type Row = Parameters<typeof repo.insertRecords>[1][number];

/** How many of each the year holds: [kind, target, count, reason]. */
const PLAN: [string, 'org' | 'person', number, string][] = [
  ['public_criticism', 'org', 27, '督查发现问题整改不力，逾期未完成整改'],
  ['public_criticism', 'person', 21, '履行党建工作职责不到位，督查问题整改推诿拖延'],
  ['punishment', 'person', 3, '违反组织纪律，虚报党建工作台账'],
  ['reminder', 'org', 15, '“三会一课”开展不规范，予以提醒'],
  ['inquiry', 'person', 6, '群众反映工作作风问题，予以函询'],
  ['admonition', 'person', 4, '作风建设暗访中发现脱岗，予以诫勉'],
  ['interview', 'person', 5, '问题整改逾期，约谈党组织书记'],
];
const PUNISHMENTS = ['党内警告', '党内严重警告', '政务记过'];

async function load(ctx: Ctx, c: LoadedCounty, rng0: Random, log: (line: string) => void): Promise<void> {
  const rng = rng0.fork(2401);
  const db = ctx.db;
  const today = chinaToday(ctx.clock());
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const span = Math.max(1, Math.round((Date.parse(today) - Date.parse(yearStart)) / 86_400_000));
  const now = ctx.clock().toISOString();
  const branches = await repo.demoBranches(db, c.tenantId);
  const county = await repo.demoRoot(db, c.tenantId);
  if (!branches.length || !county) return;
  const problems = rng.shuffle(await repo.demoProblems(db, c.tenantId, today));
  const byOrg = new Map(branches.map((b) => [b.id, b]));
  const rows: Row[] = [];
  const add = (
    kind: string,
    target: 'org' | 'person',
    branch: (typeof branches)[number],
    reason: string,
    decided: string,
    link: Partial<Pick<Row, 'problem_id' | 'mark_id'>>,
    person?: { id: number | null; name: string },
  ) => {
    const who = person ?? { id: branch.member_id, name: branch.secretary ?? personName(rng, 'male', 1975) };
    rows.push({
      tenant_id: c.tenantId,
      org_id: branch.id,
      org_path: branch.org_path,
      kind,
      sub_kind: kind === 'punishment' ? PUNISHMENTS[rows.filter((r) => r.kind === 'punishment').length % 3]! : null,
      target_kind: target,
      target_org_id: target === 'org' ? branch.id : null,
      member_id: target === 'person' ? who.id : null,
      person_name: target === 'person' ? who.name : null,
      person_post: target === 'person' ? '党支部书记' : null,
      problem_id: link.problem_id ?? null,
      mark_id: link.mark_id ?? null,
      inspection_id: null,
      reason,
      decided_on: decided > today ? today : decided,
      // The county decides criticism and punishment; the township reminds, inquires, admonishes and interviews.
      decided_by_org_id: ['public_criticism', 'punishment'].includes(kind)
        ? county.id
        : (branch.parent_id ?? county.id),
      created_by: null,
      created_at: `${decided > today ? today : decided}T02:00:00.000Z`,
      updated_at: now,
      deleted_at: null,
    });
  };
  let p = 0;
  for (const [kind, target, count, reason] of PLAN)
    for (let i = 0; i < count; i++) {
      // Criticism and interviews follow a problem that went wrong, when there is one left to follow.
      const problem = ['public_criticism', 'interview'].includes(kind) && p < problems.length ? problems[p++] : null;
      const branch = (problem && byOrg.get(problem.org_id)) || rng.pick(branches);
      const decided = problem
        ? addDays(problem.found_on, rng.int(30, 75))
        : addDays(yearStart, Math.round(((i + rng.int(0, 9) / 10) * span) / count));
      add(kind, target, branch, reason, decided, problem ? { problem_id: problem.id } : {});
    }
  for (const m of await repo.demoMarks(db, c.tenantId)) {
    const branch = byOrg.get(m.org_id);
    if (!branch) continue;
    const who = { id: m.secretary_member_id, name: m.secretary_name ?? branch.secretary ?? '党组织书记' };
    add(
      'interview',
      'person',
      branch,
      '发展党员工作被督查标记，约谈党组织书记',
      addDays(m.created_at.slice(0, 10), 3),
      { mark_id: m.id },
      who,
    );
  }
  await repo.insertRecords(db, rows);
  await bumpVersion(db, c.tenantId, 'accountability');
  const units = rows.filter((r) => r.target_kind === 'org').length;
  log(`  问责 accountability：${rows.length} 条，单位 ${units}，个人 ${rows.length - units} (${rows.length} records)`);
}

/** The accountability demo, run after the problems and inspections exist. */
export const accountabilityContributor: DemoContributor = { name: 'accountability', load };
