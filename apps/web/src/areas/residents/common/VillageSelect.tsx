/**
 * The village picker (村、社区) of the residents' forms: the villages and communities of the scope grouped by
 * township, searchable by name — never a committee above them or a branch below them.
 */
import { useEffect, useMemo } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { VillageListT } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useT } from '../../../app/i18n';

/** Props: the chosen village's org id; `current` names a record's village that is no longer a village. */
export interface VillageSelectProps {
  value?: number | null;
  onChange?: (id: number | null) => void;
  id?: string;
  current?: string | null;
  status?: '' | 'error' | 'warning';
  disabled?: boolean;
}

/** The villages of the caller's scope, shared by every picker (a new org edit reloads them). */
export function useVillages() {
  return useQuery({
    queryKey: ['villages'],
    queryFn: ({ signal }) => api.get<VillageListT>('/api/villages', undefined, signal),
    staleTime: 5 * 60_000,
  });
}

/**
 * Starts a new record's form in the home organization when that is a village (a county or township home leaves
 * the field for the user to choose); `set` writes the field without validating it.
 */
export function useHomeVillage(homeId: number | undefined, editing: boolean, set: (id: number) => void): void {
  const q = useVillages();
  const village = !editing && homeId != null && q.data?.items.some((v) => v.id === homeId) ? homeId : undefined;
  useEffect(() => {
    if (village != null) set(village);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [village]);
}

/** The picker; a value that is not a village of the scope shows only as the record's `current` name. */
export function VillageSelect({ value, onChange, id, current, status, disabled }: VillageSelectProps) {
  const t = useT();
  const q = useVillages();
  const items = q.data?.items;
  const known = value != null && !!items?.some((v) => v.id === value);
  const options = useMemo(() => {
    const towns = new Map<string, { label: string; title: string; options: { value: number; label: string }[] }>();
    for (const v of items ?? []) {
      const town = v.townshipName || t('其他', 'Other');
      if (!towns.has(town)) towns.set(town, { label: town, title: town, options: [] });
      towns.get(town)!.options.push({ value: v.id, label: v.name });
    }
    const groups = [...towns.values()];
    if (value != null && !known && current)
      groups.unshift({ label: '', title: '', options: [{ value, label: current }] });
    return groups;
  }, [items, value, known, current, t]);
  return (
    <Select<number>
      id={id}
      value={known || (value != null && current) ? value : undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      showSearch={{ optionFilterProp: 'label' }}
      allowClear
      loading={q.isPending}
      disabled={disabled}
      status={status}
      placeholder={t('选择乡镇下的村（社区）', 'Choose a village by its township')}
      notFoundContent={
        q.isError
          ? t('村（社区）列表加载失败', 'The villages could not be loaded')
          : t('没有匹配的村（社区）', 'No village or community matches')
      }
      data-testid="village-select"
    />
  );
}
