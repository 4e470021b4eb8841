/** A lazy, searchable organization picker over `GET /api/orgs/tree?parent=` and `GET /api/orgs?q=`. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { InputNumber, TreeSelect } from 'antd';
import { ORG_TYPES } from '@dangjian/contracts';
import { api } from '../api/client';
import type { ListAnswer, OrgNode, OrgTreeLevel } from '../api/types';
import { useLabel, useT } from '../app/i18n';

interface SimpleNode {
  id: number;
  pId: number | null;
  value: number;
  title: string;
  isLeaf: boolean;
  [k: string]: unknown;
}

/** Props: the selected org id; `valueLabel` names it before its node is loaded. */
export interface OrgTreeSelectProps {
  value?: number | null;
  valueLabel?: string;
  onChange?: (id: number | null, name?: string) => void;
  placeholder?: string;
  allowClear?: boolean;
  id?: string;
  ariaLabel?: string;
  style?: React.CSSProperties;
  disabled?: boolean;
  /** Disable nodes (e.g. the org being moved and its subtree). */
  disabledIds?: number[];
  size?: 'small' | 'middle' | 'large';
  status?: 'error' | 'warning' | '';
  /** Open the popup at once (the header switcher opens it on first click). */
  defaultOpen?: boolean;
}

function toNode(o: OrgNode, typeLabel: string): SimpleNode {
  return { id: o.id, pId: o.parentId, value: o.id, title: o.name, isLeaf: !o.hasChildren, typeLabel };
}

/** The organization picker used by the org switcher and the forms. */
export function OrgTreeSelect(props: OrgTreeSelectProps) {
  const t = useT();
  const lbl = useLabel();
  const [nodes, setNodes] = useState<SimpleNode[]>([]);
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<SimpleNode[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [expanded, setExpanded] = useState<(string | number)[]>([]);
  const names = useRef(new Map<number, string>());
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => {
    let alive = true;
    api
      .get<{ items: OrgNode[] }>('/api/orgs/tree')
      .then(async (r) => {
        if (!alive) return;
        r.items.forEach((o) => names.current.set(o.id, o.name));
        const roots = r.items.map((o) => toNode(o, lbl(ORG_TYPES, o.type)));
        // Open the root one level so the next organizations are one click away.
        const root = r.items.length === 1 && r.items[0].hasChildren ? r.items[0] : null;
        const kids = root
          ? (await api.get<OrgTreeLevel>('/api/orgs/tree', { parent: root.id })).items.filter((o) => o.id !== root.id)
          : [];
        if (!alive) return;
        kids.forEach((o) => names.current.set(o.id, o.name));
        setNodes([...roots, ...kids.map((o) => toNode(o, lbl(ORG_TYPES, o.type)))]);
        if (root) setExpanded([root.id]);
      })
      .catch(() => alive && setFailed(true));
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    window.clearTimeout(timer.current);
    if (!search.trim()) {
      setFound(null);
      return;
    }
    timer.current = window.setTimeout(() => {
      api
        .get<ListAnswer<OrgNode>>('/api/orgs', { q: search.trim(), pageSize: 50 })
        .then((r) => {
          r.items.forEach((o) => names.current.set(o.id, o.name));
          setFound(
            r.items.map((o) => ({
              id: o.id,
              pId: null,
              value: o.id,
              // The path ends with the organization itself: grandparent / parent / it.
              title: o.pathNames?.length ? o.pathNames.slice(-3).join(' / ') : o.name,
              isLeaf: true,
            })),
          );
        })
        .catch(() => setFound([]));
    }, 250);
  }, [search]);

  const disabled = useMemo(() => new Set(props.disabledIds ?? []), [props.disabledIds]);
  const treeData = (found ?? nodes).map((n) => ({
    ...n,
    disabled: disabled.has(n.id) || (n.pId != null && disabled.has(n.pId)),
  }));

  async function loadData(node: { id?: unknown; value?: unknown }) {
    const id = Number(node.value ?? node.id);
    if (nodes.some((n) => n.pId === id)) return;
    const r = await api.get<OrgTreeLevel>('/api/orgs/tree', { parent: id });
    r.items.forEach((o) => names.current.set(o.id, o.name));
    setNodes((prev) => {
      const have = new Set(prev.map((p) => p.id));
      return [
        ...prev,
        ...r.items.filter((o) => !have.has(o.id) && o.id !== id).map((o) => toNode(o, lbl(ORG_TYPES, o.type))),
      ];
    });
  }

  const value =
    props.value == null
      ? undefined
      : { value: props.value, label: names.current.get(props.value) ?? props.valueLabel ?? '…' };

  if (failed) {
    // Without read access to the tree (e.g. the security admin), the org is entered by its number.
    return (
      <InputNumber
        id={props.id}
        aria-label={props.ariaLabel}
        style={props.style ?? { width: '100%' }}
        min={1}
        disabled={props.disabled}
        status={props.status}
        value={props.value ?? null}
        placeholder={t('组织编号', 'Organization number')}
        onChange={(v) => props.onChange?.(v == null ? null : Number(v))}
      />
    );
  }

  return (
    <TreeSelect
      id={props.id}
      aria-label={props.ariaLabel}
      style={props.style ?? { width: '100%' }}
      size={props.size}
      status={props.status}
      disabled={props.disabled}
      treeDataSimpleMode
      treeData={treeData}
      loadData={found ? undefined : loadData}
      treeExpandedKeys={found ? undefined : expanded}
      onTreeExpand={(keys) => setExpanded(keys as (string | number)[])}
      labelInValue
      value={value}
      onChange={(v: { value: number; label?: React.ReactNode } | undefined) => {
        if (!v) return props.onChange?.(null);
        const id = Number(v.value);
        props.onChange?.(id, names.current.get(id) ?? (typeof v.label === 'string' ? v.label : undefined));
      }}
      showSearch={{ filterTreeNode: false, onSearch: setSearch, searchValue: search }}
      onOpenChange={(open) => !open && setSearch('')}
      allowClear={props.allowClear}
      placeholder={props.placeholder ?? t('选择组织', 'Choose an organization')}
      notFoundContent={t('没有匹配的组织', 'No matching organization')}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxHeight: 420, overflow: 'auto', minWidth: 280 } } }}
      treeNodeLabelProp="title"
      defaultOpen={props.defaultOpen}
      autoFocus={props.defaultOpen}
    />
  );
}
