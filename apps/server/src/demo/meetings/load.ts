/** Loads the meetings demo: five years of meetings, attendance, motions and reviews of every branch. */
import type { Ctx } from '../../platform/context.js';
import { MEETING_KIND_LABELS } from '@dangjian/contracts';
import type { DemoContributor, LoadedCounty } from '../load.js';
import type { Random } from '../random.js';
import { BRANCH_TYPES } from './plan.js';
import { Bulk } from '../bulk.js';
import { branchLife } from './branch.js';
import { countyWindow } from './window.js';
import { type Counts, countyStep } from './writer.js';
import { committeeLife, groupLife } from './yearly.js';

/** Loads a county's organizational life; see the file comment. */
async function loadMeetings(ctx: Ctx, c: LoadedCounty, rng: Random, log: (line: string) => void): Promise<void> {
  const w = await countyWindow(ctx, c, rng, log);
  const { branches, behind } = w;
  // ---- writing, in batches, inside one transaction ----
  const counts: Counts = { meetings: 0, attendance: 0, motions: 0, reviews: 0 };
  const byKind = new Map<string, number>();

  await ctx.db.transaction().execute(async (trx) => {
    const s = await countyStep(w, trx, counts, byKind);
    const { ordered, flushChildren, flush } = s;
    // ---- per organization, in the county's order ----
    for (const o of ordered) {
      const r = rng.fork(o.id);
      if (BRANCH_TYPES.has(o.type)) await branchLife(s, o, r);
      else if (o.type === 'group') await groupLife(s, o, r);
      else if (o.type === 'committee') await committeeLife(s, o, r);
    }
    await flush();
    await flushChildren(true);
  });
  // The meetings' ids were assigned by the demo: the identity sequence moves past them (PostgreSQL).
  await new Bulk(ctx).fixSequences(['meetings']);

  const kinds = [...byKind.entries()]
    .sort((a, b) => b[1] - a[1])
    // Kinds by their labels: the log is read by people, never as codes.
    .map(([k, n]) => `${MEETING_KIND_LABELS[k as keyof typeof MEETING_KIND_LABELS]?.zh ?? k} ${n}`)
    .join('，');
  log(
    `  组织生活 meetings：${counts.meetings} 次（${kinds}）；出席记录 attendance ${counts.attendance}，` +
      `表决 motions ${counts.motions}，评议 reviews ${counts.reviews}；` +
      `${branches.length} 个支部中 ${behind.size} 个未按时落实 branches behind`,
  );
}

/** The meetings module's part of the demo. */
export const meetingsContributor: DemoContributor = {
  name: 'meetings',
  load: loadMeetings,
};
