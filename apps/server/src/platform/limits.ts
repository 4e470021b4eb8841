/**
 * Rate limits of the routes anyone may call. Every public route (`capability: 'public'`) gets a per-address limit
 * unless it declares its own (`config.rateLimit`, or `false` for health checks), and all public routes share one global
 * limit, so a public route added later cannot forget them. On PostgreSQL the counters live in the database
 * (`data/rateCounters.ts`), so a limit holds across every server process; on SQLite (one process) in memory.
 */
import rateLimit, { type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyReply, FastifyRequest, onRequestHookHandler, RouteOptions } from 'fastify';
import { errorMessage } from '@dangjian/contracts';
import type { Ctx } from './context.js';
import { databaseRateStore, type DistinctWindow, sweepValues, takeDistinct } from './data/rateCounters.js';
import { DomainError } from './errors.js';
import type { App } from './http.js';

const PUBLIC_ROUTES = new WeakMap<object, { method: string; url: string }[]>();

/** The public routes of an app that carry the limits (for tests and the docs). */
export function limitedPublicRoutes(app: App): { method: string; url: string }[] {
  return PUBLIC_ROUTES.get(app) ?? [];
}

/**
 * The plugin's own memory store hands every caller the same mutable counter, read after an `await`: in a burst every
 * request then sees the burst's final count and all are refused, the first `max` too. This one returns a copy.
 */
class MemoryStore {
  private readonly counters = new Map<string, { current: number; start: number }>();
  constructor(private readonly maxKeys = 10_000) {}
  incr(key: string, cb: (err: Error | null, res?: { current: number; ttl: number }) => void, timeWindow: number): void {
    const now = Date.now();
    let c = this.counters.get(key);
    if (!c || c.start + timeWindow <= now) c = { current: 0, start: now };
    c.current++;
    // Least recently used first out: a flood of addresses cannot grow the map.
    this.counters.delete(key);
    this.counters.set(key, c);
    if (this.counters.size > this.maxKeys) this.counters.delete(this.counters.keys().next().value!);
    cb(null, { current: c.current, ttl: timeWindow - (now - c.start) });
  }
  child(): MemoryStore {
    return new MemoryStore(this.maxKeys);
  }
}

function appendHook(route: RouteOptions, hook: onRequestHookHandler) {
  const existing = route.onRequest;
  route.onRequest = existing == null ? [hook] : Array.isArray(existing) ? [...existing, hook] : [existing, hook];
}

/** Registers `@fastify/rate-limit` with the public defaults; call before any route is added. */
export async function registerLimits(app: App, ctx: Ctx): Promise<void> {
  const { limits } = ctx.config;
  const routes: { method: string; url: string }[] = [];
  PUBLIC_ROUTES.set(app, routes);
  // Runs before the plugin's own onRoute hook, which then applies the limit it finds in the config.
  app.addHook('onRoute', (route) => {
    if (route.config?.capability !== 'public' || route.config.rateLimit !== undefined) return;
    route.config = { ...route.config, rateLimit: { max: limits.publicPerIpPerMinute, timeWindow: '1 minute' } };
  });
  await app.register(rateLimit, {
    global: false,
    // The plugin's own clock is the real one (not ctx.clock): a window is a span of real time in either store.
    store: (ctx.dialect === 'postgres'
      ? databaseRateStore(ctx.db, () => new Date())
      : MemoryStore) as unknown as FastifyRateLimitStoreCtor,
    errorResponseBuilder: (_req, c) => ({
      statusCode: 429,
      error: {
        code: 'rate_limited',
        message: errorMessage('rate_limited'),
        details: { retryAfterSeconds: Math.ceil(c.ttl / 1000) },
      },
    }),
  });
  // The global limit counts only requests the per-address limit let through: one noisy address does not lock out the
  // rest.
  const global = app.createRateLimit({
    max: limits.publicGlobalPerMinute,
    timeWindow: '1 minute',
    keyGenerator: () => 'public:all',
  });
  const globalHook = async (req: FastifyRequest, reply: FastifyReply) => {
    const r = await global(req);
    if (!r.isAllowed && r.isExceeded) refuse(reply, r.ttlInSeconds);
  };
  app.addHook('onRoute', (route) => {
    if (route.config?.capability !== 'public' || route.config.rateLimit === false) return;
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url });
    appendHook(route, globalHook);
  });
}

/** Answers 429 `rate_limited` with a Retry-After header. */
export function refuse(reply: FastifyReply, retryAfterSeconds: number): never {
  reply.header('retry-after', String(Math.max(1, retryAfterSeconds)));
  throw new DomainError('rate_limited', { retryAfterSeconds });
}

/** How many different values one key may use per window; `take` answers null, or the seconds to wait. */
export interface DistinctCounter {
  take(key: string, value: string): Promise<number | null>;
}

/**
 * A distinct-values limit: in the database on PostgreSQL (`rate_values`, shared by every server process), in memory on
 * SQLite (one process).
 */
export function distinctLimiter(ctx: Ctx, windows: DistinctWindow[]): DistinctCounter {
  if (ctx.dialect !== 'postgres') {
    const memory = new DistinctLimiter(windows, ctx.clock);
    return { take: async (key, value) => memory.take(key, value) };
  }
  const longest = Math.max(...windows.map((w) => w.ms));
  let takes = 0;
  return {
    take: async (key, value) => {
      const now = ctx.clock();
      // Values older than the longest window count for nothing: swept now and then, off the request's path.
      if (++takes % 1000 === 0)
        sweepValues(ctx.db, new Date(now.getTime() - longest)).catch((err: unknown) =>
          console.warn(`rate limits: expired values not swept (${(err as Error).message})`),
        );
      return takeDistinct(ctx.db, key, value, windows, now);
    },
  };
}

/**
 * How many different values (e.g. phone numbers) one key (e.g. an address) may use per window, in memory. The map
 * holds at most `maxKeys` keys (the least recently used go first), so a flood of addresses cannot grow it unbounded.
 */
export class DistinctLimiter {
  private readonly seen = new Map<string, Map<string, number>>();
  private readonly longest: number;

  constructor(
    private readonly windows: { ms: number; max: number }[],
    private readonly clock: () => Date,
    private readonly maxKeys = 100_000,
  ) {
    this.longest = Math.max(...windows.map((w) => w.ms));
  }

  /** Records `value` under `key` and returns null, or the seconds to wait when it would exceed a window's max. */
  take(key: string, value: string): number | null {
    const now = this.clock().getTime();
    const values = this.seen.get(key) ?? new Map<string, number>();
    for (const [v, at] of values) if (at <= now - this.longest) values.delete(v);
    for (const w of this.windows) {
      const times = [...values].filter(([v, at]) => v !== value && at > now - w.ms).map(([, at]) => at);
      if (times.length >= w.max) return Math.ceil((Math.min(...times) + w.ms - now) / 1000);
    }
    values.set(value, now);
    this.seen.delete(key);
    this.seen.set(key, values);
    if (this.seen.size > this.maxKeys) this.seen.delete(this.seen.keys().next().value!);
    return null;
  }
}
