/**
 * 党员设岗定责覆盖情况 (`posts.coverage`): for a subtree and a year (its end, or today for the current year), the live
 * members not flowing out, those holding a post, the share; the posts by kind; and the same for each organization
 * right below the root, so the county sees its townships and a township its villages.
 */
import {
  chinaToday,
  POST_KINDS,
  PostCoverageQuery,
  type PostCoverageQueryT,
  type PostCoverageT,
  type PostKind,
} from '@dangjian/contracts';
import { subtreeRange } from '../../../db/dialect.js';
import { type Actor, requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { defineFigure, type Locale } from '../../../platform/figures.js';
import { addSheet } from '../../../platform/sheets.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import * as repo from './posts.repository.js';

/** The figure's arguments: the root organization and the day counted. */
export interface CoverageArgs {
  orgId: number;
  on: string;
}

const share = (a: number, b: number) => (b ? Math.round((a / b) * 10000) / 10000 : 0);

/** Members and covered members of one subtree among the counted rows. */
export function countIn(rows: { org_path: string; covered: boolean }[], path: string) {
  const [lo, hi] = subtreeRange(path);
  let members = 0;
  let covered = 0;
  for (const r of rows)
    if (r.org_path >= lo && r.org_path < hi) {
      members++;
      if (r.covered) covered++;
    }
  return { members, covered, share: share(covered, members) };
}

/** The coverage figure of a subtree on a day. */
export const coverageFigure = defineFigure({
  key: 'posts.coverage',
  name: { zh: '党员设岗定责覆盖情况', en: 'Posts for members: coverage' },
  params: PostCoverageQuery,
  route: 'GET /api/posts/coverage',
  depends: ['posts', 'roster', 'mobility'],
  compute: async (ctx: Ctx, { orgId, on }: CoverageArgs, tenantId: number): Promise<PostCoverageT> => {
    const root = await repo.orgOfTenant(ctx.db, tenantId, orgId);
    if (!root) throw notFound();
    const [rows, kinds, children] = await Promise.all([
      repo.coverageMembers(ctx.db, tenantId, root.org_path, on),
      repo.postsByKind(ctx.db, tenantId, root.org_path, on),
      repo.childOrgs(ctx.db, tenantId, root.id),
    ]);
    const n = (list: { kind: string; n: number | string }[], k: string) =>
      Number(list.find((x) => x.kind === k)?.n ?? 0);
    return {
      orgId: root.id,
      orgName: root.name,
      on,
      ...countIn(rows, root.org_path),
      posts: kinds.posts.reduce((s, x) => s + Number(x.n), 0),
      byKind: (Object.keys(POST_KINDS) as PostKind[]).map((kind) => ({
        kind,
        posts: n(kinds.posts, kind),
        holders: n(kinds.holders, kind),
      })),
      rows: children.map((o) => ({ orgId: o.id, orgName: o.name, ...countIn(rows, o.org_path) })),
    };
  },
  excel: { route: 'GET /api/posts/coverage/export', fill },
});

function fill(wb: import('exceljs').Workbook, f: PostCoverageT, locale: Locale): void {
  const en = locale === 'en';
  const ws = addSheet(wb, en ? 'Coverage' : '岗位覆盖', [
    [en ? 'Organization' : '党组织', 'orgName', 30],
    [en ? 'Members' : '党员数', 'members', 10],
    [en ? 'With a post' : '已上岗', 'covered', 10],
    [en ? 'Share' : '覆盖率', 'pct', 10],
  ]);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  for (const r of f.rows) ws.addRow({ ...r, pct: pct(r.share) });
  ws.addRow({
    orgName: `${f.orgName}（${en ? 'total' : '合计'}）`,
    members: f.members,
    covered: f.covered,
    pct: pct(f.share),
  });
}

async function argsOf(ctx: Ctx, actor: Actor, q: PostCoverageQueryT): Promise<CoverageArgs> {
  requireCapability(actor, 'posts.read');
  const o = await orgsRepo.getOrg(ctx.db, actor, q.org ?? actor.orgId!);
  const today = chinaToday(ctx.clock());
  const end = q.year ? `${q.year}-12-31` : today;
  return { orgId: o.id, on: end < today ? end : today };
}

/** The figure for a subtree of the caller's scope (its own organization by default). */
export async function coverage(ctx: Ctx, actor: Actor, q: PostCoverageQueryT): Promise<PostCoverageT> {
  return coverageFigure.get(ctx, actor.tenantId!, await argsOf(ctx, actor, q));
}

/** The figure as an Excel workbook. */
export async function coverageXlsx(ctx: Ctx, actor: Actor, q: PostCoverageQueryT, locale: Locale): Promise<Buffer> {
  return coverageFigure.xlsx(ctx, actor.tenantId!, await argsOf(ctx, actor, q), locale);
}
