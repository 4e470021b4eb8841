/** The arithmetic of votes and reviews, kept pure so the rules are tested on their own. */
import { MAX_EXCELLENT_SHARE } from './meetings.rules.js';

/**
 * Tallies a motion of a general meeting (党员大会): the quorum is more than half of the full
 * members entitled to vote; it passes when the yes votes exceed half of those entitled.
 * Probationary members are not entitled and are not counted.
 */
export function tallyMotion(input: {
  entitled: number;
  presentVoting: number;
  yes: number;
  no: number;
  abstain: number;
}): { quorumMet: boolean; passed: boolean; valid: boolean } {
  const valid = input.yes + input.no + input.abstain <= input.presentVoting;
  const quorumMet = input.presentVoting * 2 > input.entitled;
  return { valid, quorumMet, passed: valid && quorumMet && input.yes * 2 > input.entitled };
}

/** Whether a review's grades keep excellent within its share (no more than one third of those reviewed). */
export function excellentWithinShare(grades: string[]): boolean {
  const excellent = grades.filter((g) => g === 'excellent').length;
  return excellent <= Math.floor(grades.length * MAX_EXCELLENT_SHARE + 1e-9);
}
