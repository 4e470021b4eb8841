/**
 * The usual routes of a soft-deleted record (list, get, create, patch, delete, restore) declared once: on its router
 * (which gives the tags) a module names its path, capabilities, audit prefix, schemas and summaries, and passes its
 * service; `crudRoutes` turns them into router declarations (hence `defineRoute`: same paths, `x-capability`,
 * schemas, summaries and audit actions as if each were written by hand). Routes that do more than call the service
 * stay in the module.
 */
import { Id, IdParams, MultipartFile, Ok } from '@dangjian/contracts';
import { type Static, type TNever, type TSchema, Type } from '@sinclair/typebox';
import type { Actor } from './actor.js';
import type { Ctx } from './context.js';
import { DomainError } from './errors.js';
import { actorOf } from './http.js';
import type { RouteCapability } from './routes.js';
import { ok, type Router } from './router.js';

/** The service calls `crudRoutes` makes: each takes the context and the actor first. */
export interface CrudService<Q extends TSchema, C extends TSchema, P extends TSchema> {
  list?: (ctx: Ctx, actor: Actor, query: Static<Q>) => Promise<unknown>;
  get?: (ctx: Ctx, actor: Actor, id: number) => Promise<unknown>;
  create?: (ctx: Ctx, actor: Actor, body: Static<C>) => Promise<unknown>;
  update?: (ctx: Ctx, actor: Actor, id: number, body: Static<P>) => Promise<unknown>;
  remove?: (ctx: Ctx, actor: Actor, id: number) => Promise<unknown>;
  restore?: (ctx: Ctx, actor: Actor, id: number) => Promise<unknown>;
  /** Serves delete (`true`) and restore (`false`) for a service without `remove` / `restore`. */
  setDeleted?: (ctx: Ctx, actor: Actor, id: number, deleted: boolean) => Promise<unknown>;
}

/** What `crudRoutes` declares; an operation left out is not declared. */
export interface CrudSpec<Q extends TSchema, C extends TSchema, P extends TSchema> {
  /** The collection's path, e.g. `/api/zones` (an item is `${url}/:id`). */
  url: string;
  /** Capability of list and get. */
  read: RouteCapability;
  /** Capability of create, patch, delete and restore; `read` when left out. */
  write?: RouteCapability;
  /** Audit prefix: `zone` gives `zone.create`, `zone.update`, `zone.delete`, `zone.restore`. */
  audit: string;
  /** The answer of get, create, patch and restore. */
  item: TSchema;
  list?: { summary: string; query: Q; response: TSchema };
  get?: string;
  create?: { summary: string; body: C };
  patch?: { summary: string; body: P };
  remove?: string;
  restore?: string;
}

type Op = Exclude<keyof CrudService<TSchema, TSchema, TSchema>, 'setDeleted'>;

/**
 * Calls the service operation `op` (remove / restore fall back on `setDeleted`), refusing at start-up a spec
 * that names one the service lacks.
 */
function call<Q extends TSchema, C extends TSchema, P extends TSchema>(service: CrudService<Q, C, P>, op: Op) {
  const { setDeleted } = service;
  const fn =
    (service[op] as ((ctx: Ctx, actor: Actor, ...args: never[]) => Promise<unknown>) | undefined) ??
    ((op === 'remove' || op === 'restore') && setDeleted
      ? (ctx: Ctx, actor: Actor, id: number) => setDeleted(ctx, actor, id, op === 'remove')
      : undefined);
  if (!fn) throw new Error(`crudRoutes: the service has no ${op}`);
  return fn as (ctx: Ctx, actor: Actor, ...args: never[]) => Promise<unknown>;
}

/** Declares the list / get / create / patch / delete / restore routes a spec names, in that order. */
export function crudRoutes<Q extends TSchema = TNever, C extends TSchema = TNever, P extends TSchema = TNever>(
  r: Router,
  ctx: Ctx,
  service: CrudService<Q, C, P>,
  spec: CrudSpec<Q, C, P>,
): void {
  const { url, read, write = read, audit, item } = spec;
  const one = `${url}/:id`;
  const writes = (op: string) => ({ can: write, audit: `${audit}.${op}`, response: item });
  if (spec.list) {
    const { summary, query, response } = spec.list;
    const list = call(service, 'list');
    r.get(url, { can: read, summary, query, response }, (req) => list(ctx, actorOf(req), req.query as never));
  }
  if (spec.get) {
    const get = call(service, 'get');
    r.get(one, { can: read, summary: spec.get, params: IdParams, response: item }, (req) =>
      get(ctx, actorOf(req), req.params.id as never),
    );
  }
  if (spec.create) {
    const { summary, body } = spec.create;
    const create = call(service, 'create');
    r.post(url, { ...writes('create'), summary, body }, (req) => create(ctx, actorOf(req), req.body as never));
  }
  if (spec.patch) {
    const { summary, body } = spec.patch;
    const update = call(service, 'update');
    r.patch(one, { ...writes('update'), summary, params: IdParams, body }, (req) =>
      update(ctx, actorOf(req), req.params.id as never, req.body as never),
    );
  }
  if (spec.remove) {
    const remove = call(service, 'remove');
    r.delete(one, { ...writes('delete'), summary: spec.remove, params: IdParams, response: Ok }, (req) =>
      ok(remove(ctx, actorOf(req), req.params.id as never)),
    );
  }
  if (spec.restore) {
    const restore = call(service, 'restore');
    r.post(`${one}/restore`, { ...writes('restore'), summary: spec.restore, params: IdParams }, (req) =>
      restore(ctx, actorOf(req), req.params.id as never),
    );
  }
}

/** The service calls `photoRoutes` makes: upload, read and (when declared) remove a photo of a record. */
export interface PhotoService {
  addPhoto: (ctx: Ctx, actor: Actor, id: number, file: Buffer) => Promise<unknown>;
  photo: (ctx: Ctx, actor: Actor, id: number, photoId: number) => Promise<{ mime: string; body: Buffer }>;
  removePhoto?: (ctx: Ctx, actor: Actor, id: number, photoId: number) => Promise<void>;
}

/** What `photoRoutes` declares under `${url}/:id/photos`; `remove` left out declares no DELETE. */
export interface PhotoSpec {
  /** The collection's path, e.g. `/api/visits`. */
  url: string;
  read: RouteCapability;
  write: RouteCapability;
  /** Audit prefix: `visit` gives `visit.photo_add` and `visit.photo_remove`. */
  audit: string;
  upload: string;
  get: string;
  remove?: string;
}

const PhotoParams = Type.Object({ id: Id(), photoId: Id() });

/** Declares upload (multipart JPEG/PNG), get (private cache, nosniff) and optionally delete of a record's photos. */
export function photoRoutes(r: Router, ctx: Ctx, service: PhotoService, spec: PhotoSpec): void {
  const { read, write, audit } = spec;
  const url = `${spec.url}/:id/photos`;
  const upload = {
    can: write,
    audit: `${audit}.photo_add`,
    summary: spec.upload,
    params: IdParams,
    body: MultipartFile,
  };
  r.post(url, upload, async (req) => {
    const actor = actorOf(req);
    if (!req.isMultipart()) throw new DomainError('files.bad_type');
    const file = await req.file();
    if (!file) throw new DomainError('files.bad_type');
    return service.addPhoto(ctx, actor, req.params.id, await file.toBuffer());
  });
  r.get(`${url}/:photoId`, { can: read, summary: spec.get, params: PhotoParams }, async (req, reply) => {
    const p = await service.photo(ctx, actorOf(req), req.params.id, req.params.photoId);
    return reply
      .type(p.mime)
      .header('cache-control', 'private, max-age=86400')
      .header('x-content-type-options', 'nosniff')
      .send(p.body);
  });
  const { removePhoto } = service;
  if (!spec.remove || !removePhoto) return;
  r.delete(
    `${url}/:photoId`,
    { can: write, audit: `${audit}.photo_remove`, summary: spec.remove, params: PhotoParams, response: Ok },
    (req) => ok(removePhoto(ctx, actorOf(req), req.params.id, req.params.photoId)),
  );
}
