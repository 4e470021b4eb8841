/**
 * ListPage: the one list component of the console. A page gives its columns, filters and actions; ListPage keeps
 * the filters, page, page size and sort in the URL, asks the API for one page (`GET endpoint?…&page&pageSize`,
 * answering `{ items, total }`), and draws the heading, toolbar, filter bar, table, paging, empty/loading/error
 * states, the recycle bin (`?deleted=true`, rows restored by `POST endpoint/:id/restore`), the Excel export of the
 * filtered list (a link to the API's export with the same query) and bulk actions on checked rows.
 *
 * Usage (a whole page):
 *
 *   export default function ThingsPage() {
 *     const t = useT();
 *     return (
 *       <ListPage<Thing>
 *         title={t('事项', 'Things')}
 *         endpoint="/api/things"            // GET list, DELETE /:id, POST /:id/restore
 *         queryKey="things"                 // react-query root key (default: the endpoint's path after /api/)
 *         orgScoped                         // sends `org` (URL or org switcher), shows a closable org tag
 *         filters={[
 *           { kind: 'search', key: 'q', label: t('名称', 'Name'), testId: 'thing-search' },
 *           { kind: 'select', key: 'status', label: t('状态', 'Status'), options: opts(THING_STATUSES) },
 *           { kind: 'dateRange', key: 'from', keyTo: 'to', label: t('日期', 'Dates') },
 *           { kind: 'check', key: 'late', label: t('只看逾期', 'Late only') },
 *         ]}
 *         columns={[{ title: t('名称', 'Name'), dataIndex: 'name', sorter: true }]}  // sorter: true → ?sort=name
 *         actions={<Button onClick={…}>{t('新增', 'New')}</Button>}                 // toolbar (not in the bin)
 *         edit={{ capability: 'things.write', path: (r) => `/things/${r.id}/edit` }}  // an edit icon per row
 *         rowActions={(row) => <Button …/>}                                         // then these, then delete
 *         recycle={{ capability: 'things.write', name: (r) => r.name, bulk: true }}
 *         exportPath="/api/things/export" exportCapability="things.export"
 *         bulkActions={[{ key: 'close', label: t('关闭', 'Close'), run: (rows) => … }]}
 *         total={{ testId: 'thing-total', text: (n) => t(`共 ${n} 项`, `${n} in all`) }}
 *         emptyText={t('没有符合条件的事项', 'No thing matches')}
 *       />
 *     );
 *   }
 *
 * `columns`, `actions` and `rowActions` may also be functions of the list context (URL state, remove, restore) when
 * they need the current query (e.g. a link that keeps the filters). Filter kinds: search, select, number,
 * dateRange, check, custom (see ListFilters.tsx). Everything a person reads comes in zh-CN and English via useT.
 */
import type { Key, ReactNode } from 'react';
import { Button, Card, Popconfirm, Space, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { DeleteOutlined, DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, withQuery } from '../../api/client';
import type { ListAnswer } from '../../api/types';
import { useT } from '../../app/i18n';
import { hasCap, useMe } from '../../app/session';
import { ErrorResult } from '../States';
import { useFeedback } from '../feedback';
import { filterKeys, ListFilters, type ListFilter } from './ListFilters';
import { type ListUrl, useListUrl } from './listUrl';
import { DeleteButton, EditButton, type RecycleConfig, RestoreButton, useRecycle } from './recycle';

export type { ListFilter } from './ListFilters';
export type { ListUrl } from './listUrl';
export type { RecycleConfig } from './recycle';
export { useListUrl } from './listUrl';

/** A column of the table; `sorter: true` sorts on the server by `key ?? dataIndex`. */
export type ListColumn<T> = NonNullable<TableProps<T>['columns']>[number];

/** What functions of a page's config receive: the URL state and the row operations. */
export interface ListContext<T> {
  url: ListUrl;
  recycle: boolean;
  remove: (row: T) => Promise<boolean>;
  restore: (row: T) => Promise<boolean>;
  /** Refreshes the list (and the `recycle.invalidate` keys). */
  refresh: () => void;
}

/** An action on the checked rows. */
export interface BulkAction<T> {
  key: string;
  label: string;
  icon?: ReactNode;
  danger?: boolean;
  /** A question to confirm first. */
  confirm?: string;
  /** Offered in the recycle bin instead of the list. */
  inRecycle?: boolean;
  run: (rows: T[]) => Promise<unknown>;
}

/** The configuration of a list page. */
export interface ListPageProps<T extends { id: number }> {
  title: ReactNode;
  endpoint: string;
  /** The react-query root key, refreshed after changes (default: the endpoint's path after `/api/`). */
  queryKey?: string;
  columns: ListColumn<T>[] | ((ctx: ListContext<T>) => ListColumn<T>[]);
  filters?: ListFilter[];
  /** More filter controls after the declared ones (their keys go in `extraKeys`). */
  filterExtra?: ReactNode;
  /** URL keys sent to the API besides the declared filters. */
  extraKeys?: string[];
  /** Fixed query values (not in the URL). */
  fixedQuery?: Record<string, string | number | undefined>;
  orgScoped?: boolean;
  actions?: ReactNode | ((ctx: ListContext<T>) => ReactNode);
  rowActions?: (row: T, ctx: ListContext<T>) => ReactNode;
  /** An edit button on each row (before `rowActions`), for those with the capability. */
  edit?: { capability: string; path: (row: T) => string; name?: (row: T) => string };
  /** The title of the actions column (default 操作). */
  rowActionsTitle?: string;
  rowActionsWidth?: number;
  recycle?: RecycleConfig<T>;
  exportPath?: string;
  exportCapability?: string;
  exportLabel?: string;
  bulkActions?: BulkAction<T>[];
  total?: { testId?: string; text?: (n: number) => ReactNode };
  emptyText?: ReactNode;
  onRowClick?: (row: T) => void;
  /** A class for some rows (e.g. overdue ones in red). */
  rowClassName?: (row: T) => string;
  scrollX?: number;
  size?: 'small' | 'middle';
  /** Whatever goes above the card (e.g. a check card) and after it (e.g. a drawer). */
  before?: ReactNode;
  children?: ReactNode;
  /** Do not ask the API (e.g. the user may not read the list). */
  disabled?: boolean;
  /** The field that keys a row when the rows have no `id` of their own (e.g. `memberId`). */
  rowKey?: string;
}

/** The generic list page: see the usage at the top of this file. */
export function ListPage<T extends { id: number }>(props: ListPageProps<T>) {
  const t = useT();
  const { data: me } = useMe();
  const navigate = useNavigate();
  const { message } = useFeedback();
  const filters = props.filters ?? [];
  const url = useListUrl([...filterKeys(filters), ...(props.extraKeys ?? [])], props.orgScoped);
  const queryKey = props.queryKey ?? props.endpoint.replace(/^\/api\//, '');
  const { remove, restore, refresh } = useRecycle(props.endpoint, queryKey, props.recycle);
  const ctx: ListContext<T> = { url, recycle: url.recycle, remove, restore, refresh };
  const [selected, setSelected] = useState<Key[]>([]);
  const query = { ...url.query, ...props.fixedQuery };
  const list = useQuery({
    queryKey: [queryKey, 'list', query, url.page, url.pageSize],
    queryFn: ({ signal }) =>
      api.get<ListAnswer<T>>(props.endpoint, { ...query, page: url.page, pageSize: url.pageSize }, signal),
    placeholderData: keepPreviousData,
    enabled: !props.disabled,
  });
  const canRecycle = !!props.recycle && hasCap(me, props.recycle.capability);
  const canEdit = !!props.edit && hasCap(me, props.edit.capability);
  const recycle = url.recycle && canRecycle;

  const columns = (typeof props.columns === 'function' ? props.columns(ctx) : props.columns).map((c) => {
    if (!c.sorter) return c;
    const field = String(c.key ?? ('dataIndex' in c ? c.dataIndex : ''));
    const sortOrder = url.sort === field ? (url.order === 'desc' ? 'descend' : 'ascend') : null;
    return { ...c, sorter: true, sortOrder, key: field } as ListColumn<T>;
  });
  if (props.rowActions || canRecycle || canEdit) {
    columns.push({
      title: props.rowActionsTitle ?? t('操作', 'Actions'),
      key: '_actions',
      width: props.rowActionsWidth ?? (recycle ? 100 : 120),
      render: (_: unknown, row: T) =>
        recycle ? (
          <RestoreButton onRestore={() => restore(row)} />
        ) : (
          <Space size={4}>
            {canEdit ? (
              <EditButton
                name={(props.edit!.name ?? props.recycle?.name)?.(row) ?? t('该记录', 'this record')}
                onEdit={() => navigate(props.edit!.path(row))}
              />
            ) : null}
            {props.rowActions?.(row, ctx)}
            {canRecycle ? <DeleteButton name={props.recycle!.name(row)} onDelete={() => remove(row)} /> : null}
          </Space>
        ),
    });
  }

  const bulk = (props.bulkActions ?? []).filter((a) => !!a.inRecycle === recycle);
  if (canRecycle && props.recycle?.bulk) {
    bulk.push(
      recycle
        ? {
            key: '_restore',
            label: t('恢复所选', 'Restore selected'),
            run: async (rows) => done(await each(rows, restore), t('已恢复', 'Restored')),
          }
        : {
            key: '_delete',
            label: t('删除所选', 'Delete selected'),
            icon: <DeleteOutlined />,
            danger: true,
            confirm: t('删除所选记录？可在回收站恢复', 'Delete the selected records? They can be restored'),
            run: async (rows) => done(await each(rows, remove), t('已移入回收站', 'Moved to the recycle bin')),
          },
    );
  }
  const done = (n: number, what: string) => n && message.success(t(`${what} ${n} 项`, `${what}: ${n}`));
  const rows = list.data?.items ?? [];
  const chosen = rows.filter((r) => selected.includes(r.id));
  async function runBulk(a: BulkAction<T>) {
    await a.run(chosen);
    setSelected([]);
    refresh();
  }

  const exportable = !!props.exportPath && (!props.exportCapability || hasCap(me, props.exportCapability));
  const { deleted: _deleted, ...exportQuery } = query;
  const head = (
    <div style={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 12, marginBottom: 12 }}>
      <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
        {recycle ? (props.recycle?.title ?? t('回收站', 'Recycle bin')) : props.title}
      </Typography.Title>
      <div style={{ marginLeft: 'auto' }}>
        <Space wrap>
          {recycle ? (
            <Button onClick={() => url.setFilters({ deleted: null })}>
              {props.recycle?.back ?? t('返回列表', 'Back to the list')}
            </Button>
          ) : (
            <>
              {typeof props.actions === 'function' ? props.actions(ctx) : props.actions}
              {exportable ? (
                <Button
                  icon={<DownloadOutlined />}
                  href={withQuery(props.exportPath!, exportQuery)}
                  download
                  data-testid="export"
                >
                  {props.exportLabel ?? t('导出当前结果', 'Export these results')}
                </Button>
              ) : null}
              {canRecycle ? (
                <Button icon={<DeleteOutlined />} onClick={() => url.setFilters({ deleted: 'true' })}>
                  {t('回收站', 'Recycle bin')}
                </Button>
              ) : null}
            </>
          )}
        </Space>
      </div>
    </div>
  );

  const card = (
    <Card>
      {head}
      <ListFilters filters={filters} url={url} orgScoped={props.orgScoped} extra={props.filterExtra} />
      {bulk.length && chosen.length ? (
        <Space wrap style={{ marginBottom: 12 }} data-testid="bulk-bar">
          <span>{t(`已选 ${chosen.length} 项`, `${chosen.length} selected`)}</span>
          {bulk.map((a) => (
            <BulkButton key={a.key} action={a} onRun={() => runBulk(a)} />
          ))}
          <Button type="link" onClick={() => setSelected([])}>
            {t('取消选择', 'Clear selection')}
          </Button>
        </Space>
      ) : null}
      {list.error ? (
        <ErrorResult error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Table<T>
          rowKey={props.rowKey ?? 'id'}
          size={props.size ?? 'middle'}
          loading={list.isFetching}
          dataSource={rows}
          columns={columns}
          scroll={props.scrollX ? { x: props.scrollX } : undefined}
          rowClassName={props.rowClassName}
          rowSelection={bulk.length ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys) } : undefined}
          onRow={
            props.onRowClick
              ? (row) => ({ onClick: () => props.onRowClick!(row), style: { cursor: 'pointer' } })
              : undefined
          }
          locale={{
            // Before the first answer the spinner speaks: "nothing matches" would be a false statement.
            emptyText: list.isPending ? (
              <span aria-hidden />
            ) : recycle ? (
              t('回收站是空的', 'The recycle bin is empty')
            ) : (
              (props.emptyText ?? t('没有符合条件的记录', 'Nothing matches'))
            ),
          }}
          onChange={(_pg, _f, sorter, extra) => {
            if (extra.action !== 'sort') return;
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            url.setSort(s?.order ? String(s.columnKey ?? s.field) : null, s?.order === 'descend' ? 'desc' : 'asc');
          }}
          pagination={{
            current: url.page,
            pageSize: url.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            onChange: (p, s) => url.setPage(p, s),
            showTotal: (n) => (
              <span data-testid={props.total?.testId}>{props.total?.text?.(n) ?? t(`共 ${n} 条`, `${n} in all`)}</span>
            ),
          }}
        />
      )}
    </Card>
  );
  return (
    <>
      {props.before ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {props.before}
          {card}
        </Space>
      ) : (
        card
      )}
      {props.children}
    </>
  );
}

/** Runs an operation on rows one after the other (each is its own audited change); answers how many succeeded. */
async function each<T>(rows: T[], op: (row: T, quiet: boolean) => Promise<boolean>): Promise<number> {
  let n = 0;
  for (const r of rows) if (await op(r, true)) n++;
  return n;
}

function BulkButton<T>({ action, onRun }: { action: BulkAction<T>; onRun: () => void }) {
  const t = useT();
  const button = (
    <Button danger={action.danger} icon={action.icon} onClick={action.confirm ? undefined : onRun}>
      {action.label}
    </Button>
  );
  if (!action.confirm) return button;
  return (
    <Popconfirm
      title={action.confirm}
      okText={t('确定', 'OK')}
      cancelText={t('取消', 'Cancel')}
      okButtonProps={{ danger: action.danger }}
      onConfirm={onRun}
    >
      {button}
    </Popconfirm>
  );
}
