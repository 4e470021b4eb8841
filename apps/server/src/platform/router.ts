/**
 * A module's routes, one short declaration each. `const r = routesOf(app, { tags: ['requests'] })`, then
 * `r.post(url, { can, audit, summary, params, query, body, response }, handler)`: `can` is the capability,
 * `response: X` is the answer of status 200. Each declaration is handed to `defineRoute` (the one registration
 * point: capability check, `x-capability`, failed-write audit), and the handler's request is typed from the schemas.
 * The handlers most routes share (answer `{ ok: true }`, no-store reveal, Excel file, import) are below.
 */
import {
  IdParams,
  ImportReport,
  MultipartFile,
  RevealBody,
  type ErrorCode,
  type ImportReportT,
} from '@dangjian/contracts';
import { type TSchema, Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import type { Actor } from './actor.js';
import type { Ctx } from './context.js';
import { actorOf, type App, localeOf, sendXlsx, uploadedFile } from './http.js';
import { defineRoute, type HttpMethod, type RouteCapability, type RouteConfig, type RouteSpec } from './routes.js';

/** A schema, or none (TypeBox, or a plain OpenAPI object such as the multipart body). */
type Maybe = object | undefined;

/** The Fastify schema a declaration stands for (what types the handler's request and answer). */
type SchemaOf<P extends Maybe, Q extends Maybe, B extends Maybe, R extends Maybe> = {
  params: P;
  querystring: Q;
  body: B;
  response: R extends TSchema ? { 200: R } : undefined;
};

/** One route's declaration: who may call it, its OpenAPI summary and its schemas. */
export interface RouteDecl<P extends Maybe, Q extends Maybe, B extends Maybe, R extends Maybe> {
  /** Who may call it (checked before the handler, shown as `x-capability`). */
  can: RouteCapability;
  summary: string;
  /** Audit action written when the write fails (a successful write audits itself in the service). */
  audit?: string;
  params?: P;
  query?: Q;
  body?: B;
  /** The answer of status 200. */
  response?: R;
  /** Answers by status, where there is more than the 200 (an import's 422); wins over `response`. */
  responses?: Record<number, TSchema>;
  /** The router's tags when left out. */
  tags?: string[];
  config?: RouteConfig;
  onRequest?: RouteSpec<SchemaOf<P, Q, B, R>>['onRequest'];
  preHandler?: RouteSpec<SchemaOf<P, Q, B, R>>['preHandler'];
}

/** The handler of a declaration, its request and reply typed from the declaration's schemas. */
export type RouteHandler<P extends Maybe, Q extends Maybe, B extends Maybe, R extends Maybe> = RouteSpec<
  SchemaOf<P, Q, B, R>
>['handler'];

type Declare = <
  P extends Maybe = undefined,
  Q extends Maybe = undefined,
  B extends Maybe = undefined,
  R extends Maybe = undefined,
>(
  url: string,
  decl: RouteDecl<P, Q, B, R>,
  handler: RouteHandler<P, Q, B, R>,
) => void;

/** The routes of one module: a method each, all with the module's tags. */
export interface Router {
  get: Declare;
  post: Declare;
  put: Declare;
  patch: Declare;
  delete: Declare;
}

/** Drops the keys whose value is undefined (Fastify and the OpenAPI document see only what was declared). */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** A router for a module's routes: `tags` go on every operation. */
export function routesOf(app: App, defaults: { tags: string[] }): Router {
  const declare =
    (method: HttpMethod): Declare =>
    (url, decl, handler) => {
      const { can, audit, summary, params, query, body, response, responses, tags = defaults.tags } = decl;
      const schema = defined({
        tags,
        summary,
        params,
        querystring: query,
        body,
        response: responses ?? (response ? { 200: response } : undefined),
      });
      const { config, onRequest, preHandler } = decl;
      const spec = {
        method,
        url,
        capability: can,
        ...defined({ audit, config, onRequest, preHandler }),
        schema,
        handler,
      };
      defineRoute(app, spec as unknown as RouteSpec<FastifySchema>);
    };
  return {
    get: declare('GET'),
    post: declare('POST'),
    put: declare('PUT'),
    patch: declare('PATCH'),
    delete: declare('DELETE'),
  };
}

/** Waits for a write and answers `{ ok: true }` (deletes, marks, closes: nothing else to say). */
export async function ok(done: Promise<unknown>): Promise<{ ok: true }> {
  await done;
  return { ok: true };
}

/** Marks an answer as one no cache may keep (full personal numbers, live queues), and gives it back. */
export function noStore<T>(reply: FastifyReply, answer: T): T {
  reply.header('cache-control', 'no-store');
  return answer;
}

/** The schemas of a reveal route (`POST …/:id/reveal`): the fields asked for, and the numbers in full. */
export function reveal<R extends TSchema>(response: R) {
  return { params: IdParams, body: RevealBody, response };
}

/** Today's date (UTC, `YYYY-MM-DD`) in an export's file name: `党员名册-2026-06-15.xlsx`. */
export function datedXlsx(name: string): string {
  return `${name}-${new Date().toISOString().slice(0, 10)}.xlsx`;
}

/** Sends the workbook a service makes (the buffer, or an object holding it) as a download named `filename`. */
export async function sendWorkbook(
  reply: FastifyReply,
  made: Promise<Buffer | { buffer: Buffer }>,
  filename: string,
): Promise<FastifyReply> {
  const book = await made;
  return sendXlsx(reply, Buffer.isBuffer(book) ? book : book.buffer, filename);
}

/** The query, body and answers of an import route: one multipart file, `?dryRun=true` checks it without writing. */
export const importSchema = {
  query: Type.Object({ dryRun: Type.Optional(Type.Boolean()) }),
  body: MultipartFile,
  responses: { 200: ImportReport, 422: ImportReport },
};

/** What an import is told besides the file. */
export interface ImportOpts {
  dryRun: boolean;
  locale: 'zh-CN' | 'en';
}

/**
 * The handler of an import (a route declared with `importSchema`): the uploaded file (none is `badFile`) goes to
 * `run`, whose report answers 200, or 422 where it refused the file.
 */
export function importFile(
  ctx: Ctx,
  badFile: ErrorCode,
  run: (ctx: Ctx, actor: Actor, file: Buffer, opts: ImportOpts) => Promise<ImportReportT>,
) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const actor = actorOf(req);
    const file = await uploadedFile(req, badFile);
    const { dryRun } = req.query as { dryRun?: boolean };
    const report = await run(ctx, actor, file, { dryRun: Boolean(dryRun), locale: localeOf(req) });
    return reply.code(report.ok ? 200 : 422).send(report);
  };
}
