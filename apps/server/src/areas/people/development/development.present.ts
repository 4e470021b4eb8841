/** A candidate's row as the API answers it, and its steps' days as the time rules read them. */
import type { DevelopmentCandidateT, DevelopmentStepKey, DevelopmentStepRecordT, NextStepT } from '@dangjian/contracts';
import { DEVELOPMENT_STEPS } from '@dangjian/contracts';
import { stampsOf } from '../../../platform/stamps.js';
import type { CandidateRow, StepRow } from './development.repository.js';
import { stateOn, type TimedCandidate } from './development.time.js';

type Person = { memberId: number | null; name: string };

/** A JSON array column read back (an empty list for a broken value). */
export function people(json: string | null | undefined): Person[] {
  try {
    const v = JSON.parse(json ?? '[]');
    return Array.isArray(v) ? (v as Person[]) : [];
  } catch {
    return [];
  }
}

/** The candidate as the time rules read it: its stage, probation end and the latest day of each step. */
export function timed(r: CandidateRow, steps: readonly Pick<StepRow, 'step' | 'done_on'>[]): TimedCandidate {
  const done: TimedCandidate['done'] = {};
  for (const s of steps) {
    const k = s.step as DevelopmentStepKey;
    if (!done[k] || s.done_on > done[k]!) done[k] = s.done_on;
  }
  return { stage: r.status as TimedCandidate['stage'], probationEnd: r.probation_end, done };
}

/** The next step of a row as stored, with where it stands today. */
export function nextOf(r: CandidateRow, today: string, warnDays: number): NextStepT | null {
  if (!r.next_step) return null;
  const w = { opensOn: r.next_opens_on, dueOn: r.next_due_on };
  return { step: r.next_step as NextStepT['step'], ...w, state: stateOn(w, today, warnDays) };
}

/** The API item of a candidate row. */
export function toItem(r: CandidateRow, orgName: string, today: string, warnDays: number): DevelopmentCandidateT {
  type C = DevelopmentCandidateT;
  return {
    id: r.id,
    orgId: r.org_id,
    orgName,
    name: r.name,
    gender: r.gender as C['gender'],
    idNumber: r.id_number_masked,
    phone: r.phone_masked,
    birthDate: r.birth_date,
    ethnicity: r.ethnicity as C['ethnicity'],
    education: r.education as C['education'],
    category: r.category as C['category'],
    stage: r.status as C['stage'],
    stageSince: r.stage_since,
    appliedOn: r.applied_on,
    activistOn: r.activist_on,
    targetOn: r.target_on,
    admittedOn: r.admitted_on,
    probationEnd: r.probation_end,
    extendedMonths: Number(r.extended_months),
    convertedOn: r.converted_on,
    closedOn: r.closed_on,
    closeReason: r.close_reason,
    contacts: people(r.contacts),
    introducers: people(r.introducers),
    talkerName: r.talker_name,
    planYear: Number(r.plan_year),
    outsidePlan: Number(r.outside_plan) === 1,
    memberId: r.member_id,
    next: nextOf(r, today, warnDays),
    ...stampsOf(r),
  };
}

/** The API record of a recorded step. */
export function toStep(s: StepRow): DevelopmentStepRecordT {
  const vote = s.vote ? (JSON.parse(s.vote) as DevelopmentStepRecordT['vote']) : null;
  return {
    id: s.id,
    step: s.step as DevelopmentStepKey,
    no: DEVELOPMENT_STEPS[s.step as DevelopmentStepKey]?.no ?? Number(s.step_no),
    doneOn: s.done_on,
    people: people(s.people),
    vote,
    trainingDays: s.training_days,
    trainingHours: s.training_hours,
    months: s.months,
    materials: JSON.parse(s.materials || '[]') as DevelopmentStepRecordT['materials'],
    meetingId: s.meeting_id,
    note: s.note,
    overrideReason: s.override_reason,
    recordedBy: s.recorded_by_name,
    createdAt: s.created_at,
  };
}
