/** The short table of a desk: one page of an API list, small, without a pager. */
import { Table, type TableProps } from 'antd';
import type { ListAnswer } from '../../../api/types';

/** Props: the list's query (its loading state and its page), and the Table's own props but those set here. */
export interface HomeTableProps<T> extends Omit<TableProps<T>, 'size' | 'rowKey' | 'loading' | 'dataSource'> {
  query: { isPending: boolean; data?: ListAnswer<T> };
}

/** `<Table size="small" rowKey="id" pagination={false}>` over `query`'s items, loading while it is pending. */
export function HomeTable<T extends { id: number }>({ query, ...table }: HomeTableProps<T>) {
  return (
    <Table<T>
      size="small"
      rowKey="id"
      loading={query.isPending}
      dataSource={query.data?.items ?? []}
      pagination={false}
      {...table}
    />
  );
}
