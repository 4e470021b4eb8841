/**
 * The scoring sheet of one result (`/ratings/:id`): each indicator with the value taken from the records (and a link
 * to where it comes from), the organization's own score and the assessor's score side by side, the evidence, and the
 * totals and stars recomputed live as scores are typed. The branch fills 自评, the township or county 考核评分; the
 * moves the server allows (publish, make final) on the action bar; during 公示 the objections panel (anyone of the
 * organization lodges one with a reason; the assessor upholds — the result goes back to be rescored — or rejects it
 * with a reason); the timeline. On a phone each indicator is a card.
 */
import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Form, Input, Row, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import {
  CADRE_GRADE_OF_LEVEL,
  CADRE_GRADES,
  RATING_FLOW,
  RATING_MODES,
  RATING_OUTCOMES,
  RATING_STATUSES,
} from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { hasCap, useMe } from '../../../app/session';
import { useFeedback } from '../../../components/feedback';
import { ErrorAlert } from '../../../components/form/ErrorAlert';
import { Field } from '../../../components/form/Field';
import { Timeline, chinaDateTime } from '../../../components/Timeline';
import { WorkflowActionBar } from '../../../components/WorkflowActionBar';
import { DetailHead, detailGate, useRecordDetail } from '../../residents/common/DetailParts';
import { movePath, type Objection, RATING_EVENT_KINDS, type RatingDetail, STATUS_COLORS, tenths } from './ratingModel';
import { Stars } from './Stars';
import { type Editing, type Entry, liveTotals, SheetTable } from './SheetTable';
import { AnswerModal, ObjectionsCard } from './Objections';

export default function RatingSheetPage() {
  const t = useT();
  const lbl = useLabel();
  const { message } = useFeedback();
  const { data: me } = useMe();
  const id = Number(useParams().id);
  const { q, changed, qc } = useRecordDetail<RatingDetail>('rating', 'ratings', id);
  const r = q.data;
  const [editing, setEditing] = useState<Editing>(null);
  const [self, setSelf] = useState<Record<string, Entry>>({});
  const [assessor, setAssessor] = useState<Record<string, Entry>>({});
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [answering, setAnswering] = useState<{ o: Objection; upheld: boolean } | null>(null);
  usePageCrumb(r ? (r.memberName ? `${r.memberName} · ${r.year}` : `${r.orgName} · ${r.year}`) : undefined);
  const gate = detailGate(q);
  if (gate || !r) return gate;
  const deleted = !!r.deletedAt;
  const actions = deleted ? [] : r.actions;
  const canSelf = actions.includes('selfScore');
  const canScore = actions.includes('score');
  const live = liveTotals(r, editing === 'self' ? self : {}, editing === 'assessor' ? assessor : {});
  const cadre = r.subject === 'cadre';
  const grade = r.mode === 'grade' ? CADRE_GRADE_OF_LEVEL[live.level] : null;

  function start(who: Exclude<Editing, null>) {
    const init: Record<string, Entry> = {};
    for (const s of r!.scores)
      if (s.fill !== 'record')
        init[s.key] =
          who === 'self' ? { score: s.selfScore, note: s.selfNote } : { score: s.assessorScore, note: s.assessorNote };
    if (who === 'self') setSelf(init);
    else setAssessor(init);
    setNote('');
    setError(null);
    setEditing(who);
  }

  async function submit() {
    const who = editing!;
    const entries = who === 'self' ? self : assessor;
    const missing = r!.scores.filter(
      (s) => (who === 'self' ? s.fill === 'self' : s.fill === 'assessor') && entries[s.key]?.score == null,
    );
    if (missing.length) {
      setError(
        t(
          `还有 ${missing.length} 项未打分：${missing.map((s) => s.name).join('、')}`,
          `${missing.length} indicators are not scored yet: ${missing.map((s) => s.name).join(', ')}`,
        ),
      );
      return;
    }
    const scores = Object.entries(entries)
      .filter(([, e]) => e.score != null)
      .map(([key, e]) => ({ key, score: e.score!, note: e.note?.trim() || null }));
    setBusy(true);
    setError(null);
    try {
      const next = await api.post<RatingDetail>(`/api/ratings/${id}/${who === 'self' ? 'self-score' : 'score'}`, {
        scores,
        note: note.trim() || null,
      });
      qc.setQueryData(['rating', id], next);
      setEditing(null);
      message.success(who === 'self' ? t('自评已提交', 'Self-score submitted') : t('考评已保存', 'Scores saved'));
      changed();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const title = cadre ? `${r.memberName ?? ''}${r.post ? `（${r.post}）` : ''} · ${r.orgName}` : r.orgName;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <DetailHead
          testId="rating-title"
          title={`${title} · ${r.year}`}
          tags={
            <>
              <Tag color={STATUS_COLORS[r.status]} data-testid="rating-status">
                {lbl(RATING_STATUSES, r.status)}
              </Tag>
              {r.outcome !== 'none' ? (
                <Tag color={r.outcome === 'commended' ? 'gold' : 'volcano'} data-testid="rating-outcome">
                  {lbl(RATING_OUTCOMES, r.outcome)}
                </Tag>
              ) : null}
              <span className="dj-muted">{r.schemeName}</span>
            </>
          }
          actions={
            <>
              {canSelf && editing !== 'self' ? (
                <Button type="primary" onClick={() => start('self')} data-testid="start-self">
                  {r.status === 'draft' ? t('填写自评', 'Self-score') : t('修改自评', 'Change the self-score')}
                </Button>
              ) : null}
              {canScore && editing !== 'assessor' ? (
                <Button type="primary" onClick={() => start('assessor')} data-testid="start-score">
                  {r.status === 'scored' ? t('修改考评', 'Change the scores') : t('考核评分', 'Score')}
                </Button>
              ) : null}
              {editing ? null : (
                <WorkflowActionBar
                  actions={actions}
                  moves={RATING_FLOW.actions}
                  skip={['create', 'selfScore', 'score', 'answer']}
                  primary={['publish', 'finalize']}
                  fields={{ reason: { label: { zh: '异议理由', en: 'Reason' }, input: 'textarea' } }}
                  note="none"
                  run={(move, input) =>
                    api.post(`/api/ratings/${id}/${move === 'object' ? 'objections' : movePath(move)}`, input)
                  }
                  onDone={(_m, next) => {
                    if (next && typeof next === 'object' && 'id' in next) qc.setQueryData(['rating', id], next);
                    message.success(t('已保存', 'Saved'));
                    changed();
                  }}
                />
              )}
            </>
          }
          deletedNote={
            deleted ? t(`已于 ${chinaDateTime(r.deletedAt)} 删除`, `Deleted on ${chinaDateTime(r.deletedAt)}`) : null
          }
        />
        <Row gutter={[16, 16]} align="middle">
          <Col xs={24} md={8}>
            <div className="dj-muted">{editing ? t('得分（实时计算）', 'Total (live)') : t('总分', 'Total')}</div>
            <div className="rt-total" data-testid="rating-total">
              {live.total}
              <span className="dj-muted" style={{ fontSize: 14 }}>
                {' '}
                / {tenths(r.scores.reduce((n, s) => n + s.maxScore, 0))}
              </span>
            </div>
            <div className="dj-muted">{t(`自评总分 ${live.selfTotal}`, `Self-score total ${live.selfTotal}`)}</div>
          </Col>
          <Col xs={24} md={8}>
            <div className="dj-muted">{r.mode === 'grade' ? t('等次', 'Grade') : t('星级', 'Stars')}</div>
            <div style={{ fontSize: 22 }}>
              {r.mode === 'grade' ? (
                <b data-testid="rating-grade">{grade ? lbl(CADRE_GRADES, grade) : t('未定等', 'Not graded')}</b>
              ) : (
                <Stars stars={live.level} max={r.maxStars} testId="rating-stars" />
              )}
            </div>
            <div className="dj-muted">{lbl(RATING_MODES, r.mode)}</div>
          </Col>
          <Col xs={24} md={8}>
            <Descriptions size="small" column={1}>
              {r.townshipName ? (
                <Descriptions.Item label={t('所属乡镇', 'Township')}>{r.townshipName}</Descriptions.Item>
              ) : null}
              {r.publishedOn ? (
                <Descriptions.Item label={t('公示', 'Published')}>
                  {t(
                    `${r.publishedOn} 起，至 ${r.objectionUntil ?? '—'}`,
                    `${r.publishedOn} to ${r.objectionUntil ?? '—'}`,
                  )}
                </Descriptions.Item>
              ) : null}
              {r.finalOn ? <Descriptions.Item label={t('确定日期', 'Final on')}>{r.finalOn}</Descriptions.Item> : null}
              {r.problemId ? (
                <Descriptions.Item label={t('整改问题', 'Rectification')}>
                  <Link to={`/problems/${r.problemId}`} data-testid="rating-problem">
                    {t('查看整改问题', 'Open the problem')}
                  </Link>
                </Descriptions.Item>
              ) : null}
            </Descriptions>
          </Col>
        </Row>
      </Card>
      <Card
        title={t('评分表', 'Scoring sheet')}
        className="rt-sheet"
        extra={
          editing ? (
            <Tag color="blue">
              {editing === 'self' ? t('正在填写自评', 'Self-scoring') : t('正在考核评分', 'Scoring')}
            </Tag>
          ) : null
        }
      >
        {editing === 'self' ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={t(
              '“党组织自评”项必须填写；“考评”项可填写本组织的自评意见，最终以考评打分为准；自动取数项由平台记录计算。',
              'Self-scored items are required; you may state your view of the assessed ones (the assessor’s score ' +
                'counts); record items are computed.',
            )}
          />
        ) : null}
        {editing === 'assessor' ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={t(
              '“乡镇（县）考评”项必须打分，并写明依据；自评项以党组织自评为准，自动取数项由平台记录计算。',
              'Assessed items are required, with the grounds; self-scored items count as the organization scored ' +
                'them; record items are computed.',
            )}
          />
        ) : null}
        <SheetTable
          r={r}
          editing={editing}
          self={self}
          assessor={assessor}
          onSelf={(k, e) => setSelf((m) => ({ ...m, [k]: { ...m[k], ...e } }))}
          onAssessor={(k, e) => setAssessor((m) => ({ ...m, [k]: { ...m[k], ...e } }))}
        />
        {editing ? (
          <div style={{ marginTop: 16 }}>
            <ErrorAlert error={error} testId="sheet-error" />
            <Form layout="vertical">
              <Field label={editing === 'self' ? t('说明', 'Note') : t('考评意见', 'Remarks')} max={500}>
                <Input.TextArea rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
              </Field>
            </Form>
            <Space wrap>
              <Button type="primary" loading={busy} onClick={submit} data-testid="submit-scores">
                {editing === 'self' ? t('提交自评', 'Submit the self-score') : t('保存考评打分', 'Save the scores')}
              </Button>
              <Button onClick={() => setEditing(null)}>{t('取消', 'Cancel')}</Button>
            </Space>
          </div>
        ) : null}
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <ObjectionsCard
            r={r}
            canAnswer={actions.includes('answer')}
            onAnswer={(o, upheld) => setAnswering({ o, upheld })}
          />
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('办理过程', 'Timeline')}>
            <Timeline events={r.events} kinds={RATING_EVENT_KINDS} states={RATING_STATUSES} />
          </Card>
        </Col>
      </Row>
      {answering ? (
        <AnswerModal
          id={id}
          o={answering.o}
          upheld={answering.upheld}
          onClose={() => setAnswering(null)}
          onDone={(next) => {
            qc.setQueryData(['rating', id], next);
            setAnswering(null);
            message.success(t('已答复异议', 'Objection answered'));
            changed();
          }}
        />
      ) : null}
      {hasCap(me, 'ratings.score') && !editing && r.status === 'published' && !actions.includes('finalize') ? (
        <Typography.Text type="secondary" data-testid="finalize-hint">
          {r.openObjections
            ? t('有异议待答复，答复后方可确定结果。', 'Objections are open: answer them before the result is final.')
            : t(
                `公示期至 ${r.objectionUntil ?? '—'}，期满后由系统或考评单位确定结果。`,
                `Published until ${r.objectionUntil ?? '—'}; then it is made final.`,
              )}
        </Typography.Text>
      ) : null}
    </Space>
  );
}
