/** Interval jobs of `serve` (the rollups' refresh): a round every few seconds, never two rounds at once. */

/** A running interval job; `stop` ends it and waits for a round in progress. */
export interface IntervalJob {
  stop(): Promise<void>;
}

/**
 * Runs `round` now and then every `seconds`; a round still running when the next is due makes that one skip (a slow
 * round never piles up). A failing round is logged and the next one runs as planned.
 */
export function startInterval(
  name: string,
  seconds: number,
  round: () => Promise<void>,
  log: (line: string, err?: unknown) => void = (line, err) => console.error(line, err ?? ''),
): IntervalJob {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = round()
      .catch((err) => log(`${name} failed:`, err))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, seconds * 1000);
  timer.unref();
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
