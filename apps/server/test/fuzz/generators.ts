/** The fuzzer's generators: operations read from the OpenAPI document, valid and invalid values from their schemas. */
import fc from 'fast-check';
import type { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { MAX_INT } from '../../src/platform/http.js';
import { parseIdNumber } from '../../src/platform/idcard.js';
import { PASSWORD } from '../harness.js';
export const SEED = process.env.DJ_FUZZ_SEED ? Number(process.env.DJ_FUZZ_SEED) : 20261204;
export const FUZZ_RUNS = Number(process.env.DJ_FUZZ_RUNS ?? 14);

// Operations that end the fixture's sessions or change its accounts: fuzzed too, then the accounts are repaired
// and signed in again.
export const FIXTURE_BREAKERS = new Set([
  'POST /api/auth/logout',
  'POST /api/auth/logout-all',
  'POST /api/auth/password',
  'POST /api/public/resident/logout',
]);

export type Schema = Record<string, any>;
export type Role = 'county' | 'townA' | 'secA1' | 'memberA1' | 'auditor' | 'security' | 'anonymous' | 'resident';
export const ROLES: Role[] = ['county', 'townA', 'secA1', 'memberA1', 'auditor', 'security', 'anonymous', 'resident'];

export interface Operation {
  method: string;
  path: string;
  params: { name: string; in: 'path' | 'query'; required: boolean; schema: Schema }[];
  body: Schema | null;
  bodyRequired: boolean;
  responses: Record<string, Schema | undefined>;
}

export interface Case {
  role: Role;
  url: string;
  payload?: string | Buffer;
  headers: Record<string, string>;
  note: string;
}

// ---- detector of whole personal numbers
// Deliberately independent of platform/personalText.ts: the oracle must not share the code it checks.
export const ID_CANDIDATE = /(?<![0-9A-Za-z])\d{6}[ -]?\d{8}[ -]?\d{3}[\dXx](?![0-9A-Za-z])/g;
export const PHONE_CANDIDATE = /(?<![\d.])(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d){8}(?![\d])/g;
/** Whole ID numbers (valid GB 11643 check digit and birth date) and 11-digit mobiles in a text. */
export function personalNumbers(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(ID_CANDIDATE))
    if (parseIdNumber(m[0].replace(/[ -]/g, ''), new Date('2030-01-01'))) found.push(m[0]);
  for (const m of text.matchAll(PHONE_CANDIDATE)) {
    const digits = m[0].replace(/[^\d]/g, '').replace(/^86(?=\d{11}$)/, '');
    if (/^1[3-9]\d{9}$/.test(digits)) found.push(m[0]);
  }
  return found;
}

// ---- the OpenAPI document as operations
export function operationsOf(doc: Schema): Operation[] {
  const ops: Operation[] = [];
  for (const [p, item] of Object.entries<Schema>(doc.paths)) {
    for (const [method, op] of Object.entries<Schema>(item)) {
      if (op.hide || op['x-hidden']) continue;
      const responses: Operation['responses'] = {};
      for (const [status, r] of Object.entries<Schema>(op.responses ?? {}))
        responses[status] = r?.content?.['application/json']?.schema;
      ops.push({
        method: method.toUpperCase(),
        path: p,
        params: (op.parameters ?? [])
          .filter((x: Schema) => x.in === 'path' || x.in === 'query')
          .map((x: Schema) => ({ name: x.name, in: x.in, required: !!x.required, schema: x.schema ?? {} })),
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
        bodyRequired: !!op.requestBody?.required,
        responses,
      });
    }
  }
  return ops;
}

// ---- arbitraries from schemas
export const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
export const HOSTILE = [
  "' OR 1=1 --",
  '1; DROP TABLE members; --',
  '"; select * from users; --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '../../etc/passwd',
  '%00',
  '\u0000',
  '\u202e\u0645\u0631\u062d\u0628\u0627',
  '𠀀𠀁𪚥👨‍👩‍👧‍👦',
  'Ω≈ç√∫',
  '　',
  '${7*7}',
  '{{7*7}}',
  '\\',
  'null',
  'undefined',
  'NaN',
  '-0',
  '1e309',
  '张三\n李四',
  ' ',
  '',
];

export interface Pools {
  ids: number[];
  byName: Record<string, number[]>;
  phones: string[];
  idNumbers: string[];
}

export const RESOURCE_POOL: Record<string, string> = {
  orgs: 'org',
  members: 'member',
  users: 'user',
  audit: 'audit',
  meetings: 'meeting',
  notifications: 'notification',
  households: 'household',
  residents: 'resident',
  'household-groups': 'group',
  pairings: 'pairing',
  zones: 'zone',
  visits: 'visit',
  requests: 'request',
  evaluations: 'evaluation',
  wishes: 'wish',
  errands: 'errand',
};

export function poolFor(name: string, pools: Pools): number[] {
  // A path's `id` is named after its resource by the caller (e.g. `orgs.id`).
  const [resource, field] = name.includes('.') ? name.split('.') : [null, name];
  if (resource && field === 'id' && RESOURCE_POOL[resource] && pools.byName[RESOURCE_POOL[resource]!]?.length)
    return pools.byName[RESOURCE_POOL[resource]!]!;
  const n = field!.toLowerCase();
  for (const [key, ids] of Object.entries(pools.byName)) if (n.includes(key)) return ids;
  return pools.ids;
}

export function isIdish(name: string): boolean {
  return /(^id$|id$|^org$|^parent$|^cadre$|^visitor$|^county$|memberid|photoid)/i.test(name.split('.').pop()!);
}

export const realDate = fc.date({
  min: new Date('1950-01-01T00:00:00Z'),
  max: new Date('2026-06-15T00:00:00Z'),
  noInvalidDate: true,
});

export function validArb(s: Schema, name: string, pools: Pools, depth = 0): fc.Arbitrary<unknown> {
  if (s.anyOf || s.oneOf) return fc.oneof(...(s.anyOf ?? s.oneOf).map((x: Schema) => validArb(x, name, pools, depth)));
  if (s.allOf)
    return fc
      .tuple(...s.allOf.map((x: Schema) => validArb(x, name, pools, depth)))
      .map((parts) => Object.assign({}, ...parts.filter((p) => p && typeof p === 'object')));
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.nullable && s.type)
    return fc.oneof(
      { weight: 4, arbitrary: validArb({ ...s, nullable: false }, name, pools, depth) },
      { weight: 1, arbitrary: fc.constant(null) },
    );
  switch (s.type) {
    case 'integer': {
      const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -MAX_INT - 1);
      const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : MAX_INT);
      // Mostly small, realistic values; the declared bounds themselves (when the contract sets them) now and then.
      const lo = Math.max(min, isIdish(name) || /page/i.test(name) ? 1 : -1000);
      const hi = Math.min(max, /^page$/i.test(name) ? lo + 4 : lo + 2000);
      const range = fc.integer({ min: lo, max: Math.max(lo, hi) });
      const edges = [min, max].filter((x) => Math.abs(x) < MAX_INT);
      const plain = edges.length
        ? fc.oneof({ weight: 5, arbitrary: range }, { weight: 1, arbitrary: fc.constantFrom(...edges) })
        : range;
      if (!isIdish(name))
        return /year/i.test(name) && s.minimum === undefined ? fc.integer({ min: 2015, max: 2027 }) : plain;
      const pool = poolFor(name, pools).filter((x) => x >= min && x <= max);
      return pool.length
        ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: range })
        : range;
    }
    case 'number':
      return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'string':
      return validString(s, name, pools);
    case 'array': {
      const item = validArb(s.items ?? {}, name, pools, depth + 1);
      const constraints = {
        minLength: s.minItems ?? 0,
        maxLength: Math.min(s.maxItems ?? 3, Math.max(3, s.minItems ?? 0)),
      };
      return s.uniqueItems
        ? fc.uniqueArray(item, { ...constraints, selector: (v) => JSON.stringify(v) })
        : fc.array(item, constraints);
    }
    case 'object':
    default: {
      if (!s.properties) return s.type === 'object' ? fc.constant({}) : fc.constant(null);
      const props: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries<Schema>(s.properties)) props[k] = validArb(v, k, pools, depth + 1);
      const arb = fc.record(props, { requiredKeys: s.required ?? [] });
      // minProperties (patches): make sure at least one key is present.
      return s.minProperties ? arb.filter((o) => Object.keys(o as object).length >= s.minProperties) : arb;
    }
  }
}

export function validString(s: Schema, name: string, pools: Pools): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? 60;
  const fit = (a: fc.Arbitrary<string>) => a.filter((x) => x.length >= min && x.length <= max);
  if (s.pattern === DATE_PATTERN || s.format === 'date') return realDate.map((d) => d.toISOString().slice(0, 10));
  if (s.format === 'date-time') return realDate.map((d) => d.toISOString());
  if (s.pattern) {
    // `^[class]+$` with a minimum length: put the lengths into the pattern, since filtering the short strings that
    // stringMatching mostly makes never ends (a 16-character token hung the whole run).
    const one = /^\^(\[[^\]]+\])[+*]\$$/.exec(s.pattern);
    if (one) return fc.stringMatching(new RegExp(`^${one[1]}{${min},${Math.min(max, 80)}}$`));
    return fit(fc.stringMatching(new RegExp(s.pattern)));
  }
  if (/phone/i.test(name))
    return fit(
      fc.oneof(fc.constantFrom(...pools.phones), fc.constantFrom('13900001111', '+86 139 0000 2222', '139-0000-3333')),
    );
  if (/idnumber/i.test(name)) return fit(fc.constantFrom(...pools.idNumbers));
  if (/password/i.test(name)) return fit(fc.constantFrom(PASSWORD, 'Xk#29fLq!m', 'short'));
  const words = fc.constantFrom('东村', '张三', '修路', 'village road', '低保', '党员活动', 'a', 'Ünïcödé', '🙂');
  return fit(
    fc.oneof(
      fc.string({ minLength: min, maxLength: Math.min(max, 40) }),
      fc.array(words, { minLength: 1, maxLength: 4 }).map((w) => w.join('')),
      fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.min(max, 20) }),
    ),
  );
}

/** A value that breaks the schema: wrong type, out of range, too long, hostile text, another tenant's id, null. */
export function invalidArb(s: Schema, name: string, pools: Pools): fc.Arbitrary<unknown> {
  const wrongTypes = fc.constantFrom<unknown>(null, true, 'abc', -1, 1.5, [], {}, [1, 2], { $gt: '' });
  const options: fc.Arbitrary<unknown>[] = [wrongTypes, fc.constantFrom(...HOSTILE)];
  const type = s.type ?? (s.anyOf ? 'anyOf' : 'object');
  if (type === 'integer' || type === 'number') {
    const safe = [
      0,
      -1,
      -2147483649,
      2147483648,
      Number.MAX_SAFE_INTEGER,
      s.minimum !== undefined ? s.minimum - 1 : -99,
      s.maximum !== undefined ? s.maximum + 1 : 99_999_999,
    ];
    options.push(fc.constantFrom(...safe), fc.integer({ min: -1e9, max: 1e9 }), fc.constantFrom(...pools.ids));
    options.push(fc.constantFrom<unknown>('9999999999999999999999', 1e30, 4294967296, -4294967296));
    options.push(fc.constantFrom<unknown>('Infinity', '-Infinity', '1e400'));
  }
  if (type === 'string') {
    const max = s.maxLength ?? 200;
    options.push(
      fc.string({ minLength: max + 1, maxLength: max + 50 }),
      fc.constant('字'.repeat(Math.max(max + 1, 5000))),
      fc.constant(''),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
    );
    if (s.pattern === DATE_PATTERN || s.format === 'date' || s.format === 'date-time') {
      options.push(fc.constantFrom('2026-6-1', '20260601', 'yesterday', '2026-06-15T25:00:00Z'));
      options.push(fc.constantFrom('9999-99-99', '2026-02-30', '0000-00-00', '2026-13-01'));
    }
  }
  if (type === 'array')
    options.push(
      fc.array(fc.constantFrom<unknown>(null, 'x', -1, {}), { minLength: 1, maxLength: 3 }),
      fc.constant(Array.from({ length: (s.maxItems ?? 100) + 1 }, (_, i) => i)),
    );
  if (type === 'object' && s.properties && Object.keys(s.properties).length) {
    const keys = Object.keys(s.properties);
    const valid = validArb(s, name, pools) as fc.Arbitrary<Record<string, unknown>>;
    // One property broken, the rest valid; a required key missing; an unknown key added.
    options.push(
      fc
        .tuple(valid, fc.constantFrom(...keys))
        .chain(([o, k]) => invalidArb(s.properties[k], k, pools).map((bad) => ({ ...o, [k]: bad }))),
      fc.tuple(valid, fc.constantFrom(...keys)).map(([o, k]) => {
        const c = { ...o };
        delete c[k];
        return c;
      }),
      valid.map((o) => ({ ...o, __proto__x: 1, tenantId: 1, orgPath: '/1/' })),
    );
  }
  return fc.oneof(...options);
}

/** ajv-formats as a function, whichever way the module was loaded. */
export const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv,
) => Ajv;
