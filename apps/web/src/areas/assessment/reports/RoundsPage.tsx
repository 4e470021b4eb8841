/** Reporting rounds (`/reports`): the rounds of the caller's organization and those above it, with their progress. */
import { Button, Space, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { ROUND_STATUSES } from '@dangjian/contracts';
import { useEnumOptions, useLabel, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { ListPage } from '../../../components/list/ListPage';
import { NewButton, selectFilter } from '../../../components/list/listParts';
import { type RoundItem, YEARS } from './reportModel';

/** The list of rounds. */
export default function RoundsPage() {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const { data: me } = useMe();
  return (
    <ListPage<RoundItem>
      title={t('书记述职评议', "Secretaries' annual reports")}
      endpoint="/api/reports/rounds"
      queryKey="report-rounds"
      filters={[
        selectFilter(
          'year',
          t('年度', 'Year'),
          YEARS.map((y) => ({ value: y, label: y })),
          100,
        ),
        selectFilter('status', t('状态', 'Status'), opts(ROUND_STATUSES), 120),
      ]}
      columns={[
        { title: t('述职评议', 'Round'), dataIndex: 'title', width: 300 },
        { title: t('组织单位', 'Organizer'), dataIndex: 'orgName', width: 160 },
        { title: t('年度', 'Year'), dataIndex: 'year', width: 80 },
        { title: t('截止日期', 'Deadline'), dataIndex: 'deadline', width: 110 },
        {
          title: t('状态', 'Status'),
          dataIndex: 'status',
          width: 100,
          render: (_: unknown, r) => (
            <Tag color={r.status === 'open' ? 'orange' : 'default'}>{lbl(ROUND_STATUSES, r.status)}</Tag>
          ),
        },
        {
          title: t('提交 / 评定 / 应述职', 'Submitted / graded / due'),
          dataIndex: 'reportsDue',
          width: 170,
          render: (_: unknown, r) => `${r.submitted} / ${r.graded} / ${r.reportsDue}`,
        },
        {
          title: t('我的任务', 'For me'),
          dataIndex: 'organizer',
          width: 200,
          render: (_: unknown, r) => (
            <Space size={4} wrap>
              {r.organizer ? <Tag color="purple">{t('组织评议', 'Organizer')}</Tag> : null}
              {r.panelist ? (
                <Button
                  size="small"
                  type="primary"
                  onClick={(e) => {
                    e.stopPropagation();
                    navigate(`/reports/rounds/${r.id}/sheet`);
                  }}
                  data-testid={`sheet-${r.id}`}
                >
                  {t('评议表', 'Grading sheet')}
                </Button>
              ) : null}
            </Space>
          ),
        },
      ]}
      scrollX={1150}
      onRowClick={(r) =>
        navigate(hasCap(me, 'reports.read') ? `/reports/rounds/${r.id}` : `/reports/rounds/${r.id}/sheet`)
      }
      actions={
        <Space>
          {hasCap(me, 'reports.read') ? (
            <Button onClick={() => navigate('/reports/results')} data-testid="report-results">
              {t('评议结果', 'Results')}
            </Button>
          ) : null}
          <NewButton
            show={hasCap(me, 'reports.grade')}
            onClick={() => navigate('/reports/rounds/new')}
            testId="new-round"
          >
            {t('组织述职评议', 'Open a round')}
          </NewButton>
        </Space>
      }
      total={{ testId: 'round-total', text: (n) => t(`共 ${n} 次述职评议`, `${n} rounds`) }}
      emptyText={t('还没有述职评议', 'No rounds yet')}
    />
  );
}
