/**
 * The primary of `serve --workers N`: forks N server processes that share the port (node:cluster hands them the
 * connections in turn), starts again one that dies with a growing pause between quick failures (as bin/supervise.mjs
 * does for a single server), and on SIGTERM/SIGINT passes the signal on and exits once every worker has closed.
 */
import cluster, { type Worker } from 'node:cluster';

const log = (line: string) => console.error(`[primary] ${line}`);

/** The pauses of the restarts; the defaults are the supervisor's. */
export interface RestartPolicy {
  minUptimeMs: number;
  firstDelayMs: number;
  maxDelayMs: number;
  /** Quick failures in a row (each within `minUptimeMs` of its start) after which the primary gives up. */
  maxQuickFailures: number;
}

const DEFAULT_POLICY: RestartPolicy = {
  minUptimeMs: 10_000,
  firstDelayMs: 250,
  maxDelayMs: 30_000,
  maxQuickFailures: 8,
};

/** Forks `count` workers and keeps them running until a stop signal; never returns control to serving. */
export function runPrimary(count: number, policy: RestartPolicy = DEFAULT_POLICY): void {
  const started = new Map<Worker, number>();
  let stopping = false;
  let delay = policy.firstDelayMs;
  let quickFailures = 0;
  const pending = new Set<NodeJS.Timeout>();

  const fork = () => {
    const worker = cluster.fork();
    started.set(worker, Date.now());
    log(`worker started (pid ${worker.process.pid})`);
    worker.once('exit', (code, signal) => {
      const since = started.get(worker) ?? 0;
      started.delete(worker);
      if (stopping) {
        if (started.size === 0) process.exit(process.exitCode ?? 0);
        return;
      }
      const quick = Date.now() - since < policy.minUptimeMs;
      quickFailures = quick ? quickFailures + 1 : 0;
      delay = quick ? Math.min(delay * 2, policy.maxDelayMs) : policy.firstDelayMs;
      if (quickFailures >= policy.maxQuickFailures) {
        log(`workers failed ${quickFailures} times in a row within ${policy.minUptimeMs / 1000} s; giving up`);
        stop('SIGTERM', 1);
        return;
      }
      log(`worker ${worker.process.pid} exited (${signal ?? `code ${code}`}); starting another in ${delay} ms`);
      const t = setTimeout(() => {
        pending.delete(t);
        if (!stopping) fork();
      }, delay);
      pending.add(t);
    });
  };

  const stop = (signal: NodeJS.Signals, code = 0) => {
    if (stopping) return;
    stopping = true;
    for (const t of pending) clearTimeout(t);
    if (started.size === 0) process.exit(code);
    for (const w of started.keys()) w.process.kill(signal);
    // A worker that does not close within 20 s is ended, as the supervisor ends a single server.
    setTimeout(() => {
      for (const w of started.keys()) w.process.kill('SIGKILL');
    }, 20_000).unref();
    if (code !== 0) process.exitCode = code;
  };

  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.on(sig, () => stop(sig === 'SIGHUP' ? 'SIGTERM' : sig));
  // Under the supervisor (bin/supervise.mjs): if it dies, the workers stop too, rather than live on unwatched.
  if (process.env.DJ_SUPERVISED === '1' && process.send) process.once('disconnect', () => stop('SIGTERM'));
  for (let i = 0; i < count; i++) fork();
}
