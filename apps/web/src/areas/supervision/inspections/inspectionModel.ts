/** Inspections on the client: the answer types from the contracts and the words of the timeline. */
import { INSPECTION_FLOW, type Labelled } from '@dangjian/contracts';

export type {
  InspectionItemT as InspectionItem,
  InspectionDetailT as InspectionDetail,
  InspectionVisitT as VisitItem,
  InspectionFindingT as FindingItem,
  InspectionPhotoT as FindingPhoto,
  InspectionCheckT as CheckItem,
  InspectionTeamMemberT as TeamMember,
} from '@dangjian/contracts';
import type { InspectionCheckResult, InspectionStatus } from '@dangjian/contracts';

/** The timeline's words: each move's event named by the move's label. */
export const INSPECTION_EVENT_KINDS: Record<string, Labelled> = Object.fromEntries(
  Object.values(INSPECTION_FLOW.actions).map((a) => [a.event, a.label]),
);

/** The colour of each state's tag. */
export const INSPECTION_STATUS_COLORS: Record<InspectionStatus, string | undefined> = {
  planned: 'blue',
  in_progress: 'orange',
  completed: 'green',
  cancelled: undefined,
};

/** The colour of a checklist result. */
export const RESULT_COLORS: Record<InspectionCheckResult, string> = { meets: 'green', partly: 'gold', fails: 'red' };
