/** Pieces shared by the residents pages: page head, tags, household and member pickers and filters, yes/no options. */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Select, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { HOUSEHOLD_TAGS, POOR_TAGS } from '@dangjian/contracts';
import { api } from '../../../api/client';
import type { ListPage } from '../../../api/types';
import { useLabel, useT } from '../../../app/i18n';
import { useScope } from '../../../app/scope';
import { sortTags, type Household, type MemberOption, type ResidentsRulesAnswer } from './model';

/** A page title with actions on the right. */
export function PageHead({
  title,
  actions,
  children,
}: {
  title: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <>
      <div style={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 12, marginBottom: 12 }}>
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {title}
        </Typography.Title>
        {actions ? (
          <div style={{ marginLeft: 'auto' }}>
            <Space wrap>{actions}</Space>
          </div>
        ) : null}
      </div>
      {children}
    </>
  );
}

/** A household's tags; the poor ones in red. */
export function HouseholdTags({ tags }: { tags: readonly string[] }) {
  const lbl = useLabel();
  if (!tags.length) return <span className="dj-muted">—</span>;
  return (
    <Space size={[4, 4]} wrap>
      {sortTags(tags).map((tag) => (
        <Tag
          key={tag}
          color={(POOR_TAGS as readonly string[]).includes(tag) ? 'red' : undefined}
          style={{ marginInlineEnd: 0 }}
        >
          {lbl(HOUSEHOLD_TAGS, tag)}
        </Tag>
      ))}
    </Space>
  );
}

/** A remote-search Select: answers options for a typed text, debounced. */
function useRemoteOptions<T>(fetcher: (q: string) => Promise<T[]>, deps: unknown[]) {
  const [text, setText] = useState('');
  const [items, setItems] = useState<T[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => {
    window.clearTimeout(timer.current);
    let alive = true;
    timer.current = window.setTimeout(() => {
      setLoading(true);
      fetcher(text.trim())
        .then((r) => alive && setItems(r))
        .catch(() => alive && setItems([]))
        .finally(() => alive && setLoading(false));
    }, 250);
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, ...deps]);
  return { text, setText, items, loading };
}

/** Props of the household picker. */
export interface HouseholdSelectProps {
  value?: number | null;
  onChange?: (id: number | null, h?: Household) => void;
  /** Limit to an organization's subtree (e.g. the village of a group). */
  org?: number;
  /** Only poor households (pairing). */
  poor?: boolean;
  /** Only households without a group. */
  grouped?: boolean;
  valueLabel?: string;
  id?: string;
  ariaLabel?: string;
  style?: React.CSSProperties;
  status?: '' | 'error' | 'warning';
  excludeIds?: number[];
}

/** Label of a household in pickers: head, address and village. */
export function householdLabel(h: Pick<Household, 'headName' | 'address' | 'orgName'>): string {
  return `${h.headName} · ${h.address}${h.orgName ? ` · ${h.orgName}` : ''}`;
}

/** Picks a household by searching head name, address or a full phone/ID number. */
export function HouseholdSelect(props: HouseholdSelectProps) {
  const t = useT();
  const { org } = useScope();
  const scopeOrg = props.org ?? org?.id;
  const r = useRemoteOptions<Household>(
    (q) =>
      api
        .get<ListPage<Household>>('/api/households', {
          q,
          org: scopeOrg,
          poor: props.poor ? 'true' : undefined,
          grouped: props.grouped === undefined ? undefined : String(props.grouped),
          pageSize: 20,
        })
        .then((p) => p.items),
    [scopeOrg, props.poor, props.grouped],
  );
  const excluded = new Set(props.excludeIds ?? []);
  return (
    <RemoteSelect
      {...props}
      r={{ ...r, items: r.items.filter((h) => !excluded.has(h.id)) }}
      label={householdLabel}
      placeholder={t(
        '输入户主姓名、地址或完整手机号/身份证号搜索',
        'Search head name, address, full phone or ID number',
      )}
      notFound={t('没有匹配的户', 'No matching household')}
      testId="household-select"
    />
  );
}

/** Props of the member picker. */
export interface MemberSelectProps {
  value?: number | null;
  onChange?: (id: number | null, m?: MemberOption) => void;
  org?: number;
  valueLabel?: string;
  id?: string;
  ariaLabel?: string;
  style?: React.CSSProperties;
  status?: '' | 'error' | 'warning';
  placeholder?: string;
}

/** Picks a party member by name, pinyin or initials (`GET /api/members?q=`). */
export function MemberSelect(props: MemberSelectProps) {
  const t = useT();
  const r = useRemoteOptions<MemberOption>(
    (q) => api.get<ListPage<MemberOption>>('/api/members', { q, org: props.org, pageSize: 20 }).then((p) => p.items),
    [props.org],
  );
  return (
    <RemoteSelect
      {...props}
      r={r}
      label={(m) => `${m.name} · ${m.orgName}`}
      placeholder={props.placeholder ?? t('输入党员姓名、拼音或首字母', 'Search a member by name, pinyin or initials')}
      notFound={t('没有匹配的党员', 'No matching member')}
      testId="member-select"
    />
  );
}

/** The select of the two pickers above: the searched records, the chosen one kept when not among them. */
function RemoteSelect<T extends { id: number }>(props: {
  r: ReturnType<typeof useRemoteOptions<T>>;
  label: (item: T) => string;
  placeholder: string;
  notFound: string;
  testId: string;
  value?: number | null;
  onChange?: (id: number | null, item?: T) => void;
  valueLabel?: string;
  id?: string;
  ariaLabel?: string;
  style?: React.CSSProperties;
  status?: '' | 'error' | 'warning';
}) {
  const t = useT();
  const { r } = props;
  const options: { value: number; label: string; item?: T }[] = r.items.map((x) => ({
    value: x.id,
    label: props.label(x),
    item: x,
  }));
  if (props.value != null && !options.some((o) => o.value === props.value))
    options.unshift({ value: props.value, label: props.valueLabel ?? '…' });
  return (
    <Select
      id={props.id}
      aria-label={props.ariaLabel}
      status={props.status}
      style={props.style ?? { width: '100%' }}
      showSearch={{ filterOption: false, onSearch: r.setText, searchValue: r.text }}
      allowClear
      loading={r.loading}
      value={props.value ?? undefined}
      placeholder={props.placeholder}
      notFoundContent={r.loading ? t('搜索中…', 'Searching…') : props.notFound}
      options={options}
      onChange={(v, o) => props.onChange?.(v ?? null, (o as { item?: T } | undefined)?.item)}
      popupMatchSelectWidth={false}
      data-testid={props.testId}
    />
  );
}

/** The tag naming the organization filter of the URL (`?org=`), closable. */
export function OrgFilterTag({ orgId, onClose }: { orgId: string | null; onClose: () => void }) {
  const t = useT();
  const q = useQuery({
    queryKey: ['org', Number(orgId)],
    queryFn: ({ signal }) => api.get<{ name: string }>(`/api/orgs/${orgId}`, undefined, signal),
    enabled: !!orgId,
  });
  if (!orgId) return null;
  return (
    <Tag closable onClose={onClose}>
      {t('组织：', 'Organization: ')}
      {q.data?.name ?? '…'}
    </Tag>
  );
}

/** The service rules in force (`GET /api/service-rules`), cached for the session. */
export function useResidentsRules() {
  return useQuery({
    queryKey: ['service-rules'],
    queryFn: ({ signal }) => api.get<ResidentsRulesAnswer>('/api/service-rules', undefined, signal),
    staleTime: 60_000,
  });
}

/** The yes/no options of a boolean list filter (`true` / `false` in the URL). */
export function useYesNo() {
  const t = useT();
  return [
    { value: 'true', label: t('是', 'Yes') },
    { value: 'false', label: t('否', 'No') },
  ];
}

/** A list filter that picks a member (`?visitor=` and the like hold the member id); names the chosen one. */
export function MemberFilter(props: { value: string | null; onChange: (id: number | null) => void; label: string }) {
  const id = props.value ? Number(props.value) : null;
  const name = useQuery({
    queryKey: ['member', id],
    queryFn: ({ signal }) => api.get<{ name: string }>(`/api/members/${id}`, undefined, signal),
    enabled: !!id,
  });
  return (
    <MemberSelect
      ariaLabel={props.label}
      placeholder={props.label}
      style={{ width: 200 }}
      value={id}
      valueLabel={name.data?.name}
      onChange={(v) => props.onChange(v)}
    />
  );
}
