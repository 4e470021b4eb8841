/** Pauses for long work in the server process, so that requests are answered between its steps. */

/**
 * A pause to await in every step of a long loop: once `budgetMs` of work has run since the last
 * pause, it lets the event loop answer other requests (so /api/health stays quick during an import). On SQLite every
 * query runs on the event loop's thread, so a loop of queries that never pauses holds every request behind it.
 */
export function loopYielder(budgetMs = 8): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < budgetMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    since = performance.now();
  };
}
