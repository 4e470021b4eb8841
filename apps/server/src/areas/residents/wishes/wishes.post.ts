/**
 * Posting a wish: the one write behind a resident's phone post and a worker's entry. The wish, its first
 * timeline event, the audit record and the version bump commit in the caller's transaction.
 */
import type { Actor } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { diff, writeAudit } from '../../../platform/data/audit.js';
import type { Q } from '../../../platform/data/scoped.js';
import { addTimeline } from '../../../platform/data/timeline.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { createdStamps, type phoneColumns } from '../../../platform/personal.js';
import { authorOf, type FlowActor } from '../../../platform/workflow.js';
import * as repo from './wishes.repository.js';

/** The village or community a wish is posted to. */
export interface WishPlace {
  id: number;
  tenant_id: number;
  org_path: string;
}

/** What a post writes; `audited` are the fields besides org, kind and title the audit record names. */
export interface WishPost {
  org: WishPlace;
  kind: string;
  title: string;
  description: string;
  householdId: number | null;
  residentName: string | null;
  via: 'phone' | 'worker';
  phone: ReturnType<typeof phoneColumns>;
  note: string;
  audited: Record<string, unknown>;
}

/** Who posts: the flow actor (timeline), the signed-in user (audit; null for a resident) and the audit name. */
export interface WishPoster {
  flow: FlowActor;
  user: Actor | null;
  actorName?: string;
}

/** Writes a posted wish (status open) with its timeline, audit and version bump; answers its id. */
export async function postWish(ctx: Ctx, trx: Q, by: WishPoster, p: WishPost): Promise<number> {
  const now = ctx.clock().toISOString();
  const { org } = p;
  const id = await repo.insertWish(trx, {
    tenant_id: org.tenant_id,
    org_id: org.id,
    org_path: org.org_path,
    kind: p.kind,
    title: p.title.trim(),
    description: p.description.trim(),
    household_id: p.householdId,
    resident_name: p.residentName,
    posted_via: p.via,
    status: 'open',
    claimed_by_member_id: null,
    claimed_at: null,
    claim_due_at: null,
    fulfilled_at: null,
    fulfil_note: null,
    confirmed_at: null,
    ...p.phone,
    ...createdStamps(by.user?.userId || null, now),
  });
  const where = { tenantId: org.tenant_id, entityType: 'wish', entityId: id, orgPath: org.org_path };
  await addTimeline(trx, authorOf(by.flow), {
    ...where,
    action: 'posted',
    toState: 'open',
    toOrgId: org.id,
    note: p.note,
    at: now,
  });
  await writeAudit(ctx, trx, by.user, {
    action: 'wish.create',
    entityType: 'wish',
    entityId: id,
    ...(by.user ? {} : { tenantId: org.tenant_id, actorName: by.actorName }),
    changes: diff(null, { orgId: org.id, kind: p.kind, title: p.title, ...p.audited, postedVia: p.via }),
  });
  await bumpVersion(trx, org.tenant_id, 'residents');
  return id;
}
