/**
 * The flows of a task and of its targets (TASK_FLOW, TARGET_FLOW in the contracts) on the server. The issuing side
 * is the subtree holding the task's organization: it issues, withdraws, closes, accepts and sends back. The
 * receiving side holds a target but not the issuer: it reports for its own organization (or one below it). A
 * record check is the system's move.
 */
import { TARGET_FLOW, TASK_FLOW, type TargetAction, type TaskAction } from '@dangjian/contracts';
import { inScope } from '../../../platform/actor.js';
import { defineFlow, type FlowActor, type Visibility } from '../../../platform/workflow.js';
import type { TargetFlowRow, TaskRow } from './tasks.repository.js';

/** Whether the caller's subtree holds the issuing organization. */
export function onIssuingSide(who: FlowActor, tenantId: number, issuerPath: string): boolean {
  return who.kind === 'user' && inScope(who.actor, tenantId, issuerPath);
}

/** Whether the caller's subtree holds a target's organization but not its issuer. */
export function onReceivingSide(who: FlowActor, t: { tenant_id: number; org_path: string; issuer_path: string }) {
  return (
    who.kind === 'user' &&
    inScope(who.actor, t.tenant_id, t.org_path) &&
    !onIssuingSide(who, t.tenant_id, t.issuer_path)
  );
}

const issuing = (who: FlowActor, r: TargetFlowRow): Visibility =>
  who.kind === 'system' || onIssuingSide(who, r.tenant_id, r.issuer_path)
    ? 'ok'
    : onReceivingSide(who, r)
      ? 'forbidden'
      : 'hidden';
const receiving = (who: FlowActor, r: TargetFlowRow): Visibility =>
  onReceivingSide(who, r) ? 'ok' : onIssuingSide(who, r.tenant_id, r.issuer_path) ? 'forbidden' : 'hidden';
const open = (r: TargetFlowRow) => (r.task_status === 'issued' ? null : 'tasks.not_open');

/** What a report writes. */
export interface ReportInput {
  text: string;
  userId: number | null;
  name: string;
}

/** The flow of a task: only its issuing side moves it (a receiver reading it is refused with 403). */
export const taskFlow = defineFlow<TaskRow, TaskAction>({
  spec: TASK_FLOW,
  table: 'tasks',
  scope: (who, r) => (onIssuingSide(who, r.tenant_id, r.org_path) ? 'ok' : 'forbidden'),
  versions: () => ['tasks'],
  moves: {
    issue: { effect: (_r, _i, now) => ({ set: { issued_at: now } }) },
    withdraw: {
      effect: (r, i: { reason: string }, now) => ({
        set: { withdraw_reason: i.reason.trim(), closed_at: now },
        note: i.reason.trim(),
        changes: { withdrawReason: { before: r.withdraw_reason, after: i.reason.trim() } },
      }),
    },
    close: {
      effect: (_r, i: { note?: string | null }, now) => ({ set: { closed_at: now }, note: i.note?.trim() || null }),
    },
  },
});

/** The flow of one target. */
export const targetFlow = defineFlow<TargetFlowRow, TargetAction>({
  spec: TARGET_FLOW,
  table: 'task_targets',
  scope: (who, r) =>
    who.kind === 'system' || onIssuingSide(who, r.tenant_id, r.issuer_path) || onReceivingSide(who, r)
      ? 'ok'
      : 'hidden',
  versions: () => ['tasks'],
  moves: {
    report: {
      scope: receiving,
      guard: (r) => (r.completion === 'record' ? 'tasks.checked_from_records' : open(r)),
      effect: (r, i: ReportInput, now) => ({
        set: {
          report_text: i.text.trim(),
          reported_at: now,
          reported_by: i.userId,
          reported_by_name: i.name,
          return_reason: null,
        },
        note: i.text.trim(),
        changes: { reportText: { before: r.report_text, after: i.text.trim() } },
      }),
    },
    accept: {
      scope: issuing,
      guard: open,
      effect: (_r, i: { name: string; note?: string | null }, now) => ({
        set: { done_at: now, done_by_name: i.name },
        note: i.note?.trim() || null,
      }),
    },
    return: {
      scope: issuing,
      guard: open,
      effect: (r, i: { reason: string }) => ({
        set: { return_reason: i.reason.trim() },
        note: i.reason.trim(),
        changes: { returnReason: { before: r.return_reason, after: i.reason.trim() } },
      }),
    },
    check: {
      scope: issuing,
      effect: (_r, i: { result: string }, now) => ({
        set: { done_at: now, done_by_name: '平台记录核验', checked_at: now, check_result: i.result },
        note: i.result,
      }),
    },
  },
});
