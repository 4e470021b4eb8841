/** Table types of the training module (area life): classes, their sessions, attendees and attendance. */
import type { Generated } from 'kysely';

interface Scoped {
  id: Generated<number>;
  tenant_id: number;
  org_id: number;
  org_path: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** A class of the county or a township; money in fen. */
export interface TrainingClassesTable extends Scoped {
  year: number;
  title: string;
  kind: string;
  status: string;
  start_on: string;
  end_on: string;
  place: string;
  target: string;
  teachers: string;
  budget_fen: number;
  spent_fen: number;
  return_reason: string | null;
  summary: string | null;
  created_by: number | null;
}

/** One session of a class's course plan; hours in tenths. */
export interface TrainingSessionsTable extends Scoped {
  class_id: number;
  held_on: string;
  topic: string;
  teacher: string;
  hours_tenths: number;
}

/** A member attending a class, with the result at the end. */
export interface TrainingAttendeesTable extends Scoped {
  class_id: number;
  member_id: number;
  result: string | null;
}

/** Whether an attendee was present at a session (recorded by the organizer). */
export interface TrainingAttendanceTable extends Scoped {
  class_id: number;
  session_id: number;
  member_id: number;
  present: number;
}

/** The training module's tables, by name. */
export interface TrainingTables {
  training_classes: TrainingClassesTable;
  training_sessions: TrainingSessionsTable;
  training_attendees: TrainingAttendeesTable;
  training_attendance: TrainingAttendanceTable;
}
