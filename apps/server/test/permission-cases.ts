/**
 * The cases of the generated permission table, built from the OpenAPI document: every operation with its
 * declared capability (`x-capability`), and for the operations that name a record (a path `{id}`, an `org`
 * filter, an `orgId` in the body) one case per record of the table's organizations.
 */
import { ROLE_CAPABILITIES, type Capability, type Role } from '@dangjian/contracts';
import { testIdNumber } from './harness.js';
import {
  ACTOR_ORG,
  type ActorKey,
  type Entity,
  type OrgKey,
  PARENT,
  relationOf,
  type Relation,
  type Seeded,
} from './permission-seed.js';

type Schema = Record<string, any>;

export interface Operation {
  method: string;
  /** OpenAPI path, e.g. `/api/households/{id}`. */
  path: string;
  capability: string | string[] | undefined;
  pathParams: string[];
  /** The schemas of the path parameters (an enum's value must be valid, or validation answers first). */
  pathSchemas: Record<string, Schema>;
  query: Schema[];
  body: Schema | null;
  multipart: boolean;
}

/** Every operation of the document with its declared capability. */
export function operationsOf(doc: Schema): Operation[] {
  const ops: Operation[] = [];
  for (const [p, item] of Object.entries<Schema>(doc.paths))
    for (const [method, op] of Object.entries<Schema>(item)) {
      const params = (op.parameters ?? []) as Schema[];
      ops.push({
        method: method.toUpperCase(),
        path: p,
        capability: op['x-capability'],
        pathParams: params.filter((x) => x.in === 'path').map((x) => x.name as string),
        pathSchemas: Object.fromEntries(params.filter((x) => x.in === 'path').map((x) => [x.name, x.schema ?? {}])),
        query: params.filter((x) => x.in === 'query'),
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
        multipart: !!op.requestBody?.content?.['multipart/form-data'],
      });
    }
  return ops;
}

export const ROLE_OF: Record<ActorKey, Role> = {
  county: 'county_admin',
  townA: 'township_admin',
  secA1: 'branch_secretary',
  memberA1: 'member',
  auditor: 'auditor',
  security: 'security_admin',
};

/** Whether the actor's role holds the operation's capability (any of a list; every signed-in role for 'signed_in'). */
export function holds(actor: ActorKey, capability: Operation['capability']): boolean {
  if (capability === 'signed_in') return true;
  const caps = Array.isArray(capability) ? capability : [capability];
  return caps.some((c) => ROLE_CAPABILITIES[ROLE_OF[actor]].includes(c as Capability));
}

/** The record a case acts on, and where it lies from the actor. */
export interface Target {
  org: OrgKey;
  relation: Relation;
  id: number | null;
}

/**
 * The entity a path's `{id}` names: its first segment after /api/ (`/api/household-groups/{id}` → household-groups).
 */
export function entityOf(op: Operation): Entity | null {
  const segs = op.path.split('/');
  const at = segs.indexOf('{id}');
  return at > 0 ? (segs[at - 1] as Entity) : null;
}

/** The records an operation can be aimed at from an actor, with their relation; one `null` target if none. */
export function targetsOf(op: Operation, actor: ActorKey, seeded: Seeded): (Target | null)[] {
  const home = ACTOR_ORG[actor];
  const entity = entityOf(op);
  if (entity) {
    const byOrg = seeded.records[entity] ?? {};
    // A kind of record the table does not seed (grants): the capability alone is checked.
    if (!Object.keys(byOrg).length) return [null];
    return (Object.entries(byOrg) as [OrgKey, number][]).map(([org, id]) => ({
      org,
      id,
      relation: relationOf(home, org),
    }));
  }
  const byOrgFilter = op.query.some((q) => q.name === 'org') || bodyProp(op.body, 'orgId');
  if (!byOrgFilter) return [null];
  return (Object.entries(seeded.org) as [OrgKey, number][]).map(([org, id]) => ({
    org,
    id,
    relation: relationOf(home, org),
  }));
}

function bodyProp(body: Schema | null, name: string): boolean {
  return !!body?.properties?.[name];
}

/** A URL for a case: path ids filled, required query parameters sampled, `org` set to the target's org. */
export function urlOf(op: Operation, target: Target | null, seeded: Seeded): string {
  let url = op.path.replace('{id}', String(target?.id ?? 1)).replace(/\{([^}]+)\}/g, (_, name: string) => {
    const schema = op.pathSchemas[name] ?? {};
    // A made-up id names no record; an enum or a year takes a valid value, so the route's own checks answer.
    return schema.type === 'integer' && !/year/i.test(name) ? '999999' : String(sample(schema, name, target, seeded));
  });
  const qs = new URLSearchParams();
  for (const q of op.query) {
    if (q.name === 'org' && target) qs.set('org', String(seeded.org[target.org]));
    // Meetings count by month, quarter or year; the residents' evaluations by half-year.
    else if (q.name === 'period') qs.set('period', (q.schema?.pattern ?? '').includes('Q') ? '2026-Q2' : '2026-H1');
    else if (q.required) qs.set(q.name, String(sample(q.schema ?? {}, q.name, target, seeded)));
  }
  const s = qs.toString();
  if (s) url += `?${s}`;
  return url;
}

const TODAY_ISH = '2026-06-10';

/** The record of the organization, else of the nearest one above it (a party group's member is its branch's). */
function nearest(byOrg: Partial<Record<OrgKey, number>>, org: OrgKey): number | undefined {
  for (let k: OrgKey | null = org; k; k = PARENT[k]) if (byOrg[k]) return byOrg[k];
  return undefined;
}

/** A small value that satisfies a schema, with ids taken from the target's organization. */
export function sample(s: Schema, name: string, target: Target | null, seeded: Seeded): unknown {
  const org = target?.org ?? 'villageA1';
  if (s.anyOf) return sample(s.anyOf.find((x: Schema) => x.type !== 'null') ?? s.anyOf[0], name, target, seeded);
  if (s.enum) return s.enum[0];
  if (s.const !== undefined) return s.const;
  const type = Array.isArray(s.type) ? s.type.find((t: string) => t !== 'null') : s.type;
  if (type === 'object') {
    const out: Record<string, unknown> = {};
    const req = new Set<string>(s.required ?? []);
    const props = Object.keys(s.properties ?? {});
    // A map that must not be empty (the values of a rule set): one entry, for the route's own checks to judge.
    if (!props.length && (s.minProperties ?? 0) > 0) return { sample: 1 };
    // A patch with no required field still needs one property.
    if (!req.size && (s.minProperties ?? 0) > 0 && props.length) req.add(props[0]!);
    // A member named beside the organization (an errand's member, a lecturer) is taken from it too, and an optional
    // organization is named all the same: a route that defaults to the caller's own must still refuse another's.
    for (const k of props)
      if (req.has(k) || k === 'orgId' || (/memberId$/i.test(k) && props.includes('orgId')))
        out[k] = sample(s.properties[k], k, target, seeded);
    return out;
  }
  if (type === 'array') {
    const n = s.minItems ?? 0;
    if (/householdIds/.test(name) && seeded.household[org]) return [seeded.household[org]];
    return Array.from({ length: n }, () => sample(s.items ?? {}, name, target, seeded));
  }
  if (type === 'integer' || type === 'number') {
    if (/^org(Id)?$|parentId/i.test(name)) return seeded.org[org];
    if (/household/i.test(name)) return nearest(seeded.household, org) ?? seeded.household.villageA1;
    if (/member|cadre|visitor/i.test(name)) return nearest(seeded.member, org);
    if (/year/i.test(name)) return 2026;
    return Math.max(s.minimum ?? 1, 1);
  }
  if (type === 'boolean') return true;
  if (s.format === 'date' || /\\d\{4\}-\\d\{2\}-\\d\{2\}/.test(s.pattern ?? '')) return TODAY_ISH;
  if (s.format === 'date-time') return `${TODAY_ISH}T01:00:00.000Z`;
  if ((s.pattern ?? '').includes(':')) return '09:00';
  if (/idNumber/i.test(name)) return testIdNumber();
  if (/phone/i.test(name)) return '13900001111';
  if (/period/i.test(name)) return '2026-05';
  if (/^(month|validFrom)$/i.test(name)) return '2026-05';
  if (/password/i.test(name)) return 'Xk#29fLq!m-Table';
  if (/username/i.test(name)) return `pt${Math.floor(Math.random() * 1e9)}`;
  if (s.pattern) return null;
  return '权限测试'.slice(0, Math.max(1, Math.min(s.maxLength ?? 4, 4)));
}
