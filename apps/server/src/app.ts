/** Builds the Fastify app: external plugins, then the platform's hooks, then the routes of every module manifest. */
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyReply } from 'fastify';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorMessage, LABEL_KEYWORD } from '@dangjian/contracts';
import type { Ctx } from './platform/context.js';
import { DomainError } from './platform/errors.js';
import { writeAuditAlone } from './platform/data/audit.js';
import { closeImportWorkers } from './platform/imports.js';
import { actorOf, hasNul, localeOf, MAX_INT, type App } from './platform/http.js';
import { type AjvError, describeValidation } from './platform/validation.js';
import { registerLimits } from './platform/limits.js';
import { defineRoute, requireDeclaredCapabilities, requireRouteCapability } from './platform/routes.js';
import { maskBodyBySchema, maskPersonalDeep, VERBATIM_KEYWORD } from './platform/personalText.js';
import AjvCompiler from '@fastify/ajv-compiler';
import { lazyValidators, serializerCompiler } from './platform/serialize.js';
import { csrfMatches, resolveSession } from './areas/core/auth/auth.service.js';
import { SESSION_COOKIE } from './areas/core/auth/auth.routes.js';
import { MANIFESTS } from './areas/index.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const VERSION = '0.1.0';

/** Creates the app for a context; `logger` is off unless LOG_LEVEL asks for it (personal data never reaches logs). */
export async function buildApp(ctx: Ctx, opts: { logger?: boolean } = {}): Promise<App> {
  const app = Fastify({
    logger: opts.logger
      ? { level: ctx.config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] }
      : false,
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    // The router's own refusals (a path segment over 100 characters, a malformed escape) in the platform's shape:
    // such a segment names nothing that exists, so it is the same 404 as any unknown id.
    frameworkErrors: (error, req, reply) => {
      const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
      const code = tooLong ? 'not_found' : 'validation';
      const body = { error: { code, message: errorMessage(code, localeOf(req)) } };
      return (reply as unknown as FastifyReply).code(tooLong ? 404 : 400).send(body);
    },
    // Each route's validators are compiled by Fastify's own Ajv builder at the route's first request (serialize.ts).
    schemaController: { compilersFactory: { buildValidator: lazyValidators(AjvCompiler() as never) as never } },
    // x-verbatim: the contracts' VERBATIM marker, read by the free-text guard below (an annotation to Ajv).
    // strictNumbers off: with it on, AJV coerces 'Infinity' and '1e309' to Infinity and then skips every
    // bound as "not a finite number", so `page=Infinity` passed; off, the bounds below refuse them.
    ajv: {
      customOptions: {
        coerceTypes: 'array',
        removeAdditional: false,
        allErrors: true,
        strictNumbers: false,
        keywords: [VERBATIM_KEYWORD, LABEL_KEYWORD],
      },
    },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;

  requireDeclaredCapabilities(app);
  app.setSerializerCompiler(serializerCompiler);
  // Every integer a request carries fits the database's 32-bit integer columns: one bound for every route.
  app.addHook('onRoute', (route) => {
    const schema = route.schema as Record<string, unknown> | undefined;
    if (!schema) return;
    for (const part of ['params', 'querystring', 'body'] as const)
      if (schema[part]) schema[part] = boundIntegers(schema[part]);
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: '党建工作平台 Dangjian API',
        version: VERSION,
        description: 'Grassroots Party-building work platform. Errors: { error: { code, message, details } }.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
      security: [{ session: [], csrf: [] }],
    },
  });
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        // Only behind HTTPS: on a plain-HTTP LAN it would send the browser to an https:// that does not answer.
        upgradeInsecureRequests: ctx.config.auth.secureCookies ? [] : null,
      },
    },
    hsts: ctx.config.auth.secureCookies,
  });
  // Answers over 1 KB go out as br or gzip when the client asks (a county's lists are JSON that shrinks ~10:1).
  // Downloads (xlsx, zip) are already compressed and not of a compressible type; pre-compressed web assets carry
  // their own content-encoding and are left as they are. Compressed request bodies are not accepted (no inflating
  // of uploads past the body limit).
  await app.register(compress, { threshold: 1024, encodings: ['br', 'gzip'], globalDecompression: false });
  await registerLimits(app, ctx);
  await app.register(multipart, { limits: { fileSize: ctx.config.uploadMaxBytes, files: 1 } });

  app.decorateRequest('actorOrNull', null);
  app.decorateRequest('sessionTokenHash', null);

  // Authentication and CSRF for every /api route not public.
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    if (req.routeOptions.config?.capability === 'public') return;
    if (!req.routeOptions.url) return; // unknown route: the 404 handler answers
    const token = req.cookies[SESSION_COOKIE];
    if (!token) throw new DomainError('auth.required');
    const s = await resolveSession(ctx, token, req.ip);
    req.actorOrNull = s.actor;
    req.sessionTokenHash = s.tokenHash;
    // A one-time password (set by an administrator) opens only the routes that let its holder replace it.
    if (s.mustChangePassword && !req.routeOptions.config?.passwordChange)
      throw new DomainError('auth.password_change_required');
    if (!SAFE_METHODS.has(req.method)) {
      const header = req.headers['x-csrf-token'];
      if (!csrfMatches(s.csrf, typeof header === 'string' ? header : undefined)) throw new DomainError('auth.csrf');
    }
  });

  // One check for every route, on both engines alike: a NUL in any text is refused before it reaches a query.
  app.addHook('preValidation', async (req) => {
    if (hasNul(req.params) || hasNul(req.query) || hasNul(req.body))
      throw new DomainError('validation', { reason: 'NUL character' });
  });
  // The capability the route declares (defineRoute), checked before any handler so a route cannot forget it; after
  // validation, so a malformed request is a 400 whoever sends it, as when each service checked it.
  // One hook for two checks (a hook costs on every request): first the route's declared capability, then the
  // free-text guard — phone and ID numbers typed into any string of any write body are masked before a
  // service sees it (so before storage, answers, exports and the audit log). Only strings the contracts
  // mark VERBATIM (structured, separately guarded numbers; secrets) pass as typed: a new route cannot forget it.
  app.addHook('preHandler', async (req) => {
    const capability = req.routeOptions.config?.capability;
    if (req.url.startsWith('/api/') && capability !== undefined && capability !== 'public')
      requireRouteCapability(actorOf(req), capability);
    if (SAFE_METHODS.has(req.method) || req.body == null || typeof req.body !== 'object') return;
    req.body = maskBodyBySchema(req.body, req.routeOptions.schema?.body);
  });
  // Answers of the public routes (the wall, residents' pages) carry no whole number, whatever a row holds.
  app.addHook('preSerialization', async (req, _reply, payload) =>
    req.url.startsWith('/api/public/') ? maskPersonalDeep(payload) : payload,
  );

  app.setErrorHandler(async (err: Error, req, reply) => {
    const locale = localeOf(req);
    let status = 500;
    let code = 'internal';
    let details: unknown;
    let said: string | undefined;
    const e = err as {
      validation?: unknown;
      validationContext?: string;
      statusCode?: number;
      code?: string;
      error?: { code?: string; details?: unknown };
    };
    if (err instanceof DomainError) {
      status = err.status;
      code = err.code;
      details = err.details;
    } else if (e.validation) {
      status = 400;
      code = 'validation';
      // Said in words, field by field (platform/validation.ts): never a schema path in what a person reads.
      const part = (e.validationContext ?? 'body') as 'body' | 'querystring' | 'params' | 'headers';
      const value = part === 'querystring' ? req.query : part === 'params' ? req.params : req.body;
      const schema = (req.routeOptions.schema as Record<string, unknown> | undefined)?.[part];
      const words = describeValidation(e.validation as AjvError[], schema, value, locale);
      said = words.message;
      details = { part, fields: words.fields };
    } else if (e.statusCode === 429) {
      status = 429;
      code = 'rate_limited';
      details = e.error?.details;
    } else if (isBadMultipart(err)) {
      // A cut or malformed upload (no closing boundary, premature close, not multipart at all) is the client's.
      status = 400;
      code = 'validation';
      details = { reason: 'malformed multipart body' };
    } else if (e.statusCode === 413 || e.code === 'FST_REQ_FILE_TOO_LARGE') {
      status = 413;
      code = 'validation';
      details = { reason: 'too large' };
    } else if (isDatabaseGone(err)) {
      // The database ended or refused the connection (restart, failover, terminated backend): the pool reconnects
      // by itself, so the client is told to come back shortly rather than that something broke.
      status = 503;
      code = 'database_unavailable';
      req.log.warn({ err }, 'database unavailable');
    } else if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
      status = e.statusCode;
      code = status === 404 ? 'not_found' : 'validation';
      details = { reason: err.message };
    } else {
      req.log.error({ err }, 'unhandled error');
      if (!opts.logger) console.error(err);
    }
    if (status === 503 && !reply.hasHeader('retry-after')) reply.header('retry-after', '5');
    // Every 429 says when to come back, whichever limit refused it.
    if (status === 429 && !reply.hasHeader('retry-after')) {
      const after = (details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
      reply.header('retry-after', String(typeof after === 'number' && after > 0 ? Math.ceil(after) : 60));
    }
    // A refused write leaves a trace too: who tried what, and why it failed.
    if (!SAFE_METHODS.has(req.method) && req.actorOrNull && req.routeOptions.config?.auditAction) {
      const id = (req.params as { id?: number } | undefined)?.id;
      await writeAuditAlone(ctx, req.actorOrNull, {
        action: req.routeOptions.config.auditAction,
        success: false,
        detail: code,
        entityId: id ?? null,
      }).catch(() => {});
    }
    return reply.code(status).send({
      error: { code, message: said ?? errorMessage(code, locale), ...(details !== undefined ? { details } : {}) },
    });
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/health',
    capability: 'public',
    schema: { tags: ['meta'], summary: 'Health' },
    config: { rateLimit: false },
    handler: async () => ({ status: 'ok', database: ctx.dialect, version: VERSION }),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/openapi.json',
    capability: 'public',
    schema: { hide: true },
    handler: async () => app.swagger(),
  });

  for (const module of MANIFESTS) for (const register of module.routes) register(app, ctx);
  app.addHook('onClose', () => closeImportWorkers());

  const index = path.join(ctx.config.webDist, 'index.html');
  if (fs.existsSync(index)) {
    await app.register(fastifyStatic, {
      root: ctx.config.webDist,
      wildcard: false,
      index: false,
      preCompressed: true,
      // Vite names assets by content hash: they never change, so browsers may keep them for a year.
      setHeaders: (res, file) =>
        res.setHeader(
          'cache-control',
          file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        ),
    });
    const html = fs.readFileSync(index);
    app.get('/', { schema: { hide: true }, config: { capability: 'public' } }, (_req, reply) =>
      reply.type('text/html').header('cache-control', 'no-cache').send(html),
    );
  }
  app.setNotFoundHandler((req, reply) => {
    // A missing asset is a 404, not the app's page (which the browser would refuse as a script).
    if (
      !req.url.startsWith('/api/') &&
      !req.url.startsWith('/assets/') &&
      req.method === 'GET' &&
      fs.existsSync(index)
    ) {
      return reply.type('text/html').header('cache-control', 'no-cache').send(fs.readFileSync(index));
    }
    return reply.code(404).send({ error: { code: 'not_found', message: errorMessage('not_found', localeOf(req)) } });
  });
  return app;
}

const INT32 = { min: -MAX_INT - 1, max: MAX_INT };

/**
 * A copy of a request schema whose integers are bounded to 32 bits where they declare no bound: a bigger
 * number names no row and overflows PostgreSQL's `integer` (a 500 `out of range` otherwise).
 */
export function boundIntegers<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map((s) => boundIntegers(s)) as T;
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string | symbol, unknown> = {};
  for (const key of Reflect.ownKeys(schema))
    out[key] = boundIntegers((schema as Record<string | symbol, unknown>)[key]);
  // Bounds also refuse `Infinity` and `1e309`, which AJV's coercion turns into a number that is "integer".
  if (out.type === 'integer' || out.type === 'number') {
    if (out.maximum === undefined && out.exclusiveMaximum === undefined) out.maximum = INT32.max;
    if (out.minimum === undefined && out.exclusiveMinimum === undefined) out.minimum = INT32.min;
  }
  return out as T;
}

const MULTIPART_CODES = new Set([
  'FST_INVALID_MULTIPART_CONTENT_TYPE',
  'FST_PROTO_VIOLATION',
  'FST_INVALID_JSON_FIELD_ERROR',
  'FST_FILE_BUFFER_NOT_FOUND',
  'FST_NO_FORM_DATA',
  'ERR_STREAM_PREMATURE_CLOSE',
]);

const MULTIPART_MESSAGES = new RegExp(
  '^(Unexpected end of (form|file)|Malformed part header|Multipart: Boundary not found|Malformed urlencoded form|' +
    'Unexpected end of multipart data|Premature close)',
  'i',
);

/** Whether an error comes from parsing a multipart body (fastify-multipart's codes, busboy's messages). */
function isBadMultipart(err: Error): boolean {
  const code = (err as { code?: string }).code;
  if (code && MULTIPART_CODES.has(code)) return true;
  return MULTIPART_MESSAGES.test(err.message);
}

/**
 * PostgreSQL's codes for a connection the server ended or cannot take (admin shutdown, crash shutdown, cannot connect
 * now, and class 08: connection exceptions), and the socket errors of a connection that is gone.
 */
const DATABASE_GONE_CODES = /^(57P0[1-3]|08\d\d\d|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT)$/;

const DATABASE_GONE_MESSAGES = new RegExp(
  '^(Connection terminated|terminating connection|Client has encountered a connection error|Client was closed|' +
    'the database system is (starting up|shutting down))',
  'i',
);

/** Whether an error says the database connection was lost or refused, rather than that a query was wrong. */
function isDatabaseGone(err: Error): boolean {
  const code = (err as { code?: string }).code;
  if (code && DATABASE_GONE_CODES.test(code)) return true;
  return DATABASE_GONE_MESSAGES.test(err.message);
}
