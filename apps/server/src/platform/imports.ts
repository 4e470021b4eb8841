/**
 * The one path every spreadsheet import takes: the archive is checked before anything inflates, the
 * first sheet is read in a worker thread under a heap limit (so a bomb or a huge file ends that
 * thread, not the server, and the event loop stays free), and a county runs one import at a time,
 * in a queue whose state `GET /api/imports/current` shows.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker } from './workers.js';
import type { ErrorCode } from '@dangjian/contracts';
import type { Actor } from './actor.js';
import { writeAuditBatch, type AuditEntry } from './data/audit.js';
import type { Ctx } from './context.js';
import type { Q } from './data/scoped.js';
import { DomainError } from './errors.js';
import { checkArchive } from './zip.js';
import { normalizeIdNumber } from './idcard.js';
import type { SheetJob, SheetMessage } from './sheet-worker.js';

/**
 * Bounds of an import. The worker's heap: streaming a 50,000-row roster needs under 100 MB, so 256 MB
 * leaves room while two workers and the server stay well under 1 GB. Reading that roster takes some
 * 3 s on one core; 120 s is for a slow machine, not for a file. 100,000 rows is twice a large county.
 * Four waiting per county keeps the uploads held in memory few (each up to DJ_UPLOAD_MAX_BYTES).
 */
export const IMPORT_LIMITS = {
  workerHeapMb: 256,
  workers: 2,
  timeoutMs: 120_000,
  maxRows: 100_000,
  maxWaiting: 4,
  batchRows: 500,
  /** An idle worker is kept this long for the next import (starting one costs 0.3–1.5 s). */
  idleMs: 60_000,
};

/** A non-empty row of the sheet: its 1-based number and its cells as text (index = 1-based column). */
export interface SheetRow {
  number: number;
  cells: string[];
}

/** What an import is doing now. */
export type ImportState = 'waiting' | 'reading' | 'checking' | 'writing';
export type ImportKind = 'members' | 'households' | 'transfers';

/** One import in a county's queue, as `GET /api/imports/current` shows it. */
export interface ImportJob {
  id: number;
  kind: ImportKind;
  dryRun: boolean;
  userId: number;
  state: ImportState;
  rowsRead: number;
  queuedAt: string;
  startedAt: string | null;
}

/** The running import's handle: its state for the queue view. */
export interface ImportProgress {
  phase(state: ImportState): void;
}

/** How an import is asked for: a dry run writes nothing; the locale is that of the report's messages. */
export interface ImportOptions {
  dryRun: boolean;
  locale?: 'zh-CN' | 'en';
}

/** What a module's check of the rows gets: the request, the file and its rows, the queue handle. */
export interface ImportRun {
  ctx: Ctx;
  actor: Actor;
  file: Buffer;
  rows: SheetRow[];
  progress: ImportProgress;
  opts: ImportOptions;
}

interface Queue {
  jobs: { job: ImportJob; start: () => void }[];
}

const queues = new WeakMap<Ctx, Map<number, Queue>>();
let nextJobId = 1;

function queueOf(ctx: Ctx, tenantId: number): Queue {
  let byTenant = queues.get(ctx);
  if (!byTenant) queues.set(ctx, (byTenant = new Map()));
  let q = byTenant.get(tenantId);
  if (!q) byTenant.set(tenantId, (q = { jobs: [] }));
  return q;
}

/** The imports of the actor's county, running first, then waiting in order. */
export function currentImports(ctx: Ctx, actor: Actor): (ImportJob & { position: number; mine: boolean })[] {
  if (actor.tenantId == null) return [];
  const q = queues.get(ctx)?.get(actor.tenantId);
  return (q?.jobs ?? []).map(({ job }, position) => ({ ...job, position, mine: job.userId === actor.userId }));
}

/**
 * The lookup hashes of the ID numbers in one column of a sheet, so the rows already on record are found by the file's
 * numbers.
 */
export async function idHashesInColumn(
  ctx: Ctx,
  rows: SheetRow[],
  col: number | undefined,
  pause: () => Promise<void>,
): Promise<string[]> {
  const hashes: string[] = [];
  if (col === undefined) return hashes;
  for (const r of rows) {
    await pause();
    const raw = r.cells[col] ?? '';
    if (raw.trim()) hashes.push(ctx.vault.lookupHash(normalizeIdNumber(raw)));
  }
  return hashes;
}

/** Appends an import's audit entries in steps of 200 inside its transaction, pausing between steps. */
export async function writeAuditInSteps(
  ctx: Ctx,
  trx: Q,
  actor: Actor,
  entries: AuditEntry[],
  pause: () => Promise<void>,
): Promise<void> {
  for (let i = 0; i < entries.length; i += 200) {
    await pause();
    await writeAuditBatch(ctx, trx, actor, entries.slice(i, i + 200));
  }
}

// ---- the workers ----

interface PooledWorker {
  worker: Worker;
  idle: NodeJS.Timeout | null;
}
const idleWorkers: PooledWorker[] = [];
let liveWorkers = 0;
const waitingForWorker: (() => void)[] = [];

/** The sheet reader's thread (the bundle's sibling, or the TypeScript through tsx). */
function spawnWorker(): Worker {
  return startWorker(
    import.meta.url,
    { source: './sheet-worker.ts', bundled: 'sheet-worker.mjs' },
    {},
    {
      resourceLimits: { maxOldGenerationSizeMb: IMPORT_LIMITS.workerHeapMb },
      stdout: false,
      stderr: false,
    },
  );
}

async function acquireWorker(): Promise<PooledWorker> {
  for (;;) {
    const idle = idleWorkers.pop();
    if (idle) {
      if (idle.idle) clearTimeout(idle.idle);
      idle.idle = null;
      idle.worker.ref();
      return idle;
    }
    if (liveWorkers < IMPORT_LIMITS.workers) {
      liveWorkers++;
      const pooled: PooledWorker = { worker: spawnWorker(), idle: null };
      // A worker's failure is reported to the import that runs it; between imports, nothing is left to report.
      pooled.worker.on('error', () => {});
      pooled.worker.once('exit', () => {
        liveWorkers--;
        const i = idleWorkers.indexOf(pooled);
        if (i >= 0) idleWorkers.splice(i, 1);
        waitingForWorker.shift()?.();
      });
      return pooled;
    }
    await new Promise<void>((resolve) => waitingForWorker.push(resolve));
  }
}

function releaseWorker(p: PooledWorker) {
  p.worker.unref();
  p.idle = setTimeout(() => void p.worker.terminate(), IMPORT_LIMITS.idleMs).unref();
  idleWorkers.push(p);
  waitingForWorker.shift()?.();
}

/** Ends the idle workers (on shutdown, or to apply changed limits); busy ones end with their import. */
export async function closeImportWorkers(): Promise<void> {
  const idle = idleWorkers.splice(0);
  await Promise.all(idle.map((p) => (p.idle && clearTimeout(p.idle), p.worker.terminate())));
}

/** Reads the first sheet of `file` in a worker; a failure to read it is `badFile`. */
async function readSheet(file: Buffer, badFile: ErrorCode, onRows: (n: number) => void): Promise<SheetRow[]> {
  const pooled = await acquireWorker();
  const { worker } = pooled;
  const rows: SheetRow[] = [];
  let clean = false;
  let healthy = false;
  // This import's own listeners, removed when it ends (the worker may serve the next import).
  const listeners: [string, (arg: unknown) => void][] = [];
  const listen = <A>(event: string, fn: (arg: A) => void) => {
    const f = fn as (arg: unknown) => void;
    listeners.push([event, f]);
    worker.on(event, f);
  };
  try {
    return await new Promise<SheetRow[]>((resolve, reject) => {
      const memory = () =>
        new DomainError('import.too_large', { reason: 'memory', heapMb: IMPORT_LIMITS.workerHeapMb });
      const timer = setTimeout(
        () => reject(new DomainError('import.too_large', { reason: 'time', seconds: IMPORT_LIMITS.timeoutMs / 1000 })),
        IMPORT_LIMITS.timeoutMs,
      );
      const finish = (err: Error | null) => {
        clearTimeout(timer);
        if (err) return reject(err);
        clean = true;
        resolve(rows);
      };
      listen('message', (m: SheetMessage) => {
        if (m.type === 'rows') {
          for (const r of m.rows) rows.push(r);
          onRows(rows.length);
        } else if (m.type === 'done') finish(null);
        else {
          // The worker refused the file itself and is sound: it may read the next one.
          healthy = true;
          finish(m.code ? new DomainError(m.code as ErrorCode, m.details) : new DomainError(badFile));
        }
      });
      listen('error', (err: Error & { code?: string }) =>
        finish(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? memory() : new DomainError(badFile)),
      );
      listen('exit', () => finish(memory()));
      const job: SheetJob = {
        file: new Uint8Array(file),
        maxRows: IMPORT_LIMITS.maxRows,
        batchRows: IMPORT_LIMITS.batchRows,
      };
      worker.postMessage(job);
    });
  } finally {
    for (const [event, fn] of listeners) worker.off(event, fn);
    // A worker that crashed, ran out of memory or time may hold anything: it ends. A sound one waits for the next
    // import.
    if (clean || healthy) releaseWorker(pooled);
    else void worker.terminate();
  }
}

/**
 * Runs an import of `file` for the actor's county: checks the archive (400/413 before any queueing),
 * waits for the county's turn, reads the first sheet in a worker, then runs `fn` on its rows while
 * still holding the turn (so checks and writes of two imports of one county never interleave).
 */
export async function runImport<T>(
  ctx: Ctx,
  actor: Actor,
  opts: { kind: ImportKind; dryRun: boolean; badFile: ErrorCode },
  file: Buffer,
  fn: (rows: SheetRow[], progress: ImportProgress) => Promise<T>,
): Promise<T> {
  checkArchive(file);
  const q = queueOf(ctx, actor.tenantId ?? 0);
  if (q.jobs.length > IMPORT_LIMITS.maxWaiting) throw new DomainError('import.busy', { waiting: q.jobs.length - 1 });
  const job: ImportJob = {
    id: nextJobId++,
    kind: opts.kind,
    dryRun: opts.dryRun,
    userId: actor.userId,
    state: 'waiting',
    rowsRead: 0,
    queuedAt: new Date().toISOString(),
    startedAt: null,
  };
  const turn = new Promise<void>((start) => q.jobs.push({ job, start }));
  if (q.jobs.length === 1) q.jobs[0].start();
  await turn;
  try {
    job.state = 'reading';
    job.startedAt = new Date().toISOString();
    const rows = await readSheet(file, opts.badFile, (n) => (job.rowsRead = n));
    job.state = 'checking';
    return await fn(rows, { phase: (s) => (job.state = s) });
  } finally {
    q.jobs.shift();
    q.jobs[0]?.start();
  }
}

/**
 * Where each column stands in a sheet, from its header row (a trailing `*` marks a required column in the template);
 * a required column missing is `badFile` with `{ missingColumn }`.
 */
export function columnsOf<K>(
  rows: SheetRow[],
  columns: readonly { key: K; header: string; required?: boolean }[],
  badFile: ErrorCode,
): Map<K, number> {
  const header = (rows[0]?.number === 1 ? rows[0].cells : []).map((v) => v.replace(/\*$/, ''));
  const colOf = new Map<K, number>();
  for (const c of columns) {
    const idx = header.indexOf(c.header);
    if (idx > 0) colOf.set(c.key, idx);
  }
  for (const c of columns)
    if (c.required && !colOf.has(c.key)) throw new DomainError(badFile, { missingColumn: c.header });
  return colOf;
}
