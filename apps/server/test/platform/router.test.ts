/**
 * The compact route declaration (`routesOf`) hands `defineRoute` the same route a long declaration would: the
 * capability in the config and as `x-capability`, the failed-write audit action, `response: X` as the 200 answer,
 * the query under `querystring`, and nothing it was not given. The shared handlers answer as the routes did.
 */
import Fastify, { type RouteOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { Type } from '@sinclair/typebox';
import type { App } from '../../src/platform/http.js';
import { datedXlsx, noStore, ok, routesOf } from '../../src/platform/router.js';

/** An app that records every route it is given, with the router's declarations on it. */
async function declared(declare: (app: App) => void) {
  const routes: RouteOptions[] = [];
  const app = Fastify() as unknown as App;
  app.addHook('onRoute', (route) => void routes.push(route as RouteOptions));
  declare(app);
  await app.ready();
  return { app, routes };
}

/** A schema's own string keys (Fastify marks a schema it has compiled with a symbol). */
const plain = (schema: unknown) => Object.fromEntries(Object.entries(schema as object));

describe('routesOf', () => {
  it('declares the capability, the audit action, the tags and the schemas as defineRoute takes them', async () => {
    const Item = Type.Object({ id: Type.Integer() });
    const Query = Type.Object({ q: Type.Optional(Type.String()) });
    const { routes } = await declared((app) => {
      const r = routesOf(app, { tags: ['things'] });
      r.patch(
        '/api/things',
        { can: 'members.write', audit: 'thing.update', summary: 'Edit', query: Query, response: Item },
        async () => ({ id: 1 }),
      );
      r.get('/api/open', { can: 'public', summary: 'Open', tags: ['other'] }, async () => 'hi');
    });
    const [edit, open] = routes;
    expect(edit.method).toBe('PATCH');
    expect(edit.config).toMatchObject({ capability: 'members.write', auditAction: 'thing.update' });
    expect(plain(edit.schema)).toEqual({
      tags: ['things'],
      summary: 'Edit',
      querystring: Query,
      response: { 200: Item },
      'x-capability': 'members.write',
    });
    expect(plain(open.schema)).toEqual({ tags: ['other'], summary: 'Open', 'x-capability': 'public', security: [] });
    expect(open.config).not.toHaveProperty('auditAction');
  });

  it('answers { ok: true } after the write, and marks a reveal no-store', async () => {
    const done: string[] = [];
    const { app } = await declared((app) => {
      const r = routesOf(app, { tags: ['things'] });
      r.post('/x/ok', { can: 'public', summary: 'Ok' }, () => ok(Promise.resolve().then(() => void done.push('w'))));
      r.post('/x/reveal', { can: 'public', summary: 'Reveal' }, async (_req, reply) => noStore(reply, { phone: '1' }));
    });
    const a = await app.inject({ method: 'POST', url: '/x/ok' });
    expect([a.json(), done]).toEqual([{ ok: true }, ['w']]);
    const b = await app.inject({ method: 'POST', url: '/x/reveal' });
    expect([b.json(), b.headers['cache-control']]).toEqual([{ phone: '1' }, 'no-store']);
    expect(datedXlsx('名册')).toMatch(/^名册-\d{4}-\d{2}-\d{2}\.xlsx$/);
  });
});
