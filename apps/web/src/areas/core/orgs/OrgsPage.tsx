/** The organizations page: the tree on the left; the detail of the chosen one, or a filtered list, on the right. */
import { Card, Col, Row, Tag, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { ORG_FIELDS, ORG_TYPES } from '@dangjian/contracts';
import type { OrgNode } from '../../../api/types';
import { useEnumOptions, useLabel, useT } from '../../../app/i18n';
import { useScope } from '../../../app/scope';
import { ListPage } from '../../../components/list/ListPage';
import { linkColumn, selectFilter } from '../../../components/list/listParts';
import { OrgTree } from './OrgTree';
import { OrgDetail } from './OrgDetail';

/** The names above an organization within the caller's view: its path without its own name at the end. */
function ancestorsOf(pathNames: readonly string[] | undefined): string[] {
  return (pathNames ?? []).slice(0, -1);
}

function OrgList() {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const { org } = useScope();
  return (
    <ListPage<OrgNode>
      title={t('组织架构', 'Organizations')}
      endpoint="/api/orgs"
      fixedQuery={{ parent: org?.id }}
      size="small"
      filters={[
        selectFilter('type', t('组织类型', 'Type'), opts(ORG_TYPES), 150),
        selectFilter('field', t('领域', 'Field'), opts(ORG_FIELDS), 150),
      ]}
      total={{ text: (n) => t(`共 ${n} 个`, `${n} in all`) }}
      emptyText={t('没有符合条件的组织', 'No organization matches')}
      columns={[
        linkColumn<OrgNode>(t('名称', 'Name'), 'name', (r) => `/orgs/${r.id}`),
        {
          title: t('上级', 'Parents'),
          dataIndex: 'pathNames',
          // The path ends with the organization itself: its parents are the names before it.
          render: (v?: string[]) => ancestorsOf(v).join(' / '),
        },
        { title: t('类型', 'Type'), dataIndex: 'type', render: (v: string) => <Tag>{lbl(ORG_TYPES, v)}</Tag> },
        { title: t('领域', 'Field'), dataIndex: 'field', render: (v: string | null) => lbl(ORG_FIELDS, v) },
        { title: t('党员', 'Members'), dataIndex: 'memberCount', align: 'right' },
      ]}
    />
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
