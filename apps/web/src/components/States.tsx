/** Empty, error and not-found states built from antd Result/Empty. */
import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { ApiError } from '../api/client';
import { useT } from '../app/i18n';

/** A Result for a failed request: 404 and 403 get their own page, others a retry button. */
export function ErrorResult({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const e = error instanceof ApiError ? error : null;
  if (e?.status === 404) {
    return (
      <Result
        status="404"
        title={t('未找到', 'Not found')}
        subTitle={e.message}
        extra={<Link to="/">{t('返回首页', 'Back to home')}</Link>}
      />
    );
  }
  if (e?.status === 403) {
    return (
      <Result
        status="403"
        title={t('无权访问', 'Not allowed')}
        subTitle={e.message}
        extra={<Link to="/">{t('返回首页', 'Back to home')}</Link>}
      />
    );
  }
  return (
    <Result
      status="error"
      title={t('加载失败', 'Failed to load')}
      subTitle={e?.message ?? (error as Error)?.message}
      extra={onRetry ? <Button onClick={onRetry}>{t('重试', 'Retry')}</Button> : undefined}
    />
  );
}

/** The page shown for an unknown console path. */
export function NotFound() {
  const t = useT();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('页面不存在', 'This page does not exist')}
      extra={<Link to="/">{t('返回首页', 'Back to home')}</Link>}
    />
  );
}

/** The page shown for a console page the user's role may not open (typed by hand: the menu does not offer it). */
export function Forbidden() {
  const t = useT();
  return (
    <Result
      status="403"
      title={t('无权访问', 'Not allowed')}
      subTitle={t('您的角色不能使用此页面', 'Your role cannot use this page')}
      extra={<Link to="/">{t('返回首页', 'Back to home')}</Link>}
    />
  );
}
