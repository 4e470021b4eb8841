/** Small pieces of the phone pages: the loading skeleton and the problem card. */
import { ApiError } from '../../api/client';
import { useT } from '../i18n';

/** Grey bars while a page loads. */
export function Skeleton() {
  return (
    <div className="m-card" role="status" aria-label="loading">
      <div className="m-skel" style={{ width: '60%' }} />
      <div className="m-skel" />
      <div className="m-skel" style={{ width: '80%' }} />
    </div>
  );
}

/** A failed request: `empty` for not found / not allowed, the error's message otherwise. */
export function ProblemCard({ error, empty }: { error: unknown; empty: string }) {
  const t = useT();
  const notFound = error instanceof ApiError && (error.status === 404 || error.status === 403);
  return (
    <div className="m-card m-empty" role={notFound ? 'status' : 'alert'}>
      <p>{notFound ? empty : (error as Error).message || t('加载失败', 'Failed to load')}</p>
    </div>
  );
}
