/**
 * The wish flow (WISH_FLOW in the contracts) on the server: a member of the county claims an open wish (the
 * deadline from the rule wishClaimDays), only the claimer fulfils it, the claimer or staff of its village
 * release it, the resident (or staff on their behalf, never the claimer) confirms, the resident withdraws.
 */
import { can, type ResidentsRules, WISH_FLOW } from '@dangjian/contracts';
import { inScope } from '../../../platform/actor.js';
import { defineFlow, type FlowActor, type Visibility } from '../../../platform/workflow.js';
import { residentsRules } from '../common/residents.rules.js';
import type { WishRow } from './wishes.repository.js';

/** Names of the wish flow's moves. */
export type WishAction = keyof typeof WISH_FLOW.actions;

/** Whether the caller is the member who claimed the wish. */
export function isClaimer(who: FlowActor, r: WishRow): boolean {
  return who.kind === 'user' && who.actor.memberId != null && r.claimed_by_member_id === who.actor.memberId;
}

/** Whether the caller is staff (residents.write) of the wish's subtree. */
export function isStaffOf(who: FlowActor, r: WishRow): boolean {
  return who.kind === 'user' && can(who.actor.role, 'residents.write') && inScope(who.actor, r.tenant_id, r.org_path);
}

const unclaim = { claimed_by_member_id: null, claimed_at: null, claim_due_at: null };
const unclaimed = (r: WishRow) => ({ claimedByMemberId: { before: r.claimed_by_member_id, after: null } });

/** Members of the county see its wishes for a move; a resident only their own (by phone). */
function wishScope(who: FlowActor, r: WishRow): Visibility {
  if (who.kind === 'user') return r.tenant_id === who.actor.tenantId ? 'ok' : 'hidden';
  if (who.kind === 'resident') return r.phone_hash != null && r.phone_hash === who.phoneHash ? 'ok' : 'hidden';
  return 'ok';
}

/** The wish flow. */
export const wishFlow = defineFlow<WishRow, WishAction, ResidentsRules>({
  spec: WISH_FLOW,
  table: 'wishes',
  scope: wishScope,
  versions: () => ['residents'],
  rules: residentsRules,
  refused: 'residents.wish_state',
  moves: {
    claim: {
      refused: 'residents.wish_not_open',
      notBy: (who) => who.kind === 'user' && who.actor.memberId == null,
      notByCode: 'residents.member_required',
      deadline: { field: 'claim_due_at', from: 'claimed_at', days: (rules) => rules.wishClaimDays },
      effect: (_r, _i, now, who) => {
        const memberId = who.kind === 'user' ? who.actor.memberId : null;
        return {
          set: { claimed_by_member_id: memberId, claimed_at: now },
          changes: { claimedByMemberId: { before: null, after: memberId } },
        };
      },
    },
    fulfil: {
      notBy: (who, r) => !isClaimer(who, r),
      notByCode: 'residents.wish_not_yours',
      effect: (_r, i: { note: string }, now) => ({
        set: { fulfilled_at: now, fulfil_note: i.note.trim() },
        note: i.note.trim(),
        changes: { fulfilNote: { before: null, after: i.note.trim() } },
      }),
    },
    release: {
      notBy: (who, r) => !isClaimer(who, r) && !isStaffOf(who, r),
      notByCode: 'residents.wish_not_yours',
      effect: (r) => ({ set: unclaim, note: '主动释放 given back', changes: unclaimed(r) }),
    },
    expire: {
      audit: 'wish.release_expired',
      guard: (r, i: { now?: string }) =>
        i.now && r.claim_due_at && r.claim_due_at > i.now ? 'residents.wish_state' : null,
      effect: (r) => ({
        set: unclaim,
        note: `认领超过期限（${r.claim_due_at}）未完成，自动释放 claim expired`,
        changes: unclaimed(r),
      }),
    },
    confirm: {
      // Staff confirm on behalf of a resident of their subtree; the member who fulfilled it may not.
      scope: (who, r) => (who.kind === 'user' ? (isStaffOf(who, r) ? 'ok' : 'hidden') : wishScope(who, r)),
      notBy: isClaimer,
      effect: (_r, _i, now) => ({ set: { confirmed_at: now } }),
    },
    withdraw: {},
  },
});
