/**
 * The points of the demo county: the harvesters run over the demo's records of the last three months (set-based,
 * one statement per event type), then in a few branches manual entries in each state
 * (submitted, awaiting the township, approved, rejected) and a member's open dispute of an entry of this month.
 */
import { addDays, chinaToday, type ManualKind } from '@dangjian/contracts';
import { subtreeRange } from '../../../db/dialect.js';
import type { DemoContributor, LoadedCounty } from '../../../demo/load.js';
import type { Random } from '../../../demo/random.js';
import type { Ctx } from '../../../platform/context.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { harvest } from './points.harvest.js';
import * as repo from './points.repository.js';
import { pointsRules } from './points.rules.js';

const MANUAL: { kind: ManualKind; points: number; note: string; evidence: string }[] = [
  { kind: 'vanguard', points: 5, note: '党员先锋岗：疫情防控卡点值守', evidence: '卡点值守排班表及现场照片，值守12天' },
  { kind: 'volunteer', points: 3, note: '参加“清洁家园”志愿服务', evidence: '志愿服务签到表，服务时长4小时' },
  { kind: 'emergency', points: 8, note: '参加防汛抢险', evidence: '镇防汛指挥部出具的参与抢险证明' },
  { kind: 'commended', points: 6, note: '获评县级优秀共产党员', evidence: '县委表彰文件' },
  { kind: 'deduction', points: -5, note: '无故连续两次不参加组织生活', evidence: '支部会议签到记录' },
];
const STATES = ['submitted', 'branch_approved', 'approved', 'rejected', 'approved'] as const;

/** Loads the demo county's points. */
async function load(ctx: Ctx, county: LoadedCounty, rng: Random, log: (line: string) => void): Promise<void> {
  const today = chinaToday(ctx.clock());
  const year = Number(today.slice(0, 4));
  const root = [...county.orgPaths.values()].sort((a, b) => a.length - b.length)[0]!;
  const range = subtreeRange(root);
  const now = ctx.clock().toISOString();
  let added = 0;
  // The last three months: a year of the county's records is some 600,000 rows (dues and meetings of 20,000
  // members), about 45 s on SQLite — beyond the demo's budget. A county harvests the year on demand.
  const [y, m] = today.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - 3, 1)).toISOString().slice(0, 10);
  const spans: [string, string][] =
    first.slice(0, 4) === today.slice(0, 4)
      ? [[first, today]]
      : [
          [first, `${first.slice(0, 4)}-12-31`],
          [`${today.slice(0, 4)}-01-01`, today],
        ];
  for (const [from, to] of spans) {
    const rules = await pointsRules(ctx.db, county.tenantId, Number(from.slice(0, 4)));
    const span = { tenantId: county.tenantId, range, from, to, today, now };
    added += (await harvest(ctx.db, span, rules, { reverse: false })).added;
  }
  // A few members of different branches for the manual entries.
  const members = await repo.someMembers(ctx.db, county.tenantId, 400);
  const picked = members.filter((_, i) => i % 37 === 0).slice(0, 10);
  const rows = picked.map((m, i) => {
    const t = MANUAL[i % MANUAL.length]!;
    const status = STATES[i % STATES.length]!;
    const day = addDays(today, -rng.int(1, Math.min(20, Number(today.slice(8, 10)))));
    const on = day < `${year}-01-01` ? today : day;
    return {
      tenant_id: m.tenant_id,
      org_id: m.org_id,
      org_path: m.org_path,
      member_id: m.id,
      event: 'manual',
      kind: t.kind,
      points: t.points,
      occurred_on: on,
      month: on.slice(0, 7),
      year: Number(on.slice(0, 4)),
      source_ref: `manual:demo:${m.id}:${i}`,
      reverses_id: null,
      note: t.note,
      evidence: t.evidence,
      status,
      reject_reason: status === 'rejected' ? '佐证材料不足，请补充活动照片后重新提交' : null,
      created_by: null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    };
  });
  await repo.insertEntries(ctx.db, rows);
  // One open dispute of a harvested entry of this month.
  const e = await repo.firstEntryOf(ctx.db, county.tenantId, 'meeting_attended', today.slice(0, 7));
  if (e)
    await repo.insertDispute(ctx.db, {
      tenant_id: e.tenant_id,
      org_id: e.org_id,
      org_path: e.org_path,
      entry_id: e.id,
      member_id: e.member_id,
      status: 'open',
      reason: '当天我请假外出务工，未参加该次会议，积分记录有误',
      answer: null,
      answered_at: null,
      answered_by: null,
      reversal_id: null,
      created_by: null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
  await bumpVersion(ctx.db, county.tenantId, 'points');
  log(`points: ${added} harvested, ${rows.length} manual, ${e ? 1 : 0} dispute`);
}

/** The demo contributor of points. */
export const pointsContributor: DemoContributor = { name: 'points', load };
