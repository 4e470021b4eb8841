/** Selections on the client: the answer types from the contracts, the timeline's words and the state colours. */
import { type Labelled, SELECTION_FLOW } from '@dangjian/contracts';

export type {
  BallotT as Ballot,
  NominationT as Nomination,
  SelectionCountT as SelectionCount,
  SelectionDetailT as SelectionDetail,
  SelectionItemT as SelectionItem,
} from '@dangjian/contracts';

/** The timeline's words: each move's event by the move's label, and the announcement. */
export const SELECTION_EVENT_KINDS: Record<string, Labelled> = {
  ...Object.fromEntries(Object.values(SELECTION_FLOW.actions).map((a) => [a.event, a.label])),
  created: { zh: '发布评选', en: 'Announced' },
};

/** The tag colour of a state. */
export const SELECTION_STATUS_COLOR: Record<string, string> = {
  nominating: 'orange',
  voting: 'blue',
  publicizing: 'purple',
  published: 'green',
};
/** The tag colour of a nomination's state. */
export const NOMINATION_COLOR: Record<string, string> = { pending: 'default', accepted: 'green', rejected: 'red' };
