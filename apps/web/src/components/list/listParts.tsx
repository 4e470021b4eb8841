/**
 * Pieces that many list pages declare alike: the search filter, a select filter, the recycle bin, the toolbar's
 * "new" button and a column of links.
 */
import type { ReactNode } from 'react';
import { Button } from 'antd';
import { Link } from 'react-router';
import { PlusOutlined } from '@ant-design/icons';
import type { ListFilter } from './ListFilters';
import type { RecycleConfig } from './recycle';

type SearchFilter = ListFilter & { kind: 'search' };

/** The search box of a list, on `q` unless `more.key` says otherwise. */
export function searchFilter(
  label: string,
  placeholder: string,
  more: Partial<Omit<SearchFilter, 'kind' | 'label' | 'placeholder'>> = {},
): ListFilter {
  return { kind: 'search', key: 'q', label, placeholder, ...more };
}

/** A select filter on `key` among `options`. */
export function selectFilter(
  key: string,
  label: string,
  options: { value: string; label: string }[],
  width?: number,
  testId?: string,
): ListFilter {
  return { kind: 'select', key, label, options, width, testId };
}

/** The recycle bin of a list: deleting and restoring take `capability`; `more` adds the optional settings. */
export function recycleBin<T>(
  capability: string,
  name: (row: T) => string,
  more: Omit<RecycleConfig<T>, 'capability' | 'name'> = {},
): RecycleConfig<T> {
  return { capability, name, ...more };
}

/** The primary "new …" button of a list's toolbar; nothing when `show` is false. */
export function NewButton(props: { show?: boolean; onClick: () => void; testId?: string; children: ReactNode }) {
  if (props.show === false) return null;
  return (
    <Button type="primary" icon={<PlusOutlined />} onClick={props.onClick} data-testid={props.testId}>
      {props.children}
    </Button>
  );
}

/** A table column whose text links to `to(row)` (inside the app). */
export function linkColumn<T>(title: string, dataIndex: keyof T & string, to: (row: T) => string, width?: number) {
  return { title, dataIndex, width, render: (v: ReactNode, row: T) => <Link to={to(row)}>{v}</Link> };
}

/** A column whose text opens the record `to(row)` over the list, keeping the list's query string `search`. */
export function recordLinkColumn<T>(
  title: string,
  dataIndex: keyof T & string,
  to: (row: T) => string,
  search: string,
  testId?: string,
) {
  return {
    title,
    dataIndex,
    render: (v: ReactNode, row: T) => (
      <Link to={{ pathname: to(row), search }} data-testid={testId}>
        {v}
      </Link>
    ),
  };
}
