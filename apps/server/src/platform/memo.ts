/** The figure cache: an LRU map per database handle, where concurrent misses of a key share one computation. */

/**
 * A least-recently-used map, bounded by entries and by an estimate of the bytes its values hold (`sizeOf`), so that
 * a few large values (a county's figures, pages of a list) cannot keep the process's memory growing.
 */
export class Lru<V> {
  private readonly map = new Map<string, { value: V; bytes: number }>();
  private held = 0;
  constructor(
    private readonly size: number,
    private readonly maxBytes = Number.POSITIVE_INFINITY,
    private readonly sizeOf: (value: V) => number = () => 0,
  ) {}
  /** The estimated bytes of the values held now. */
  get bytes(): number {
    return this.held;
  }
  get(key: string): V | undefined {
    const e = this.map.get(key);
    if (e !== undefined) {
      this.map.delete(key);
      this.map.set(key, e);
    }
    return e?.value;
  }
  set(key: string, value: V): void {
    this.delete(key);
    const bytes = this.sizeOf(value);
    if (bytes > this.maxBytes) return; // would evict everything else and still not fit
    this.map.set(key, { value, bytes });
    this.held += bytes;
    while (this.map.size > this.size || this.held > this.maxBytes) this.delete(this.map.keys().next().value!);
  }
  private delete(key: string): void {
    const e = this.map.get(key);
    if (e === undefined) return;
    this.map.delete(key);
    this.held -= e.bytes;
  }
}

/** The figure cache's bound: a county's figures and list pages fit many times over, and RSS stays flat. */
export const MEMO_MAX_BYTES = 24 * 1024 * 1024;

/** An estimate of the memory a cached value holds: its JSON text, two bytes a character (figures are plain data). */
export function approxBytes(value: unknown): number {
  try {
    return 2 * (JSON.stringify(value)?.length ?? 0) + 64;
  } catch {
    return 64 * 1024; // not JSON (a BigInt): counted as a large value rather than failing the request
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
  if (!lru) caches.set(owner, (lru = new Lru<T>(5000, MEMO_MAX_BYTES, approxBytes)) as Lru<unknown>);
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
