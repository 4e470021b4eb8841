/**
 * Accountability records (`/accountability`, 问责记录) on ListPage: reminders, inquiries, admonitions, interviews,
 * public criticism and punishments of the caller's subtree, by kind, target and period, with the problem or
 * inspection each came from; the Excel export and the recycle bin. Read by the county and townships only.
 */
import { Tag } from 'antd';
import { Link, useNavigate } from 'react-router';
import { ACCOUNTABILITY_KINDS, ACCOUNTABILITY_TARGETS } from '@dangjian/contracts';
import { useEnumOptions, useLabel, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { type ListFilter, ListPage } from '../../../components/list/ListPage';
import { NewButton, recycleBin, searchFilter, selectFilter } from '../../../components/list/listParts';
import { type AccountabilityItem, KIND_COLORS, targetOf } from './accountabilityModel';

/** The accountability page. */
export default function AccountabilityPage() {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const filters: ListFilter[] = [
    searchFilter(t('搜索', 'Search'), t('对象或事由', 'Target or reason'), { maxLength: 40 }),
    selectFilter('kind', t('问责方式', 'Kind'), opts(ACCOUNTABILITY_KINDS), 130, 'kind-filter'),
    selectFilter('target', t('问责对象', 'Target'), opts(ACCOUNTABILITY_TARGETS), 110),
    { kind: 'dateRange', key: 'from', keyTo: 'to', label: t('问责日期', 'Decided between') },
  ];
  return (
    <ListPage<AccountabilityItem>
      title={t('问责记录', 'Accountability')}
      endpoint="/api/accountability"
      orgScoped
      disabled={!hasCap(me, 'accountability.read')}
      filters={filters}
      columns={[
        {
          title: t('问责方式', 'Kind'),
          dataIndex: 'kind',
          width: 130,
          render: (_: unknown, r) => (
            <Tag color={KIND_COLORS[r.kind]}>
              {lbl(ACCOUNTABILITY_KINDS, r.kind)}
              {r.subKind ? `·${r.subKind}` : ''}
            </Tag>
          ),
        },
        {
          title: t('问责对象', 'Target'),
          key: 'target',
          width: 220,
          render: (_: unknown, r) => (
            <>
              <span className="dj-muted">{lbl(ACCOUNTABILITY_TARGETS, r.targetKind)} · </span>
              {targetOf(r)}
            </>
          ),
        },
        { title: t('所属组织', 'Counted under'), dataIndex: 'orgName', width: 180 },
        { title: t('问责事由', 'Reason'), dataIndex: 'reason', ellipsis: true },
        {
          title: t('关联', 'Linked to'),
          key: 'link',
          width: 140,
          render: (_: unknown, r) =>
            r.problemId ? (
              <Link to={`/problems/${r.problemId}`} onClick={(e) => e.stopPropagation()}>
                {t('整改问题', 'A problem')}
              </Link>
            ) : r.inspectionId ? (
              <Link to={`/inspections/${r.inspectionId}`} onClick={(e) => e.stopPropagation()}>
                {r.inspectionTitle ?? t('督查检查', 'An inspection')}
              </Link>
            ) : r.markId ? (
              t('发展党员督查', 'Development supervision')
            ) : (
              '—'
            ),
        },
        { title: t('决定单位', 'Decided by'), dataIndex: 'decidedByName', width: 170 },
        { title: t('问责日期', 'Decided on'), dataIndex: 'decidedOn', width: 110 },
      ]}
      scrollX={1300}
      onRowClick={(r) => navigate(`/accountability/${r.id}`)}
      recycle={recycleBin('accountability.write', (r: AccountabilityItem) =>
        t(`对${targetOf(r)}的问责`, `the record on ${targetOf(r)}`),
      )}
      exportPath="/api/accountability/export"
      actions={
        <NewButton
          show={hasCap(me, 'accountability.write')}
          onClick={() => navigate('/accountability/new')}
          testId="new-accountability"
        >
          {t('登记问责', 'Record accountability')}
        </NewButton>
      }
      total={{ testId: 'accountability-total', text: (n) => t(`共 ${n} 条问责记录`, `${n} records`) }}
      emptyText={t('没有符合条件的问责记录', 'No record matches')}
    />
  );
}
