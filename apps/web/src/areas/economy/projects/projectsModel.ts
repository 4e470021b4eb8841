/** Projects on the client: the answer types from the contracts, money in 万元, the timeline's words, the colours. */
import { type Labelled, PROJECT_EVENTS } from '@dangjian/contracts';

export type {
  ProjectItemT as ProjectItem,
  ProjectDetailT as ProjectDetail,
  ProjectYearT as ProjectYear,
  ProjectFiguresT as ProjectFigures,
} from '@dangjian/contracts';

/** Fen in one 万元. */
export const FEN_PER_WAN = 1_000_000;

/** An amount in fen as 万元 with two decimals (the pages' unit of money). */
export function wan(fen: number): string {
  return (fen / FEN_PER_WAN).toFixed(2);
}

/** 万元 typed in a form as fen (whole fen). */
export function fenOf(wanValue: number | null | undefined): number {
  return Math.round((wanValue ?? 0) * FEN_PER_WAN);
}

/** The timeline's words of a project's events. */
export const PROJECT_EVENT_KINDS: Record<string, Labelled> = PROJECT_EVENTS;

/** The tag colour of a state. */
export const STATUS_COLOR: Record<string, string | undefined> = {
  planned: 'default',
  building: 'blue',
  operating: 'green',
  stopped: 'red',
};
