/**
 * The answers' serializer: fast-json-stringify over each route's response schema, with the unions of plain values
 * (an enum's literals, a nullable string) written as the types they allow. fast-json-stringify checks each branch of
 * an `anyOf` with Ajv for every value it writes; a member page has five such fields a row (0.08 ms a page against
 * 0.02 ms without). Only what the schema declares is still written, so a stray column never leaves the server.
 */
import fastJson, { type Schema } from 'fast-json-stringify';

const SCALARS = new Set(['string', 'integer', 'number', 'boolean', 'null']);
/** Keywords a branch may carry and still be a plain value for writing (its checks belong to validation). */
const PLAIN_KEYS = new Set(['type', 'const', 'description', 'title', 'format', 'pattern', 'minLength', 'maxLength']);

/** The branch's types when it is a plain value, else null. */
function plainTypes(branch: unknown): string[] | null {
  if (!branch || typeof branch !== 'object' || Array.isArray(branch)) return null;
  const b = branch as Record<string, unknown>;
  if (Object.keys(b).some((k) => !PLAIN_KEYS.has(k))) return null;
  const types = Array.isArray(b.type) ? b.type : [b.type];
  return types.every((t) => typeof t === 'string' && SCALARS.has(t)) ? (types as string[]) : null;
}

/** A copy of a response schema whose `anyOf` of plain values is one `type` (a list of types when several). */
export function forWriting(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(forWriting);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) out[k] = forWriting(v);
  if (!Array.isArray(out.anyOf)) return out;
  const branches = out.anyOf.map(plainTypes);
  if (branches.some((t) => t === null)) return out;
  const types = [...new Set(branches.flat() as string[])];
  const { anyOf: _anyOf, ...rest } = out;
  // integer and number together are written as numbers; a single type stays a string, as Ajv and OpenAPI spell it.
  const merged = types.includes('number') ? types.filter((t) => t !== 'integer') : types;
  return { ...rest, type: merged.length === 1 ? merged[0] : merged };
}

/**
 * A function built from a schema at its first call, not when Fastify asks for it at start. A broken schema then
 * fails its route's first request instead of the start (the routes and fuzz tests call every route).
 */
function lazy<F extends (data: unknown) => unknown>(build: () => F, after?: (f: F, lazyFn: F) => void): F {
  let fn: F | null = null;
  const lazyFn = ((data: unknown) => {
    fn ??= build();
    const out = fn(data);
    after?.(fn, lazyFn);
    return out;
  }) as F;
  return lazyFn;
}

/**
 * Fastify's serializer compiler: one writer per route and status, built from the simplified schema at its first
 * answer. Fastify asks for every route's writers at start; building them all then took 2.4 s of a 4.4 s start on this
 * machine (some 200 routes), most of them for routes a given process may never answer.
 */
export function serializerCompiler({ schema }: { schema: unknown }): (data: unknown) => string {
  return lazy(() => fastJson(forWriting(schema) as Schema));
}

type Validate = ((data: unknown) => unknown) & { errors?: unknown };
type ValidatorBuilder = (externalSchemas: unknown, options: unknown) => (route: unknown) => Validate;

/**
 * Wraps Fastify's validator builder (Ajv, with the server's options) so that each route's validators are compiled at
 * their first request, like the writers: compiling all of them took another 1.8 s of the start. Fastify reads a failed
 * validation's messages from the function's `errors`, so they are passed on.
 */
export function lazyValidators(build: ValidatorBuilder): ValidatorBuilder {
  return (externalSchemas, options) => {
    const compile = build(externalSchemas, options);
    return (route) =>
      lazy<Validate>(
        () => compile(route),
        (f, lazyFn) => {
          lazyFn.errors = f.errors;
        },
      );
  };
}
