/** The lazy, searchable organization tree of the organizations page. */
import { useEffect, useState } from 'react';
import { Empty, Input, List, Spin, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { ORG_TYPES } from '@dangjian/contracts';
import { api } from '../../../api/client';
import type { ListAnswer, OrgNode, OrgTreeLevel } from '../../../api/types';
import { useLabel, useT } from '../../../app/i18n';

interface Props {
  rootId?: number;
  rootName?: string;
  selectedId?: number;
  onSelect: (id: number) => void;
}

type Node = DataNode & { key: number; children?: Node[] };

function toNode(o: OrgNode, typeLabel: string): Node {
  return {
    key: o.id,
    title: (
      <span>
        {o.name}{' '}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {typeLabel} · {o.memberCount}
        </Typography.Text>
      </span>
    ),
    isLeaf: !o.hasChildren,
  };
}

function insert(list: Node[], parent: number, children: Node[]): Node[] {
  return list.map((n) =>
    n.key === parent ? { ...n, children } : n.children ? { ...n, children: insert(n.children, parent, children) } : n,
  );
}

/** The tree with a search box: typing searches the whole scope on the server. */
export function OrgTree({ rootId, rootName, selectedId, onSelect }: Props) {
  const t = useT();
  const lbl = useLabel();
  const [tree, setTree] = useState<Node[] | null>(null);
  const [expanded, setExpanded] = useState<React.Key[]>([]);
  const [q, setQ] = useState('');
  const [found, setFound] = useState<OrgNode[] | null>(null);
  const [searching, setSearching] = useState(false);

  useEffect(() => {
    let alive = true;
    setTree(null);
    const load = rootId
      ? api.get<OrgNode>(`/api/orgs/${rootId}`).then((o) => [
          {
            ...o,
            hasChildren: true,
            memberCount: (o as unknown as { memberCounts?: { total: number } }).memberCounts?.total ?? 0,
          } as OrgNode,
        ])
      : api.get<OrgTreeLevel>('/api/orgs/tree').then((r) => r.items);
    load
      .then((items) => {
        if (!alive) return;
        setTree(items.map((o) => toNode(o, lbl(ORG_TYPES, o.type))));
        setExpanded(items.map((o) => o.id));
      })
      .catch(() => alive && setTree([]));
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rootId]);

  useEffect(() => {
    if (!q.trim()) {
      setFound(null);
      return;
    }
    setSearching(true);
    const h = window.setTimeout(() => {
      api
        .get<ListAnswer<OrgNode>>('/api/orgs', { q: q.trim(), parent: rootId, pageSize: 50 })
        .then((r) => setFound(r.items))
        .catch(() => setFound([]))
        .finally(() => setSearching(false));
    }, 250);
    return () => window.clearTimeout(h);
  }, [q, rootId]);

  async function loadData(node: { key: React.Key; children?: unknown }) {
    if (node.children) return;
    const r = await api.get<OrgTreeLevel>('/api/orgs/tree', { parent: Number(node.key) });
    const kids = r.items.filter((o) => o.id !== Number(node.key)).map((o) => toNode(o, lbl(ORG_TYPES, o.type)));
    setTree((prev) => insert(prev ?? [], Number(node.key), kids));
  }

  return (
    <div>
      <Input.Search
        allowClear
        placeholder={t('搜索组织名称', 'Search organizations')}
        aria-label={t('搜索组织', 'Search organizations')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        loading={searching}
        style={{ marginBottom: 12 }}
      />
      {found ? (
        found.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('没有匹配的组织', 'No matching organization')} />
        ) : (
          <List
            size="small"
            dataSource={found}
            renderItem={(o) => (
              <List.Item
                style={{ cursor: 'pointer', background: o.id === selectedId ? '#fff1f0' : undefined }}
                onClick={() => onSelect(o.id)}
              >
                <div>
                  <a
                    href={`/orgs/${o.id}`}
                    onClick={(e) => {
                      e.preventDefault();
                      onSelect(o.id);
                    }}
                  >
                    {o.name}
                  </a>{' '}
                  <Tag>{lbl(ORG_TYPES, o.type)}</Tag>
                  <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.65)' }}>
                    {(o.pathNames ?? []).slice(0, -1).join(' / ')}
                  </div>
                </div>
              </List.Item>
            )}
          />
        )
      ) : tree === null ? (
        <Spin />
      ) : tree.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={rootName ?? t('暂无组织', 'No organizations')} />
      ) : (
        <Tree
          treeData={tree}
          loadData={loadData}
          expandedKeys={expanded}
          onExpand={(keys) => setExpanded(keys)}
          selectedKeys={selectedId ? [selectedId] : []}
          onSelect={(keys) => keys[0] != null && onSelect(Number(keys[0]))}
          blockNode
          aria-label={t('组织树', 'Organization tree')}
        />
      )}
    </div>
  );
}
