/**
 * Member development (发展党员): the candidates of a subtree — the list with its filters, one candidate with its
 * steps and timeline, an application, edits, soft delete and restore — and a member's own progress. Recording
 * the steps and the stage moves lives in `development.steps.service.ts`.
 */
import type {
  DevelopmentCandidateT,
  DevelopmentCreateT,
  DevelopmentDetailT,
  DevelopmentListQueryT,
  DevelopmentMineT,
  DevelopmentPatchT,
  DevelopmentRules,
} from '@dangjian/contracts';
import { can, chinaToday, chinaYear, DEVELOPMENT_STEPS, type ErrorCode, type OrgType } from '@dangjian/contracts';
import { type Actor, requireAnyCapability, requireCapability } from '../../../platform/actor.js';
import { diff, writeAudit } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { type Q, restore as restoreRow, softDelete } from '../../../platform/data/scoped.js';
import { addTimeline, listTimeline } from '../../../platform/data/timeline.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { DomainError } from '../../../platform/errors.js';
import {
  isValidMobile,
  maskIdNumber,
  maskPhone,
  normalizeIdNumber,
  normalizePhone,
  parseIdNumber,
} from '../../../platform/idcard.js';
import { type Listed, pagingOf } from '../../../platform/listing.js';
import { allowedActions, asUser } from '../../../platform/workflow.js';
import * as membersRepo from '../../core/members/members.repository.js';
import { yearsBetween } from '../../core/members/members.service.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { MEMBER_HOLDING_TYPES } from '../../core/orgs/orgs.rules.js';
import * as repo from './development.repository.js';
import { developmentRules } from './development.rules.js';
import { toFile } from './development.files.js';
import { timed, toItem, toStep } from './development.present.js';
import { availableSteps, nextStepOf, type TimedCandidate, windowOf } from './development.time.js';
import { developmentFlow } from './development.workflow.js';

/** The youngest an applicant may be (党章: 年满十八岁). */
export const MIN_APPLICANT_AGE = 18;

/** Today in China by the server's clock. */
export function todayOf(ctx: Ctx): string {
  return chinaToday(ctx.clock());
}

/** The rules in force this year for the caller's county. */
export function rulesNow(ctx: Ctx, db: Q, tenantId: number): Promise<DevelopmentRules> {
  return developmentRules(db, tenantId, chinaYear(ctx.clock()));
}

/** The stored next step of a candidate (`next_*` columns): its key and the days its rules give. */
export function nextColumns(c: TimedCandidate, rules: DevelopmentRules) {
  const open = c.stage === 'applicant' || c.stage === 'activist' || c.stage === 'target' || c.stage === 'probationary';
  const next = open ? nextStepOf(c) : null;
  if (!next) return { next_step: null, next_opens_on: null, next_due_on: null };
  const w = windowOf(next, c, rules);
  return { next_step: next, next_opens_on: w.opensOn, next_due_on: w.dueOn };
}

/** A refusal placed on a field of the form. */
export function fieldError(code: ErrorCode, field: string, status?: number): DomainError {
  return new DomainError(code, { field, fields: [{ field, code }] }, status);
}

/** Candidates of a subtree, filtered and paged; a full ID number finds its holder. */
export async function list(
  ctx: Ctx,
  actor: Actor,
  query: DevelopmentListQueryT,
): Promise<Listed<DevelopmentCandidateT>> {
  requireCapability(actor, 'development.read');
  const underPath = await orgsRepo.underOrg(ctx.db, actor, query.org);
  const today = todayOf(ctx);
  const q = query.q?.trim() || undefined;
  const idHash = q && /^\d{17}[\dXx]$/.test(q) ? ctx.vault.lookupHash(normalizeIdNumber(q)) : undefined;
  const { rows, total } = await repo.listCandidates(
    ctx.db,
    actor,
    { ...query, underPath, q, idHash, today },
    pagingOf(query),
  );
  const rules = await rulesNow(ctx, ctx.db, actor.tenantId!);
  return { items: rows.map((r) => toItem(r, r.org_name, today, rules.warnDays)), total };
}

/** Open candidacies past their next step's due day, the longest overdue first. */
export function overdue(ctx: Ctx, actor: Actor, query: DevelopmentListQueryT) {
  return list(ctx, actor, { ...query, overdue: true });
}

/** One candidate with its steps, the steps that may come next, its timeline and the moves the caller may make. */
export async function get(ctx: Ctx, actor: Actor, id: number): Promise<DevelopmentDetailT> {
  requireCapability(actor, 'development.read');
  const r = await repo.getCandidate(ctx.db, actor, id, 'any');
  const steps = await repo.stepsOf(ctx.db, id);
  const names = await orgsRepo.namesOf(ctx.db, r.tenant_id, [r.org_id]);
  const rules = await rulesNow(ctx, ctx.db, r.tenant_id);
  const today = todayOf(ctx);
  const c = timed(r, steps);
  const approver = can(actor.role, 'development.approve');
  const writer = can(actor.role, 'development.write');
  const live = r.deleted_at == null;
  return {
    ...toItem(r, names.get(r.org_id) ?? '', today, rules.warnDays),
    steps: steps.map(toStep),
    files: (await repo.filesOf(ctx.db, id)).map((f) => toFile(id, f)),
    available: live
      ? availableSteps(c).map((k) => {
          const w = windowOf(k, c, rules);
          const canRecord = DEVELOPMENT_STEPS[k].by === 'committee' ? approver : writer;
          return { step: k, opensOn: w.opensOn, dueOn: w.dueOn, closesOn: w.closesOn, canRecord };
        })
      : [],
    events: await listTimeline(ctx.db, developmentFlow.spec.entityType, id),
    actions: live ? allowedActions(asUser(actor), developmentFlow, r) : [],
  };
}

interface Person {
  name: string;
  gender: string;
  birthDate: string;
  idCols: { id_number_enc: string; id_number_hash: string; id_number_masked: string };
}

/** Checks an ID number (GB 11643) and gives its columns, sex and birth date; refuses an invalid one on its field. */
function person(ctx: Ctx, raw: string, name: string): Person {
  const id = normalizeIdNumber(raw);
  const info = parseIdNumber(id, ctx.clock());
  if (!info) throw fieldError('development.invalid_id_number', 'idNumber');
  return {
    name: name.trim(),
    gender: info.gender,
    birthDate: info.birthDate,
    idCols: {
      id_number_enc: ctx.vault.encrypt(id),
      id_number_hash: ctx.vault.lookupHash(id),
      id_number_masked: maskIdNumber(id),
    },
  };
}

/** The phone's columns (all null for none); refuses a number that is not a mobile on its field. */
function phoneCols(ctx: Ctx, raw: string | null | undefined) {
  if (raw == null || raw.trim() === '') return { phone_enc: null, phone_hash: null, phone_masked: null };
  const p = normalizePhone(raw);
  if (!isValidMobile(p)) throw fieldError('development.invalid_phone', 'phone');
  return { phone_enc: ctx.vault.encrypt(p), phone_hash: ctx.vault.lookupHash(p), phone_masked: maskPhone(p) };
}

/** Refuses an ID number already a member's or an open or admitted candidate's in the county. */
async function requireNewPerson(db: Q, tenantId: number, hash: string, exceptId?: number): Promise<void> {
  if (
    (await membersRepo.idNumberTaken(db, tenantId, hash)) ||
    (await repo.idNumberHeldByCandidate(db, tenantId, hash, exceptId))
  )
    throw fieldError('development.duplicate_person', 'idNumber', 409);
}

/** Records an application (递交入党申请书): the candidate, its first step and timeline entry, in one transaction. */
export async function create(ctx: Ctx, actor: Actor, input: DevelopmentCreateT): Promise<DevelopmentDetailT> {
  requireCapability(actor, 'development.write');
  const org = await orgsRepo.getOrg(ctx.db, actor, input.orgId);
  if (!MEMBER_HOLDING_TYPES.includes(org.type as OrgType)) throw fieldError('development.org_not_branch', 'orgId');
  const today = todayOf(ctx);
  if (input.appliedOn > today) throw fieldError('development.date_in_future', 'appliedOn');
  const p = person(ctx, input.idNumber, input.name);
  if (yearsBetween(p.birthDate, input.appliedOn) < MIN_APPLICANT_AGE)
    throw fieldError('development.too_young', 'idNumber');
  const phone = phoneCols(ctx, input.phone);
  const now = ctx.clock().toISOString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    await requireNewPerson(trx, org.tenant_id, p.idCols.id_number_hash);
    const rules = await developmentRules(trx, org.tenant_id, chinaYear(ctx.clock()));
    const c: TimedCandidate = { stage: 'applicant', probationEnd: null, done: { application: input.appliedOn } };
    const id = await repo.insertCandidate(trx, {
      tenant_id: org.tenant_id,
      org_id: org.id,
      org_path: org.org_path,
      name: p.name,
      gender: p.gender,
      ...p.idCols,
      ...phone,
      birth_date: p.birthDate,
      ethnicity: input.ethnicity ?? null,
      education: input.education ?? null,
      category: input.category ?? null,
      status: 'applicant',
      stage_since: input.appliedOn,
      applied_on: input.appliedOn,
      activist_on: null,
      target_on: null,
      admitted_on: null,
      probation_end: null,
      converted_on: null,
      closed_on: null,
      close_reason: null,
      talker_name: null,
      plan_year: input.planYear ?? Number(input.appliedOn.slice(0, 4)),
      member_id: null,
      ...nextColumns(c, rules),
      created_by: actor.userId || null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
    await repo.insertSteps(trx, [
      {
        tenant_id: org.tenant_id,
        candidate_id: id,
        step: 'application',
        step_no: DEVELOPMENT_STEPS.application.no,
        done_on: input.appliedOn,
        materials: JSON.stringify(DEVELOPMENT_STEPS.application.materials),
        note: input.note ?? null,
        recorded_by: actor.userId || null,
        recorded_by_name: actor.displayName,
        created_at: now,
      },
    ]);
    await addTimeline(
      trx,
      { id: actor.userId || null, name: actor.displayName },
      {
        tenantId: org.tenant_id,
        entityType: developmentFlow.spec.entityType,
        entityId: id,
        orgPath: org.org_path,
        action: developmentFlow.spec.actions.apply.event,
        fromState: null,
        toState: 'applicant',
        note: input.appliedOn,
        data: { step: 'application', date: input.appliedOn },
        at: now,
      },
    );
    await writeAudit(ctx, trx, actor, {
      action: 'development_candidate.create',
      entityType: 'development_candidate',
      entityId: id,
      changes: diff(null, {
        name: p.name,
        orgId: org.id,
        idNumber: p.idCols.id_number_masked,
        appliedOn: input.appliedOn,
      }),
    });
    await bumpVersion(trx, org.tenant_id, 'development');
    return id;
  });
  return get(ctx, actor, id);
}

/** Edits a candidate's person and plan fields (not its steps: those are recorded, never rewritten). */
export async function update(
  ctx: Ctx,
  actor: Actor,
  id: number,
  patch: DevelopmentPatchT,
): Promise<DevelopmentDetailT> {
  requireCapability(actor, 'development.write');
  const r = await repo.getCandidate(ctx.db, actor, id);
  const set: Record<string, unknown> = {};
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const change = (field: string, column: string, value: unknown, shown: unknown = value) => {
    before[field] = (r as Record<string, unknown>)[column];
    after[field] = shown;
    set[column] = value;
  };
  if (patch.name !== undefined) change('name', 'name', patch.name.trim());
  let p: Person | undefined;
  if (patch.idNumber !== undefined) {
    p = person(ctx, patch.idNumber, patch.name ?? r.name);
    if (yearsBetween(p.birthDate, r.applied_on) < MIN_APPLICANT_AGE)
      throw fieldError('development.too_young', 'idNumber');
    before.idNumber = r.id_number_masked;
    after.idNumber = p.idCols.id_number_masked;
    Object.assign(set, p.idCols, { gender: p.gender, birth_date: p.birthDate });
  }
  if (patch.phone !== undefined) {
    const ph = phoneCols(ctx, patch.phone);
    before.phone = r.phone_masked;
    after.phone = ph.phone_masked;
    Object.assign(set, ph);
  }
  if (patch.ethnicity !== undefined) change('ethnicity', 'ethnicity', patch.ethnicity);
  if (patch.education !== undefined) change('education', 'education', patch.education);
  if (patch.category !== undefined) change('category', 'category', patch.category);
  if (patch.planYear !== undefined) change('planYear', 'plan_year', patch.planYear);
  if (patch.outsidePlan !== undefined)
    change('outsidePlan', 'outside_plan', patch.outsidePlan ? 1 : 0, patch.outsidePlan);
  await ctx.db.transaction().execute(async (trx) => {
    if (p && p.idCols.id_number_hash !== r.id_number_hash) {
      if (
        (await repo.idNumberHeldByCandidate(trx, r.tenant_id, p.idCols.id_number_hash, id)) ||
        (!r.member_id && (await membersRepo.idNumberTaken(trx, r.tenant_id, p.idCols.id_number_hash)))
      )
        throw fieldError('development.duplicate_person', 'idNumber', 409);
    }
    await repo.updateCandidate(trx, id, { ...set, updated_at: ctx.clock().toISOString() });
    await writeAudit(ctx, trx, actor, {
      action: 'development_candidate.update',
      entityType: 'development_candidate',
      entityId: id,
      changes: diff(before, after),
    });
    await bumpVersion(trx, r.tenant_id, 'development');
  });
  return get(ctx, actor, id);
}

const recycled = (action: 'delete' | 'restore') => ({
  action: `development_candidate.${action}`,
  entityType: 'development_candidate',
  domains: ['development' as const],
  stampUpdatedAt: true,
});

/** Soft-deletes a candidate (recoverable from the recycle bin). */
export async function remove(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  requireCapability(actor, 'development.write');
  await softDelete(ctx, actor, 'development_candidates', id, recycled('delete'));
}

/** Restores a deleted candidate, unless its ID number was taken by another candidacy since. */
export async function restore(ctx: Ctx, actor: Actor, id: number): Promise<DevelopmentDetailT> {
  requireCapability(actor, 'development.write');
  await restoreRow(ctx, actor, 'development_candidates', id, {
    ...recycled('restore'),
    before: async (trx, row) => {
      if (row.status !== 'refused' && row.status !== 'lapsed')
        if (await repo.idNumberHeldByCandidate(trx, row.tenant_id as number, row.id_number_hash as string, id))
          throw fieldError('development.duplicate_person', 'idNumber', 409);
    },
  });
  return get(ctx, actor, id);
}

/** A signed-in member's own progress: the candidacy that made it a member, its done steps and the next one. */
export async function mine(ctx: Ctx, actor: Actor): Promise<DevelopmentMineT> {
  requireAnyCapability(actor, 'self.party');
  if (!actor.memberId || actor.tenantId == null) return { candidate: null };
  const r = await repo.candidateOfMember(ctx.db, actor.tenantId, actor.memberId);
  if (!r) return { candidate: null };
  const steps = await repo.stepsOf(ctx.db, r.id);
  const rules = await rulesNow(ctx, ctx.db, r.tenant_id);
  const item = toItem(r, r.org_name, todayOf(ctx), rules.warnDays);
  const seen = new Set<string>();
  const done = steps
    .filter((s) => !seen.has(s.step) && seen.add(s.step))
    .map((s) => ({ step: toStep(s).step, no: toStep(s).no, doneOn: s.done_on }));
  return {
    candidate: {
      id: r.id,
      name: r.name,
      orgName: r.org_name,
      stage: item.stage,
      appliedOn: r.applied_on,
      admittedOn: r.admitted_on,
      probationEnd: r.probation_end,
      convertedOn: r.converted_on,
      done,
      next: item.next,
    },
  };
}
