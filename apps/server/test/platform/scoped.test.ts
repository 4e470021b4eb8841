/**
 * The scoped data-access kit on both engines: a query sees only the caller's tenant, subtree and live rows;
 * another township's id and a subtree outside the scope answer 404; a cached total is recomputed after a write;
 * soft delete and restore write the row, the audit record and the version bump together, and a restore of a
 * live row answers 409.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as members from '../../src/areas/core/members/members.service.js';
import type { Actor } from '../../src/platform/actor.js';
import { getOr404, paged, restore, scoped, softDelete } from '../../src/platform/data/scoped.js';
import { DomainError } from '../../src/platform/errors.js';
import { bumpVersion, readVersion } from '../../src/platform/data/versions.js';
import { buildFixture, createEnv, dialects, testIdNumber, type Fixture, type TestEnv } from '../harness.js';

/** The error a promise rejects with, or null when it resolves. */
async function failure(p: Promise<unknown>): Promise<DomainError | null> {
  try {
    await p;
    return null;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
}

const CHANGE = { action: 'member.delete', entityType: 'member', domains: ['roster' as const], stampUpdatedAt: true };

describe.each(dialects())('scoped data access on %s', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  let townA: Actor;
  const path = async (id: number) =>
    (await env.ctx.db.selectFrom('orgs').select('org_path').where('id', '=', id).executeTakeFirstOrThrow()).org_path;
  const ids = async (actor: Actor, under?: string) =>
    (await scoped(env.ctx.db, actor, 'members', { as: 'm', under }).select('m.id').orderBy('m.id').execute()).map(
      (r) => r.id,
    );
  const audits = async (action: string, id: number) =>
    env.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', action)
      .where('entity_id', '=', String(id))
      .execute();

  beforeAll(async () => {
    env = await createEnv(dialect);
    fx = await buildFixture(env);
    townA = { ...fx.system, userId: fx.users.townA.id, role: 'township_admin', orgId: fx.townA };
    townA.orgPath = await path(fx.townA);
  });
  afterAll(() => env.close());

  it('limits a query to the tenant, the subtree and live rows', async () => {
    const m = fx.memberIn;
    expect(await ids(townA)).toEqual([m.townA, m.villageA1, m.villageA2].sort((a, b) => a - b));
    expect((await ids(fx.system)).length).toBe(6);
    expect(await ids(townA, await path(fx.villageA1))).toEqual([m.villageA1]);
    // Another county sees nothing of this one.
    const other = { ...fx.system, tenantId: fx.county + 1000 };
    expect(await ids(other)).toEqual([]);
  });

  it('answers 404 for another township id and for a subtree outside the scope', async () => {
    const row = await getOr404(env.ctx.db, townA, 'members', fx.memberIn.villageA1);
    expect(row.name).toBe('张三');
    const e = await failure(getOr404(env.ctx.db, townA, 'members', fx.memberIn.villageB1));
    expect(e?.code).toBe('not_found');
    expect(e?.status).toBe(404);
    expect((await failure(getOr404(env.ctx.db, townA, 'members', 999_999)))?.status).toBe(404);
    const outside = await path(fx.townB);
    expect((await failure(Promise.resolve().then(() => ids(townA, outside))))?.status).toBe(404);
    expect((await failure(Promise.resolve().then(() => ids(townA, `/${fx.county}/`))))?.status).toBe(404);
  });

  it('caches a page total under the data version and recomputes it after a write', async () => {
    const page = () =>
      paged(
        env.ctx.db,
        fx.county,
        scoped(env.ctx.db, townA, 'members', { as: 'm' }),
        (b) => b.select(['m.id', 'm.name']).orderBy('m.id'),
        { page: 1, pageSize: 2 },
        { domain: 'roster', key: `test|${townA.orgPath}` },
      );
    const first = await page();
    expect(first.total).toBe(3);
    expect(first.rows.length).toBe(2);
    // A row written without a version bump is not seen by the cached total: the cache is real.
    const row = await env.ctx.db
      .selectFrom('members')
      .selectAll()
      .where('id', '=', fx.memberIn.villageA1)
      .executeTakeFirstOrThrow();
    const { id: _id, ...copy } = row;
    await env.ctx.db
      .insertInto('members')
      .values({ ...copy, id_number_hash: `${copy.id_number_hash}-copy` })
      .execute();
    expect((await page()).total).toBe(3);
    await bumpVersion(env.ctx.db, fx.county, 'roster');
    expect((await page()).total).toBe(4);
    // A write through a service bumps the version itself.
    await members.create(env.ctx, fx.system, {
      orgId: fx.villageA2,
      name: '赵六',
      idNumber: testIdNumber(),
      gender: 'male',
      joinedAt: '2012-07-01',
    });
    const after = await page();
    expect(after.total).toBe(5);
    expect(after.rows.length).toBe(2);
  });

  it('soft-deletes and restores with the audit record and the version bump; a live row answers 409', async () => {
    const id = fx.memberIn.villageA2;
    const v0 = await readVersion(env.ctx.db, fx.county, 'roster');
    const deleted = await softDelete(env.ctx, townA, 'members', id, CHANGE);
    expect(deleted.deleted_at).toBeTruthy();
    expect(await readVersion(env.ctx.db, fx.county, 'roster')).toBe(v0 + 1);
    expect(await ids(townA)).not.toContain(id);
    const bin = await scoped(env.ctx.db, townA, 'members', { rows: 'deleted' }).select('members.id').execute();
    expect(bin.map((r) => r.id)).toContain(id);
    const [del] = await audits('member.delete', id);
    expect(del?.success).toBeTruthy();
    expect(JSON.parse(del!.changes!).deletedAt.before).toBeNull();
    // Deleted once: a second delete does not find it.
    expect((await failure(softDelete(env.ctx, townA, 'members', id, CHANGE)))?.status).toBe(404);

    const restored = await restore(env.ctx, townA, 'members', id, { ...CHANGE, action: 'member.restore' });
    expect(restored.deleted_at).toBeNull();
    expect(await readVersion(env.ctx.db, fx.county, 'roster')).toBe(v0 + 2);
    expect(await ids(townA)).toContain(id);
    expect((await audits('member.restore', id)).length).toBe(1);

    const live = await failure(restore(env.ctx, townA, 'members', id, { ...CHANGE, action: 'member.restore' }));
    expect(live?.code).toBe('record.not_deleted');
    expect(live?.status).toBe(409);
    const own = await failure(
      restore(env.ctx, townA, 'members', id, { ...CHANGE, action: 'x', notDeleted: 'members.not_deleted' }),
    );
    expect(own?.code).toBe('members.not_deleted');
    expect(await readVersion(env.ctx.db, fx.county, 'roster')).toBe(v0 + 2);
  });

  it('refuses to delete a row of another township, writing nothing', async () => {
    const id = fx.memberIn.villageB1;
    const v0 = await readVersion(env.ctx.db, fx.county, 'roster');
    expect((await failure(softDelete(env.ctx, townA, 'members', id, CHANGE)))?.status).toBe(404);
    expect(await readVersion(env.ctx.db, fx.county, 'roster')).toBe(v0);
    expect(await audits('member.delete', id)).toEqual([]);
    const row = await env.ctx.db.selectFrom('members').select('deleted_at').where('id', '=', id).executeTakeFirst();
    expect(row?.deleted_at).toBeNull();
  });
});
