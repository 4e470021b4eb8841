/**
 * Members away (流动党员) and out of contact (失联): staff of a subtree record a member's departure or loss of
 * contact, move the record (lost, regained, back) through the flow, and read a member's history. A member has
 * at most one open record; its state is that record's (none: local).
 */
import {
  chinaDay,
  type MemberMobilityT,
  type MobilityCreateT,
  type MobilityDetailT,
  type MobilityListQueryT,
  type MobilityMoveT,
  type MobilityPatchT,
  type MobilityRecordT,
  type MobilityState,
} from '@dangjian/contracts';
import { type Actor, requireCapability } from '../../../platform/actor.js';
import { diff, writeAudit } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { restore as restoreRow, type SoftChange, softDelete } from '../../../platform/data/scoped.js';
import { addTimeline, listTimeline } from '../../../platform/data/timeline.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { type Listed, pagingOf } from '../../../platform/listing.js';
import { createdStamps } from '../../../platform/personal.js';
import { orgRefOf, placedIn, stampsOf } from '../../../platform/stamps.js';
import { act, allowedActions, asUser, authorOf, requireMove } from '../../../platform/workflow.js';
import * as membersRepo from '../../core/members/members.repository.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import * as repo from './mobility.repository.js';
import { type MobilityAction, mobilityFlow } from './mobility.workflow.js';

const clean = (s: string | null | undefined) => s?.trim() || null;

/** A record as the API answers it. */
export function present(r: repo.MobilityRow): MobilityRecordT {
  return {
    ...orgRefOf(r),
    memberId: r.member_id,
    memberName: r.member_name,
    status: r.status as MobilityRecordT['status'],
    since: r.since,
    destination: r.destination,
    unit: r.unit,
    flowOrgName: r.flow_org_name,
    contact: r.contact_member_id != null ? { memberId: r.contact_member_id, name: r.contact_name ?? '' } : null,
    expectedReturn: r.expected_return,
    lostOn: r.lost_on,
    returnedOn: r.returned_on,
    note: r.note,
    ...stampsOf(r),
  };
}

/** The records of the caller's subtree, filtered and paged. */
export async function list(ctx: Ctx, actor: Actor, query: MobilityListQueryT): Promise<Listed<MobilityRecordT>> {
  requireCapability(actor, 'mobility.read');
  const f: repo.MobilityFilter = {
    underPath: await orgsRepo.underOrg(ctx.db, actor, query.org),
    q: query.q?.trim() || undefined,
    status: query.status,
    open: query.open || undefined,
    memberId: query.memberId,
    deleted: query.deleted || undefined,
  };
  const { rows, total } = await repo.listRecords(ctx.db, actor, f, pagingOf(query));
  return { items: rows.map(present), total };
}

async function detailOf(ctx: Ctx, actor: Actor, row: repo.MobilityRow): Promise<MobilityDetailT> {
  return {
    ...present(row),
    events: await listTimeline(ctx.db, 'mobility', row.id),
    actions: row.deleted_at ? [] : allowedActions(asUser(actor), mobilityFlow, row),
  };
}

/** One record with its timeline and the moves the caller may make; 404 outside the scope. */
export async function get(ctx: Ctx, actor: Actor, id: number): Promise<MobilityDetailT> {
  requireCapability(actor, 'mobility.read');
  const row = await repo.findRecord(ctx.db, actor, id, 'any');
  if (!row) throw notFound();
  return detailOf(ctx, actor, row);
}

/** A member's state and its records with their timelines, newest first. */
export async function ofMember(ctx: Ctx, actor: Actor, memberId: number): Promise<MemberMobilityT> {
  requireCapability(actor, 'mobility.read');
  const member = await membersRepo.requireMemberInScope(ctx.db, actor, memberId);
  const rows = await repo.recordsOfMember(ctx.db, actor, memberId);
  const open = rows.find((r) => r.status !== 'returned');
  return {
    memberId,
    memberName: member.name,
    state: (open?.status ?? 'local') as MobilityState,
    current: open ? present(open) : null,
    records: await Promise.all(rows.map((r) => detailOf(ctx, actor, r))),
  };
}

/** The contact must be another live member of the member's organization (its subtree). */
async function checkContact(db: repo.Q, actor: Actor, orgPath: string, memberId: number, contactId?: number | null) {
  if (contactId == null) return;
  const c = await membersRepo.requireMemberInScope(db, actor, contactId);
  if (c.id === memberId || !c.org_path.startsWith(orgPath))
    throw new DomainError('mobility.contact_not_in_org', { field: 'contactMemberId' });
}

function checkDays(today: string, since: string, expectedReturn?: string | null) {
  if (since > today) throw new DomainError('mobility.date_in_future', { field: 'since' });
  if (expectedReturn && expectedReturn < since)
    throw new DomainError('mobility.date_before_since', { field: 'expectedReturn' });
}

/** Records a member's departure (away) or loss of contact; refused while another record of it is open. */
export async function create(ctx: Ctx, actor: Actor, body: MobilityCreateT): Promise<MobilityDetailT> {
  const action: MobilityAction = body.state === 'flowing' ? 'depart' : 'report_lost';
  requireMove(asUser(actor), mobilityFlow, action);
  const now = ctx.clock().toISOString();
  checkDays(chinaDay(now), body.since, body.expectedReturn);
  const destination = clean(body.destination);
  if (body.state === 'flowing' && !destination)
    throw new DomainError('mobility.place_required', { field: 'destination' });
  const id = await ctx.db.transaction().execute(async (trx) => {
    const member = await membersRepo.requireMemberInScope(trx, actor, body.memberId);
    if (await repo.openRecordOf(trx, member.tenant_id, member.id))
      throw new DomainError('mobility.already_away', { field: 'memberId' }, 409);
    await checkContact(trx, actor, member.org_path, member.id, body.contactMemberId);
    const fields = {
      status: body.state,
      since: body.since,
      destination,
      unit: clean(body.unit),
      flow_org_name: clean(body.flowOrgName),
      contact_member_id: body.contactMemberId ?? null,
      expected_return: body.expectedReturn ?? null,
      lost_on: body.state === 'out_of_contact' ? body.since : null,
      returned_on: null,
      note: clean(body.note),
    };
    const id = await repo.insertRecord(trx, {
      ...placedIn({ tenant_id: member.tenant_id, id: member.org_id, org_path: member.org_path }),
      member_id: member.id,
      ...fields,
      ...createdStamps(actor.userId || null, now),
    });
    const spec = mobilityFlow.spec.actions[action];
    await addTimeline(trx, authorOf(asUser(actor)), {
      tenantId: member.tenant_id,
      entityType: 'mobility',
      entityId: id,
      orgPath: member.org_path,
      action: spec.event,
      toState: body.state,
      note: [body.since, destination, clean(body.note)].filter(Boolean).join('；'),
      at: now,
    });
    await writeAudit(ctx, trx, actor, {
      action: `mobility.${action}`,
      entityType: 'mobility',
      entityId: id,
      changes: diff(null, {
        memberId: member.id,
        status: body.state,
        since: body.since,
        destination,
        unit: fields.unit,
        flowOrgName: fields.flow_org_name,
        contactMemberId: fields.contact_member_id,
        expectedReturn: fields.expected_return,
        note: fields.note,
      }),
    });
    await bumpVersion(trx, member.tenant_id, 'mobility');
    await bumpVersion(trx, member.tenant_id, 'roster');
    return id;
  });
  return get(ctx, actor, id);
}

/** Changes where a member away is, who keeps contact and when it is expected back (an open record only). */
export async function update(ctx: Ctx, actor: Actor, id: number, body: MobilityPatchT): Promise<MobilityDetailT> {
  requireCapability(actor, 'mobility.write');
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findRecord(trx, actor, id);
    if (!row) throw notFound();
    if (row.status === 'returned') throw new DomainError('mobility.state', { from: row.status });
    const set: Record<string, string | number | null> = {};
    if (body.destination !== undefined) set.destination = clean(body.destination);
    if (body.unit !== undefined) set.unit = clean(body.unit);
    if (body.flowOrgName !== undefined) set.flow_org_name = clean(body.flowOrgName);
    if (body.note !== undefined) set.note = clean(body.note);
    if (body.expectedReturn !== undefined) {
      checkDays(chinaDay(ctx.clock()), row.since, body.expectedReturn);
      set.expected_return = body.expectedReturn;
    }
    if (body.contactMemberId !== undefined) {
      const org = await orgsRepo.getOrg(trx, actor, row.org_id);
      await checkContact(trx, actor, org.org_path, row.member_id, body.contactMemberId);
      set.contact_member_id = body.contactMemberId;
    }
    if (row.status === 'flowing' && 'destination' in set && !set.destination)
      throw new DomainError('mobility.place_required', { field: 'destination' });
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(set)) {
      const key = k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
      before[key] = (row as unknown as Record<string, unknown>)[k];
      after[key] = v;
    }
    await repo.updateRecord(trx, id, { ...set, updated_at: ctx.clock().toISOString() });
    await writeAudit(ctx, trx, actor, {
      action: 'mobility.update',
      entityType: 'mobility',
      entityId: id,
      changes: diff(before, after),
    });
    await bumpVersion(trx, row.tenant_id, 'mobility');
  });
  return get(ctx, actor, id);
}

/** Makes one move of a record (lost, regained, back) and answers the record as it is now. */
export async function move(
  ctx: Ctx,
  actor: Actor,
  id: number,
  action: Exclude<MobilityAction, 'depart' | 'report_lost'>,
  body: MobilityMoveT,
): Promise<MobilityDetailT> {
  requireMove(asUser(actor), mobilityFlow, action);
  const row = await repo.findRecord(ctx.db, actor, id);
  if (!row) throw notFound();
  const input = { ...body, today: chinaDay(ctx.clock()) };
  await act(ctx, asUser(actor), mobilityFlow, row, action, input);
  return get(ctx, actor, id);
}

function softChange(ctx: Ctx, actor: Actor, row: repo.MobilityRow, deleting: boolean): SoftChange {
  return {
    action: `mobility.${deleting ? 'delete' : 'restore'}`,
    entityType: 'mobility',
    domains: ['mobility', 'roster'],
    stampUpdatedAt: true,
    before: async (trx) => {
      // A restored open record must not give the member two open records.
      if (
        !deleting &&
        row.status !== 'returned' &&
        (await repo.openRecordOf(trx, row.tenant_id, row.member_id, row.id))
      )
        throw new DomainError('mobility.already_away', { field: 'memberId' }, 409);
      await addTimeline(trx, authorOf(asUser(actor)), {
        tenantId: row.tenant_id,
        entityType: 'mobility',
        entityId: row.id,
        orgPath: row.org_path,
        action: deleting ? 'deleted' : 'restored',
        at: ctx.clock().toISOString(),
      });
    },
  };
}

/** Soft-deletes a record entered by mistake (recoverable). */
export async function remove(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  requireCapability(actor, 'mobility.write');
  const row = await repo.findRecord(ctx.db, actor, id);
  if (!row) throw notFound();
  await softDelete(ctx, actor, 'member_mobility', id, softChange(ctx, actor, row, true));
}

/** Restores a deleted record. */
export async function restore(ctx: Ctx, actor: Actor, id: number): Promise<MobilityDetailT> {
  requireCapability(actor, 'mobility.write');
  const row = await repo.findRecord(ctx.db, actor, id, 'any');
  if (!row) throw notFound();
  await restoreRow(ctx, actor, 'member_mobility', id, softChange(ctx, actor, row, false));
  return get(ctx, actor, id);
}
