/** Types and words of the points pages, from the contracts. */
import {
  type Labelled,
  MANUAL_KINDS,
  POINT_EVENTS,
  POINT_FLOW,
  type PointDetailT,
  type PointEntryT,
} from '@dangjian/contracts';

export type PointItem = PointEntryT;
export type PointDetail = PointDetailT;

/** The words of the timeline: the flow's moves, the dispute and its answers. */
export const POINT_EVENT_KINDS: Record<string, Labelled> = {
  ...Object.fromEntries(Object.values(POINT_FLOW.actions).map((a) => [a.event, a.label])),
  disputed: { zh: '党员提出异议', en: 'Disputed by the member' },
  dispute_upheld: { zh: '异议成立，已冲正', en: 'Dispute upheld, reversed' },
  dispute_rejected: { zh: '异议不成立', en: 'Dispute rejected' },
};

/** The tag colour of a state. */
export const STATUS_COLOR: Record<string, string | undefined> = {
  submitted: 'orange',
  branch_approved: 'gold',
  approved: 'green',
  rejected: 'default',
};

/** What an entry is, in words: its event, and for a manual one its kind. */
export function whatOf(e: PointItem, lbl: (m: Record<string, Labelled>, k: string) => string): string {
  const base = lbl(POINT_EVENTS, e.event);
  return e.kind ? `${base}·${lbl(MANUAL_KINDS, e.kind)}` : base;
}

/** Points with their sign (+3, −2). */
export const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

/** The last twelve months `YYYY-MM`, newest first. */
export function recentMonths(today: string, n = 12): string[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}
