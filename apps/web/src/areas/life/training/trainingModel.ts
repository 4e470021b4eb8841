/** Training on the client: the answer types from the contracts, the timeline's words and the states' colours. */
import { type Labelled, TRAINING_FLOW } from '@dangjian/contracts';

export type {
  TrainingClassItemT as TrainingClassItem,
  TrainingClassDetailT as TrainingClassDetail,
  TrainingSessionT as TrainingSession,
  TrainingAttendeeT as TrainingAttendee,
  MemberHoursT as MemberHours,
  HoursOrgRowT as HoursOrgRow,
  TrainingHoursListT as TrainingHoursList,
  MyTrainingHoursT as MyTrainingHours,
} from '@dangjian/contracts';

/** The timeline's words: each move's event by the move's label. */
export const TRAINING_EVENT_KINDS: Record<string, Labelled> = Object.fromEntries(
  Object.values(TRAINING_FLOW.actions).map((a) => [a.event, a.label]),
);

/** The tag colour of a state. */
export const STATUS_COLOR: Record<string, string | undefined> = {
  draft: 'default',
  submitted: 'blue',
  returned: 'orange',
  approved: 'green',
  finished: 'purple',
};

/** Money in fen as 万元 with two decimals. */
export const wan = (fen: number) => (fen / 1_000_000).toFixed(2);
/** A share 0–1 as a percentage with one decimal. */
export const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
