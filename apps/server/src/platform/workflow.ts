/**
 * Workflows as data (principle 7). A flow is its spec from the contracts (states, moves, who may make them,
 * required fields) plus, here, what the server alone can say: the scope of a record, who may not act, extra
 * conditions, deadlines counted from an earlier step, and the effect of each move. `act()` checks a move and
 * writes the status, a timeline entry, the audit record and the version bumps in one transaction; a refused
 * move is a stable error, never a silent no-op.
 */
import { can, type Capability, type ErrorCode, type FlowSpec } from '@dangjian/contracts';
import type { Actor } from './actor.js';
import { type Changes, writeAudit } from './data/audit.js';
import type { Ctx } from './context.js';
import { type Q, updateFlowRecord } from './data/workflow.repository.js';
import { addTimeline, type TimelineAuthor } from './data/timeline.js';
import { DomainError, notFound } from './errors.js';
import { bumpVersion, type Domain } from './data/versions.js';

/** Who makes a move: a signed-in user, a resident signed in by phone (owner of their records), or a job. */
export type FlowActor =
  | { kind: 'user'; actor: Actor }
  | { kind: 'resident'; phoneHash: string; phoneMasked: string }
  | { kind: 'system' };

/** A signed-in user as a flow actor. */
export const asUser = (actor: Actor): FlowActor => ({ kind: 'user', actor });
/** The system (a scheduled job) as a flow actor. */
export const SYSTEM: FlowActor = { kind: 'system' };

/** The columns every workflow record has. */
export interface FlowRecord {
  id: number;
  tenant_id: number;
  org_path: string;
  status: string;
}

/** How a record looks to a caller: visible, hidden (404, never saying it exists) or visible but not theirs (403). */
export type Visibility = 'ok' | 'hidden' | 'forbidden';

/** What a move writes, computed from the record and the input at `now`. */
export interface Effect {
  /** Columns to set besides the status and `updated_at`. */
  set?: Record<string, unknown>;
  /** The state it leads to, when the spec names several. */
  to?: string;
  changes?: Changes;
  note?: string | null;
  fromOrgId?: number | null;
  toOrgId?: number | null;
  data?: Record<string, unknown> | null;
  /** Audit detail (moves that change no field, e.g. a step). */
  detail?: string | null;
}

/** A deadline counted from an earlier step: `field` = the timestamp `from` + `days` (from the rules). */
export interface Deadline<R, Rules> {
  field: string;
  /** A timestamp column (as the move sets it, else as it was), or `now`: the moment of the move. */
  from: string | 'now';
  days: (rules: Rules, record: R) => number | null;
}

/** The server's half of one move. */
export interface MoveRules<R, I, Rules> {
  /** Scope of this move when it differs from the flow's. */
  scope?: (who: FlowActor, r: R) => Visibility;
  /** Who may not make it though holding the capability: true refuses with `notByCode`. */
  notBy?: (who: FlowActor, r: R) => boolean;
  notByCode?: ErrorCode;
  /** A further condition on the record or the input (null when listing the moves): a code refuses. */
  guard?: (r: R, input: I | null, who: FlowActor) => ErrorCode | null;
  /** The code of a move from a state it does not start from (default: the flow's). */
  refused?: ErrorCode;
  deadline?: Deadline<R, Rules>;
  /** Audit action (default `<entityType>.<move>`). */
  audit?: string;
  effect?: (r: R, input: I, now: string, who: FlowActor) => Effect;
}

/** A flow: the spec from the contracts and, per move, its server rules. */
export interface Flow<R extends FlowRecord, A extends string, Rules = unknown> {
  spec: FlowSpec<string, A>;
  table:
    | 'requests'
    | 'wishes'
    | 'errands'
    | 'development_candidates'
    | 'transfers'
    | 'member_mobility'
    | 'problems'
    | 'tasks'
    | 'task_targets'
    | 'inspections'
    | 'weak_orgs';
  /** Who sees a record at all (a move may narrow it). */
  scope: (who: FlowActor, r: R) => Visibility;
  /** Data versions a move changes. */
  versions: (r: R) => Domain[];
  /** The rule set deadlines read. */
  rules?: (db: Q, tenantId: number) => Promise<Rules>;
  /** Code of a move from a wrong state (default `workflow.move_refused`). */
  refused?: ErrorCode;
  moves: { [K in A]?: MoveRules<R, any, Rules> };
}

/** Declares a flow (types its moves against the spec). */
export function defineFlow<R extends FlowRecord, A extends string, Rules = unknown>(
  flow: Flow<R, A, Rules>,
): Flow<R, A, Rules> {
  return flow;
}

function capabilityOk(who: FlowActor, by: readonly string[]): boolean {
  if (who.kind === 'user')
    return by.some((c) => c !== 'resident' && c !== 'system' && can(who.actor.role, c as Capability));
  return by.includes(who.kind);
}

/** Throws unless the caller could make the move at all (its capability), before the record is read. */
export function requireMove<A extends string>(who: FlowActor, flow: Flow<any, A, any>, action: A): void {
  const spec = flow.spec.actions[action];
  if (capabilityOk(who, spec.by)) return;
  if (who.kind === 'user') {
    const caps = spec.by.filter((c) => c !== 'resident' && c !== 'system');
    throw new DomainError('forbidden', { capability: caps.join('|') });
  }
  throw new DomainError('workflow.not_allowed_actor', { action }, 403);
}

/** Checks a move (capability, scope, who may not, state, conditions, required fields); throws the refusal. */
export function checkMove<R extends FlowRecord, A extends string>(
  who: FlowActor,
  flow: Flow<R, A, any>,
  r: R,
  action: A,
  input: Record<string, unknown> | null,
): void {
  const spec = flow.spec.actions[action];
  const rules = flow.moves[action] ?? {};
  requireMove(who, flow, action);
  const seen = (rules.scope ?? flow.scope)(who, r);
  if (seen === 'hidden') throw notFound();
  if (seen === 'forbidden') throw new DomainError('forbidden', { reason: 'outside the scope of this move' });
  if (rules.notBy?.(who, r)) throw new DomainError(rules.notByCode ?? 'workflow.not_allowed_actor', { action }, 403);
  if (!spec.from.includes(r.status))
    throw new DomainError(rules.refused ?? flow.refused ?? 'workflow.move_refused', { from: r.status, action });
  if (input == null) return;
  const bad = rules.guard?.(r, input, who);
  if (bad) throw new DomainError(bad, { from: r.status, action });
  for (const field of spec.required ?? []) {
    const v = input[field];
    if (v == null || (typeof v === 'string' && !v.trim()))
      throw new DomainError('workflow.field_required', { field, action });
  }
}

/** The moves the caller may make on a record now (for the web's action bar); jobs' moves are never listed. */
export function allowedActions<R extends FlowRecord, A extends string>(
  who: FlowActor,
  flow: Flow<R, A, any>,
  r: R,
): A[] {
  const out: A[] = [];
  for (const action of Object.keys(flow.spec.actions) as A[]) {
    const spec = flow.spec.actions[action];
    if (!spec.from.length || (spec.by.length === 1 && spec.by[0] === 'system')) continue;
    try {
      checkMove(who, flow, r, action, null);
      if (flow.moves[action]?.guard?.(r, null, who)) continue;
      out.push(action);
    } catch {
      // not this one
    }
  }
  return out;
}

/** The timeline author of a flow actor. */
export function authorOf(who: FlowActor): TimelineAuthor | null {
  if (who.kind === 'user') return { id: who.actor.userId || null, name: who.actor.displayName };
  if (who.kind === 'resident') return { id: null, name: `群众 ${who.phoneMasked}` };
  return null;
}

/** Makes a move in its own transaction: check, status, timeline, audit, versions. Returns the new state. */
export async function act<R extends FlowRecord, A extends string>(
  ctx: Ctx,
  who: FlowActor,
  flow: Flow<R, A, any>,
  r: R,
  action: A,
  input: Record<string, unknown> = {},
): Promise<string> {
  return ctx.db.transaction().execute((trx) => move(ctx, trx, who, flow, r, action, input));
}

/**
 * Makes a move inside the caller's transaction (a job moving many records, or two moves that belong together,
 * e.g. a rating that reopens). The update is conditional on the state read: a concurrent move refuses.
 */
export async function move<R extends FlowRecord, A extends string>(
  ctx: Ctx,
  trx: Q,
  who: FlowActor,
  flow: Flow<R, A, any>,
  r: R,
  action: A,
  input: Record<string, unknown> = {},
): Promise<string> {
  checkMove(who, flow, r, action, input);
  const spec = flow.spec.actions[action];
  const rules = flow.moves[action] ?? {};
  const now = ctx.clock().toISOString();
  const eff = rules.effect?.(r, input, now, who) ?? {};
  const targets = spec.to == null ? [] : typeof spec.to === 'string' ? [spec.to] : spec.to;
  const to = eff.to ?? (targets.length === 1 ? targets[0]! : r.status);
  if (eff.to && !targets.includes(eff.to)) throw new Error(`${flow.spec.entityType}.${action}: ${eff.to} not a target`);
  const set: Record<string, unknown> = { ...eff.set };
  const changes: Changes = {};
  if (to !== r.status) {
    set.status = to;
    changes.status = { before: r.status, after: to };
  }
  let due_: string | null | undefined;
  if (rules.deadline && flow.rules) {
    const d = rules.deadline;
    const days = d.days(await flow.rules(trx, r.tenant_id), r);
    const from =
      d.from === 'now' ? now : ((set[d.from] ?? (r as unknown as Record<string, unknown>)[d.from]) as string);
    const due = days == null ? null : new Date(Date.parse(from) + days * 86_400_000).toISOString();
    changes[camel(d.field)] = { before: (r as unknown as Record<string, unknown>)[d.field] ?? null, after: due };
    set[d.field] = due;
    due_ = due;
  }
  Object.assign(changes, eff.changes);
  const updated = await updateFlowRecord(trx, flow.table, r.id, r.status, { ...set, updated_at: now });
  if (!updated)
    throw new DomainError(rules.refused ?? flow.refused ?? 'workflow.move_refused', { from: r.status, action });
  const orgPath = typeof set.org_path === 'string' ? set.org_path : r.org_path;
  await addTimeline(trx, authorOf(who), {
    tenantId: r.tenant_id,
    entityType: flow.spec.entityType,
    entityId: r.id,
    orgPath,
    action: spec.event,
    fromState: r.status,
    toState: to,
    // A move that sets a deadline notes it when it says nothing else.
    note: eff.note !== undefined ? eff.note : (due_ ?? null),
    fromOrgId: eff.fromOrgId,
    toOrgId: eff.toOrgId,
    data: eff.data,
    at: now,
  });
  await writeAudit(ctx, trx, who.kind === 'user' ? who.actor : null, {
    action: rules.audit ?? `${flow.spec.entityType}.${action}`,
    entityType: flow.spec.entityType,
    entityId: r.id,
    tenantId: r.tenant_id,
    actorName: who.kind === 'resident' ? `resident:${who.phoneMasked}` : who.kind === 'system' ? 'system' : null,
    ...(Object.keys(changes).length ? { changes } : {}),
    ...(eff.detail ? { detail: eff.detail } : {}),
  });
  for (const domain of flow.versions(r)) await bumpVersion(trx, r.tenant_id, domain);
  return to;
}

function camel(column: string): string {
  return column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}
