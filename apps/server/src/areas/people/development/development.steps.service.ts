/**
 * Recording the steps of member development and the stage moves they make, through the workflow kit (`move()`:
 * the stage, the timeline, the audit record and the versions in one transaction): the time rules checked first
 * (a late step only with a written reason, audited on its own), the people, votes and training of a step checked,
 * admission creating the probationary member record and conversion making it full. Extension, refusal, lapse.
 */
import {
  can,
  chinaYear,
  DEVELOPMENT_STEPS,
  type DevelopmentAction,
  type DevelopmentCloseT,
  type DevelopmentDetailT,
  type DevelopmentExtendT,
  type DevelopmentRules,
  type DevelopmentStage,
  type DevelopmentStepCreateT,
  type DevelopmentStepKey,
} from '@dangjian/contracts';
import { type Actor, requireAnyCapability, requireCapability } from '../../../platform/actor.js';
import { writeAudit } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import type { Q } from '../../../platform/data/scoped.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { DomainError } from '../../../platform/errors.js';
import { asUser, checkMove, move } from '../../../platform/workflow.js';
import * as membersRepo from '../../core/members/members.repository.js';
import { memberColumns } from '../../core/members/members.service.js';
import { tallyMotion } from '../../life/meetings/meetings.votes.js';
import * as repo from './development.repository.js';
import { developmentRules } from './development.rules.js';
import { timed } from './development.present.js';
import { fieldError, get, nextColumns, todayOf } from './development.service.js';
import { checkStep, isLate, probationEndOf, type TimedCandidate } from './development.time.js';
import { developmentFlow, type MoveInput } from './development.workflow.js';

/** The flow move a step makes: the four that change the stage, and `record_step` for the others. */
const MOVE_OF: Partial<Record<DevelopmentStepKey, DevelopmentAction>> = {
  activist_decision: 'make_activist',
  target_decision: 'make_target',
  approval: 'admit',
  conversion_approval: 'convert',
};

type Person = { memberId: number | null; name: string };

/** The people a step names, checked: contacts of the organization, two full members introducing, the talker. */
async function peopleOf(ctx: Ctx, r: repo.CandidateRow, step: DevelopmentStepKey, b: DevelopmentStepCreateT) {
  const needs = DEVELOPMENT_STEPS[step].needs ?? [];
  const inOrg = (m: { org_path: string }) => m.org_path.startsWith(r.org_path);
  const out: Person[] = [];
  const set: Record<string, unknown> = {};
  if (needs.includes('contacts')) {
    const ids = [...new Set(b.contactIds ?? [])];
    const found = (await repo.membersByIds(ctx.db, r.tenant_id, ids)).filter(inOrg);
    if (!ids.length || found.length !== ids.length) throw fieldError('development.contacts_required', 'contactIds');
    const list = found.map((m) => ({ memberId: m.id, name: m.name }));
    out.push(...list);
    set.contacts = JSON.stringify(list);
  }
  if (needs.includes('introducers')) {
    const ids = [...new Set(b.introducerIds ?? [])];
    const found = (await repo.membersByIds(ctx.db, r.tenant_id, ids)).filter(inOrg);
    if (ids.length !== 2 || found.length !== 2) throw fieldError('development.introducers_required', 'introducerIds');
    if (found.some((m) => m.status !== 'full')) throw fieldError('development.introducer_not_full', 'introducerIds');
    const list = found.map((m) => ({ memberId: m.id, name: m.name }));
    out.push(...list);
    set.introducers = JSON.stringify(list);
  }
  if (needs.includes('talker')) {
    let talker: Person | null = null;
    if (b.talkerMemberId) {
      const [m] = await repo.membersByIds(ctx.db, r.tenant_id, [b.talkerMemberId]);
      if (!m) throw fieldError('development.talker_required', 'talkerMemberId');
      talker = { memberId: m.id, name: m.name };
    } else if (b.talkerName?.trim()) talker = { memberId: null, name: b.talkerName.trim() };
    if (!talker) throw fieldError('development.talker_required', 'talkerName');
    out.push(talker);
    if (step === 'talk') set.talker_name = talker.name;
  }
  return { people: out, set };
}

/** The vote of a general meeting, counted by the meetings module's rule; refused without quorum or majority. */
async function voteOf(ctx: Ctx, r: repo.CandidateRow, step: DevelopmentStepKey, b: DevelopmentStepCreateT) {
  if (b.meetingId) {
    const m = await repo.meetingOf(ctx.db, r.tenant_id, b.meetingId);
    if (!m || m.kind !== 'general_meeting' || m.org_id !== r.org_id)
      throw fieldError('development.meeting_not_general', 'meetingId');
  }
  if (!(DEVELOPMENT_STEPS[step].needs ?? []).includes('vote')) return null;
  if (!b.vote) throw fieldError('development.vote_required', 'vote');
  const t = tallyMotion(b.vote);
  if (!t.valid) throw fieldError('meetings.votes_exceed', 'vote');
  if (!t.quorumMet) throw fieldError('development.no_quorum', 'vote');
  if (!t.passed) throw fieldError('development.vote_failed', 'vote');
  return { ...b.vote, quorumMet: t.quorumMet, passed: t.passed };
}

/** Admission: the probationary member record, from the candidate's own fields (nothing typed twice). */
async function admit(ctx: Ctx, trx: Q, actor: Actor, r: repo.CandidateRow, date: string): Promise<number> {
  if (await membersRepo.idNumberTaken(trx, r.tenant_id, r.id_number_hash))
    throw fieldError('development.duplicate_person', 'idNumber', 409);
  const cols = memberColumns(ctx, {
    name: r.name,
    gender: r.gender as 'male' | 'female',
    idNumber: ctx.vault.decrypt(r.id_number_enc),
    phone: r.phone_enc ? ctx.vault.decrypt(r.phone_enc) : null,
    birthDate: r.birth_date,
    joinedAt: date,
    fullMemberAt: null,
    status: 'probationary',
    ethnicity: r.ethnicity,
    education: r.education,
    category: r.category,
  });
  const now = ctx.clock().toISOString();
  const [memberId] = await membersRepo.insertMembers(trx, [
    {
      ...cols,
      tenant_id: r.tenant_id,
      org_id: r.org_id,
      org_path: r.org_path,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    },
  ]);
  await writeAudit(ctx, trx, actor, {
    action: 'member.create',
    entityType: 'member',
    entityId: memberId!,
    changes: { status: { before: null, after: 'probationary' }, joinedAt: { before: null, after: date } },
    detail: `development_candidate ${r.id}`,
  });
  return memberId!;
}

/** Conversion: the member record becomes full from the approval's day. */
async function convert(ctx: Ctx, trx: Q, actor: Actor, r: repo.CandidateRow, date: string): Promise<void> {
  if (!r.member_id) return;
  await membersRepo.updateMember(trx, r.member_id, {
    status: 'full',
    full_member_at: date,
    updated_at: ctx.clock().toISOString(),
  });
  await writeAudit(ctx, trx, actor, {
    action: 'member.update',
    entityType: 'member',
    entityId: r.member_id,
    changes: { status: { before: 'probationary', after: 'full' }, fullMemberAt: { before: null, after: date } },
  });
}

/** The columns a stage-moving step sets on the candidate. */
function stageColumns(step: DevelopmentStepKey, date: string, rules: DevelopmentRules): Record<string, unknown> {
  const moveTo = DEVELOPMENT_STEPS[step].moveTo;
  if (!moveTo) return {};
  const set: Record<string, unknown> = { stage_since: date };
  if (step === 'activist_decision') set.activist_on = date;
  if (step === 'target_decision') Object.assign(set, { target_on: date, plan_year: Number(date.slice(0, 4)) });
  if (step === 'approval') Object.assign(set, { admitted_on: date, probation_end: probationEndOf(date, rules, 0) });
  if (step === 'conversion_approval') set.converted_on = date;
  return set;
}

/** Records a step (POST /api/development/:id/steps): checked against its stage, order and time rules. */
export async function recordStep(
  ctx: Ctx,
  actor: Actor,
  id: number,
  b: DevelopmentStepCreateT,
): Promise<DevelopmentDetailT> {
  requireAnyCapability(actor, 'development.write', 'development.approve');
  const step = b.step as DevelopmentStepKey;
  const def = DEVELOPMENT_STEPS[step];
  // Read first: a candidate outside the scope is not found, whatever the body says.
  const r = await repo.getCandidate(ctx.db, actor, id);
  if (step === 'application') throw new DomainError('development.already_done', { step });
  const action = MOVE_OF[step] ?? 'record_step';
  checkMove(asUser(actor), developmentFlow, r, action, null);
  if (def.by === 'committee' && !can(actor.role, 'development.approve'))
    throw new DomainError('development.not_committee', { step }, 403);
  if (b.date > todayOf(ctx)) throw fieldError('development.date_in_future', 'date');
  const steps = await repo.stepsOf(ctx.db, id);
  const c = timed(r, steps);
  const rules = await developmentRules(ctx.db, r.tenant_id, chinaYear(`${b.date}T12:00:00+08:00`));
  const reason = b.overrideReason?.trim() || null;
  const refusal = checkStep(step, b.date, c, rules, reason != null);
  if (refusal) throw new DomainError(refusal.code, refusal.details);
  const late = isLate(step, b.date, c, rules);
  if ((def.needs ?? []).includes('training')) {
    const enough = (b.trainingDays ?? 0) >= rules.trainingMinDays || (b.trainingHours ?? 0) >= rules.trainingMinHours;
    if (!enough) throw fieldError('development.training_short', 'trainingDays');
  }
  const { people, set: peopleSet } = await peopleOf(ctx, r, step, b);
  const vote = await voteOf(ctx, r, step, b);
  const now = ctx.clock().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertSteps(trx, [
      {
        tenant_id: r.tenant_id,
        candidate_id: id,
        step,
        step_no: def.no,
        done_on: b.date,
        people: JSON.stringify(people),
        vote: vote ? JSON.stringify(vote) : null,
        training_days: b.trainingDays ?? null,
        training_hours: b.trainingHours ?? null,
        months: null,
        materials: JSON.stringify([...new Set(b.materials ?? [])]),
        meeting_id: b.meetingId ?? null,
        note: b.note?.trim() || null,
        override_reason: late ? reason : null,
        recorded_by: actor.userId || null,
        recorded_by_name: actor.displayName,
        created_at: now,
      },
    ]);
    const set: Record<string, unknown> = { ...peopleSet, ...stageColumns(step, b.date, rules) };
    if (step === 'approval') set.member_id = await admit(ctx, trx, actor, r, b.date);
    if (step === 'conversion_approval') await convert(ctx, trx, actor, r, b.date);
    const stage = (def.moveTo ?? r.status) as DevelopmentStage;
    const after: TimedCandidate = {
      stage,
      probationEnd: (set.probation_end as string | undefined) ?? r.probation_end,
      done: { ...c.done, [step]: b.date },
    };
    Object.assign(set, nextColumns(after, await developmentRules(trx, r.tenant_id, chinaYear(ctx.clock()))));
    const input: MoveInput & Record<string, unknown> = {
      step,
      date: b.date,
      set,
      note: [def.label.zh, b.date, b.note?.trim()].filter(Boolean).join(' · '),
      data: { step, date: b.date, ...(late ? { overrideReason: reason } : {}) },
    };
    await move(ctx, trx, asUser(actor), developmentFlow, r, action, input);
    if (late)
      await writeAudit(ctx, trx, actor, {
        action: 'development_candidate.override',
        entityType: 'development_candidate',
        entityId: id,
        changes: { [step]: { before: null, after: b.date } },
        detail: reason,
      });
    if (step === 'approval' || step === 'conversion_approval') await bumpVersion(trx, r.tenant_id, 'roster');
  });
  return get(ctx, actor, id);
}

/** Extends probation once (延长预备期) by the rule's 6 to 12 months: the conversion vote moves with it. */
export async function extend(ctx: Ctx, actor: Actor, id: number, b: DevelopmentExtendT): Promise<DevelopmentDetailT> {
  requireCapability(actor, 'development.write');
  const r = await repo.getCandidate(ctx.db, actor, id);
  checkMove(asUser(actor), developmentFlow, r, 'extend', b);
  const rules = await developmentRules(ctx.db, r.tenant_id, chinaYear(ctx.clock()));
  if (b.months < rules.extensionMinMonths || b.months > rules.extensionMaxMonths)
    throw new DomainError('development.extension_range', {
      field: 'months',
      min: rules.extensionMinMonths,
      max: rules.extensionMaxMonths,
    });
  if (b.date > todayOf(ctx)) throw fieldError('development.date_in_future', 'date');
  if (r.admitted_on && b.date < r.admitted_on) throw fieldError('development.date_before_previous', 'date');
  const steps = await repo.stepsOf(ctx.db, id);
  const probationEnd = probationEndOf(r.admitted_on ?? b.date, rules, b.months);
  const c = { ...timed(r, steps), probationEnd };
  const set = { extended_months: b.months, probation_end: probationEnd, ...nextColumns(c, rules) };
  const input: MoveInput & Record<string, unknown> = {
    ...b,
    set,
    note: `${b.months} 个月 · ${b.reason.trim()}`,
    data: { date: b.date, months: b.months },
    changes: { probationEnd: { before: r.probation_end, after: probationEnd } },
  };
  await ctx.db.transaction().execute((trx) => move(ctx, trx, asUser(actor), developmentFlow, r, 'extend', input));
  return get(ctx, actor, id);
}

/**
 * Ends a candidacy: refused (不予发展; for a probationary member 取消预备党员资格, its member record removed) or
 * lapsed (中止). The steps and timeline stay.
 */
export async function close(
  ctx: Ctx,
  actor: Actor,
  id: number,
  action: 'refuse' | 'lapse',
  b: DevelopmentCloseT,
): Promise<DevelopmentDetailT> {
  requireCapability(actor, 'development.write');
  const r = await repo.getCandidate(ctx.db, actor, id);
  checkMove(asUser(actor), developmentFlow, r, action, b);
  if (b.date > todayOf(ctx)) throw fieldError('development.date_in_future', 'date');
  if (b.date < r.stage_since) throw fieldError('development.date_before_previous', 'date');
  const set = {
    closed_on: b.date,
    close_reason: b.reason.trim(),
    stage_since: b.date,
    next_step: null,
    next_opens_on: null,
    next_due_on: null,
  };
  const input: MoveInput & Record<string, unknown> = {
    ...b,
    set,
    note: b.reason.trim(),
    data: { date: b.date },
  };
  await ctx.db.transaction().execute(async (trx) => {
    await move(ctx, trx, asUser(actor), developmentFlow, r, action, input);
    if (r.status === 'probationary' && r.member_id) {
      const now = ctx.clock().toISOString();
      await membersRepo.updateMember(trx, r.member_id, { deleted_at: now, updated_at: now });
      await writeAudit(ctx, trx, actor, {
        action: 'member.delete',
        entityType: 'member',
        entityId: r.member_id,
        changes: { deletedAt: { before: null, after: now } },
        detail: b.reason.trim(),
      });
    }
  });
  return get(ctx, actor, id);
}
