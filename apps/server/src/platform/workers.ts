/** Worker threads of the server and the CLI, started the same way whether the bundle or the sources run. */
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker beside the calling module `from` (its `import.meta.url`): `files.bundled` when the bundle runs,
 * else `files.source` through tsx (`ts-worker.boot.mjs`, since loader hooks are per thread on Node 20).
 */
export function startWorker(
  from: string,
  files: { source: string; bundled: string },
  data: object,
  options: Omit<WorkerOptions, 'workerData'> = {},
): Worker {
  if (!from.endsWith('.ts')) return new Worker(new URL(`./${files.bundled}`, from), { ...options, workerData: data });
  const entry = new URL(files.source, from).href;
  return new Worker(new URL('./ts-worker.boot.mjs', import.meta.url), { ...options, workerData: { ...data, entry } });
}
