/** How the rows of the problems module read in the API. */
import type { ProblemMeasureT } from '@dangjian/contracts';
import { stampsOf } from '../../../platform/stamps.js';
import type { MeasureRow } from './problems.repository.js';

/** The API item of a measure. */
export function presentMeasure(m: MeasureRow): ProblemMeasureT {
  return {
    id: m.id,
    problemId: m.problem_id,
    content: m.content,
    ownerName: m.owner_name,
    ownerMemberId: m.owner_member_id,
    dueOn: m.due_on,
    doneOn: m.done_on,
    ...stampsOf(m),
  };
}
