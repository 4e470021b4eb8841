/**
 * A stage thread of the province demo (demo/provinceLoad.ts): one contributor — the meetings or the service records —
 * for every county handed to it, in the order handed, on its own connections, vault and progress lines. Or the county
 * demo's second requests thread on SQLite (demo/residents/requestThreads.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../config.js';
import { openDatabase } from '../db/database.js';
import { createCtx } from '../platform/context.js';
import { Vault } from '../platform/crypto.js';
import { demoContributors, type LoadedCounty, runContributor } from './load.js';
import { bumpVersion } from '../platform/data/versions.js';
import { type RequestsThreadData, runRequestsThread } from './residents/requestThreads.js';

/** What the loading thread gives a stage thread. */
export interface StageData {
  contributor: string;
  seed: number;
  databaseUrl: string;
  config: Config;
  keys: [Uint8Array, Uint8Array[]];
  clockOffsetMs: number;
}

/** What the loading thread sends: a county to load, or the end (no county follows). */
type StageOrder = { kind: 'county'; county: LoadedCounty } | { kind: 'end' };

/** What a stage thread tells the loading thread: a log line, a county's stage written, or its failure. */
export type StageMessage =
  | { kind: 'log'; line: string }
  | { kind: 'loaded'; index: number }
  | { kind: 'failed'; message: string; stack?: string };

/** Loads the counties handed to it one after the other; after a failure it loads none and waits for the end. */
function runStage(d: StageData): void {
  const port = parentPort!;
  const send = (m: StageMessage) => port.postMessage(m);
  const contributor = demoContributors().find((x) => x.name === d.contributor);
  if (!contributor) throw new Error(`no demo contributor ${d.contributor}`);
  const database = openDatabase({ dataDir: d.config.dataDir, databaseUrl: d.databaseUrl, poolSize: 4 });
  const [master, previous] = d.keys;
  const vault = new Vault(
    Buffer.from(master),
    previous.map((k) => Buffer.from(k)),
  );
  const ctx = createCtx(database, vault, d.config, () => new Date(Date.now() + d.clockOffsetMs));
  const log = (line: string) => send({ kind: 'log', line });
  // No "still working" lines from here (no progress is set in this thread): three threads' would interleave
  // unreadably. The county's own lines still come, and the loading thread writes one per roster.
  let failed = false;
  // One county at a time, in the order handed: the orders chain onto the one before.
  let chain = Promise.resolve();
  const onOrder = (order: StageOrder) => {
    chain = chain.then(async () => {
      if (order.kind === 'end') {
        await database.close();
        port.off('message', onOrder);
        return;
      }
      if (failed) return;
      const c = order.county;
      try {
        await runContributor(ctx, { seed: d.seed, index: c.index }, c, contributor, log, null);
        // A county's meeting figures are cached by this version: the loaded meetings count from now on.
        if (contributor.name === 'meetings') await bumpVersion(ctx.db, c.tenantId, 'meetings');
        send({ kind: 'loaded', index: c.index });
      } catch (e) {
        failed = true;
        const err = e instanceof Error ? e : new Error(String(e));
        send({ kind: 'failed', message: err.message, stack: err.stack });
      }
    });
  };
  port.on('message', onOrder);
}

if (parentPort && (workerData as StageData | null)?.contributor) runStage(workerData as StageData);
else if (parentPort && (workerData as RequestsThreadData | null)?.requestsPlan)
  runRequestsThread(workerData as RequestsThreadData, parentPort);
