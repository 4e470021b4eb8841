/** Retraining on the client: the answer types from the contracts and the words of the timeline's kinds. */
import { type Labelled, RETRAINING_CLASS_EVENT, RETRAINING_FLOW } from '@dangjian/contracts';

export type {
  RetrainingItemT as RetrainingItem,
  RetrainingDetailT as RetrainingDetail,
  RetrainingClassT as RetrainingClass,
} from '@dangjian/contracts';

/** The timeline's words: each move's event by the move's label, and a class recorded. */
export const RETRAINING_EVENT_KINDS: Record<string, Labelled> = {
  ...Object.fromEntries(Object.values(RETRAINING_FLOW.actions).map((a) => [a.event, a.label])),
  [RETRAINING_CLASS_EVENT.kind]: RETRAINING_CLASS_EVENT.label,
};

/** The tag colour of a state. */
export const STATUS_COLOR: Record<string, string | undefined> = {
  suspended: 'orange',
  training: 'blue',
  tested: 'purple',
  reinstated: 'green',
  removed: 'red',
};
