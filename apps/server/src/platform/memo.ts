/** The figure cache: an LRU map per database handle, where concurrent misses of a key share one computation. */

/** A small least-recently-used map. */
export class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly size: number) {}
  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.size) this.map.delete(this.map.keys().next().value!);
  }
}

const caches = new WeakMap<object, Lru<unknown>>();
/** Computations under way, per database handle. */
const running = new WeakMap<object, Map<string, Promise<unknown>>>();

/**
 * The value stored under `key` for this database handle (`owner`), else computes and stores it. The key
 * must name every version the value was computed from: a cache entry is never invalidated, only outdated.
 */
export async function memo<T>(owner: object, key: string, compute: () => Promise<T>): Promise<T> {
  let lru = caches.get(owner) as Lru<T> | undefined;
  if (!lru) caches.set(owner, (lru = new Lru<T>(5000)) as Lru<unknown>);
  const hit = lru.get(key);
  if (hit !== undefined) return hit;
  // Concurrent misses of one key share one computation: a burst of requests after a write would
  // otherwise run the same heavy count once per request, one after another on SQLite's connection.
  let inflight = running.get(owner);
  if (!inflight) running.set(owner, (inflight = new Map()));
  const pending = inflight.get(key) as Promise<T> | undefined;
  if (pending) return pending;
  const p = compute().then(
    (value) => {
      lru.set(key, value);
      inflight.delete(key);
      return value;
    },
    (err: unknown) => {
      inflight.delete(key);
      throw err;
    },
  );
  inflight.set(key, p);
  return p;
}

/** A stable text of plain data (object keys sorted), the part of a cache key that names the arguments. */
export function stableKey(value: unknown): string {
  // Written out by hand rather than through JSON.stringify's replacer: it runs on every figure request.
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  if (Array.isArray(value)) return `[${value.map(stableKey).join(',')}]`;
  const record = value as Record<string, unknown>;
  let out = '{';
  for (const k of Object.keys(record).sort()) {
    const v = record[k];
    if (v !== undefined) out += `${JSON.stringify(k)}:${stableKey(v)},`;
  }
  return `${out}}`;
}
