/**
 * A panel member's grading sheet (`/reports/rounds/:id/sheet`), phone first: each submitted report's text and the
 * four grades as buttons; the member's own grade stays marked and may change while the report is in grading.
 */
import { Card, Empty, Radio, Space, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { REPORT_GRADE_KEYS, REPORT_GRADES } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { useFeedback } from '../../../components/feedback';
import { detailGate } from '../../residents/common/DetailParts';
import type { RoundSheet } from './reportModel';

/** The grading sheet. */
export default function SheetPage() {
  const t = useT();
  const lbl = useLabel();
  const qc = useQueryClient();
  const { message } = useFeedback();
  const id = Number(useParams().id);
  const q = useQuery({
    queryKey: ['report-sheet', id],
    queryFn: ({ signal }) => api.get<RoundSheet>(`/api/reports/rounds/${id}/sheet`, undefined, signal),
  });
  usePageCrumb(t('评议表', 'Grading sheet'));
  const gate = detailGate(q);
  if (gate || !q.data) return gate;
  const s = q.data;
  const grade = (reportId: number, g: string) =>
    api.post<RoundSheet>(`/api/reports/${reportId}/panel-grade`, { grade: g }).then(
      (next) => {
        qc.setQueryData(['report-sheet', id], next);
        message.success(t('已评议', 'Graded'));
      },
      (e) => message.error(e.message),
    );
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 720 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {s.round.title}
      </Typography.Title>
      <span className="dj-muted">
        {t('请逐份阅读述职报告，选择“好、较好、一般、差”之一。', 'Read each report and choose one grade.')}
      </span>
      {s.items.length === 0 ? (
        <Card>
          <Empty description={t('还没有提交的述职报告', 'No report submitted yet')} />
        </Card>
      ) : null}
      {s.items.map((r) => (
        <Card
          key={r.id}
          size="small"
          title={`${r.orgName}${r.secretaryName ? ` · ${r.secretaryName}` : ''}`}
          extra={r.myGrade ? <Tag color="blue">{t('已评', 'Graded')}</Tag> : <Tag>{t('未评', 'To grade')}</Tag>}
          data-testid={`sheet-report-${r.id}`}
        >
          <Typography.Paragraph
            ellipsis={{ rows: 6, expandable: true, symbol: t('展开', 'More') }}
            style={{ whiteSpace: 'pre-wrap' }}
          >
            {r.content}
          </Typography.Paragraph>
          <Radio.Group
            value={r.myGrade ?? undefined}
            disabled={r.status !== 'submitted'}
            onChange={(e) => void grade(r.id, e.target.value)}
            optionType="button"
            buttonStyle="solid"
            options={REPORT_GRADE_KEYS.map((g) => ({ value: g, label: lbl(REPORT_GRADES, g) }))}
          />
        </Card>
      ))}
    </Space>
  );
}
