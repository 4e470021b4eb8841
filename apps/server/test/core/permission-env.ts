/** The shared set-up of the permission table tests: an environment per dialect, signed-in actors, prefix traps. */
import { afterAll, beforeAll, expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { buildFixture, createEnv, login, testIdNumber, type Client, type Fixture, type TestEnv } from '../harness.js';
import type { DialectName } from '../../src/db/database.js';
import { ACTORS, CHILD_TYPE, ORG_TYPE, type ActorSpec, type OrgKey, type Outcome } from './permission-oracle.js';

/** Registers the set-up hooks of one dialect and returns the helpers the tests use (env and fx once set up). */
export function permissionEnv(dialect: DialectName) {
  let env: TestEnv;
  let fx: Fixture;
  const as: Record<string, Client> = {};
  /** A member in the org of a prefix trap: an org whose id begins with the digits of an actor's org id. */
  const traps: { orgId: number; memberId: number; mimics: OrgKey }[] = [];
  let seq = 0;
  /** A unique name; the terminator keeps one name from being a substring of another ('…5号' vs '…50号'). */
  const uniq = (p: string, end = '号') => `${p}${++seq}${end}`;

  const org = (k: OrgKey): number => fx[k];
  const db = () => env.ctx.db;

  const orgRow = (id: number) => db().selectFrom('orgs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const memberRow = (id: number) =>
    db().selectFrom('members').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const pathOf = async (id: number) => (await orgRow(id)).org_path;
  /** Ids of every org (live or deleted) whose path starts with the org's path: its subtree. */
  const subtreeIds = async (id: number): Promise<Set<number>> => {
    const rows = await db()
      .selectFrom('orgs')
      .select('id')
      .where('org_path', 'like', `${await pathOf(id)}%`)
      .execute();
    return new Set(rows.map((r) => Number(r.id)));
  };
  /** Ids of the live rows of `table` in the org's subtree, sorted. */
  const liveUnder = async (table: 'orgs' | 'members', id: number) => {
    const path = await pathOf(id);
    const rows = await db()
      .selectFrom(table)
      .select('id')
      .where('org_path', 'like', `${path}%`)
      .where('deleted_at', 'is', null)
      .execute();
    return rows.map((r) => Number(r.id)).sort((x, y) => x - y);
  };
  const liveOrgsUnder = (id: number) => liveUnder('orgs', id);
  const liveChildren = async (id: number) =>
    (await db().selectFrom('orgs').select('id').where('parent_id', '=', id).where('deleted_at', 'is', null).execute())
      .map((r) => Number(r.id))
      .sort((x, y) => x - y);
  const liveMembersUnder = (id: number) => liveUnder('members', id);
  const sorted = (xs: number[]) => [...xs].sort((x, y) => x - y);

  /** The county admin makes what a case needs. */
  const freshOrg = async (parentId: number, type?: string): Promise<number> => {
    const parentType = (await orgRow(parentId)).type as keyof typeof CHILD_TYPE;
    const res = await as['t-county'].post('/api/orgs', {
      parentId,
      name: uniq('新建空组织'),
      type: type ?? CHILD_TYPE[parentType],
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().id;
  };
  const freshMember = async (orgId: number): Promise<number> => {
    const res = await as['t-county'].post('/api/members', {
      orgId,
      name: uniq('新党员'),
      idNumber: testIdNumber(),
      gender: 'male',
      joinedAt: '2010-07-01',
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().id;
  };

  /** A refusal: the status and code, nothing but `{ error }` in the body, none of the given strings anywhere in it. */
  function expectRefused(res: LightMyRequestResponse, want: Outcome, secrets: string[]) {
    expect(res.statusCode, res.body).toBe(want.status);
    const body = res.json();
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error.code).toBe(want.code);
    if (want.status === 404) expect(Object.keys(body.error).sort()).toEqual(['code', 'message']);
    else expect(Object.keys(body.error).every((k) => ['code', 'message', 'details'].includes(k))).toBe(true);
    for (const s of secrets) expect(res.body).not.toContain(s);
  }

  /** Every row of a 200 list must belong to the actor's subtree, and the list must not be empty. */
  async function expectAllInScope(ids: number[], a: ActorSpec, what: string) {
    const scope = await subtreeIds(org(a.home));
    expect(ids.length, `${what}: the list to check is empty`).toBeGreaterThan(0);
    const outside = ids.filter((id) => !scope.has(id));
    expect(outside, `${what}: rows outside ${a.home}'s subtree`).toEqual([]);
  }

  beforeAll(async () => {
    env = await createEnv(dialect);
    fx = await buildFixture(env);
    for (const a of ACTORS) as[a.username] = await login(env.app, a.username);

    // Prefix traps: a county child whose id starts with townA's digits ('/1/2/' vs '/1/2x/'), and a
    // townA child whose id starts with villageA1's digits. Decoys under townB use up the ids before.
    const trapAt = async (mimics: OrgKey, parent: OrgKey) => {
      const prefix = String(org(mimics));
      let last = Number(
        (
          await db()
            .selectFrom('orgs')
            .select((e) => e.fn.max('id').as('m'))
            .executeTakeFirstOrThrow()
        ).m,
      );
      for (let guard = 0; !(String(last + 1).startsWith(prefix) && last + 1 !== org(mimics)); guard++) {
        if (guard > 200) throw new Error('could not reach a prefix-colliding id');
        last = await freshOrg(org('townB'), 'branch');
      }
      const orgId = await freshOrg(
        org(parent),
        ORG_TYPE[parent] === 'committee' ? (parent === 'county' ? 'committee' : 'branch') : 'group',
      );
      expect(
        String(orgId).startsWith(prefix) && orgId !== org(mimics),
        `trap id ${orgId} should start with ${prefix}`,
      ).toBe(true);
      const memberId = await freshMember(orgId);
      traps.push({ orgId, memberId, mimics });
    };
    await trapAt('townA', 'county');
    await trapAt('villageA1', 'townA');
  });
  afterAll(() => env?.close());
  return {
    get env() {
      return env;
    },
    get fx() {
      return fx;
    },
    as,
    traps,
    uniq,
    org,
    db,
    orgRow,
    memberRow,
    pathOf,
    subtreeIds,
    liveOrgsUnder,
    liveChildren,
    liveMembersUnder,
    sorted,
    freshOrg,
    freshMember,
    expectRefused,
    expectAllInScope,
  };
}
