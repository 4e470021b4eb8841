/**
 * Migration 012 moves the residents' old timeline into `timeline_events`: each entry keeps its action, time,
 * author and note, takes its record's org path, and its organizations move into `data`; the old table goes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timeline012 } from '../../src/db/migrations/012_timeline.js';
import { idType } from '../../src/db/dialect.js';
import { listTimeline } from '../../src/platform/data/timeline.js';
import { buildFixture, createEnv, dialects, type Fixture, type TestEnv } from '../harness.js';

describe.each(dialects())('migration 012 (one timeline) on %s', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;

  beforeAll(async () => {
    env = await createEnv(dialect);
    fx = await buildFixture(env);
  });
  afterAll(() => env.close());

  it('moves every entry of residents_events with its org path and organizations, then drops the table', async () => {
    const db = env.ctx.db;
    const now = env.clock.now.toISOString();
    const path = async (id: number) =>
      (await db.selectFrom('orgs').select('org_path').where('id', '=', id).executeTakeFirstOrThrow()).org_path;
    const { id: requestId } = await db
      .insertInto('requests')
      .values({
        request_no: '2026-00001',
        tenant_id: fx.county,
        org_id: fx.townA,
        org_path: await path(fx.townA),
        origin_org_id: fx.villageA1,
        origin_path: await path(fx.villageA1),
        household_id: null,
        resident_name: null,
        channel: 'visit',
        category: 'livelihood',
        description: '路灯坏了',
        level: 'studied',
        status: 'open',
        accepted_at: now,
        due_at: null,
        owner_member_id: null,
        owner_name: null,
        department: null,
        escalations: 0,
        escalated_at: null,
        closed_at: null,
        result: null,
        rating: null,
        rated_at: null,
        reopened: 0,
        phone_enc: null,
        phone_hash: null,
        phone_masked: null,
        created_by: null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The database as it stood before 012: the old table, no new one.
    await db.schema.dropTable('timeline_events').execute();
    const any = db as unknown as import('kysely').Kysely<any>;
    await any.schema
      .createTable('residents_events')
      .addColumn('id', idType(dialect), (c) => c.primaryKey())
      .addColumn('tenant_id', 'integer', (c) => c.notNull())
      .addColumn('entity_type', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'integer')
      .addColumn('actor_name', 'text')
      .addColumn('from_org_id', 'integer')
      .addColumn('to_org_id', 'integer')
      .addColumn('note', 'text')
      .execute();
    const row = (kind: string, at: string, from: number | null, to: number | null, note: string | null) => ({
      tenant_id: fx.county,
      entity_type: 'request',
      entity_id: requestId,
      kind,
      at,
      actor_id: null,
      actor_name: kind === 'escalated' ? null : '东村书记',
      from_org_id: from,
      to_org_id: to,
      note,
    });
    await any
      .insertInto('residents_events')
      .values([
        row('accepted', '2026-06-01T01:00:00.000Z', null, fx.villageA1, 'visit'),
        row('progress', '2026-06-02T01:00:00.000Z', null, null, '已联系'),
        row('escalated', '2026-06-09T01:00:00.000Z', fx.villageA1, fx.townA, null),
      ])
      .execute();
    await db.transaction().execute((trx) => timeline012.up(trx, dialect));

    await expect(any.selectFrom('residents_events').selectAll().execute()).rejects.toThrow();
    const moved = await db.selectFrom('timeline_events').selectAll().orderBy('id').execute();
    expect(moved.map((e) => [e.action, e.org_path, e.actor_name, e.note, e.data ? JSON.parse(e.data) : null])).toEqual([
      ['accepted', await path(fx.townA), '东村书记', 'visit', { fromOrgId: null, toOrgId: fx.villageA1 }],
      ['progress', await path(fx.townA), '东村书记', '已联系', null],
      ['escalated', await path(fx.townA), null, null, { fromOrgId: fx.villageA1, toOrgId: fx.townA }],
    ]);
    const timeline = await listTimeline(db, 'request', requestId);
    expect(timeline.map((e) => [e.kind, e.fromOrg?.name ?? null, e.toOrg?.name ?? null])).toEqual([
      ['accepted', null, '东村党支部'],
      ['progress', null, null],
      ['escalated', '东村党支部', '东乡镇党委'],
    ]);
  });
});
