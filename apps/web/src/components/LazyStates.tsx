/** The error and not-found results, loaded only when shown (antd Result carries large illustrations). */
import { lazy, Suspense } from 'react';

const ErrorResult = lazy(() => import('./States').then((m) => ({ default: m.ErrorResult })));

/** ErrorResult without its code on the first view. */
export function LazyErrorResult(props: { error: unknown; onRetry?: () => void }) {
  return (
    <Suspense fallback={<div className="dj-spinner" role="status" aria-label="loading" />}>
      <ErrorResult {...props} />
    </Suspense>
  );
}
