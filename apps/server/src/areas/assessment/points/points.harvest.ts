/**
 * Harvest of points from records (积分从业务记录汇集): every reader of `points.harvest.repository.ts` over a
 * subtree and a period, one set-based statement each (no per-member query); running it twice adds nothing, and a
 * source that is gone leaves a reversing row. The pledges table is another module's: skipped while it is absent.
 */
import { HARVESTED_EVENTS, type HarvestedEvent, type PointsRules } from '@dangjian/contracts';
import type { Q } from '../../../platform/data/scoped.js';
import { loopYielder } from '../../../platform/yielder.js';
import { type HarvestSpan, harvestEvent, reverseGone, tableExists } from './points.harvest.repository.js';

export type { HarvestSpan };

/** Runs every reader over the span: rows added per event and reversals. */
export async function harvest(
  db: Q,
  span: HarvestSpan,
  rules: PointsRules,
  opts: { reverse?: boolean } = {},
): Promise<{ added: number; reversed: number; byEvent: { event: HarvestedEvent; added: number }[] }> {
  const byEvent: { event: HarvestedEvent; added: number }[] = [];
  let reversed = 0;
  // Each reader is one statement over a county: on SQLite, requests are answered between them.
  const pause = loopYielder();
  for (const event of HARVESTED_EVENTS) {
    await pause();
    if (event === 'pledge_fulfilled' && !(await tableExists(db, 'pledges'))) {
      byEvent.push({ event, added: 0 });
      continue;
    }
    // Reversals first: a row added now qualifies by definition, and the statistics do not know the rows just added
    // yet (on PostgreSQL the reversal right after a county's first harvest took 10-16 s on a nested plan; run first,
    // none of them took 30 ms over 10 counties).
    // A fresh load (the demo) has nothing gone to reverse: it skips the scan.
    if (opts.reverse !== false) reversed += await reverseGone(db, event, span, rules);
    byEvent.push({ event, added: await harvestEvent(db, event, span, rules) });
  }
  return { added: byEvent.reduce((n, e) => n + e.added, 0), reversed, byEvent };
}
