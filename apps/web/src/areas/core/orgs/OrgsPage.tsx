/** The organizations page: the tree on the left; the detail of the chosen one, or a filtered list, on the right. */
import { Card, Col, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ORG_FIELDS, ORG_TYPES } from '@dangjian/contracts';
import { api } from '../../../api/client';
import type { ListPage, OrgNode } from '../../../api/types';
import { useEnumOptions, useLabel, useT } from '../../../app/i18n';
import { useScope } from '../../../app/scope';
import { ErrorResult } from '../../../components/States';
import { OrgTree } from './OrgTree';
import { OrgDetail } from './OrgDetail';

function OrgList() {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const { org } = useScope();
  const [params, setParams] = useSearchParams();
  const type = params.get('type') ?? undefined;
  const field = params.get('field') ?? undefined;
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const q = useQuery({
    queryKey: ['orgs', 'list', org?.id ?? null, type, field, page, pageSize],
    queryFn: ({ signal }) =>
      api.get<ListPage<OrgNode>>('/api/orgs', { type, field, parent: org?.id, page, pageSize }, signal),
    placeholderData: (prev) => prev,
  });
  function set(k: string, v: string | undefined) {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    next.delete('page');
    next.set('view', 'list');
    setParams(next);
  }
  return (
    <Card
      title={t('组织列表', 'Organization list')}
      extra={
        <Space wrap>
          <Select
            allowClear
            aria-label={t('组织类型', 'Type')}
            placeholder={t('组织类型', 'Type')}
            style={{ width: 150 }}
            value={type}
            options={opts(ORG_TYPES)}
            onChange={(v) => set('type', v)}
          />
          <Select
            allowClear
            aria-label={t('领域', 'Field')}
            placeholder={t('领域', 'Field')}
            style={{ width: 150 }}
            value={field}
            options={opts(ORG_FIELDS)}
            onChange={(v) => set('field', v)}
          />
        </Space>
      }
    >
      {q.error ? (
        <ErrorResult error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <Table<OrgNode>
          rowKey="id"
          size="small"
          loading={q.isFetching}
          dataSource={q.data?.items ?? []}
          pagination={{
            current: page,
            pageSize,
            total: q.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => t(`共 ${n} 个`, `${n} in all`),
            onChange: (p, s) => {
              const next = new URLSearchParams(params);
              next.set('page', String(p));
              next.set('pageSize', String(s));
              setParams(next);
            },
          }}
          columns={[
            {
              title: t('名称', 'Name'),
              dataIndex: 'name',
              render: (v: string, r) => <Link to={`/orgs/${r.id}`}>{v}</Link>,
            },
            { title: t('上级', 'Parents'), dataIndex: 'pathNames', render: (v?: string[]) => (v ?? []).join(' / ') },
            { title: t('类型', 'Type'), dataIndex: 'type', render: (v: string) => <Tag>{lbl(ORG_TYPES, v)}</Tag> },
            { title: t('领域', 'Field'), dataIndex: 'field', render: (v: string | null) => lbl(ORG_FIELDS, v) },
            { title: t('党员', 'Members'), dataIndex: 'memberCount', align: 'right' },
          ]}
        />
      )}
    </Card>
  );
}

/** The organizations page (`/orgs`, `/orgs/:id`). */
export default function OrgsPage() {
  const t = useT();
  const { id } = useParams();
  const { org } = useScope();
  const navigate = useNavigate();
  const selected = id ? Number(id) : undefined;
  return (
    <Row gutter={16}>
      <Col xs={24} lg={8} xl={7}>
        <Card
          title={<Typography.Text strong>{t('组织树', 'Organization tree')}</Typography.Text>}
          size="small"
          style={{ marginBottom: 16 }}
        >
          <OrgTree
            key={org?.id ?? 'root'}
            rootId={org?.id}
            rootName={org?.name}
            selectedId={selected}
            onSelect={(x) => navigate(`/orgs/${x}`)}
          />
        </Card>
      </Col>
      <Col xs={24} lg={16} xl={17}>
        {selected ? <OrgDetail id={selected} /> : <OrgList />}
      </Col>
    </Row>
  );
}
