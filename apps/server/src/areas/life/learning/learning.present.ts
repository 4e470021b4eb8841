/** How the learning module shows its rows through the API (a holding with its attendees' names). */
import type { LearningHoldMode, LearningHoldT } from '@dangjian/contracts';
import type * as repo from './learning.repository.js';

/** A holding as the API shows it. */
export function presentHold(h: repo.HoldRow, present: { id: number; name: string }[]): LearningHoldT {
  return {
    id: h.id,
    itemId: h.item_id,
    orgId: h.org_id,
    orgName: h.org_name,
    mode: h.mode as LearningHoldMode,
    meetingId: h.meeting_id,
    meetingTopic: h.meeting_topic,
    heldOn: h.held_on,
    place: h.place,
    note: h.note,
    attended: present.length,
    attendeeNames: present.map((p) => p.name),
    deletedAt: h.deleted_at,
  };
}
