/**
 * The audit trail (auditor), in words: search by what was done or who did it (登录, 修改党员, a name), filters by
 * time (China time), kind of record and outcome; detail with before/after; the chain check.
 */
import { Tag } from 'antd';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { AUDIT_ENTITIES, auditActionLabel } from '@dangjian/contracts';
import type { AuditRecord } from '../../../api/types';
import { useT } from '../../../app/i18n';
import { type ListColumn, ListPage } from '../../../components/list/ListPage';
import { searchFilter, selectFilter } from '../../../components/list/listParts';
import { AuditDetail } from './AuditDetail';
import { AuditActor, AuditEntity, ChainCheckCard, formatTime } from './auditShared';

/** The audit page (`/audit`, `/audit/:id` opens a record). */
export default function AuditPage() {
  const t = useT();
  const words = (l: { zh: string; en: string }) => t(l.zh, l.en);
  const { id } = useParams();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const entityTypes = Object.entries(AUDIT_ENTITIES).map(([value, l]) => ({ value, label: t(l.zh, l.en) }));
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
    { title: t('操作人', 'Actor'), dataIndex: 'actorName', render: (_, r) => <AuditActor r={r} /> },
    { title: t('操作', 'Action'), dataIndex: 'action', render: (v: string) => words(auditActionLabel(v)) },
    { title: t('对象', 'Record'), dataIndex: 'entityType', render: (_, r) => <AuditEntity r={r} /> },
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
        searchFilter(t('搜索', 'Search'), t('操作或操作人，如 登录、修改党员、姓名', 'Action or actor, e.g. sign in'), {
          width: 300,
          testId: 'audit-search',
        }),
        selectFilter('entityType', t('对象类型', 'Record kind'), entityTypes),
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
