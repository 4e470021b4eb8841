/** Answers of organizational-life routes that had no named schema yet (the web client takes its types from here). */
import { type Static, Type } from '@sinclair/typebox';
import { KeyOf, Nullable } from '../core/schemas.js';
import { ATTENDANCE_STATUSES } from './meetings.js';

/** One meeting the signed-in member is expected at (`GET /api/meetings/mine`, the phone's "my meetings"). */
export const MyMeeting = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  topic: Type.String(),
  heldOn: Type.String(),
  startTime: Type.String(),
  place: Nullable(Type.String()),
  orgName: Type.String(),
  status: KeyOf(ATTENDANCE_STATUSES),
  checkedInAt: Nullable(Type.String()),
});
export type MyMeetingT = Static<typeof MyMeeting>;
export const MyMeetingList = Type.Object({ items: Type.Array(MyMeeting) });
export type MyMeetingListT = Static<typeof MyMeetingList>;
