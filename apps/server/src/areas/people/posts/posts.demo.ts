/**
 * Posts for members of the demo county (设岗定责): most village and community branches set three to five posts
 * (政策宣传岗、环境整治岗、矛盾调解岗…) and give about four in five of their members one, a few holdings ended
 * with a reason, so coverage is near 80% and not the same everywhere. Bulk inserts.
 */
import { addDays, chinaToday, type PostKind } from '@dangjian/contracts';
import type { DemoContributor, LoadedCounty } from '../../../demo/load.js';
import type { Random } from '../../../demo/random.js';
import type { Ctx } from '../../../platform/context.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import * as repo from './posts.repository.js';

const POSTS: [PostKind, string, string][] = [
  ['policy', '政策宣传岗', '宣传党的路线方针政策和惠民政策，每月入户宣讲不少于2次'],
  ['environment', '环境整治岗', '带头开展人居环境整治，包保责任区卫生，劝导乱堆乱放'],
  ['mediation', '矛盾调解岗', '及时排查化解邻里纠纷，重大矛盾及时上报村党组织'],
  ['industry', '产业服务岗', '带头发展特色产业，为群众提供技术指导和销售信息'],
  ['care', '关爱帮扶岗', '联系帮扶留守老人、留守儿童和困难群众，定期走访'],
  ['pioneer', '党员先锋岗', '在急难险重任务中亮身份、作表率，带动群众参与'],
  ['safety', '平安巡逻岗', '参与村内治安巡逻和防汛防火，发现隐患及时报告'],
];

async function load(ctx: Ctx, c: LoadedCounty, rng0: Random, log: (line: string) => void): Promise<void> {
  const rng = rng0.fork(1401);
  const db = ctx.db;
  const today = chinaToday(ctx.clock());
  const now = ctx.clock().toISOString();
  const orgs = await repo.demoBranches(db, c.tenantId);
  const members = await repo.demoMembers(db, c.tenantId);
  const byOrg = new Map<number, number[]>();
  // A member of a party group under a branch belongs to the branch's posts.
  const pathOf = new Map(orgs.map((o) => [o.org_path, o.id]));
  for (const m of members) {
    const parts = m.org_path.split('/').filter(Boolean);
    for (let i = parts.length; i > 0; i--) {
      const id = pathOf.get(`/${parts.slice(0, i).join('/')}/`);
      if (id) {
        byOrg.set(id, [...(byOrg.get(id) ?? []), m.id]);
        break;
      }
    }
  }
  const chosen = orgs.filter((o) => (byOrg.get(o.id)?.length ?? 0) > 0 && rng.chance(0.9));
  const postRows = chosen.flatMap((o) =>
    rng.sample(POSTS, rng.int(3, 5)).map(([kind, name, duties]) => ({
      tenant_id: c.tenantId,
      org_id: o.id,
      org_path: o.org_path,
      name,
      kind,
      duties,
      capacity: null,
      created_by: null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    })),
  );
  const ids = await repo.insertPosts(db, postRows);
  const postsOf = new Map<number, number[]>();
  postRows.forEach((p, i) => postsOf.set(p.org_id, [...(postsOf.get(p.org_id) ?? []), ids[i]!]));
  const holders = [];
  let ended = 0;
  for (const o of chosen) {
    const share = 0.75 + rng.next() * 0.2;
    const posts = postsOf.get(o.id)!;
    for (const memberId of byOrg.get(o.id)!) {
      if (!rng.chance(share)) continue;
      const startedOn = addDays(today, -rng.int(30, 900));
      const end = rng.chance(0.05);
      if (end) ended++;
      holders.push({
        tenant_id: c.tenantId,
        org_id: o.id,
        org_path: o.org_path,
        post_id: rng.pick(posts),
        member_id: memberId,
        started_on: startedOn,
        ended_on: end ? addDays(startedOn, 20) : null,
        end_reason: end ? '外出务工，调整岗位' : null,
        created_by: null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      });
    }
  }
  await repo.insertHolders(db, holders);
  await bumpVersion(db, c.tenantId, 'posts');
  log(`  设岗定责 posts：${chosen.length} 个支部设岗 ${ids.length} 个，上岗 ${holders.length - ended} 人`);
}

/** The posts demo, run after the organizations and members exist. */
export const postsContributor: DemoContributor = { name: 'posts', load };
