// The supervisor of `dangjian serve`: runs the server as a child process and starts it again when it
// dies abnormally (a crash, an out-of-memory kill), with a growing pause between quick failures; stops
// cleanly on SIGINT/SIGTERM by passing the signal on. Plain JavaScript and no dependencies, so that it
// costs nothing at start. DJ_SUPERVISE=off serves without it (under systemd, which restarts by itself).
import { fork } from 'node:child_process';

const log = (line) => console.error(`[supervisor] ${line}`);

/**
 * Serves through `bin` (the CLI script) in a child, restarting it on abnormal exits. Gives up after
 * `maxQuickFailures` exits in a row that each came within `minUptimeMs` of their start.
 */
export function supervise(
  bin,
  args,
  { minUptimeMs = 10_000, firstDelayMs = 250, maxDelayMs = 30_000, maxQuickFailures = 8 } = {},
) {
  let child = null;
  let stopping = false;
  let timer = null;
  let delay = firstDelayMs;
  let quickFailures = 0;

  const start = () => {
    timer = null;
    const startedAt = Date.now();
    // Its own process group: a Ctrl-C in the terminal reaches the supervisor, which passes it on once.
    child = fork(bin, args, { env: { ...process.env, DJ_SUPERVISED: '1' }, stdio: 'inherit', detached: true });
    log(`server started (pid ${child.pid})`);
    child.once('exit', (code, signal) => {
      child = null;
      if (stopping || code === 0) process.exit(stopping ? (code ?? 0) : 0);
      const quick = Date.now() - startedAt < minUptimeMs;
      quickFailures = quick ? quickFailures + 1 : 0;
      delay = quick ? Math.min(delay * 2, maxDelayMs) : firstDelayMs;
      if (quickFailures >= maxQuickFailures) {
        log(`the server failed ${quickFailures} times in a row within ${minUptimeMs / 1000} s of starting; giving up`);
        process.exit(1);
      }
      log(`the server exited (${signal ?? `code ${code}`}); starting it again in ${delay} ms`);
      timer = setTimeout(start, delay);
    });
  };

  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      if (stopping) return;
      stopping = true;
      if (timer) clearTimeout(timer);
      if (!child) process.exit(0);
      child.kill(sig === 'SIGHUP' ? 'SIGTERM' : sig);
      // A server that does not stop within 20 s is ended.
      setTimeout(() => child?.kill('SIGKILL'), 20_000).unref();
    });
  }
  start();
}
