/**
 * The parts of the figure pages (meetings' stats and compliance, residents' stats, group coverage, pairing gaps, visit
 * quotas): the figure's query, the heading row with its pickers, the loading/error gate and the grid of stat cards.
 */
import type { ReactNode } from 'react';
import { Table, type TableColumnsType, Typography } from 'antd';
import { type UseQueryResult, keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { useT } from '../app/i18n';
import { ErrorResult } from './States';

// The number cards live apart (no antd in them), so a home that shows only numbers loads no table code.
export { Stat, StatGrid, type StatItem } from './Stat';

type Query = Record<string, string | number | undefined>;

/** A figure at `path` for `query` (org, period…); the previous answer stays while the next loads. */
export function useFigureQuery<T>(key: string, path: string, query: Query) {
  return useQuery({
    queryKey: [key, query],
    queryFn: ({ signal }) => api.get<T>(path, query, signal),
    placeholderData: keepPreviousData,
  });
}

/** The heading row of a figure page: the title (with what follows it) and, to the right, the pickers. */
export function FigureHeading({ title, extra, actions }: { title: ReactNode; extra?: ReactNode; actions?: ReactNode }) {
  return (
    <div style={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 12, marginBottom: 12 }}>
      <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
        {title}
      </Typography.Title>
      {extra}
      {actions}
    </div>
  );
}

/** The error (with a retry) or the spinner until the figure is there, then `children(data)`. */
export function Loaded<T>({ q, children }: { q: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  const t = useT();
  if (q.error) return <ErrorResult error={q.error} onRetry={() => q.refetch()} />;
  if (!q.data) return <div className="dj-spinner" role="status" aria-label={t('加载中', 'Loading')} />;
  return <>{children(q.data)}</>;
}

/** The paging of a short table (a tab of a figure page): 20 a page, none when it fits. */
export const SHORT_PAGING = { pageSize: 20, hideOnSinglePage: true } as const;

/** A short table of a figure page (those short of a quota, the gaps): paged by SHORT_PAGING, its own empty line. */
export function ShortTable<T extends object>(props: {
  rowKey: keyof T & string;
  rows: T[];
  testId?: string;
  empty: string;
  columns: TableColumnsType<T>;
  size?: 'small' | 'middle';
}) {
  return (
    <Table<T>
      rowKey={props.rowKey}
      size={props.size ?? 'middle'}
      dataSource={props.rows}
      data-testid={props.testId}
      pagination={SHORT_PAGING}
      locale={{ emptyText: props.empty }}
      columns={props.columns}
    />
  );
}
