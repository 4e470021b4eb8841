/**
 * The cadres module on the client: the answer types from the contracts, the short words of the posts on a list,
 * the colours of the states, the timeline's words and the share formatting of the election analytics.
 */
import {
  CADRE_FILING_FLOW,
  CADRE_REVIEW_FLOW,
  type CadreCommittee,
  type CadrePostCode,
  chinaToday,
  type Labelled,
} from '@dangjian/contracts';

export type {
  CadreItemT as CadreItem,
  CadreDetailT as CadreDetail,
  CadrePostRecordT as CadrePost,
  CadreFilingItemT as FilingItem,
  CadreFilingDetailT as FilingDetail,
  CadreReviewItemT as ReviewItem,
  CadreReviewDetailT as ReviewDetail,
  ElectionAnalyticsT as ElectionAnalytics,
  ElectionRowT as ElectionRow,
} from '@dangjian/contracts';

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** A post in a tag of a list: short (书记, 主任…), told by its committee. */
export function shortPost(committee: CadreCommittee, post: CadrePostCode): Labelled {
  if (committee === 'party') {
    if (post === 'secretary') return l('书记', 'Secretary');
    if (post === 'deputy_secretary') return l('副书记', 'Deputy secretary');
    return l('支委委员', 'Party committee member');
  }
  if (post === 'director') return l('主任', 'Director');
  if (post === 'deputy_director') return l('副主任', 'Deputy director');
  return l('村（居）委委员', "Villagers' committee member");
}

/** Posts of one term: whether the person is both the party secretary and the director (一肩挑). */
export function isOneShoulder(posts: readonly { committee: string; post: string; term: number }[]): boolean {
  return posts.some(
    (p) =>
      p.committee === 'party' &&
      p.post === 'secretary' &&
      posts.some((q) => q.term === p.term && q.committee === 'villagers' && q.post === 'director'),
  );
}

/** The tag colour of a post (the main posts stand out). */
export function postColor(post: string): string | undefined {
  return post === 'secretary' ? 'red' : post === 'director' ? 'volcano' : undefined;
}

/** The tag colour of a filing's state. */
export const FILING_COLOR: Record<string, string | undefined> = {
  filed: 'blue',
  acknowledged: 'green',
  returned: 'red',
};

/** The tag colour of a review's state (stopped in red). */
export const REVIEW_COLOR: Record<string, string | undefined> = {
  reviewing: 'blue',
  cleared: 'green',
  stopped: 'red',
};

/** The timeline's words of a filing: each move's event by the move's label. */
export const FILING_EVENT_KINDS: Record<string, Labelled> = Object.fromEntries(
  Object.values(CADRE_FILING_FLOW.actions).map((a) => [a.event, a.label]),
);

/** The timeline's words of a review. */
export const REVIEW_EVENT_KINDS: Record<string, Labelled> = Object.fromEntries(
  Object.values(CADRE_REVIEW_FLOW.actions).map((a) => [a.event, a.label]),
);

/** A share 0–1 as a percent with one decimal; a dash when there is nothing to divide. */
export function pct(share: number | null | undefined): string {
  return share == null ? '—' : `${(share * 100).toFixed(1)}%`;
}

/** The latest election year by today (the committees are elected every five years: 2021, 2026…). */
export function latestTerm(): number {
  const year = Number(chinaToday().slice(0, 4));
  return 2021 + Math.floor((year - 2021) / 5) * 5;
}

/** The election years to choose from: the terms of five years back from this year's (2026, 2021, 2016…). */
export function termOptions(latest: number, count = 4): number[] {
  return Array.from({ length: count }, (_, i) => latest - i * 5);
}
