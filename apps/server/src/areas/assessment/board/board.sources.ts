/**
 * What the public board reads of the other assessment modules, by the functions their briefs agreed:
 * `publishedStarsOf` (ratings), `rankingOf` (points), `publishedPledgesOf` and `publishedPledgeCountsOf`
 * (pledges). Each answers full names where they have them: the board masks them itself. A test may stand in for
 * one (`useBoardSources`).
 */
import type { Q } from '../../../platform/data/scoped.js';
import { publishedPledgeCountsOf, publishedPledgesOf } from '../pledges/pledges.repository.js';
import { rankingOf } from '../points/points.repository.js';
import { publishedStarsOf } from '../ratings/ratings.repository.js';

/** A published or final star rating of an organization. */
export interface StarRow {
  orgId: number;
  orgName: string;
  stars: number;
  status: string;
}
/** A member's points in a branch's ranking (the name in full: the board masks it). */
export interface RankRow {
  memberId: number;
  name: string;
  points: number;
}
/** A published pledge (the member's name in full, null for an organization's pledge). */
export interface PledgeRow {
  id: number;
  orgName: string;
  memberName: string | null;
  title: string;
  status: string;
  fulfilledOn: string | null;
}

/** The board's sources. */
export interface BoardSources {
  publishedStarsOf(db: Q, tenantId: number, orgPath: string, year: number): Promise<StarRow[]>;
  rankingOf(db: Q, tenantId: number, orgId: number, year: number): Promise<RankRow[]>;
  publishedPledgesOf(db: Q, tenantId: number, orgPath: string, year: number, limit: number): Promise<PledgeRow[]>;
  publishedPledgeCountsOf(
    db: Q,
    tenantId: number,
    orgPath: string,
    year: number,
  ): Promise<{ total: number; fulfilled: number }>;
}

const DEFAULTS: BoardSources = { publishedStarsOf, rankingOf, publishedPledgesOf, publishedPledgeCountsOf };

let current: BoardSources = DEFAULTS;

/** The sources the board reads now. */
export function boardSources(): BoardSources {
  return current;
}

/** Replaces some sources (a test standing in for a module); answers a function that puts the previous back. */
export function useBoardSources(some: Partial<BoardSources>): () => void {
  const before = current;
  current = { ...current, ...some };
  return () => {
    current = before;
  };
}
