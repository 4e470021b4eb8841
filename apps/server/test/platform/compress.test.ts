/**
 * API answers travel compressed: on a real listening server, a JSON answer is br (or gzip) when the client asks,
 * plain when it does not; small answers and Excel downloads are left as they are.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, createEnv, dialects, PASSWORD, type TestEnv } from '../harness.js';

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** One request over the socket, the body as sent (not decoded). */
function raw(port: number, path: string, headers: Record<string, string>, body?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path, method: body === undefined ? 'GET' : 'POST', headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.end(body);
    else req.end();
  });
}

/** The body decoded by its content-encoding. */
function decoded(r: Raw): string {
  const enc = r.headers['content-encoding'];
  if (enc === 'br') return zlib.brotliDecompressSync(r.body).toString('utf8');
  if (enc === 'gzip') return zlib.gunzipSync(r.body).toString('utf8');
  return r.body.toString('utf8');
}

describe.each(dialects())('compressed answers (%s)', (dialect) => {
  let env: TestEnv;
  let port = 0;
  let cookie = '';
  beforeAll(async () => {
    env = await createEnv(dialect);
    const fx = await buildFixture(env);
    await env.app.listen({ host: '127.0.0.1', port: 0 });
    port = (env.app.server.address() as AddressInfo).port;
    const signIn = await raw(
      port,
      '/api/auth/login',
      { 'content-type': 'application/json' },
      JSON.stringify({ username: fx.users.county.username, password: PASSWORD }),
    );
    expect(signIn.status).toBe(200);
    const set = signIn.headers['set-cookie'] ?? [];
    cookie = set.map((c) => c.split(';')[0]).join('; ');
  });
  afterAll(async () => {
    await env?.close();
  });

  const get = (path: string, encoding?: string) =>
    raw(port, path, { cookie, 'accept-language': 'zh-CN', ...(encoding ? { 'accept-encoding': encoding } : {}) });

  it('a JSON answer is br when asked for br or gzip, and the same JSON as the plain one', async () => {
    const plain = await get('/api/members?pageSize=100');
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1024);
    const packed = await get('/api/members?pageSize=100', 'br, gzip');
    expect(packed.status).toBe(200);
    expect(packed.headers['content-encoding']).toBe('br');
    expect(packed.headers.vary).toMatch(/accept-encoding/i);
    expect(packed.body.length).toBeLessThan(plain.body.length / 2);
    expect(JSON.parse(decoded(packed))).toEqual(JSON.parse(plain.body.toString('utf8')));
  });

  it('gzip when the client only takes gzip; plain with identity', async () => {
    const gz = await get('/api/openapi.json', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(decoded(gz)).openapi).toBe('3.0.3');
    const identity = await get('/api/openapi.json', 'identity');
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(identity.body.toString('utf8')).openapi).toBe('3.0.3');
  });

  it('a small answer is not worth compressing', async () => {
    const health = await get('/api/health', 'br, gzip');
    expect(health.body.length).toBeLessThan(1024);
    expect(health.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(health.body.toString('utf8')).status).toBe('ok');
  });

  it('an Excel download still arrives as the workbook itself', async () => {
    const xlsx = await get('/api/members/export', 'br, gzip');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.headers['content-encoding']).toBeUndefined();
    expect(xlsx.body.subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
