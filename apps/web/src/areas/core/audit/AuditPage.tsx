/** The audit trail (auditor): filters by time, actor, action, entity; detail with before/after; the chain check. */
import { Tag } from 'antd';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ROLES } from '@dangjian/contracts';
import type { AuditRecord } from '../../../api/types';
import { useLabel, useT } from '../../../app/i18n';
import { type ListColumn, ListPage } from '../../../components/list/ListPage';
import { searchFilter, selectFilter } from '../../../components/list/listParts';
import { AuditDetail } from './AuditDetail';
import { ChainCheckCard, formatTime } from './auditShared';

/** The kinds of records the audit trail names, with their labels. */
const ENTITY_TYPES: Record<string, { zh: string; en: string }> = {
  user: { zh: '账号', en: 'Account' },
  org: { zh: '组织', en: 'Organization' },
  member: { zh: '党员', en: 'Member' },
  member_import: { zh: '党员导入', en: 'Member import' },
  meeting: { zh: '组织生活', en: 'Meeting' },
  meeting_rule: { zh: '组织生活规则', en: 'Meeting rule' },
  rules: { zh: '规则', en: 'Rules' },
};

/** The audit page (`/audit`, `/audit/:id` opens a record). */
export default function AuditPage() {
  const t = useT();
  const lbl = useLabel();
  const { id } = useParams();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const entityTypes = Object.entries(ENTITY_TYPES).map(([value, l]) => ({ value, label: t(l.zh, l.en) }));
  const results = [
    { value: 'true', label: t('成功', 'OK') },
    { value: 'false', label: t('失败', 'Failed') },
  ];
  const columns: ListColumn<AuditRecord>[] = [
    {
      title: t('时间', 'Time'),
      dataIndex: 'at',
      width: 170,
      render: (v: string, r) => (
        <Link to={{ pathname: `/audit/${r.id}`, search: params.toString() }}>{formatTime(v)}</Link>
      ),
    },
    { title: t('操作人', 'Actor'), dataIndex: 'actorName', render: (v: string | null) => v ?? '—' },
    { title: t('角色', 'Role'), dataIndex: 'role', render: (v: string | null) => (v ? lbl(ROLES, v) : '—') },
    { title: t('操作', 'Action'), dataIndex: 'action', render: (v: string) => <code>{v}</code> },
    {
      title: t('对象', 'Entity'),
      render: (_, r) => (r.entityType ? `${r.entityType}${r.entityId ? ` #${r.entityId}` : ''}` : '—'),
    },
    { title: 'IP', dataIndex: 'ip', width: 130 },
    {
      title: t('结果', 'Result'),
      dataIndex: 'success',
      width: 80,
      render: (v: boolean) =>
        v ? <Tag color="success">{t('成功', 'OK')}</Tag> : <Tag color="error">{t('失败', 'Failed')}</Tag>,
    },
  ];
  return (
    <ListPage<AuditRecord>
      title={t('审计日志', 'Audit trail')}
      endpoint="/api/audit"
      before={<ChainCheckCard />}
      filters={[
        { kind: 'dateRange', key: 'from', keyTo: 'to', showTime: true, label: t('时间范围', 'Time range') },
        { kind: 'search', key: 'actor', label: t('操作人', 'Actor'), width: 160 },
        searchFilter(t('操作', 'Action'), t('操作，如 member.update', 'Action, e.g. member.update'), { key: 'action' }),
        selectFilter('entityType', t('对象类型', 'Entity type'), entityTypes),
        { kind: 'search', key: 'entityId', label: t('对象编号', 'Entity id'), width: 140 },
        selectFilter('success', t('结果', 'Result'), results, 110),
      ]}
      columns={columns}
      size="small"
      scrollX={900}
      emptyText={t('没有符合条件的审计记录', 'No audit record matches')}
    >
      {id ? (
        <AuditDetail id={Number(id)} onClose={() => navigate({ pathname: '/audit', search: params.toString() })} />
      ) : null}
    </ListPage>
  );
}
