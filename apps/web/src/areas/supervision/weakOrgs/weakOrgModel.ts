/** Weak organizations on the client: the answer types from the contracts and the words of the timeline's kinds. */
import { CHECKUP_EVENT, type Labelled, WEAK_ORG_FLOW } from '@dangjian/contracts';

export type {
  WeakOrgItemT as WeakOrgItem,
  WeakOrgDetailT as WeakOrgDetail,
  CheckupT as Checkup,
  AcceptanceT as Acceptance,
} from '@dangjian/contracts';

/** The timeline's words: each move's event by the move's label, and the monthly check-up. */
export const WEAK_ORG_EVENT_KINDS: Record<string, Labelled> = {
  ...Object.fromEntries(Object.values(WEAK_ORG_FLOW.actions).map((a) => [a.event, a.label])),
  [CHECKUP_EVENT.kind]: CHECKUP_EVENT.label,
};

/** The tag colour of a state. */
export const STATUS_COLOR: Record<string, string | undefined> = {
  flagged: 'orange',
  rectifying: 'blue',
  accepting: 'purple',
  extended: 'red',
  released: 'green',
};
