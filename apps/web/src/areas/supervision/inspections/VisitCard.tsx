/**
 * One organization visited by an inspection: the date, score and the checklist as a table of results, the
 * findings with their photos and the problems they opened (linked, with the problem's state now), and for the
 * team while the inspection runs: record the results, record a finding.
 */
import { useState } from 'react';
import { Button, Card, Col, Empty, Input, InputNumber, List, Row, Select, Space, Table, Tag } from 'antd';
import { FormOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import {
  INSPECTION_CHECK_RESULTS,
  INSPECTION_SEVERITIES,
  INSPECTION_TOPICS,
  type InspectionTopic,
  PROBLEM_STATUSES,
} from '@dangjian/contracts';
import { request } from '../../../api/client';
import { useEnumOptions, useLabel, useT } from '../../../app/i18n';
import { DateField } from '../../../components/DateField';
import { useFeedback } from '../../../components/feedback';
import { FormModal } from '../../../components/FormModal';
import { Field } from '../../../components/form/Field';
import { PhotoStrip } from '../problems/parts';
import { useCategories } from '../problems/problemModel';
import { FindingModal } from './FindingModal';
import { type CheckItem, RESULT_COLORS, type VisitItem } from './inspectionModel';

/** The card of a visit. */
export function VisitCard({
  inspectionId,
  visit,
  checklist,
  running,
  onChanged,
}: {
  inspectionId: number;
  visit: VisitItem;
  checklist: readonly InspectionTopic[];
  /** The team may record (the inspection is under way and the caller is of its issuer). */
  running: boolean;
  onChanged: () => void;
}) {
  const t = useT();
  const lbl = useLabel();
  const categories = useCategories();
  const [editing, setEditing] = useState<'results' | 'finding' | null>(null);
  const byTopic = new Map(visit.results.map((r) => [r.topic, r]));
  const rows = checklist.map((topic) => ({ topic, r: byTopic.get(topic) }));
  return (
    <Card
      size="small"
      title={
        <Space wrap>
          <b>{visit.orgName}</b>
          <span className="dj-muted">
            {visit.visitedOn ? t(`检查日期 ${visit.visitedOn}`, `Visited ${visit.visitedOn}`) : t('未检查', 'Not yet')}
          </span>
          {visit.score != null ? <Tag color="blue">{t(`得分 ${visit.score}`, `Score ${visit.score}`)}</Tag> : null}
        </Space>
      }
      extra={
        running ? (
          <Space wrap>
            <Button
              size="small"
              icon={<FormOutlined />}
              onClick={() => setEditing('results')}
              data-testid="record-results"
            >
              {t('记录检查结果', 'Record results')}
            </Button>
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() => setEditing('finding')}
              data-testid="add-finding"
            >
              {t('记录发现问题', 'Record a finding')}
            </Button>
          </Space>
        ) : null
      }
      data-testid={`visit-${visit.id}`}
    >
      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <Table
            rowKey="topic"
            size="small"
            pagination={false}
            dataSource={rows}
            columns={[
              { title: t('检查项目', 'Topic'), dataIndex: 'topic', render: (v: string) => lbl(INSPECTION_TOPICS, v) },
              {
                title: t('结果', 'Result'),
                key: 'result',
                width: 110,
                render: (_: unknown, x) =>
                  x.r ? (
                    <Tag color={RESULT_COLORS[x.r.result]}>{lbl(INSPECTION_CHECK_RESULTS, x.r.result)}</Tag>
                  ) : (
                    <span className="dj-muted">{t('未记录', 'Not recorded')}</span>
                  ),
              },
              { title: t('说明', 'Note'), key: 'note', render: (_: unknown, x) => x.r?.note ?? '' },
            ]}
          />
          {visit.note ? <p style={{ marginTop: 8, whiteSpace: 'pre-wrap' }}>{visit.note}</p> : null}
        </Col>
        <Col xs={24} xl={14}>
          {visit.findings.length ? (
            <List
              header={<b>{t(`发现问题（${visit.findings.length}）`, `Findings (${visit.findings.length})`)}</b>}
              dataSource={visit.findings}
              renderItem={(f) => (
                <List.Item key={f.id} data-testid="finding">
                  <Space orientation="vertical" size={6} style={{ width: '100%' }}>
                    <div style={{ whiteSpace: 'pre-wrap' }}>{f.text}</div>
                    <Space wrap size={6}>
                      <Tag>{categories.name(f.category)}</Tag>
                      <Tag color={f.severity === 'serious' ? 'red' : f.severity === 'major' ? 'orange' : undefined}>
                        {lbl(INSPECTION_SEVERITIES, f.severity)}
                      </Tag>
                      {f.problemId ? (
                        <Link to={`/problems/${f.problemId}`} data-testid="finding-problem">
                          {t('整改问题：', 'Problem: ')}
                          {f.problemStatus ? lbl(PROBLEM_STATUSES, f.problemStatus) : t('查看', 'open')}
                        </Link>
                      ) : null}
                    </Space>
                    {f.photos.length ? <PhotoStrip photos={f.photos} alt={t('问题照片', 'Finding photo')} /> : null}
                  </Space>
                </List.Item>
              )}
            />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('未发现问题', 'No finding')} />
          )}
        </Col>
      </Row>
      {editing === 'results' ? (
        <ResultsModal
          inspectionId={inspectionId}
          visit={visit}
          checklist={checklist}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            onChanged();
          }}
        />
      ) : null}
      {editing === 'finding' ? (
        <FindingModal
          inspectionId={inspectionId}
          visit={visit}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            onChanged();
          }}
        />
      ) : null}
    </Card>
  );
}

/** The checklist results of a visit, its date, score and note, sent whole. */
function ResultsModal({
  inspectionId,
  visit,
  checklist,
  onClose,
  onSaved,
}: {
  inspectionId: number;
  visit: VisitItem;
  checklist: readonly InspectionTopic[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const { message } = useFeedback();
  const byTopic = new Map(visit.results.map((r) => [r.topic, r]));
  const initial: Record<string, unknown> = { visitedOn: visit.visitedOn, score: visit.score, note: visit.note };
  for (const topic of checklist) {
    initial[`r_${topic}`] = byTopic.get(topic)?.result;
    initial[`n_${topic}`] = byTopic.get(topic)?.note ?? undefined;
  }
  return (
    <FormModal
      title={t(`检查结果：${visit.orgName}`, `Results: ${visit.orgName}`)}
      width={720}
      initialValues={initial}
      onSubmit={(v) => {
        const results: CheckItem[] = checklist
          .filter((topic) => v[`r_${topic}`])
          .map((topic) => ({
            topic,
            result: v[`r_${topic}`] as CheckItem['result'],
            note: typeof v[`n_${topic}`] === 'string' ? (v[`n_${topic}`] as string).trim() || null : null,
          }));
        return request('PUT', `/api/inspections/${inspectionId}/visits/${visit.id}`, {
          body: {
            visitedOn: v.visitedOn ?? null,
            score: v.score ?? null,
            note: typeof v.note === 'string' && v.note.trim() ? v.note.trim() : null,
            results,
          },
        });
      }}
      onSaved={() => {
        message.success(t('已保存', 'Saved'));
        onSaved();
      }}
      onClose={onClose}
      fieldOfCode={{ 'inspections.visit_date_outside': 'visitedOn' }}
    >
      <Row gutter={12}>
        <Field col="half" label={t('检查日期', 'Visited on')} name="visitedOn" required>
          <DateField maxToday />
        </Field>
        <Field col="half" label={t('得分（可选）', 'Score (optional)')} name="score">
          <InputNumber min={0} max={100} style={{ width: '100%' }} />
        </Field>
      </Row>
      {checklist.map((topic) => (
        <Row gutter={12} key={topic}>
          <Field col="third" label={lbl(INSPECTION_TOPICS, topic)} name={`r_${topic}`}>
            <Select allowClear options={opts(INSPECTION_CHECK_RESULTS)} placeholder={t('未记录', 'Not recorded')} />
          </Field>
          <Field
            col={{ xs: 24, md: 16 }}
            label={t(`${lbl(INSPECTION_TOPICS, topic)}说明`, `Note on ${lbl(INSPECTION_TOPICS, topic)}`)}
            name={`n_${topic}`}
            max={500}
          >
            <Input />
          </Field>
        </Row>
      ))}
      <Field label={t('总体情况', 'Overall note')} name="note" max={1000}>
        <Input.TextArea rows={2} />
      </Field>
    </FormModal>
  );
}
