/**
 * No 500 from bad input, generated from the OpenAPI document (not hand-listed): every list route's paging,
 * every date parameter and body field, every integer path parameter, every multipart upload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, createEnv, dialects, login, type Client, type TestEnv } from '../harness.js';
import { multipart } from '../files.js';

type Schema = {
  type?: string;
  format?: string;
  pattern?: string;
  anyOf?: Schema[];
  oneOf?: Schema[];
  properties?: Record<string, Schema>;
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
};
type Parameter = { in: 'query' | 'path' | 'header'; name: string; schema: Schema; required?: boolean };
type Operation = { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } };
type Op = { method: string; path: string; op: Operation };

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

/** Whether a schema (or one branch of a union) is a calendar date or a timestamp. */
function dateKind(s: Schema | undefined): 'date' | 'date-time' | null {
  if (!s) return null;
  if (s.type === 'string' && (s.format === 'date' || s.pattern === DATE_PATTERN)) return 'date';
  if (s.type === 'string' && s.format === 'date-time') return 'date-time';
  for (const b of [...(s.anyOf ?? []), ...(s.oneOf ?? [])]) {
    const k = dateKind(b);
    if (k) return k;
  }
  return null;
}

const PAGING_VALUES = ['Infinity', '-Infinity', '-1', '0', '1e309', '9999999999999999999999', 'abc', '1.5', 'NaN'];
const DATE_VALUES = ['9999-99-99', '2026-02-30', '2025-02-29', 'x', '2026-13-01', '0000-00-00'];
const DATETIME_VALUES = ['2026-02-30T10:00:00Z', '9999-99-99T99:99:99Z', 'x'];
const ID_VALUES = ['99999999999999999999', '2147483648', '-1', '0', 'abc', '1e309', 'Infinity'];

/** Fills a path template with `1` for integers and `x` for strings, and `value` for the named parameter. */
function fill(o: Op, name?: string, value?: string): string {
  return o.path.replace(/\{(\w+)\}/g, (_m, p: string) => {
    if (p === name) return encodeURIComponent(value!);
    const param = o.op.parameters?.find((x) => x.in === 'path' && x.name === p);
    return param?.schema.type === 'integer' ? '1' : 'x';
  });
}

/** The validation error of an answer names the field: in `details.fields` (with AJV's instancePath, e.g. `/page`). */
function namesField(body: { error?: { details?: unknown } }, field: string): boolean {
  const d = body.error?.details as { fields?: { field?: string; instancePath?: string }[] } | undefined;
  return !!d?.fields?.some((e) => e.field === field && e.instancePath === `/${field}`);
}

/** The JSON of an answer, or `{}` for a file (an export answering 200). */
function json(res: { body: string; headers: Record<string, unknown> }): {
  error?: { code?: string; details?: unknown };
} {
  return String(res.headers['content-type'] ?? '').startsWith('application/json') ? JSON.parse(res.body) : {};
}

/** A multipart body whose file part never ends (no closing boundary, cut mid-part). */
function unterminatedMultipart(): { body: Buffer; contentType: string } {
  const cut = Buffer.from('\x89PNG\r\n\x1a\n0000');
  const { body, contentType } = multipart(cut, 'a.png', 'image/png', { boundary: '----djcut', closed: false });
  return { body, contentType };
}

describe.each(dialects())('bad input answers 4xx with a code, never 5xx, on %s', (dialect) => {
  let env: TestEnv;
  let ops: Op[] = [];
  const clients: Record<string, Client> = {};

  beforeAll(async () => {
    env = await createEnv(dialect);
    await buildFixture(env);
    clients.county = await login(env.app, 't-county');
    clients.secretary = await login(env.app, 't-sec-a1');
    const doc = env.app.swagger() as unknown as { paths: Record<string, Record<string, Operation>> };
    ops = Object.entries(doc.paths).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m]).map((m) => ({ method: m.toUpperCase(), path, op: item[m]! })),
    );
  });
  afterAll(() => env.close());

  const send = (c: Client, method: string, url: string, body?: unknown) =>
    c.request(method as 'GET', url, method === 'GET' || method === 'DELETE' ? undefined : (body ?? {}));

  it.each(['county', 'secretary'])(
    'paging: page and pageSize out of bounds on every list route are a 400 naming the field (%s)',
    async (who) => {
      const lists = ops.filter(
        (o) =>
          o.method === 'GET' &&
          o.op.parameters?.some((p) => p.in === 'query' && (p.name === 'page' || p.name === 'pageSize')),
      );
      expect(lists.length).toBeGreaterThanOrEqual(15);
      const failures: string[] = [];
      let cases = 0;
      for (const o of lists) {
        for (const field of ['page', 'pageSize']) {
          if (!o.op.parameters!.some((p) => p.in === 'query' && p.name === field)) continue;
          for (const v of PAGING_VALUES) {
            cases++;
            const url = `${fill(o)}?${field}=${encodeURIComponent(v)}`;
            const res = await send(clients[who]!, 'GET', url);
            const body = json(res);
            if (res.statusCode !== 400 || body.error?.code !== 'validation' || !namesField(body, field))
              failures.push(`${url} → ${res.statusCode} ${res.body.slice(0, 120)}`);
          }
          // Two values where one is expected.
          cases++;
          const res = await send(clients[who]!, 'GET', `${fill(o)}?${field}=1&${field}=2`);
          if (res.statusCode !== 400) failures.push(`${o.path}?${field}=1&${field}=2 → ${res.statusCode}`);
        }
      }
      console.info(`[bad-input ${dialect} ${who}] paging: ${lists.length} list operations, ${cases} cases`);
      expect(failures).toEqual([]);
    },
  );

  it.each(['county', 'secretary'])(
    'dates: every date query parameter and body field refuses impossible dates with a 400 naming it (%s)',
    async (who) => {
      const failures: string[] = [];
      let cases = 0;
      const touched = new Set<string>();
      for (const o of ops) {
        for (const p of o.op.parameters ?? []) {
          const kind = p.in === 'query' ? dateKind(p.schema) : null;
          if (!kind) continue;
          touched.add(`${o.method} ${o.path}`);
          for (const v of kind === 'date' ? DATE_VALUES : DATETIME_VALUES) {
            cases++;
            const url = `${fill(o)}?${p.name}=${encodeURIComponent(v)}`;
            const res = await send(clients[who]!, o.method, url);
            const body = json(res);
            if (res.statusCode !== 400 || body.error?.code !== 'validation' || !namesField(body, p.name))
              failures.push(`${o.method} ${url} → ${res.statusCode} ${res.body.slice(0, 120)}`);
          }
        }
        const schema = o.op.requestBody?.content['application/json']?.schema;
        for (const [name, prop] of Object.entries(schema?.properties ?? {})) {
          const kind = dateKind(prop);
          if (!kind) continue;
          touched.add(`${o.method} ${o.path}`);
          for (const v of kind === 'date' ? DATE_VALUES : DATETIME_VALUES) {
            cases++;
            const res = await send(clients[who]!, o.method, fill(o), { [name]: v });
            const body = json(res);
            if (res.statusCode !== 400 || body.error?.code !== 'validation' || !namesField(body, name))
              failures.push(`${o.method} ${o.path} {${name}: ${v}} → ${res.statusCode} ${res.body.slice(0, 120)}`);
          }
        }
      }
      expect(touched.size).toBeGreaterThanOrEqual(10);
      console.info(`[bad-input ${dialect} ${who}] dates: ${touched.size} operations, ${cases} cases`);
      expect(failures).toEqual([]);
    },
  );

  it.each(['county', 'secretary'])(
    'ids: huge, negative and non-numeric path ids and integer query parameters are 400/403/404, never 5xx (%s)',
    async (who) => {
      const failures: string[] = [];
      let cases = 0;
      let operations = 0;
      for (const o of ops) {
        const ints = (o.op.parameters ?? []).filter(
          (p) =>
            (p.in === 'path' || (p.in === 'query' && p.name !== 'page' && p.name !== 'pageSize')) &&
            p.schema.type === 'integer',
        );
        if (ints.length) operations++;
        for (const p of ints) {
          for (const v of ID_VALUES) {
            // A small count, not an id (`stars` 0–10): a value inside its declared range is no bad input.
            const n = Number(v);
            const { minimum = -(2 ** 31), maximum = 2 ** 31 - 1 } = p.schema;
            if (maximum - minimum <= 1000 && Number.isInteger(n) && n >= minimum && n <= maximum) continue;
            cases++;
            const url = p.in === 'path' ? fill(o, p.name, v) : `${fill(o)}?${p.name}=${encodeURIComponent(v)}`;
            const res = await send(clients[who]!, o.method, url);
            if (![400, 403, 404].includes(res.statusCode) || !json(res).error?.code)
              failures.push(`${o.method} ${url} → ${res.statusCode} ${res.body.slice(0, 120)}`);
          }
        }
        // A very long text where a short one is expected.
        for (const p of (o.op.parameters ?? []).filter((x) => x.in === 'query' && x.schema.type === 'string')) {
          cases++;
          const url = `${fill(o)}?${p.name}=${'长'.repeat(5000)}`;
          const res = await send(clients[who]!, o.method, url);
          if (res.statusCode >= 500)
            failures.push(`${o.method} ${o.path}?${p.name}=<5000 chars> → ${res.statusCode} ${res.body.slice(0, 120)}`);
        }
      }
      console.info(`[bad-input ${dialect} ${who}] ids: ${operations} operations, ${cases} cases`);
      expect(failures).toEqual([]);
    },
  );

  it('multipart: upload routes are declared multipart; an unterminated body on each is a 400 with a code', async () => {
    const uploads = ops.filter((o) => o.op.requestBody?.content['multipart/form-data']);
    expect(uploads.map((o) => o.path).sort()).toEqual([
      '/api/accountability/{id}/photos',
      '/api/development/{id}/files',
      '/api/households/import',
      '/api/inspections/{id}/visits/{visitId}/photos',
      '/api/meetings/{id}/photos',
      '/api/members/import',
      '/api/pledges/{id}/photos',
      '/api/problems/{id}/photos',
      '/api/tasks/{id}/targets/{targetId}/photos',
      '/api/transfers/import',
      '/api/visits/{id}/photos',
      '/api/wishes/{id}/photos',
    ]);
    const failures: string[] = [];
    let cases = 0;
    for (const who of ['county', 'secretary']) {
      for (const o of uploads) {
        cases++;
        const { body, contentType } = unterminatedMultipart();
        const res = await clients[who]!.request(o.method as 'POST', fill(o), body, {
          headers: { 'content-type': contentType },
        });
        const ok = who === 'county' ? res.statusCode === 400 : [400, 403].includes(res.statusCode);
        if (!ok || !json(res).error?.code)
          failures.push(`${who} ${o.method} ${o.path} → ${res.statusCode} ${res.body.slice(0, 160)}`);
      }
    }
    console.info(`[bad-input ${dialect}] multipart: ${uploads.length} operations, ${cases} cases`);
    expect(failures).toEqual([]);
  });
});
