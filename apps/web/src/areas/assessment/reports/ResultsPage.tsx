/**
 * The results table (`/reports/results`): for a year and an organization of the caller's subtree (its own by
 * default), the reports due, submitted and graded and the count of each grade, per township (or per village under a
 * township), with the total and the Excel export.
 */
import { useState } from 'react';
import { Button, Card, Select, Space, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { REPORT_GRADE_KEYS, REPORT_GRADES } from '@dangjian/contracts';
import { api, withQuery } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { ErrorResult } from '../../../components/States';
import { type ReportsSummary, YEARS } from './reportModel';

type Row = ReportsSummary['rows'][number];

/** The results page. */
export default function ResultsPage() {
  const t = useT();
  const lbl = useLabel();
  usePageCrumb(t('述职评议结果', 'Results'));
  const [params] = useSearchParams();
  // Last year's results by default (this year's round is still open); `?year=` opens another.
  const [year, setYear] = useState(params.get('year') ?? String(new Date().getFullYear() - 1));
  const [org, setOrg] = useState<number | null>(null);
  const query = { year, org: org ?? undefined };
  const q = useQuery({
    queryKey: ['reports', 'results', year, org],
    queryFn: ({ signal }) => api.get<ReportsSummary>('/api/reports/results', query, signal),
  });
  const f = q.data;
  const rows: (Row & { key: string; total?: boolean })[] = f
    ? [
        ...f.rows.map((r) => ({ ...r, key: String(r.orgId) })),
        { ...f, orgName: t(`合计（${f.orgName}）`, `Total (${f.orgName})`), key: 'total', total: true },
      ]
    : [];
  return (
    <Card
      title={t('书记述职评议结果', 'Results of the annual reports')}
      extra={
        <Button
          icon={<DownloadOutlined />}
          href={withQuery('/api/reports/results/export', query)}
          data-testid="results-export"
        >
          {t('导出Excel', 'Export to Excel')}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          value={year}
          onChange={setYear}
          options={YEARS.map((y) => ({ value: y, label: t(`${y}年度`, y) }))}
          style={{ width: 120 }}
          aria-label={t('年度', 'Year')}
          data-testid="results-year"
        />
        <OrgTreeSelect
          value={org}
          onChange={(id) => setOrg(id ?? null)}
          placeholder={t('党组织（默认本级）', 'Organization (yours by default)')}
          ariaLabel={t('党组织', 'Organization')}
          allowClear
          style={{ width: 240 }}
        />
      </Space>
      {q.error ? <ErrorResult error={q.error} onRetry={() => q.refetch()} /> : null}
      <Table
        size="small"
        loading={q.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 760 }}
        rowClassName={(r) => (r.total ? 'dj-total-row' : '')}
        data-testid="results-table"
        columns={[
          { title: t('党组织', 'Organization'), dataIndex: 'orgName', width: 200, fixed: 'left' },
          { title: t('应述职', 'Due'), dataIndex: 'due', width: 80 },
          { title: t('已提交', 'Submitted'), dataIndex: 'submitted', width: 80 },
          { title: t('已评定', 'Graded'), dataIndex: 'graded', width: 80 },
          ...REPORT_GRADE_KEYS.map((g) => ({ title: lbl(REPORT_GRADES, g), dataIndex: g, width: 70 })),
        ]}
        locale={{ emptyText: t('该年度没有述职评议', 'No reports in this year') }}
      />
    </Card>
  );
}
