/** Pickers a form item holds: a select searching a list route, and the member picker built on it. */
import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ListPage, Member } from '../../api/types';
import { useT } from '../../app/i18n';

/**
 * A member picker over `GET /api/members?q=` answering the id and the name; `initialLabel` names the chosen one
 * until the search finds it, `needsOrg` waits for an organization before searching.
 */
export function MemberPicker({
  onChange,
  placeholder,
  initialLabel,
  needsOrg,
  ...props
}: Omit<PickerProps<Member>, 'onChange'> & {
  onChange?: (v: number | null, name?: string) => void;
  placeholder?: string;
  initialLabel?: string | null;
  needsOrg?: boolean;
}) {
  const t = useT();
  return (
    <SearchPicker<Member>
      {...props}
      onChange={(v, m) => onChange?.(v, m?.name)}
      path="/api/members"
      queryKey="members"
      label={(m) => `${m.name}（${m.orgName}）`}
      initial={props.value && initialLabel ? { value: props.value, label: initialLabel } : undefined}
      placeholder={placeholder ?? t('输入姓名或拼音查找党员', 'Type a name or pinyin')}
      notFound={() => t('没有匹配的党员', 'No matching member')}
      ready={() => !needsOrg || !!props.org}
    />
  );
}

/** The props of a picker a form item holds. */
export interface PickerProps<T> {
  org?: number | null;
  value?: number | null;
  onChange?: (v: number | null, item?: T) => void;
  id?: string;
}

/** A select searching a list route (20 at a time, within `org`) under the query key [queryKey, 'pick', org, q]. */
export function SearchPicker<T extends { id: number }>(
  props: PickerProps<T> & {
    path: string;
    queryKey: string;
    label: (item: T) => string;
    placeholder: string;
    notFound: (busy: boolean) => string;
    ready: (q: string) => boolean;
    initial?: { value: number; label: string };
  },
) {
  const [q, setQ] = useState('');
  const { org } = props;
  const found = useQuery({
    queryKey: [props.queryKey, 'pick', org ?? null, q],
    queryFn: ({ signal }) =>
      api.get<ListPage<T>>(props.path, { org: org ?? undefined, q: q || undefined, pageSize: 20 }, signal),
    enabled: props.ready(q),
  });
  const items = found.data?.items ?? [];
  const options = items.map((x) => ({ value: x.id, label: props.label(x) }));
  if (props.initial && !options.some((o) => o.value === props.initial?.value)) options.unshift(props.initial);
  return (
    <Select
      id={props.id}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={props.value ?? undefined}
      onChange={(v) =>
        props.onChange?.(
          v ?? null,
          items.find((x) => x.id === v),
        )
      }
      options={options}
      loading={found.isFetching}
      placeholder={props.placeholder}
      notFoundContent={props.notFound(found.isFetching)}
    />
  );
}
