/**
 * Choosing a task's receiving organizations: all organizations of a level (and field) below the issuer, those of
 * one township, or a list. Every id is checked to lie strictly below the issuer: another township's id is not
 * found, never accepted.
 */
import {
  type ErrorCode,
  TARGET_LEVEL_TYPES,
  TASK_CHECKS,
  type TaskCheckKey,
  type TaskCheckParamsT,
  type TaskTargetSpecT,
} from '@dangjian/contracts';
import type { Ctx } from '../../../platform/context.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import * as repo from './tasks.repository.js';

/** A refusal placed on one field of the form. */
export function fieldError(code: ErrorCode, field: string, status?: number): DomainError {
  return new DomainError(code, { fields: [{ field, code }] }, status);
}

/** The issuing organization a task belongs to. */
export interface Issuer {
  id: number;
  tenant_id: number;
  org_path: string;
  name: string;
}

const below = (path: string, issuer: Issuer) => path.startsWith(issuer.org_path) && path !== issuer.org_path;

/** The organizations a choice names, all strictly below the issuer; refuses an empty choice. */
export async function resolveTargets(ctx: Ctx, issuer: Issuer, spec: TaskTargetSpecT): Promise<repo.OrgPick[]> {
  const types = TARGET_LEVEL_TYPES[spec.level ?? 'branch'];
  let out: repo.OrgPick[];
  if (spec.mode === 'field') {
    out = await repo.orgsBelow(ctx.db, issuer.tenant_id, issuer.org_path, types, spec.field);
  } else if (spec.mode === 'township') {
    if (!spec.townshipId) throw fieldError('tasks.township_required', 'targets');
    const [town] = await repo.orgsByIds(ctx.db, issuer.tenant_id, [spec.townshipId]);
    // A township of the issuer's own subtree (or the issuer itself, a township choosing its own).
    if (!town || !town.org_path.startsWith(issuer.org_path)) throw notFound();
    out = await repo.orgsBelow(ctx.db, issuer.tenant_id, town.org_path, types, spec.field);
  } else {
    const ids = spec.orgIds ?? [];
    if (!ids.length) throw fieldError('tasks.list_required', 'targets');
    out = await repo.orgsByIds(ctx.db, issuer.tenant_id, ids);
    if (out.length !== ids.length || out.some((o) => !below(o.org_path, issuer))) throw notFound();
  }
  if (!out.length) throw fieldError('tasks.no_targets', 'targets');
  return out;
}

/** Checks the completion's record check and its parameters; answers the check and parameters to store. */
export function checkOf(
  completion: string,
  key: TaskCheckKey | null | undefined,
  params: TaskCheckParamsT | null | undefined,
): { key: TaskCheckKey | null; params: TaskCheckParamsT | null } {
  if (completion !== 'record') return { key: null, params: null };
  if (!key || !TASK_CHECKS[key]) throw fieldError('tasks.check_required', 'checkKey');
  if (key === 'meeting_held' && !params?.meetingKind) throw fieldError('tasks.check_required', 'checkParams');
  return { key, params: { meetingKind: params!.meetingKind, minCount: params?.minCount ?? 1 } };
}
