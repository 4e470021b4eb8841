/** The filter bar of a list page, built from declarative filter specs; every value lives in the URL. */
import { useEffect, useState, type ReactNode } from 'react';
import { Button, Checkbox, DatePicker, Input, InputNumber, Select, Space, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { chinaDateTime, chinaInstant } from '@dangjian/contracts';
import { api } from '../../api/client';
import type { Org } from '../../api/types';
import { useT } from '../../app/i18n';
import type { FilterValue, ListUrl } from './listUrl';

interface FilterBase {
  /** The URL and API query key. */
  key: string;
  /** The accessible name (and placeholder unless `placeholder` is given). */
  label: string;
  placeholder?: string;
  width?: number;
  testId?: string;
}

/** One filter of a list page. */
export type ListFilter =
  | (FilterBase & { kind: 'search'; maxLength?: number })
  | (FilterBase & { kind: 'select'; options: { value: string; label: string }[] })
  | (FilterBase & { kind: 'number'; min?: number; max?: number })
  /** `showTime`: instants, picked and shown in China time. */
  | (FilterBase & { kind: 'dateRange'; keyTo: string; showTime?: boolean; placeholderTo?: string })
  | (FilterBase & { kind: 'check' })
  | (FilterBase & { kind: 'custom'; render: (value: string | null, set: (v: FilterValue) => void) => ReactNode });

/** The API query keys the filters use (a date range has two). */
export function filterKeys(filters: readonly ListFilter[]): string[] {
  return filters.flatMap((f) => (f.kind === 'dateRange' ? [f.key, f.keyTo] : [f.key]));
}

/** A search box that keeps its text until Enter and follows the URL when it changes (back, clear). */
function SearchBox({ f, url }: { f: ListFilter & { kind: 'search' }; url: ListUrl }) {
  const value = url.params.get(f.key) ?? '';
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  return (
    <Input.Search
      allowClear
      maxLength={f.maxLength}
      aria-label={f.label}
      placeholder={f.placeholder ?? f.label}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onSearch={(v) => url.setFilters({ [f.key]: v.trim() })}
      style={{ width: f.width ?? 220 }}
      data-testid={f.testId}
    />
  );
}

function FilterInput({ f, url }: { f: ListFilter; url: ListUrl }) {
  const t = useT();
  const value = url.params.get(f.key);
  const set = (v: FilterValue) => url.setFilters({ [f.key]: v });
  const placeholder = f.placeholder ?? f.label;
  switch (f.kind) {
    case 'search':
      return <SearchBox f={f} url={url} />;
    case 'select':
      return (
        <Select
          allowClear
          aria-label={f.label}
          placeholder={placeholder}
          style={{ width: f.width ?? 140 }}
          value={value ?? undefined}
          options={f.options}
          onChange={(v) => set(v)}
          data-testid={f.testId}
        />
      );
    case 'number':
      return (
        <InputNumber
          aria-label={f.label}
          placeholder={placeholder}
          style={{ width: f.width ?? 120 }}
          min={f.min}
          max={f.max}
          value={value ? Number(value) : null}
          onChange={(v) => set(v)}
          data-testid={f.testId}
        />
      );
    case 'check':
      return (
        <Checkbox checked={value === 'true'} onChange={(e) => set(e.target.checked)} data-testid={f.testId}>
          {f.label}
        </Checkbox>
      );
    case 'dateRange': {
      const to = url.params.get(f.keyTo);
      const fmt = f.showTime ? 'YYYY-MM-DD HH:mm' : 'YYYY-MM-DD';
      // With a time, the picker's wall clock is China time whatever the browser's zone (the app's one clock).
      const out = (d: dayjs.Dayjs | null | undefined) =>
        d ? (f.showTime ? chinaInstant(d.format('YYYY-MM-DD'), d.format('HH:mm')) : d.format(fmt)) : null;
      const shown = (v: string) => dayjs(f.showTime ? chinaDateTime(v) : v);
      return (
        <DatePicker.RangePicker
          aria-label={f.label}
          format={fmt}
          showTime={f.showTime ? { format: 'HH:mm' } : undefined}
          allowEmpty={[true, true]}
          value={value || to ? [value ? shown(value) : null, to ? shown(to) : null] : null}
          onChange={(v) => url.setFilters({ [f.key]: out(v?.[0]), [f.keyTo]: out(v?.[1]) })}
          placeholder={
            f.placeholder ? [f.placeholder, f.placeholderTo ?? ''] : [t('开始日期', 'From'), t('结束日期', 'To')]
          }
          data-testid={f.testId}
        />
      );
    }
    case 'custom':
      return <>{f.render(value, set)}</>;
  }
}

/** The tag of the organization the list is narrowed to by the URL (`?org=`), closable. */
function OrgTag({ url }: { url: ListUrl }) {
  const t = useT();
  const org = url.params.get('org');
  const name = useQuery({
    queryKey: ['org', Number(org)],
    queryFn: ({ signal }) => api.get<Org>(`/api/orgs/${org}`, undefined, signal),
    enabled: !!org,
  });
  if (!org) return null;
  return (
    <Tag closable onClose={() => url.setFilters({ org: null })}>
      {t('组织：', 'Organization: ')}
      {name.data?.name ?? '…'}
    </Tag>
  );
}

/** The filter bar: the filters, the org tag of an org-scoped list and "clear filters". */
export function ListFilters({
  filters,
  url,
  orgScoped,
  extra,
}: {
  filters: readonly ListFilter[];
  url: ListUrl;
  orgScoped?: boolean;
  extra?: ReactNode;
}) {
  const t = useT();
  if (!filters.length && !orgScoped && !extra) return null;
  return (
    <div role="search">
      <Space wrap style={{ marginBottom: 12 }}>
        {filters.map((f) => (
          <FilterInput key={f.key} f={f} url={url} />
        ))}
        {extra}
        {orgScoped ? <OrgTag url={url} /> : null}
        {url.filtered ? (
          <Button type="link" onClick={url.clear}>
            {t('清除筛选', 'Clear filters')}
          </Button>
        ) : null}
      </Space>
    </div>
  );
}
