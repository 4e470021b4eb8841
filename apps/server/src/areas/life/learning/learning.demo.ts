/**
 * The learning lists of the demo county (夜学, seed 004: 1–3 items a month): the county sets two items each month
 * for the last twelve months; most branches hold each, at a meeting of that month where they have one, otherwise
 * at a study session with most of their members; the current month is half done, and a few branches are behind.
 */
import { chinaToday, type LearningKind } from '@dangjian/contracts';
import type { DemoContributor, LoadedCounty } from '../../../demo/load.js';
import type { Random } from '../../../demo/random.js';
import type { Ctx } from '../../../platform/context.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import * as repo from './learning.repository.js';

const TOPICS: [LearningKind, string, string][] = [
  ['theory', '学习习近平新时代中国特色社会主义思想专题', '原原本本学习有关重要论述，结合本村实际交流体会'],
  ['policy', '解读中央一号文件精神', '学习乡村振兴重点任务，讨论本村产业发展思路'],
  ['rules', '学习《中国共产党纪律处分条例》', '逐章学习，结合典型案例开展警示教育'],
  ['skills', '农村电商实用技能培训', '学习网店开设、直播带货和农产品包装标准'],
  ['policy', '解读农村土地承包和宅基地政策', '学习相关法律政策要点，解答群众关心的问题'],
  ['cases', '学习身边优秀党员先进事迹', '观看先进事迹短片，党员交流发言'],
  ['skills', '特色种养殖技术培训', '邀请农技人员讲解病虫害防治和科学养殖'],
  ['theory', '学习党的二十大报告', '重点学习全面推进乡村振兴有关内容'],
  ['policy', '学习防返贫动态监测帮扶政策', '掌握监测对象识别标准和帮扶措施'],
  ['rules', '学习《中国共产党农村基层组织工作条例》', '明确村党组织职责任务和工作方法'],
  ['skills', '防汛抗旱和安全生产知识培训', '学习应急处置流程，明确党员责任区'],
  ['cases', '学习基层治理典型经验', '交流“积分制”“清单制”做法'],
];

async function load(ctx: Ctx, c: LoadedCounty, rng0: Random, log: (line: string) => void): Promise<void> {
  const rng = rng0.fork(1402);
  const db = ctx.db;
  const today = chinaToday(ctx.clock());
  const now = ctx.clock().toISOString();
  const root = await repo.orgOfTenant(db, c.tenantId, c.tenantId);
  if (!root) return;
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7));
  const months: [number, number][] = [];
  for (let k = 0; k < 12; k++) {
    months.unshift([y, m]);
    m--;
    if (!m) {
      m = 12;
      y--;
    }
  }
  const items = months.flatMap(([year, month], k) =>
    [0, 1].map((j) => {
      const [kind, topic, material] = TOPICS[(k * 2 + j) % TOPICS.length]!;
      return {
        tenant_id: c.tenantId,
        org_id: root.id,
        org_path: root.org_path,
        year,
        month,
        topic,
        material,
        kind,
        link: null,
        created_by: null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      };
    }),
  );
  const ids = await repo.insertItems(db, items);
  const branches = await repo.holdingOrgs(db, c.tenantId, root.org_path);
  const members = await repo.membersIn(db, c.tenantId, root.org_path);
  const from = `${months[0]![0]}-${String(months[0]![1]).padStart(2, '0')}-01`;
  const meetings = await repo.demoMeetingsBetween(db, c.tenantId, from, today);
  const meetingsOf = new Map<string, number[]>();
  for (const mt of meetings) {
    const key = `${mt.org_id}:${mt.held_on.slice(0, 7)}`;
    meetingsOf.set(key, [...(meetingsOf.get(key) ?? []), mt.id]);
  }
  const heldOnOf = new Map(meetings.map((mt) => [mt.id, mt.held_on]));
  const rosterOf = new Map<number, number[]>();
  for (const b of branches)
    rosterOf.set(
      b.id,
      members.filter((x) => x.org_path.startsWith(b.org_path)).map((x) => x.id),
    );
  const holds: Parameters<typeof repo.insertHolds>[1] = [];
  const attendees: number[][] = [];
  items.forEach((it, n) => {
    const ym = `${it.year}-${String(it.month).padStart(2, '0')}`;
    const current = ym === today.slice(0, 7);
    for (const b of branches) {
      if (!rng.chance(current ? 0.45 : 0.88)) continue;
      const linked = meetingsOf.get(`${b.id}:${ym}`);
      const roster = rosterOf.get(b.id) ?? [];
      if (linked?.length && rng.chance(0.7)) {
        const meetingId = rng.pick(linked);
        holds.push({
          tenant_id: c.tenantId,
          org_id: b.id,
          org_path: b.org_path,
          item_id: ids[n]!,
          mode: 'meeting',
          held_on: heldOnOf.get(meetingId)!,
          meeting_id: meetingId,
          place: null,
          note: null,
          created_by: null,
          created_at: now,
          updated_at: now,
          deleted_at: null,
        });
        attendees.push([]);
      } else {
        const last = current ? Number(today.slice(8, 10)) : 28;
        holds.push({
          tenant_id: c.tenantId,
          org_id: b.id,
          org_path: b.org_path,
          item_id: ids[n]!,
          mode: 'session',
          held_on: `${ym}-${String(rng.int(1, Math.max(1, last))).padStart(2, '0')}`,
          meeting_id: null,
          place: '村党群服务中心',
          note: '夜学集中学习，交流发言',
          created_by: null,
          created_at: now,
          updated_at: now,
          deleted_at: null,
        });
        attendees.push(roster.filter(() => rng.chance(0.8)));
      }
    }
  });
  const holdIds = await repo.insertHolds(db, holds);
  await repo.insertAttendance(
    db,
    holdIds.flatMap((hid, i) => attendees[i]!.map((member_id) => ({ hold_id: hid, member_id }))),
  );
  await bumpVersion(db, c.tenantId, 'learning');
  log(`  夜学学习清单 learning：${ids.length} 条，支部落实 ${holds.length} 次`);
}

/** The learning demo, run after organizations, members and meetings exist. */
export const learningContributor: DemoContributor = { name: 'learning', load };
