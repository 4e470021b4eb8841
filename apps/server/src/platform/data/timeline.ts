/**
 * The timeline of every module (`timeline_events`): each move of a record — its action, the states before and
 * after, who made it, a note and data (JSON, e.g. the organizations of a transfer) — written inside the move's
 * transaction. A record's timeline reads oldest first, with the names of the organizations its data names.
 */
import type { TimelineEventT } from '@dangjian/contracts';
import type { Q } from './scoped.js';

/** Who made a move, as the timeline shows it (null: the system). */
export interface TimelineAuthor {
  id: number | null;
  name: string | null;
}

/** One entry to append. */
export interface TimelineEntry {
  tenantId: number;
  entityType: string;
  entityId: number;
  /** The record's org path at the move (after it, for a move that changes the organization). */
  orgPath: string;
  action: string;
  fromState?: string | null;
  toState?: string | null;
  note?: string | null;
  /** Organizations a move came from and went to (transfer, escalation), kept in `data`. */
  fromOrgId?: number | null;
  toOrgId?: number | null;
  data?: Record<string, unknown> | null;
  at: string;
}

/** Appends an entry to a record's timeline (inside the writing transaction). */
export async function addTimeline(db: Q, author: TimelineAuthor | null, e: TimelineEntry): Promise<void> {
  await addTimelineBatch(db, [{ author, entry: e }]);
}

/** Appends several entries in one statement (jobs moving many records). */
export async function addTimelineBatch(
  db: Q,
  entries: { author: TimelineAuthor | null; entry: TimelineEntry }[],
): Promise<void> {
  if (!entries.length) return;
  await db
    .insertInto('timeline_events')
    .values(
      entries.map(({ author, entry: e }) => {
        const data = { ...(e.data ?? {}) };
        if (e.fromOrgId != null) data.fromOrgId = e.fromOrgId;
        if (e.toOrgId != null) data.toOrgId = e.toOrgId;
        return {
          tenant_id: e.tenantId,
          entity_type: e.entityType,
          entity_id: e.entityId,
          org_path: e.orgPath,
          action: e.action,
          from_state: e.fromState ?? null,
          to_state: e.toState ?? null,
          actor_id: author?.id || null,
          actor_name: author?.name ?? null,
          note: e.note ?? null,
          data: Object.keys(data).length ? JSON.stringify(data) : null,
          at: e.at,
        };
      }),
    )
    .execute();
}

/** A record's timeline, oldest first (the caller has checked access to the record). */
export async function listTimeline(db: Q, entityType: string, entityId: number): Promise<TimelineEventT[]> {
  const rows = await db
    .selectFrom('timeline_events')
    .select(['id', 'action', 'at', 'actor_name', 'from_state', 'to_state', 'note', 'data'])
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .orderBy('at')
    .orderBy('id')
    .execute();
  const parsed = rows.map((r) => ({ r, data: r.data ? (JSON.parse(r.data) as Record<string, unknown>) : {} }));
  const orgIds = new Set<number>();
  for (const { data } of parsed)
    for (const k of ['fromOrgId', 'toOrgId']) if (typeof data[k] === 'number') orgIds.add(data[k] as number);
  const names = new Map<number, string>();
  if (orgIds.size)
    for (const o of await db
      .selectFrom('orgs')
      .select(['id', 'name'])
      .where('id', 'in', [...orgIds])
      .execute())
      names.set(o.id, o.name);
  const org = (v: unknown) => (typeof v === 'number' ? { id: v, name: names.get(v) ?? '' } : null);
  return parsed.map(({ r, data }) => ({
    id: r.id,
    kind: r.action,
    at: r.at,
    actorName: r.actor_name,
    fromState: r.from_state,
    toState: r.to_state,
    fromOrg: org(data.fromOrgId),
    toOrg: org(data.toOrgId),
    note: r.note,
  }));
}
