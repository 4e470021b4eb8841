/** The panel of a round: several members searched by name or pinyin (`GET /api/members?q=`), kept with their names. */
import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { ListPage, Member } from '../../../api/types';
import { useT } from '../../../app/i18n';

/** A multiple member picker a form item holds. */
export function PanelPicker(props: { value?: number[]; onChange?: (v: number[]) => void; id?: string }) {
  const t = useT();
  const [q, setQ] = useState('');
  const [names, setNames] = useState<Record<number, string>>({});
  const found = useQuery({
    queryKey: ['members', 'pick-many', q],
    queryFn: ({ signal }) => api.get<ListPage<Member>>('/api/members', { q: q || undefined, pageSize: 20 }, signal),
  });
  const items = found.data?.items ?? [];
  const options = items.map((m) => ({ value: m.id, label: `${m.name}（${m.orgName}）` }));
  for (const v of props.value ?? [])
    if (!options.some((o) => o.value === v)) options.push({ value: v, label: names[v] ?? String(v) });
  return (
    <Select
      id={props.id}
      mode="multiple"
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={props.value ?? []}
      onChange={(v: number[]) => {
        const next = { ...names };
        for (const m of items) next[m.id] = `${m.name}（${m.orgName}）`;
        setNames(next);
        props.onChange?.(v);
      }}
      options={options}
      loading={found.isFetching}
      placeholder={t('输入姓名或拼音查找党员代表', 'Type a name or pinyin')}
      notFoundContent={t('没有匹配的党员', 'No matching member')}
      data-testid="panel-picker"
    />
  );
}
