/**
 * The permission table, generated: every operation of the OpenAPI document × every role of the demo county ×
 * a record in the actor's own organization, a child, the parent, a sibling and another township, on both
 * databases. The expectations follow from each route's declared capability (`x-capability`) and three rules:
 * a role without the capability gets 403; with it, a record outside its subtree is 403/404 and never shows;
 * inside, the route is not refused. Routes whose scope is wider by design are listed below with the reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, type Client, createEnv, dialects, type Fixture, type TestEnv } from '../harness.js';
import { multipart } from '../files.js';
import { holds, type Operation, operationsOf, sample, type Target, targetsOf, urlOf } from '../permission-cases.js';
import {
  ACTOR_KEYS,
  ACTOR_ORG,
  type ActorKey,
  marker,
  type OrgKey,
  type Relation,
  relationOf,
  type Seeded,
  seedRecords,
  signInActors,
} from '../permission-seed.js';

/** Routes the table does not drive, and why (each is covered by its own test file). */
const NOT_DRIVEN: { route: RegExp; why: string }[] = [
  { route: /^(POST|GET) \/api\/auth\//, why: 'sessions and passwords: auth.test.ts (signing out would end the table)' },
  { route: /^POST \/api\/meetings\/checkin$/, why: 'a member signs in with a code: meetings.test.ts' },
];

/**
 * Routes whose scope is wider than the caller's subtree by design, for the roles named (the WIDENING notes in
 * the services). `shows`: records outside the subtree may appear in the answer.
 */
const WIDER: {
  route: RegExp;
  actors: ActorKey[];
  shows: boolean;
  why: string;
  relations?: Relation[];
  /** false: the answer shows those records, but the caller reaches no more (its `org` filter stays in its subtree). */
  reaches?: false;
}[] = [
  {
    route: /^GET \/api\/wishes(\/\{id\})?$/,
    actors: ['memberA1'],
    shows: true,
    why: 'a member sees the wishes of the whole county: any member may claim one (微心愿认领)',
  },
  {
    route: /^POST \/api\/wishes\/\{id\}\/(claim|fulfil|release|photos)$/,
    actors: ['county', 'townA', 'secA1', 'memberA1'],
    shows: true,
    why: 'claiming and fulfilling is by a member record anywhere in the county; an account without one is told so',
  },
  {
    route: /^POST \/api\/errands$/,
    actors: ['memberA1'],
    shows: true,
    why: 'a member may take an errand for a resident anywhere in the county (红色暖心卡代办)',
  },
  {
    route: /^GET \/api\/transfers\/targets$/,
    actors: ['county', 'townA', 'secA1'],
    shows: true,
    why: "a transfer may go to any organization of the county: the form's picker lists their names (组织关系转接)",
  },
  {
    route: /^GET \/api\/bulletins(\/\{id\}(\/(pdf|xlsx))?)?$/,
    actors: ['townA', 'secA1'],
    shows: true,
    relations: ['parent'],
    why: 'a bulletin issued above covers the organizations below: they read it (通报下发到所覆盖的党组织)',
  },
  {
    route: /^GET \/api\/reports\/rounds(\/\{id\}(\/sheet)?)?$/,
    actors: ['townA', 'secA1', 'memberA1'],
    shows: true,
    relations: ['parent'],
    why: 'a reporting round opened above is seen by the secretaries it asks to report and its panel (述职评议由上级组织)',
  },
  {
    route: /^(GET \/api\/selections(\/\{id\}(\/ballot)?)?|POST \/api\/selections\/\{id\}\/(ballot|nominations))$/,
    actors: ['townA', 'secA1', 'memberA1'],
    shows: true,
    relations: ['parent'],
    why: 'a selection announced above is seen, nominated to and voted in from below (评选由上级组织，下级推荐、投票)',
  },
  {
    route: /^GET \/api\/ratings\/schemes\/\{id\}$/,
    actors: ['townA', 'secA1', 'memberA1'],
    shows: true,
    relations: ['parent'],
    why: "the county's rating scheme is read by the organizations it rates (考评方案由县委制定、下发)",
  },
  {
    route: /^(GET \/api\/learning\/\{id\}(\/meetings)?|(POST|DELETE) \/api\/learning\/\{id\}\/holds(\/.*)?)$/,
    actors: ['townA', 'secA1', 'memberA1'],
    shows: true,
    relations: ['parent'],
    why: 'a learning item set above applies to the branches below: they read and hold it (夜学清单由县、乡镇制定)',
  },
  {
    route: /^GET \/api\/(learning(\/(mine|progress))?|home(\/mine)?)$/,
    actors: ['townA', 'secA1', 'memberA1'],
    shows: true,
    relations: ['parent'],
    reaches: false,
    why: 'the lists and homes below show the learning items set above, for the branches to hold (本月学习清单)',
  },
  {
    route: /^GET \/api\/errands$/,
    actors: ['memberA1'],
    shows: false,
    why: "a member's list is its own errands, whatever the filter",
  },
];

/**
 * Answers that name organizations outside the caller's subtree by design, without widening which records the caller
 * reaches: a bulletin issued above ranks and names the organizations it covers (通报点名、排名), so a township reading
 * the county's bulletin sees its sibling's branches named. Which bulletins it reaches is still checked above.
 */
const NAMES_OTHERS: { route: RegExp; actors: ActorKey[]; why: string }[] = [
  {
    route: /^GET \/api\/bulletins\/\{id\}(\/(pdf|xlsx))?$/,
    actors: ['townA', 'secA1'],
    why: "a bulletin's sections name the organizations of the whole subtree it covers",
  },
  {
    route: /^GET \/api\/reports(\/\{id\})?$/,
    actors: ['townA', 'secA1'],
    why: 'a report names the round that asks for it, opened by the committee above (述职评议由上级党组织组织)',
  },
];
const namesOthers = (op: Operation, actor: ActorKey) =>
  NAMES_OTHERS.some((n) => n.route.test(key(op)) && n.actors.includes(actor));

/** Deletes from the leaves up: a household's residents before it, an organization's records before it. */
const DELETE_ORDER = [
  'transfers',
  'residents',
  'visits',
  'pairings',
  'household-groups',
  'zones',
  'requests',
  'evaluations',
  'wishes',
  'errands',
  'households',
  'meetings',
  'users',
  'members',
  'orgs',
];
/** Codes that say "not for you": a business rule's own 403 or 404 (e.g. the root cannot move) is not one. */
const REFUSALS = new Set(['forbidden', 'not_found']);
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mP8/x8AAwMCAO+ip1sAAAAASUVORK5CYII=',
  'base64',
);

/** A multipart body carrying one small PNG (a photo; an import refuses it as a bad file). */
function pngUpload(): { payload: Buffer; contentType: string } {
  const { body, contentType } = multipart(TINY_PNG, 'a.png', 'image/png', { boundary: '----permissiontable' });
  return { payload: body, contentType };
}

const key = (op: Operation) => `${op.method} ${op.path}`;
const isIn = (t: Target | null) => !t || t.relation === 'own' || t.relation === 'child';
// An entry naming `relations` widens only towards records of organizations in those relations to the actor's;
// `reaching` asks whether the caller may aim the route there, not only see such records in the answer.
const widerFor = (op: Operation, actor: ActorKey, toward?: OrgKey, reaching = false) =>
  WIDER.find(
    (w) =>
      w.route.test(key(op)) &&
      w.actors.includes(actor) &&
      !(reaching && w.reaches === false) &&
      (!w.relations || (toward !== undefined && w.relations.includes(relationOf(ACTOR_ORG[actor], toward)))),
  );

/** GETs first, then writes, then deletes, then restores: a deleted record stays in place until the end. */
function phase(op: Operation): number {
  if (op.method === 'GET') return 0;
  if (op.method === 'DELETE') return 2 + DELETE_ORDER.indexOf(op.path.split('/')[2]!) / 100;
  if (op.path.endsWith('/restore')) return 3;
  return 1;
}

describe.each(dialects())('the generated permission table (%s)', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  let seeded: Seeded;
  let actors: Record<ActorKey, Client>;
  let ops: Operation[];

  beforeAll(async () => {
    env = await createEnv(dialect, { idleMinutes: 1_000_000, absoluteHours: 1_000_000 });
    fx = await buildFixture(env);
    seeded = await seedRecords(env, fx);
    actors = await signInActors(env, fx);
    const doc = (await env.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    ops = operationsOf(doc)
      .filter((op) => op.path.startsWith('/api/') && op.capability !== 'public')
      .sort((a, b) => phase(a) - phase(b));
  });
  afterAll(() => env?.close());

  it('every operation declares its capability', () => {
    const missing = ops.filter((op) => op.capability === undefined).map(key);
    expect(missing).toEqual([]);
  });

  it('answers every route × role × relation by the declared capability and the scope', async () => {
    const failures: string[] = [];
    let cases = 0;
    for (const op of ops) {
      if (NOT_DRIVEN.some((n) => n.route.test(key(op)))) continue;
      // Refused cases first: they must change nothing, so the allowed one still finds the record as seeded.
      const plan: { actor: ActorKey; target: Target | null; refused: boolean }[] = [];
      for (const actor of ACTOR_KEYS)
        for (const target of targetsOf(op, actor, seeded)) {
          const refused = !holds(actor, op.capability) || (!isIn(target) && !widerFor(op, actor, target?.org, true));
          plan.push({ actor, target, refused });
        }
      plan.sort((a, b) => Number(b.refused) - Number(a.refused));
      const deleted = new Set<string>();
      for (const c of plan) {
        const url = urlOf(op, c.target, seeded);
        // A record deleted by the first allowed actor is gone for the next: one allowed delete per record.
        if (op.method === 'DELETE' && !c.refused && deleted.has(url)) continue;
        const body = op.body ? sample(op.body, 'body', c.target, seeded) : undefined;
        const client = actors[c.actor];
        const res = op.multipart
          ? await (() => {
              const up = pngUpload();
              return client.request(op.method as 'POST', url, up.payload, {
                headers: { 'content-type': up.contentType },
              });
            })()
          : await client.request(op.method as 'GET', url, body);
        cases++;
        const where = `${key(op)} as ${c.actor} on ${c.target ? `${c.target.relation} ${c.target.org}` : '—'}`;
        const code = (() => {
          try {
            return res.json()?.error?.code as string | undefined;
          } catch {
            return undefined;
          }
        })();
        if (res.statusCode >= 500) failures.push(`${where}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        else if (!holds(c.actor, op.capability)) {
          if (res.statusCode !== 403)
            failures.push(`${where}: ${res.statusCode}, expected 403 (lacks ${op.capability})`);
        } else if (c.refused) {
          if (res.statusCode !== 403 && res.statusCode !== 404)
            failures.push(`${where}: ${res.statusCode} ${code ?? ''}, expected 403/404 (outside the subtree)`);
          if (c.target && res.body.includes(marker(c.target.org)) && !widerFor(op, c.actor, c.target.org)?.shows)
            failures.push(`${where}: the answer shows the record outside the subtree`);
        } else {
          // A second id in the path (a photo) is made up: its 404 says nothing of the record's scope.
          const madeUp = op.pathParams.length > 1 || !c.target;
          if (REFUSALS.has(code ?? '') && (res.statusCode === 403 || !madeUp))
            failures.push(`${where}: ${res.statusCode} ${code ?? ''}, expected to be let through`);
          if (op.method === 'GET' && res.statusCode === 200 && !namesOthers(op, c.actor))
            for (const org of Object.keys(seeded.org) as OrgKey[])
              if (!isInside(c.actor, org) && res.body.includes(marker(org)) && !widerFor(op, c.actor, org)?.shows)
                failures.push(`${where}: the answer shows a record of ${org}, outside the subtree`);
          if (op.method === 'DELETE' && res.statusCode === 200) deleted.add(url);
        }
      }
    }
    expect(failures).toEqual([]);
    // Every route × 6 roles, and the records of 9 organizations where a route names one.
    expect(cases).toBeGreaterThan(ops.length * 6);
    console.log(`permission table (${dialect}): ${ops.length} operations, ${cases} cases`);
  }, 600_000);
});

/** Whether an organization lies in the subtree of the actor's. */
function isInside(actor: ActorKey, org: OrgKey): boolean {
  const rel = relationOf(ACTOR_ORG[actor], org);
  return rel === 'own' || rel === 'child';
}
