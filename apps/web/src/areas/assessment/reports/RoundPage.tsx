/**
 * A round (`/reports/rounds/:id`): its requirements, the panel, and the reports due in it (each organization's, with
 * the secretary, the state, the committee's grade, the panel's count, the score and the final grade).
 */
import { Button, Card, Descriptions, Space, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { REPORT_GRADES, REPORT_STATUSES, ROUND_STATUSES } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { useFeedback } from '../../../components/feedback';
import { ListPage } from '../../../components/list/ListPage';
import { detailGate } from '../../residents/common/DetailParts';
import { GRADE_COLOR, REPORT_STATUS_COLOR, type ReportItem, type RoundDetail } from './reportModel';

/** The round page. */
export default function RoundPage() {
  const t = useT();
  const lbl = useLabel();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = useFeedback();
  const id = Number(useParams().id);
  const q = useQuery({
    queryKey: ['report-round', id],
    queryFn: ({ signal }) => api.get<RoundDetail>(`/api/reports/rounds/${id}`, undefined, signal),
  });
  const r = q.data;
  usePageCrumb(r?.title);
  const gate = detailGate(q);
  if (gate || !r) return gate;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={<span data-testid="round-title">{r.title}</span>}
        extra={
          <Space>
            {r.panelist ? (
              <Button type="primary" onClick={() => navigate(`/reports/rounds/${id}/sheet`)}>
                {t('我的评议表', 'My grading sheet')}
              </Button>
            ) : null}
            {r.organizer && r.status === 'open' ? (
              <Button
                onClick={() =>
                  api.post(`/api/reports/rounds/${id}/close`).then(
                    () => {
                      message.success(t('已结束', 'Closed'));
                      void q.refetch();
                      qc.invalidateQueries({ queryKey: ['report-rounds'] });
                    },
                    (e) => message.error(e.message),
                  )
                }
              >
                {t('结束述职评议', 'Close the round')}
              </Button>
            ) : null}
          </Space>
        }
      >
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label={t('组织单位', 'Organizer')}>{r.orgName}</Descriptions.Item>
          <Descriptions.Item label={t('年度', 'Year')}>{r.year}</Descriptions.Item>
          <Descriptions.Item label={t('截止日期', 'Deadline')}>{r.deadline}</Descriptions.Item>
          <Descriptions.Item label={t('状态', 'Status')}>
            <Tag>{lbl(ROUND_STATUSES, r.status)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('进度', 'Progress')}>
            {t(
              `应述职 ${r.reportsDue}，已提交 ${r.submitted}，已评定 ${r.graded}`,
              `${r.reportsDue} due, ${r.submitted} submitted, ${r.graded} graded`,
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('党员代表评议人', 'Panel')}>
            {r.panel.length ? r.panel.map((p) => p.name).join('、') : t('未设置', 'None')}
          </Descriptions.Item>
          {r.notes ? (
            <Descriptions.Item label={t('评议要求', 'Requirements')} span={3}>
              {r.notes}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <ListPage<ReportItem>
        title={t('述职报告', 'Reports')}
        endpoint="/api/reports"
        queryKey="reports"
        fixedQuery={{ round: id }}
        columns={[
          { title: t('党组织', 'Organization'), dataIndex: 'orgName', width: 200 },
          { title: t('书记', 'Secretary'), dataIndex: 'secretaryName', width: 100, render: (v) => v ?? '—' },
          {
            title: t('状态', 'Status'),
            dataIndex: 'status',
            width: 130,
            render: (_: unknown, x) => (
              <Tag color={REPORT_STATUS_COLOR[x.status]}>{lbl(REPORT_STATUSES, x.status)}</Tag>
            ),
          },
          { title: t('提交日期', 'Submitted'), dataIndex: 'submittedOn', width: 110, render: (v) => v ?? '—' },
          {
            title: t('上级评价', 'Committee'),
            dataIndex: 'committeeGrade',
            width: 100,
            render: (v: string | null) => (v ? lbl(REPORT_GRADES, v) : '—'),
          },
          { title: t('党员代表评议', 'Panel'), dataIndex: 'panelGraded', width: 110 },
          { title: t('综合得分', 'Score'), dataIndex: 'score', width: 100, render: (v) => v ?? '—' },
          {
            title: t('评定等次', 'Grade'),
            dataIndex: 'finalGrade',
            width: 100,
            render: (v: string | null) => (v ? <Tag color={GRADE_COLOR[v]}>{lbl(REPORT_GRADES, v)}</Tag> : '—'),
          },
        ]}
        scrollX={1000}
        onRowClick={(x) => navigate(`/reports/${x.id}`)}
        total={{ testId: 'report-total', text: (n) => t(`共 ${n} 份述职报告`, `${n} reports`) }}
        emptyText={t('本次述职评议中没有您可以查看的述职报告', 'No report of this round for you')}
      />
    </Space>
  );
}
