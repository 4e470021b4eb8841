/** Tasks on the client: the answer types from the contracts and the words of the timeline's kinds. */
import { type Labelled, TARGET_FLOW, TASK_FLOW } from '@dangjian/contracts';

export type {
  TaskDetailT as TaskDetail,
  TaskInboxItemT as TaskInboxItem,
  TaskItemT as TaskItem,
  TaskProgressT as TaskProgress,
  TaskTargetT as TaskTarget,
} from '@dangjian/contracts';

/** The timeline's words: each move's event named by the move's label (下发, 报送完成情况 …). */
export const TASK_EVENT_KINDS: Record<string, Labelled> = Object.fromEntries(
  [...Object.values(TASK_FLOW.actions), ...Object.values(TARGET_FLOW.actions)].map((a) => [a.event, a.label]),
);

/** The colour of a target's state tag. */
export const STATE_COLORS: Record<string, string | undefined> = {
  done: 'green',
  reported: 'blue',
  returned: 'orange',
  pending: undefined,
};
