/** A fuzz case of one operation: who calls, the URL, the body and the headers, valid or not. */
import fc from 'fast-check';
import { multipart } from '../files.js';
import { type Case, invalidArb, type Operation, type Pools, type Role, ROLES, validArb } from './generators.js';

// ---- requests from cases
export const TINY_PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de' +
    '0000000c4944415408d763f8cfc0000003010100c9fe92ef0000000049454e44ae426082',
  'hex',
);

export function multipartBody(file: Buffer, filename: string, type: string): { payload: Buffer; contentType: string } {
  const boundary = '----djfuzz' + file.length.toString(16);
  // The file's length (chosen by fast-check) decides, so a failing case replays from its seed. Half of the uploads
  // end without their closing boundary (a cut connection): a 400, never a 500.
  const closed = file.length % 2 === 0;
  const { body, contentType } = multipart(file, filename, type, { boundary, closed });
  return { payload: body, contentType };
}

export function caseArb(op: Operation, pools: Pools): fc.Arbitrary<Case> {
  const slots = [...op.params.map((p) => `${p.in}:${p.name}`), ...(op.body ? ['body'] : [])];
  const resource = /^\/api\/(?:public\/resident\/)?([a-z-]+)\//.exec(op.path)?.[1];
  const nameOf = (p: Operation['params'][number]) =>
    p.in === 'path' && p.name === 'id' && resource ? `${resource}.id` : p.name;
  const paramArbs = op.params.map(
    (p) => (bad: boolean) => (bad ? invalidArb(p.schema, nameOf(p), pools) : validArb(p.schema, nameOf(p), pools)),
  );
  const isPublic = op.path.startsWith('/api/public/') || op.path === '/api/auth/login' || op.path === '/api/health';
  const roleArb = isPublic
    ? fc.constantFrom<Role>(...ROLES)
    : fc.oneof(
        { weight: 12, arbitrary: fc.constantFrom<Role>(...ROLES.slice(0, 6)) },
        { weight: 1, arbitrary: fc.constantFrom<Role>('anonymous', 'resident') },
      );
  const noJsonBody = !op.body && op.method !== 'GET' && op.method !== 'DELETE';
  const extraBody = noJsonBody
    ? fc.oneof(
        fc.constant(null),
        fc
          .uint8Array({ maxLength: 2048 })
          .map((b) => ({ file: Buffer.from(b), name: 'x.bin', type: 'application/octet-stream' })),
        fc.constant({ file: TINY_PNG, name: 'photo.png', type: 'image/png' }),
        fc.uint8Array({ maxLength: 512 }).map((b) => ({
          file: Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.from(b)]),
          name: 'm.xlsx',
          type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        })),
        fc.constant({ json: { hello: 'world' } }),
      )
    : fc.constant(null);
  return fc
    .record({
      role: roleArb,
      broken: fc.oneof(
        { weight: 3, arbitrary: fc.constant(null) },
        { weight: 2, arbitrary: fc.constantFrom(...(slots.length ? slots : ['none'])) },
      ),
      includeOptional: fc.boolean(),
      extra: extraBody,
    })
    .chain(({ role, broken, includeOptional, extra }) =>
      fc
        .tuple(
          fc.tuple(
            ...op.params.map((p, i) =>
              p.required || includeOptional || broken === `${p.in}:${p.name}`
                ? paramArbs[i]!(broken === `${p.in}:${p.name}`)
                : fc.constant(undefined),
            ),
          ),
          op.body
            ? broken === 'body'
              ? invalidArb(op.body, 'body', pools)
              : validArb(op.body, 'body', pools)
            : fc.constant(undefined),
        )
        .map(([values, body]) => {
          let url = op.path;
          const query: string[] = [];
          op.params.forEach((p, i) => {
            const v = values[i];
            if (v === undefined) return;
            const text = typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
            if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(text === '' ? ' ' : text));
            else if (Array.isArray(v)) for (const x of v) query.push(`${p.name}=${encodeURIComponent(String(x))}`);
            else query.push(`${p.name}=${encodeURIComponent(text)}`);
          });
          if (query.length) url += `?${query.join('&')}`;
          const headers: Record<string, string> = { 'x-requested-with': 'dangjian' };
          let payload: string | Buffer | undefined;
          let note = broken ? `invalid ${broken}` : 'valid';
          if (body !== undefined) {
            payload = JSON.stringify(body);
            headers['content-type'] = 'application/json';
          } else if (extra && 'file' in extra) {
            const m = multipartBody(extra.file, extra.name, extra.type);
            payload = m.payload;
            headers['content-type'] = m.contentType;
            note += `, multipart ${extra.name} ${extra.file.length} B${extra.file.length % 2 ? ' (cut)' : ''}`;
          } else if (extra && 'json' in extra) {
            payload = JSON.stringify(extra.json);
            headers['content-type'] = 'application/json';
          }
          return { role, url, payload, headers, note };
        }),
    );
}
