/**
 * The transfer flow (TRANSFER_FLOW in the contracts) on the server. Who sees a transfer: either side's subtree.
 * Who moves it: the owning side (the sending organization's, or the receiving one's for a letter from outside)
 * applies, withdraws, resubmits and records the return slip; its higher committee approves or refuses; the
 * receiving organization's side accepts or sends back. A move of the wrong kind of transfer is refused.
 */
import { TRANSFER_FLOW, type TransferAction } from '@dangjian/contracts';
import { inScope } from '../../../platform/actor.js';
import { defineFlow, type FlowActor, type Visibility } from '../../../platform/workflow.js';
import type { TransferRow } from './transfers.repository.js';

/** Whether the caller stands on the owning side (its subtree holds `org_path`). */
export function onOwningSide(who: FlowActor, r: TransferRow): boolean {
  return who.kind === 'user' && inScope(who.actor, r.tenant_id, r.org_path);
}

/** Whether the caller stands on the receiving side: its subtree holds the receiving organization, the letter issued. */
export function onReceivingSide(who: FlowActor, r: TransferRow): boolean {
  if (who.kind !== 'user' || r.to_path == null || r.issued_on == null) return false;
  return inScope(who.actor, r.tenant_id, r.to_path);
}

/** The side a caller stands on: the sending one, the receiving one, or both (a township holding both ends). */
export function sideOf(who: FlowActor, r: TransferRow): 'out' | 'in' | 'both' | null {
  const out = r.kind !== 'incoming' && onOwningSide(who, r);
  const inn = onReceivingSide(who, r);
  return out && inn ? 'both' : out ? 'out' : inn ? 'in' : null;
}

const seen = (who: FlowActor, r: TransferRow): Visibility => (sideOf(who, r) ? 'ok' : 'hidden');
const owning = (who: FlowActor, r: TransferRow): Visibility =>
  onOwningSide(who, r) ? 'ok' : sideOf(who, r) ? 'forbidden' : 'hidden';
// A letter to outside has no receiving side in the platform: its owner is told the move does not apply to it.
const receiving = (who: FlowActor, r: TransferRow): Visibility =>
  r.kind === 'outgoing' ? owning(who, r) : onReceivingSide(who, r) ? 'ok' : sideOf(who, r) ? 'forbidden' : 'hidden';
const notIncoming = (r: TransferRow) => (r.kind === 'incoming' ? 'transfers.wrong_kind' : null);
const notOutgoing = (r: TransferRow) => (r.kind === 'outgoing' ? 'transfers.wrong_kind' : null);

/** What approval writes: the letter (number, issue day, validity, dues-paid-to month). */
export interface ApproveInput {
  letterNo: string;
  issuedOn: string;
  validUntil: string;
  duesPaidTo: string;
}

/** The transfer flow. */
export const transferFlow = defineFlow<TransferRow, TransferAction>({
  spec: TRANSFER_FLOW,
  table: 'transfers',
  scope: seen,
  versions: () => ['transfers'],
  moves: {
    approve: {
      scope: owning,
      guard: notIncoming,
      effect: (r, i: ApproveInput, now) => ({
        set: {
          letter_no: i.letterNo,
          issued_on: i.issuedOn,
          valid_until: i.validUntil,
          dues_paid_to: i.duesPaidTo,
          approved_at: now,
          return_reason: null,
        },
        note: `${i.letterNo}（${i.issuedOn} 至 ${i.validUntil}）`,
        changes: {
          letterNo: { before: r.letter_no, after: i.letterNo },
          validUntil: { before: r.valid_until, after: i.validUntil },
          duesPaidTo: { before: r.dues_paid_to, after: i.duesPaidTo },
        },
      }),
    },
    reject: {
      scope: owning,
      guard: notIncoming,
      effect: (r, i: { reason: string }) => ({
        set: { return_reason: i.reason.trim() },
        note: i.reason.trim(),
        changes: { returnReason: { before: r.return_reason, after: i.reason.trim() } },
      }),
    },
    accept: {
      scope: receiving,
      // A letter past its validity is not received: the sender withdraws it and applies again.
      guard: (r, i: { acceptedOn: string } | null) =>
        notOutgoing(r) ?? (i && r.valid_until && r.valid_until < i.acceptedOn ? 'transfers.letter_expired' : null),
      effect: (r, i: { acceptedOn: string; note?: string | null }, now) => ({
        set: { accepted_on: i.acceptedOn, closed_at: now },
        note: i.note?.trim() || null,
        fromOrgId: r.from_org_id,
        toOrgId: r.to_org_id,
        changes: { acceptedOn: { before: null, after: i.acceptedOn } },
      }),
    },
    sendBack: {
      scope: receiving,
      guard: notOutgoing,
      audit: 'transfer.send_back',
      effect: (r, i: { reason: string }) => ({
        set: { return_reason: i.reason.trim() },
        note: i.reason.trim(),
        changes: { returnReason: { before: r.return_reason, after: i.reason.trim() } },
      }),
    },
    receipt: {
      scope: owning,
      guard: (r) => (r.kind === 'outgoing' ? null : 'transfers.wrong_kind'),
      effect: (_r, i: { receiptOn: string; note?: string | null }, now) => ({
        set: { receipt_on: i.receiptOn, accepted_on: i.receiptOn, closed_at: now },
        note: [i.receiptOn, i.note?.trim()].filter(Boolean).join('：'),
        changes: { receiptOn: { before: null, after: i.receiptOn } },
      }),
    },
    resubmit: {
      scope: owning,
      guard: notIncoming,
      effect: (_r, i: { note?: string | null }) => ({ note: i.note?.trim() || null }),
    },
    withdraw: {
      scope: owning,
      effect: (_r, i: { note?: string | null }, now) => ({ set: { closed_at: now }, note: i.note?.trim() || null }),
    },
  },
});
