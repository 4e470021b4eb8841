/**
 * Compliance (`/compliance`): each organization × kind in a period with required, held and status, the rate, who is
 * behind; Excel export.
 */
import { Button, Card, Segmented, Space, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router';
import { COMPLIANCE_STATUSES } from '@dangjian/contracts';
import { withQuery } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { useScope } from '../../../app/scope';
import { ErrorResult } from '../../../components/States';
import { FigureHeading, useFigureQuery } from '../../../components/Figures';
import { percent, periodUnit, thisMonth, type ComplianceAnswer, type ComplianceItem } from './model';
import { ComplianceTag, KindTag, PeriodPicker } from './parts';
import './meetings.css';

const ORDER = ['behind', 'due_soon', 'done'];

/** The compliance page. */
export default function CompliancePage() {
  const t = useT();
  const lbl = useLabel();
  const navigate = useNavigate();
  const { org } = useScope();
  const [params, setParams] = useSearchParams();
  const raw = params.get('period') ?? '';
  const period = periodUnit(raw) ? raw : thisMonth();
  const status =
    params.get('status') && params.get('status')! in COMPLIANCE_STATUSES ? params.get('status')! : undefined;
  const orgId = Number(params.get('org')) || org?.id;
  const query = { org: orgId, period };
  // The summary covers every status; the table is narrowed on the client so the counts stay visible.
  const q = useFigureQuery<ComplianceAnswer>('compliance', '/api/compliance/meetings', query);
  const data = q.data;
  const items = (data?.items ?? []).filter((i) => !status || i.status === status);

  function set(patch: Record<string, string | null | undefined>) {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  }

  const s = data?.summary;
  const card = (key: string, title: string, value: number | string, testId: string, cls?: string) => (
    <button
      type="button"
      className="dj-card dj-hover"
      aria-pressed={status === key}
      onClick={() => set({ status: status === key ? null : key })}
      data-testid={testId}
    >
      <div className="dj-stat-title">{title}</div>
      <div className={`dj-stat-value ${cls ?? ''}`}>{value}</div>
    </button>
  );

  return (
    <Card>
      <FigureHeading
        title={t('组织生活落实情况', 'Organizational life: compliance')}
        actions={
          <Space wrap style={{ marginLeft: 'auto' }}>
            <PeriodPicker value={period} onChange={(p) => set({ period: p })} />
            <Button
              icon={<DownloadOutlined />}
              href={withQuery('/api/compliance/meetings/export', { ...query, status })}
              download
              data-testid="compliance-export"
            >
              {t('导出 Excel', 'Export to Excel')}
            </Button>
          </Space>
        }
      />
      {data ? (
        <p className="dj-muted" style={{ marginTop: 0 }}>
          {t(
            `统计区间 ${data.period.from} 至 ${data.period.to}；会议须在截止日期前召开并录入。`,
            `From ${data.period.from} to ${data.period.to}; meetings count when held and recorded by the due date.`,
          )}
        </p>
      ) : null}
      {s ? (
        <div className="mt-summary" role="group" aria-label={t('汇总', 'Summary')}>
          <div className="dj-card" data-testid="compliance-rate">
            <div className="dj-stat-title">{t('落实率', 'Rate')}</div>
            <div className={`dj-stat-value ${s.rate >= 0.9 ? 'mt-rate-good' : s.rate < 0.8 ? 'mt-rate-bad' : ''}`}>
              {percent(s.rate)}
            </div>
          </div>
          <div className="dj-card">
            <div className="dj-stat-title">{t('已开 / 应开（次）', 'Held / required')}</div>
            <div className="dj-stat-value">
              {s.held.toLocaleString('en-US')} / {s.required.toLocaleString('en-US')}
            </div>
          </div>
          {card('done', lbl(COMPLIANCE_STATUSES, 'done'), s.done, 'filter-done', 'mt-rate-good')}
          {card('due_soon', lbl(COMPLIANCE_STATUSES, 'due_soon'), s.dueSoon, 'filter-due-soon')}
          {card('behind', lbl(COMPLIANCE_STATUSES, 'behind'), s.behind, 'filter-behind', s.behind ? 'mt-rate-bad' : '')}
        </div>
      ) : null}
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          aria-label={t('状态', 'Status')}
          value={status ?? 'all'}
          onChange={(v) => set({ status: v === 'all' ? null : String(v) })}
          options={[
            { value: 'all', label: t('全部', 'All') },
            ...ORDER.map((k) => ({ value: k, label: lbl(COMPLIANCE_STATUSES, k) })),
          ]}
          data-testid="status-filter"
        />
      </Space>
      {q.error ? (
        <ErrorResult error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <Table<ComplianceItem>
          rowKey={(r) => `${r.orgId}-${r.kind}`}
          size="middle"
          loading={q.isFetching}
          dataSource={items}
          scroll={{ x: 800 }}
          data-testid="compliance-table"
          onRow={(r) =>
            ({
              onClick: () =>
                navigate(
                  withQuery('/meetings', { org: r.orgId, kind: r.kind, from: data?.period.from, to: data?.period.to }),
                ),
              style: { cursor: 'pointer' },
              'data-org': r.orgId,
              'data-kind': r.kind,
            }) as React.HTMLAttributes<HTMLElement>
          }
          locale={{
            emptyText: !data
              ? ' '
              : status === 'behind'
                ? t('没有滞后的组织', 'Nobody is behind')
                : t('本期没有要求召开的会议', 'Nothing is required in this period'),
          }}
          pagination={{
            defaultPageSize: 50,
            showSizeChanger: true,
            pageSizeOptions: [50, 100, 200],
            showTotal: (n) => t(`共 ${n} 项`, `${n} rows`),
          }}
          columns={[
            {
              title: t('党组织', 'Organization'),
              dataIndex: 'orgName',
              ellipsis: true,
              sorter: (a, b) => a.orgName.localeCompare(b.orgName, 'zh-CN'),
            },
            {
              title: t('会议类型', 'Kind'),
              dataIndex: 'kind',
              width: 150,
              render: (v: string) => <KindTag kind={v} />,
            },
            { title: t('应开', 'Required'), dataIndex: 'required', width: 80, align: 'right' },
            {
              title: t('已开', 'Held'),
              dataIndex: 'held',
              width: 80,
              align: 'right',
              render: (v: number) => <span data-testid="held">{v}</span>,
            },
            {
              title: t('状态', 'Status'),
              dataIndex: 'status',
              width: 100,
              sorter: (a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status),
              render: (v: string) => <ComplianceTag status={v} />,
            },
            { title: t('截止日期', 'Due by'), dataIndex: 'dueBy', width: 120, render: (v: string | null) => v ?? '—' },
          ]}
        />
      )}
    </Card>
  );
}
