/**
 * Writes the drawn requests: in order on one thread, or on SQLite, for a big county, on two threads that draw every
 * other chunk and take turns at the file, so that one draws while the other writes. The turn passes in chunk order:
 * the rows go in exactly as one thread would write them.
 */
import SQLite from 'better-sqlite3';
import type { MessagePort } from 'node:worker_threads';
import { SQLITE_BUSY_TIMEOUT_MS } from '../../db/database.js';
import type { Ctx } from '../../platform/context.js';
import { startWorker } from '../../platform/workers.js';
import { type Bulk, type Row, sqliteInsert } from '../bulk.js';
import { REQUEST_COLUMNS, type RequestsChunk, RequestsDrawer, type RequestsPlan } from './requestDraw.js';

/** A chunk as kept after its rows are written: its events, tallies and last numbers. */
export type DrawnChunk = Omit<RequestsChunk, 'rows'>;

/** From how many requests the second thread is worth its start (a test sets 0 to run it on a small county). */
export const requestThreads = { fromRows: 200_000 };

/** What the second thread is given: the plan, the database file and the shared turn. */
export interface RequestsThreadData {
  requestsPlan: RequestsPlan;
  file: string;
  /** [0]: the chunk whose rows go in next; [1]: 1 once either thread has failed. */
  turn: SharedArrayBuffer;
}

/** What the second thread answers: its chunks (odd ones) when all are written, or its failure. */
type ThreadMessage =
  | { kind: 'done'; chunks: [number, DrawnChunk][] }
  | { kind: 'failed'; message: string; stack?: string };

/** Draws and writes every request of the plan; the chunks' events and tallies, in chunk order. */
export async function writeRequests(ctx: Ctx, bulk: Bulk, plan: RequestsPlan): Promise<DrawnChunk[]> {
  const drawer = new RequestsDrawer(plan);
  const sqlite = ctx.database.sqlite;
  if (sqlite && drawer.endId - plan.firstId >= requestThreads.fromRows)
    return inTwoThreads(bulk, drawer, plan, sqlite.name);
  const out: DrawnChunk[] = [];
  let buf: Row[] = [];
  for (let c = 0; c < drawer.chunks; c++) {
    const { rows, ...rest } = drawer.draw(c);
    for (const r of rows) buf.push(r);
    out.push(rest);
    if (buf.length >= 50_000) {
      await bulk.insert('requests', REQUEST_COLUMNS, buf);
      buf = [];
    }
  }
  await bulk.insert('requests', REQUEST_COLUMNS, buf);
  return out;
}

// Atomics.waitAsync is in Node 16+, not in the ES2022 library the server is typed against.
const atomics = Atomics as unknown as {
  waitAsync(a: Int32Array, i: number, v: number, ms: number): { async: boolean; value: Promise<string> | string };
};

/** This thread draws and writes the even chunks, a second thread the odd ones. */
async function inTwoThreads(bulk: Bulk, drawer: RequestsDrawer, plan: RequestsPlan, file: string) {
  const turn = new Int32Array(new SharedArrayBuffer(8));
  const data: RequestsThreadData = { requestsPlan: plan, file, turn: turn.buffer as SharedArrayBuffer };
  // A young generation of 64 MB, as the province's stage threads: rows are made by the hundred thousand. The old
  // generation holds the plan and a chunk (under 200 MB); without a cap the thread let it grow to about 1 GB.
  const worker = startWorker(import.meta.url, { source: '../stageWorker.ts', bundled: 'demo-stage.mjs' }, data, {
    resourceLimits: { maxYoungGenerationSizeMb: 64, maxOldGenerationSizeMb: 512 },
  });
  const theirs = new Promise<Map<number, DrawnChunk>>((resolve, reject) => {
    worker.on('message', (m: ThreadMessage) =>
      m.kind === 'done' ? resolve(new Map(m.chunks)) : reject(Object.assign(new Error(m.message), { stack: m.stack })),
    );
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`演示数据诉求线程已退出 (the requests thread exited with ${code})`)));
  });
  // Their failure is awaited below; until then it only stops this side.
  theirs.catch(() => stop(turn));
  try {
    const mine = new Map<number, DrawnChunk>();
    for (let c = 0; c < drawer.chunks; c += 2) {
      const { rows, ...rest } = drawer.draw(c);
      while (Atomics.load(turn, 0) !== c) {
        if (Atomics.load(turn, 1)) await theirs;
        const w = atomics.waitAsync(turn, 0, Atomics.load(turn, 0), 1000);
        if (w.async) await Promise.race([w.value, theirs]);
      }
      await bulk.insert('requests', REQUEST_COLUMNS, rows);
      pass(turn, c + 1);
      mine.set(c, rest);
    }
    const other = await theirs;
    return Array.from({ length: drawer.chunks }, (_, c) => (c % 2 ? other.get(c) : mine.get(c))!);
  } catch (e) {
    stop(turn);
    throw e;
  } finally {
    await worker.terminate();
  }
}

/** Gives the turn to chunk `next`. */
function pass(turn: Int32Array, next: number): void {
  Atomics.store(turn, 0, next);
  Atomics.notify(turn, 0);
}

/** Tells the other thread to stop waiting: this one failed. */
function stop(turn: Int32Array): void {
  Atomics.store(turn, 1, 1);
  Atomics.notify(turn, 0);
}

/** The second thread: draws the odd chunks and writes each on its turn, on a connection of its own. */
export function runRequestsThread(d: RequestsThreadData, port: MessagePort): void {
  const turn = new Int32Array(d.turn);
  let sqlite: SQLite.Database | null = null;
  try {
    // The loading thread has set the file's journal for the load; this connection writes rows unsynced and with
    // their foreign keys checked, as the loading thread's own does during the load.
    sqlite = new SQLite(d.file);
    sqlite.pragma('synchronous = OFF');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    const drawer = new RequestsDrawer(d.requestsPlan);
    const out: [number, DrawnChunk][] = [];
    for (let c = 1; c < drawer.chunks; c += 2) {
      const { rows, ...rest } = drawer.draw(c);
      for (let t = Atomics.load(turn, 0); t !== c; t = Atomics.load(turn, 0)) {
        if (Atomics.load(turn, 1)) return;
        Atomics.wait(turn, 0, t, 1000);
      }
      sqliteInsert(sqlite, 'requests', REQUEST_COLUMNS, rows);
      pass(turn, c + 1);
      out.push([c, rest]);
    }
    port.postMessage({ kind: 'done', chunks: out } satisfies ThreadMessage);
  } catch (e) {
    stop(turn);
    const err = e instanceof Error ? e : new Error(String(e));
    port.postMessage({ kind: 'failed', message: err.message, stack: err.stack } satisfies ThreadMessage);
  } finally {
    sqlite?.close();
  }
}
