/** Table types of the learning module (area life): monthly learning lists and how branches hold them. */
import type { Generated } from 'kysely';
import type { Scoped, Stamped } from './platform.js';

/** An item of a month's learning list, on its setter's path. */
export interface LearningItemsTable extends Scoped, Stamped {
  year: number;
  month: number;
  topic: string;
  material: string;
  kind: string;
  link: string | null;
  created_by: number | null;
}

/** A branch's holding of an item: a linked meeting (`mode = 'meeting'`) or a study session. */
export interface LearningHoldsTable extends Scoped, Stamped {
  item_id: number;
  mode: string;
  held_on: string;
  meeting_id: number | null;
  place: string | null;
  note: string | null;
  created_by: number | null;
}

/** A member present at a study session. */
export interface LearningAttendanceTable {
  id: Generated<number>;
  hold_id: number;
  member_id: number;
}

/** The learning module's tables, by name. */
export interface LearningTables {
  learning_items: LearningItemsTable;
  learning_holds: LearningHoldsTable;
  learning_attendance: LearningAttendanceTable;
}
