/**
 * Every query on learning lists (夜学). An item lies on its setter's path (county or township) and applies to the
 * branches below it, so a branch sees the items of its ancestors as well as its own subtree's; another township's
 * item is not found. A holding lies on its branch's path. Attendance comes from a linked meeting's attendance or
 * from the session's attendees; nothing else is counted.
 */
import type { Insertable, Selectable, SelectQueryBuilder } from 'kysely';
import { likeContains, subtreeRange } from '../../../db/dialect.js';
import type { LearningHoldsTable, LearningItemsTable } from '../../../db/schema/learning.js';
import type { Actor } from '../../../platform/actor.js';
import { scopeRange } from '../../../platform/actor.js';
import { liveInSubtree, type Paging, paged, type Q } from '../../../platform/data/scoped.js';
import { notFound } from '../../../platform/errors.js';
// The organizations' own readers, under the names this module's code calls them.
export { childOrgs, orgOfTenant } from '../../core/orgs/orgs.repository.js';

export type ItemRow = Selectable<LearningItemsTable> & { org_name: string };
export type HoldRow = Selectable<LearningHoldsTable> & { org_name: string; meeting_topic: string | null };
type AnyQ = SelectQueryBuilder<any, any, any>;

/** Organization types that hold the lists (branches). */
export const HOLDING_TYPES = ['branch', 'general_branch', 'joint_branch'] as const;

/** The paths strictly above an organization's path (`/1/17/30/` → `/1/`, `/1/17/`). */
export function ancestorsOf(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return parts.slice(0, -1).map((_, i) => `/${parts.slice(0, i + 1).join('/')}/`);
}

/** Items a caller sees: set in its subtree or by an organization above it. */
function visible(db: Q, actor: Actor, rows: 'live' | 'deleted' | 'any'): AnyQ {
  const [lo, hi] = scopeRange(actor);
  const above = ancestorsOf(actor.orgPath!);
  let q = db
    .selectFrom('learning_items as i')
    .innerJoin('orgs as o', 'o.id', 'i.org_id')
    .where('i.tenant_id', '=', actor.tenantId!)
    .where((e) =>
      e.or([
        e.and([e('i.org_path', '>=', lo), e('i.org_path', '<', hi)]),
        ...(above.length ? [e('i.org_path', 'in', above)] : []),
      ]),
    );
  if (rows === 'live') q = q.where('i.deleted_at', 'is', null);
  if (rows === 'deleted') q = q.where('i.deleted_at', 'is not', null);
  return q as AnyQ;
}
const COLUMNS = (q: AnyQ) => q.selectAll('i').select('o.name as org_name');

/** One item the caller sees (404 otherwise). */
export async function getItem(db: Q, actor: Actor, id: number, rows: 'live' | 'any' = 'live'): Promise<ItemRow> {
  const r = await COLUMNS(visible(db, actor, rows))
    .where('i.id', '=', id)
    .executeTakeFirst();
  if (!r) throw notFound();
  return r as ItemRow;
}

/** What a list asks for. */
export interface ItemFilter {
  /** Only items that apply to (or were set in) this organization's path. */
  orgPath?: string;
  year?: number;
  month?: number;
  kind?: string;
  q?: string;
  deleted?: boolean;
}

/** A page of items, the latest month first. */
export async function listItems(db: Q, actor: Actor, f: ItemFilter, paging: Paging) {
  let q = visible(db, actor, f.deleted ? 'deleted' : 'live');
  if (f.orgPath) {
    const [lo, hi] = subtreeRange(f.orgPath);
    const above = [...ancestorsOf(f.orgPath), f.orgPath];
    q = q.where((e: any) =>
      e.or([e.and([e('i.org_path', '>=', lo), e('i.org_path', '<', hi)]), e('i.org_path', 'in', above)]),
    );
  }
  if (f.year) q = q.where('i.year', '=', f.year);
  if (f.month) q = q.where('i.month', '=', f.month);
  if (f.kind) q = q.where('i.kind', '=', f.kind);
  if (f.q) q = q.where(likeContains('i.topic', f.q));
  const order = (b: AnyQ) =>
    COLUMNS(b).orderBy('i.year', 'desc').orderBy('i.month', 'desc').orderBy('i.org_path').orderBy('i.id');
  return paged(db, actor.tenantId!, q, order, paging) as Promise<{ rows: ItemRow[]; total: number }>;
}

/** Live items a setter has for a month (the rule's most). */
export async function countForMonth(db: Q, orgId: number, year: number, month: number): Promise<number> {
  const r = await db
    .selectFrom('learning_items')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .where('year', '=', year)
    .where('month', '=', month)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Inserts items; answers their ids. */
export async function insertItems(db: Q, rows: Omit<Insertable<LearningItemsTable>, 'id'>[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 300)
    ids.push(
      ...(
        await db
          .insertInto('learning_items')
          .values(rows.slice(i, i + 300))
          .returning('id')
          .execute()
      ).map((r) => r.id),
    );
  return ids;
}

/** Inserts holdings; answers their ids. */
export async function insertHolds(db: Q, rows: Omit<Insertable<LearningHoldsTable>, 'id'>[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 300)
    ids.push(
      ...(
        await db
          .insertInto('learning_holds')
          .values(rows.slice(i, i + 300))
          .returning('id')
          .execute()
      ).map((r) => r.id),
    );
  return ids;
}

/** Inserts session attendees. */
export async function insertAttendance(db: Q, rows: { hold_id: number; member_id: number }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('learning_attendance')
      .values(rows.slice(i, i + 1000))
      .execute();
}

/** Changes columns of an item. */
export async function updateItem(db: Q, id: number, set: Partial<Selectable<LearningItemsTable>>): Promise<void> {
  await db.updateTable('learning_items').set(set).where('id', '=', id).execute();
}

/** Changes columns of a holding. */
export async function updateHold(db: Q, id: number, set: Partial<Selectable<LearningHoldsTable>>): Promise<void> {
  await db.updateTable('learning_holds').set(set).where('id', '=', id).execute();
}

/** Holdings of items inside a path range (live, deleted or both), with their branch and meeting. */
export async function holdsOf(
  db: Q,
  tenantId: number,
  itemIds: number[],
  range: [string, string],
  rows: 'live' | 'any' = 'live',
): Promise<HoldRow[]> {
  if (!itemIds.length) return [];
  let q = db
    .selectFrom('learning_holds as h')
    .innerJoin('orgs as o', 'o.id', 'h.org_id')
    .leftJoin('meetings as mt', 'mt.id', 'h.meeting_id')
    .selectAll('h')
    .select(['o.name as org_name', 'mt.topic as meeting_topic'])
    .where('h.tenant_id', '=', tenantId)
    .where('h.item_id', 'in', itemIds)
    .where('h.org_path', '>=', range[0])
    .where('h.org_path', '<', range[1]);
  if (rows === 'live') q = q.where('h.deleted_at', 'is', null);
  return q.orderBy('h.held_on').orderBy('h.id').execute() as Promise<HoldRow[]>;
}

/** Members present at each holding: from the linked meeting's attendance, or the session's attendees. */
export async function presentAt(db: Q, holds: { id: number; meeting_id: number | null }[]) {
  const out = new Map<number, { id: number; name: string }[]>();
  const meetings = holds.filter((h) => h.meeting_id != null).map((h) => h.meeting_id!);
  const sessions = holds.filter((h) => h.meeting_id == null).map((h) => h.id);
  const byMeeting = new Map<number, { id: number; name: string }[]>();
  for (let i = 0; i < meetings.length; i += 500) {
    const rows = await db
      .selectFrom('meeting_attendance as a')
      .innerJoin('members as m', 'm.id', 'a.member_id')
      .select(['a.meeting_id', 'm.id', 'm.name'])
      .where('a.meeting_id', 'in', meetings.slice(i, i + 500))
      .where('a.status', '=', 'present')
      .execute();
    for (const r of rows)
      byMeeting.set(r.meeting_id, [...(byMeeting.get(r.meeting_id) ?? []), { id: r.id, name: r.name }]);
  }
  for (let i = 0; i < sessions.length; i += 500) {
    const rows = await db
      .selectFrom('learning_attendance as a')
      .innerJoin('members as m', 'm.id', 'a.member_id')
      .select(['a.hold_id', 'm.id', 'm.name'])
      .where('a.hold_id', 'in', sessions.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.hold_id, [...(out.get(r.hold_id) ?? []), { id: r.id, name: r.name }]);
  }
  for (const h of holds) if (h.meeting_id != null) out.set(h.id, byMeeting.get(h.meeting_id) ?? []);
  return out;
}

/** The live branches of a subtree that hold the lists. */
export async function holdingOrgs(db: Q, tenantId: number, path: string) {
  return liveInSubtree(db, 'orgs', tenantId, subtreeRange(path), 'o')
    .select(['o.id', 'o.name', 'o.org_path'])
    .where('o.type', 'in', [...HOLDING_TYPES])
    .orderBy('o.org_path')
    .execute();
}

/** Live members of a subtree (id and path): the rosters the attendance share is counted on. */
export async function membersIn(db: Q, tenantId: number, path: string) {
  return liveInSubtree(db, 'members', tenantId, subtreeRange(path), 'm').select(['m.id', 'm.org_path']).execute();
}

/** Live items of a year (and month) that apply to a subtree: set in it or above it. */
export async function itemsFor(db: Q, tenantId: number, path: string, year: number, month?: number) {
  const [lo, hi] = subtreeRange(path);
  let q = db
    .selectFrom('learning_items as i')
    .innerJoin('orgs as o', 'o.id', 'i.org_id')
    .select(['i.id', 'i.org_path', 'i.month', 'i.topic', 'i.material', 'i.link', 'i.kind', 'o.name as org_name'])
    .where('i.tenant_id', '=', tenantId)
    .where('i.deleted_at', 'is', null)
    .where('i.year', '=', year)
    .where((e) =>
      e.or([
        e.and([e('i.org_path', '>=', lo), e('i.org_path', '<', hi)]),
        e('i.org_path', 'in', [...ancestorsOf(path), path]),
      ]),
    );
  if (month) q = q.where('i.month', '=', month);
  return q.orderBy('i.month').orderBy('i.org_path').orderBy('i.id').execute();
}

/** Meetings of one organization held in a month up to a day, with the members present. */
export async function meetingsOfMonth(db: Q, orgId: number, year: number, month: number, until: string) {
  const from = `${year}-${String(month).padStart(2, '0')}-01`;
  const to = `${year}-${String(month).padStart(2, '0')}-31`;
  return db
    .selectFrom('meetings as mt')
    .select(['mt.id', 'mt.topic', 'mt.kind', 'mt.held_on as heldOn'])
    .select((e) =>
      e
        .selectFrom('meeting_attendance as a')
        .select((x) => x.fn.countAll<number>().as('n'))
        .whereRef('a.meeting_id', '=', 'mt.id')
        .where('a.status', '=', 'present')
        .as('present'),
    )
    .where('mt.org_id', '=', orgId)
    .where('mt.deleted_at', 'is', null)
    .where('mt.held_on', '>=', from)
    .where('mt.held_on', '<=', to < until ? to : until)
    .orderBy('mt.held_on')
    .execute();
}

/** The live members of a branch's subtree among ids (the session's attendees must be on its roster). */
export async function rosterAmong(db: Q, tenantId: number, path: string, ids: number[]): Promise<number[]> {
  if (!ids.length) return [];
  return (
    await liveInSubtree(db, 'members', tenantId, subtreeRange(path), 'm')
      .select('m.id')
      .where('m.id', 'in', ids)
      .execute()
  ).map((r) => r.id);
}

/** A member's organization (its path) and whether it is live. */
export async function memberOrg(db: Q, memberId: number) {
  return db
    .selectFrom('members')
    .select(['id', 'org_id', 'org_path', 'tenant_id'])
    .where('id', '=', memberId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The demo's live meetings of a county held between two days (the meetings a branch may link). */
export async function demoMeetingsBetween(db: Q, tenantId: number, from: string, to: string) {
  return db
    .selectFrom('meetings')
    .select(['id', 'org_id', 'held_on'])
    .where('tenant_id', '=', tenantId)
    .where('deleted_at', 'is', null)
    .where('held_on', '>=', from)
    .where('held_on', '<=', to)
    .execute();
}
