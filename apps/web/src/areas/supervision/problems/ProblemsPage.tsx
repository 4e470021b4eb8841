/**
 * The problem board (`/problems`, 问题整改) on ListPage: problems of the caller's subtree from every source, filtered
 * by state, category, source, organization, overdue and period; the overdue in red; the export of the list, the
 * three lists workbook (问题清单、措施清单、责任清单) and the recycle bin.
 */
import { Button, Space, Tag } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { PROBLEM_SOURCES, PROBLEM_STATUSES } from '@dangjian/contracts';
import { withQuery } from '../../../api/client';
import { useEnumOptions, useLabel, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { type ListFilter, ListPage } from '../../../components/list/ListPage';
import { NewButton, recycleBin, searchFilter, selectFilter } from '../../../components/list/listParts';
import { type ProblemItem, STATUS_COLORS, useCategories } from './problemModel';
import './Problem.css';

/** The problem board. */
export default function ProblemsPage() {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const categories = useCategories();
  const filters: ListFilter[] = [
    searchFilter(t('搜索', 'Search'), t('问题标题', 'Problem title'), { maxLength: 40, testId: 'problem-search' }),
    selectFilter('status', t('状态', 'Status'), opts(PROBLEM_STATUSES), 150, 'status-filter'),
    selectFilter('category', t('问题类别', 'Category'), categories.all, 150, 'category-filter'),
    selectFilter('source', t('问题来源', 'Source'), opts(PROBLEM_SOURCES), 140),
    { kind: 'dateRange', key: 'from', keyTo: 'to', label: t('发现日期', 'Found between') },
    { kind: 'check', key: 'overdue', label: t('只看逾期', 'Overdue only'), testId: 'overdue-filter' },
  ];
  return (
    <ListPage<ProblemItem>
      title={t('问题整改', 'Problems and rectification')}
      endpoint="/api/problems"
      orgScoped
      filters={filters}
      columns={[
        { title: t('问题', 'Problem'), dataIndex: 'title', width: 260 },
        {
          title: t('类别', 'Category'),
          dataIndex: 'category',
          width: 110,
          render: (v: string, r) => categories.name(v) || r.categoryName,
        },
        {
          title: t('来源', 'Source'),
          dataIndex: 'source',
          width: 110,
          render: (_: unknown, r) => lbl(PROBLEM_SOURCES, r.source),
        },
        { title: t('责任组织', 'Responsible organization'), dataIndex: 'orgName', width: 200 },
        {
          title: t('责任人', 'Responsible person'),
          dataIndex: 'responsibleName',
          width: 100,
          render: (v: string | null) => v ?? '—',
        },
        {
          title: t('整改时限', 'Due'),
          dataIndex: 'dueOn',
          width: 110,
          render: (v: string | null, r) => <span className={r.overdue ? 'pb-overdue' : undefined}>{v ?? '—'}</span>,
        },
        {
          title: t('状态', 'Status'),
          dataIndex: 'status',
          width: 150,
          render: (_: unknown, r) => (
            <Space size={4}>
              <Tag color={STATUS_COLORS[r.status]}>{lbl(PROBLEM_STATUSES, r.status)}</Tag>
              {r.overdue ? <Tag color="red">{t('逾期', 'Overdue')}</Tag> : null}
            </Space>
          ),
        },
        { title: t('发现日期', 'Found on'), dataIndex: 'foundOn', width: 110 },
      ]}
      scrollX={1300}
      rowClassName={(r) => (r.overdue ? 'pb-row-overdue' : '')}
      onRowClick={(r) => navigate(`/problems/${r.id}`)}
      recycle={recycleBin('problems.write', (r: ProblemItem) => t(`问题「${r.title}」`, `problem "${r.title}"`))}
      exportPath="/api/problems/export"
      actions={(ctx) => (
        <Space wrap>
          <NewButton show={hasCap(me, 'problems.write')} onClick={() => navigate('/problems/new')} testId="new-problem">
            {t('登记问题', 'Record a problem')}
          </NewButton>
          <Button
            icon={<FileExcelOutlined />}
            href={withQuery('/api/problems/lists.xlsx', {
              org: ctx.url.query.org,
              from: ctx.url.query.from,
              to: ctx.url.query.to,
            })}
            download
            data-testid="three-lists"
          >
            {t('三张清单', 'The three lists')}
          </Button>
        </Space>
      )}
      total={{ testId: 'problem-total', text: (n) => t(`共 ${n} 个问题`, `${n} problems`) }}
      emptyText={t('没有符合条件的问题', 'No problem matches')}
    />
  );
}
