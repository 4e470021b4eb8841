/** The plain loading screen shown while a part of the app is fetched (no UI library needed). */
export function Boot() {
  return (
    <div id="boot" role="status" aria-live="polite">
      加载中… Loading…
    </div>
  );
}
