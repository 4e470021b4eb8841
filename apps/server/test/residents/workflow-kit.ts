/** The set-up the workflow tables share: a county, actors of any role, residents by phone, and `attempt()`. */
import type { Role } from '@dangjian/contracts';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Actor } from '../../src/platform/actor.js';
import { DomainError } from '../../src/platform/errors.js';
import type { FlowActor } from '../../src/platform/workflow.js';
import type { DialectName } from '../../src/db/database.js';
import { buildFixture, createEnv, type Fixture, type TestEnv } from '../harness.js';

export const OK = 'ok';
export const PHONE = '13812345678';

export interface FlowKit {
  env: TestEnv;
  fx: Fixture;
  path: Map<number, string>;
  /** A signed-in user of a role at an organization (optionally linked to a member). */
  actor(role: Role, orgId: number, memberId?: number | null): Actor;
  /** The resident whose phone the records carry, and another one. */
  resident: FlowActor;
  stranger: FlowActor;
  /** Runs a move and answers 'ok' or the refusal's code; checks the traces (one each, or none and no change). */
  attempt(
    type: string,
    run: () => Promise<unknown>,
    id: number,
    read: () => Promise<{ status: string } | undefined>,
  ): Promise<string>;
}

/** The closing columns of a record the resident of PHONE raised, stamped `now` (phone in clear not kept). */
export const raisedByPhone = (env: TestEnv, now: string) => ({
  phone_enc: null,
  phone_hash: env.ctx.vault.lookupHash(PHONE),
  phone_masked: '138****5678',
  created_by: null,
  created_at: now,
  updated_at: now,
  deleted_at: null,
});

/** Builds the kit on a fresh database of a dialect. */
export async function flowKit(dialect: DialectName): Promise<FlowKit> {
  const env = await createEnv(dialect);
  const fx = await buildFixture(env);
  const path = new Map<number, string>();
  for (const o of await env.ctx.db.selectFrom('orgs').select(['id', 'org_path']).execute()) path.set(o.id, o.org_path);
  const actor = (role: Role, orgId: number, memberId: number | null = null): Actor => ({
    userId: 0,
    username: `t-${role}-${orgId}`,
    displayName: `${role} ${orgId}`,
    role,
    tenantId: fx.county,
    orgId,
    orgPath: path.get(orgId)!,
    memberId,
    locale: 'zh-CN',
    ip: null,
  });
  const traces = async (type: string, id: number): Promise<[number, number]> => {
    const t = await env.ctx.db
      .selectFrom('timeline_events')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('entity_type', '=', type)
      .where('entity_id', '=', id)
      .executeTakeFirstOrThrow();
    const a = await env.ctx.db
      .selectFrom('audit_log')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('entity_type', '=', type)
      .where('entity_id', '=', String(id))
      .executeTakeFirstOrThrow();
    return [Number(t.n), Number(a.n)];
  };
  const attempt: FlowKit['attempt'] = async (type, run, id, read) => {
    const before = await traces(type, id);
    const status = (await read())!.status;
    try {
      await run();
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      expect(await traces(type, id)).toEqual(before);
      expect((await read())!.status).toBe(status);
      return err.code;
    }
    expect(await traces(type, id)).toEqual([before[0] + 1, before[1] + 1]);
    return OK;
  };
  return {
    env,
    fx,
    path,
    actor,
    resident: { kind: 'resident', phoneHash: env.ctx.vault.lookupHash(PHONE), phoneMasked: '138****5678' },
    stranger: { kind: 'resident', phoneHash: env.ctx.vault.lookupHash('13900000000'), phoneMasked: '139****0000' },
    attempt,
  };
}

/**
 * Registers the kit's set-up and tear-down for a dialect's describe block. Its parts are read through the answer
 * once the set-up has run; `actor` and `attempt` may be taken out of it at once.
 */
export function useFlowKit(dialect: DialectName): FlowKit {
  let kit: FlowKit | undefined;
  beforeAll(async () => {
    kit = await flowKit(dialect);
  });
  afterAll(() => kit?.env.close());
  const built = (): FlowKit => {
    if (!kit) throw new Error('the flow kit is read before its set-up ran');
    return kit;
  };
  return {
    get env() {
      return built().env;
    },
    get fx() {
      return built().fx;
    },
    get path() {
      return built().path;
    },
    get resident() {
      return built().resident;
    },
    get stranger() {
      return built().stranger;
    },
    actor: (role, orgId, memberId) => built().actor(role, orgId, memberId),
    attempt: (type, run, id, read) => built().attempt(type, run, id, read),
  };
}

/**
 * Makes a record in each state of `table` and tries every action of the flow on it (but `skip`, the one that creates
 * a record): answers what each move gave, state by state, to compare with the table.
 */
export async function tryEveryMove(
  table: Record<string, Record<string, string>>,
  actions: Record<string, unknown>,
  skip: string,
  make: (state: string) => Promise<number>,
  move: (id: number, action: string) => Promise<string>,
): Promise<Record<string, Record<string, string>>> {
  const actual: Record<string, Record<string, string>> = {};
  for (const state of Object.keys(table)) {
    const row: Record<string, string> = {};
    actual[state] = row;
    for (const action of Object.keys(actions)) if (action !== skip) row[action] = await move(await make(state), action);
  }
  return actual;
}
