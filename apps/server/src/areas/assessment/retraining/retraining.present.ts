/** How a file and its classes read in the API (JSON columns parsed, tenths as numbers, the due day judged). */
import type { RetrainingClassT, RetrainingItemT, SuspensionReason } from '@dangjian/contracts';
import { stampsOf } from '../../../platform/stamps.js';
import { type ClassRow, type FileRow, OPEN } from './retraining.repository.js';

/** A JSON column read as an array (an empty one when null or damaged). */
export function jsonArray<T>(text: string | null): T[] {
  if (!text) return [];
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
}

/** The township of an organization's path: the second id of `/county/township/…`, none at the county. */
export function townshipIdOf(path: string): number | null {
  const ids = path.split('/').filter(Boolean);
  return ids.length >= 2 ? Number(ids[1]) : null;
}

/** A class as the API reads it. */
export function presentClass(c: ClassRow): RetrainingClassT {
  return {
    id: c.id,
    heldOn: c.held_on,
    topic: c.topic,
    hours: c.hours_tenths / 10,
    present: Boolean(c.present),
    note: c.note,
    createdAt: c.created_at,
  };
}

/** A file as a list row, with the hours and classes attended. */
export function presentFile(
  r: FileRow,
  today: string,
  extra: { classes: ClassRow[]; townshipName: string | null },
): RetrainingItemT {
  const attended = extra.classes.filter((c) => c.present);
  const open = (OPEN as readonly string[]).includes(r.status);
  return {
    id: r.id,
    memberId: r.member_id,
    cadreName: r.cadre_name,
    orgId: r.org_id,
    orgName: r.org_name,
    townshipId: townshipIdOf(r.org_path),
    townshipName: extra.townshipName,
    year: r.year,
    post: r.post as RetrainingItemT['post'],
    postText: r.post_text,
    status: r.status as RetrainingItemT['status'],
    reasons: jsonArray<SuspensionReason>(r.reasons),
    reasonText: r.reason_text,
    evidence: r.evidence,
    suspendedBy: r.suspended_by as RetrainingItemT['suspendedBy'],
    suspendedOn: r.suspended_on,
    dueOn: r.due_on,
    overdue: open && r.due_on < today,
    hoursAttended: attended.reduce((s, c) => s + c.hours_tenths, 0) / 10,
    classesAttended: attended.length,
    classesMissed: extra.classes.length - attended.length,
    testedOn: r.tested_on,
    testScore: r.test_score_tenths == null ? null : r.test_score_tenths / 10,
    testPassed: r.test_passed == null ? null : Boolean(r.test_passed),
    assessment: r.assessment,
    decidedOn: r.decided_on,
    decidedBy: r.decided_by,
    decisionReason: r.decision_reason,
    ...stampsOf(r),
  };
}
