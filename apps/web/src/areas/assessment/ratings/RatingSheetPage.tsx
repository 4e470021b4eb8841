/**
 * The scoring sheet of one result (`/ratings/:id`): each indicator with the value taken from the records (and a link
 * to where it comes from), the organization's own score and the assessor's score side by side, the evidence, and the
 * totals and stars recomputed live as scores are typed. The branch fills 自评, the township or county 考核评分; the
 * moves the server allows (publish, make final) on the action bar; during 公示 the objections panel (anyone of the
 * organization lodges one with a reason; the assessor upholds — the result goes back to be rescored — or rejects it
 * with a reason); the timeline. On a phone each indicator is a card.
 */
import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Grid,
  Input,
  InputNumber,
  List,
  Modal,
  Radio,
  Row,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { Link, useParams } from 'react-router';
import {
  CADRE_GRADE_OF_LEVEL,
  CADRE_GRADES,
  INDICATOR_FILLS,
  OBJECTION_STATUSES,
  RATING_FLOW,
  RATING_MODES,
  RATING_OUTCOMES,
  RATING_STATUSES,
  type RatingSource,
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
import {
  type IndicatorScore,
  levelOf,
  movePath,
  type Objection,
  RATING_EVENT_KINDS,
  type RatingDetail,
  SOURCE_PAGES,
  STATUS_COLORS,
  tenths,
  useSourceWords,
} from './ratingModel';
import { Stars } from './Stars';

/** Who is entering scores on the sheet now: the branch (自评), the assessor (考核评分), or nobody. */
type Editing = 'self' | 'assessor' | null;
/** A score being typed and its note. */
type Entry = { score?: number | null; note?: string | null };

/** The score of an indicator with the entries being typed: record → its mapped value; else by who fills it. */
export function liveScore(
  s: IndicatorScore,
  self: Record<string, Entry>,
  assessor: Record<string, Entry>,
): number | null {
  if (s.fill === 'record') return s.score;
  if (s.fill === 'self') return self[s.key]?.score !== undefined ? (self[s.key].score ?? null) : s.selfScore;
  return assessor[s.key]?.score !== undefined ? (assessor[s.key].score ?? null) : s.assessorScore;
}

/** The totals and the level of a result with the entries being typed (the server recomputes on saving). */
export function liveTotals(r: RatingDetail, self: Record<string, Entry>, assessor: Record<string, Entry>) {
  let total = 0;
  let selfTotal = 0;
  let met = 0;
  for (const s of r.scores) {
    const score = liveScore(s, self, assessor);
    total += score ?? 0;
    const own = s.fill === 'record' ? s.score : self[s.key]?.score !== undefined ? self[s.key].score : s.selfScore;
    selfTotal += own ?? 0;
    // An unchanged item keeps the server's word on whether it is met (its pass score); a typed one is met at its max.
    const changed = (s.fill === 'self' ? self : assessor)[s.key]?.score !== undefined;
    if (changed ? score != null && score + 1e-9 >= s.maxScore : s.met) met += 1;
  }
  const level =
    r.mode === 'items' ? Math.min(met, r.maxStars) : Math.min(levelOf(r.thresholds, tenths(total)), r.maxStars);
  return { total: tenths(total), selfTotal: tenths(selfTotal), level };
}

/** The scoring sheet page. */
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
              'Self-scored items are required; you may state your view of the assessed ones (the assessor’s score counts); record items are computed.',
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
              'Assessed items are required, with the grounds; self-scored items count as the organization scored them; record items are computed.',
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

/** The indicators of the sheet: a table on a wide screen, a card per indicator on a phone. */
function SheetTable({
  r,
  editing,
  self,
  assessor,
  onSelf,
  onAssessor,
}: {
  r: RatingDetail;
  editing: Editing;
  self: Record<string, Entry>;
  assessor: Record<string, Entry>;
  onSelf: (key: string, e: Entry) => void;
  onAssessor: (key: string, e: Entry) => void;
}) {
  const t = useT();
  const lbl = useLabel();
  const screens = Grid.useBreakpoint();
  const words = useSourceWords();
  const groupName = (k: string) => r.groups.find((g) => g.key === k)?.name ?? '';
  const selfEditable = (s: IndicatorScore) => editing === 'self' && s.fill !== 'record';
  const assessorEditable = (s: IndicatorScore) => editing === 'assessor' && s.fill === 'assessor';
  const shownSelf = (s: IndicatorScore) => (selfEditable(s) ? self[s.key] : { score: s.selfScore, note: s.selfNote });
  const shownAssessor = (s: IndicatorScore) =>
    assessorEditable(s) ? assessor[s.key] : { score: s.assessorScore, note: s.assessorNote };
  const score = (s: IndicatorScore) =>
    liveScore(s, editing === 'self' ? self : {}, editing === 'assessor' ? assessor : {});

  const value = (s: IndicatorScore) => {
    if (s.fill !== 'record') return <span className="dj-muted">—</span>;
    const page = s.source ? SOURCE_PAGES[s.source as RatingSource] : null;
    return (
      <div data-testid={`value-${s.key}`}>
        <b>{s.value == null ? t('无记录', 'No records') : `${s.value}${words.unit(s.source)}`}</b>
        <div className="dj-muted rt-auto-src">
          {page ? (
            <Link to={`${page}?org=${r.orgId}`} title={t('查看来源记录', 'Open the records')}>
              {words.name(s.source)}
            </Link>
          ) : (
            words.name(s.source)
          )}
        </div>
      </div>
    );
  };
  const cell = (s: IndicatorScore, who: 'self' | 'assessor') => {
    const editable = who === 'self' ? selfEditable(s) : assessorEditable(s);
    const e = (who === 'self' ? shownSelf(s) : shownAssessor(s)) ?? {};
    const set = who === 'self' ? onSelf : onAssessor;
    const label = who === 'self' ? t('自评', 'Self') : t('考核评分', 'Assessor');
    if (s.fill === 'record' && who === 'self') return <span className="dj-muted">{t('自动', 'Auto')}</span>;
    if (!editable)
      return (
        <div>
          <span data-testid={`${who}-${s.key}`}>{e.score == null ? '—' : e.score}</span>
          {e.note ? <div className="dj-muted rt-auto-src">{e.note}</div> : null}
        </div>
      );
    return (
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <InputNumber
          min={0}
          max={s.maxScore}
          step={0.5}
          value={e.score ?? null}
          onChange={(v) => set(s.key, { score: v == null ? null : Number(v) })}
          style={{ width: '100%', maxWidth: 110 }}
          aria-label={`${label}：${s.name}`}
          status={
            (who === 'self' ? s.fill === 'self' : s.fill === 'assessor') && e.score == null ? 'warning' : undefined
          }
          data-testid={`input-${who}-${s.key}`}
        />
        <Input
          size="small"
          value={e.note ?? ''}
          onChange={(x) => set(s.key, { note: x.target.value })}
          placeholder={who === 'self' ? t('自评说明', 'Note') : t('评分依据', 'Grounds')}
          count={{ show: true, max: 500 }}
          status={(e.note ?? '').length > 500 ? 'error' : undefined}
          aria-label={`${label}说明：${s.name}`}
        />
      </Space>
    );
  };
  const fillTag = (s: IndicatorScore) => (
    <Tag color={s.fill === 'record' ? 'cyan' : s.fill === 'self' ? 'blue' : 'purple'} style={{ marginInlineEnd: 0 }}>
      {lbl(INDICATOR_FILLS, s.fill)}
    </Tag>
  );

  if (!r.scores.length) return <Typography.Text type="secondary">{t('方案没有指标', 'No indicators')}</Typography.Text>;

  if (!screens.md) {
    return (
      <List
        dataSource={r.scores}
        rowKey="key"
        renderItem={(s, i) => (
          <List.Item style={{ display: 'block' }} data-testid={`row-${s.key}`}>
            {i === 0 || r.scores[i - 1].groupKey !== s.groupKey ? (
              <div style={{ fontWeight: 600, marginBottom: 4 }}>{groupName(s.groupKey)}</div>
            ) : null}
            <div>
              {s.name} <span className="dj-muted">{t(`（${s.maxScore} 分）`, `(${s.maxScore} pt)`)}</span>
            </div>
            <Space size={8} wrap style={{ margin: '4px 0' }}>
              {fillTag(s)}
              {r.mode === 'items' ? s.met ? <Tag color="green">{t('达标', 'Met')}</Tag> : null : null}
              <span>
                {t('得分', 'Score')} <b>{score(s) ?? '—'}</b>
              </span>
            </Space>
            {s.fill === 'record' ? value(s) : null}
            <Row gutter={8} style={{ marginTop: 4 }}>
              {s.fill !== 'record' ? (
                <Col span={12}>
                  <div className="dj-muted">{t('自评', 'Self')}</div>
                  {cell(s, 'self')}
                </Col>
              ) : null}
              {s.fill !== 'record' ? (
                <Col span={12}>
                  <div className="dj-muted">{t('考核评分', 'Assessor')}</div>
                  {cell(s, 'assessor')}
                </Col>
              ) : null}
            </Row>
          </List.Item>
        )}
      />
    );
  }

  type Row = { key: string; group?: string; s?: IndicatorScore };
  const rows: Row[] = [];
  for (const s of r.scores) {
    if (!rows.length || rows[rows.length - 1].s?.groupKey !== s.groupKey)
      rows.push({ key: `g:${s.groupKey}`, group: groupName(s.groupKey) });
    rows.push({ key: s.key, s });
  }
  const span = (n: number) => (row: Row) => ({ colSpan: row.group ? n : 1 });
  const hide = (row: Row) => ({ colSpan: row.group ? 0 : 1 });
  return (
    <Table<Row>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 900 }}
      rowClassName={(row) => (row.group ? 'rt-sheet-group' : '')}
      onRow={(row) => ({ 'data-testid': row.s ? `row-${row.s.key}` : undefined }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('指标', 'Indicator'),
          key: 'name',
          onCell: span(6),
          render: (_: unknown, row) =>
            row.group ?? (
              <div>
                <div>{row.s!.name}</div>
                <Space size={4} wrap style={{ marginTop: 2 }}>
                  {fillTag(row.s!)}
                  {r.mode === 'items' && row.s!.met ? <Tag color="green">{t('达标', 'Met')}</Tag> : null}
                </Space>
              </div>
            ),
        },
        { title: t('分值', 'Max'), key: 'max', width: 60, onCell: hide, render: (_: unknown, row) => row.s?.maxScore },
        {
          title: t('自动取数', 'From the records'),
          key: 'value',
          width: 170,
          onCell: hide,
          render: (_: unknown, row) => (row.s ? value(row.s) : null),
        },
        {
          title: t('自评', 'Self-score'),
          key: 'self',
          width: 170,
          onCell: hide,
          render: (_: unknown, row) => (row.s ? cell(row.s, 'self') : null),
        },
        {
          title: t('考核评分', 'Assessor'),
          key: 'assessor',
          width: 170,
          onCell: hide,
          render: (_: unknown, row) => (row.s ? cell(row.s, 'assessor') : null),
        },
        {
          title: t('得分', 'Score'),
          key: 'score',
          width: 70,
          onCell: hide,
          render: (_: unknown, row) => (row.s ? <b data-testid={`score-${row.s.key}`}>{score(row.s) ?? '—'}</b> : null),
        },
      ]}
    />
  );
}

/** The objections of a published result and their answers; the assessor answers the open ones. */
function ObjectionsCard({
  r,
  canAnswer,
  onAnswer,
}: {
  r: RatingDetail;
  canAnswer: boolean;
  onAnswer: (o: Objection, upheld: boolean) => void;
}) {
  const t = useT();
  const lbl = useLabel();
  return (
    <Card
      title={t(`公示异议（${r.objections.length}）`, `Objections (${r.objections.length})`)}
      data-testid="objections"
    >
      {r.status === 'published' ? (
        <Typography.Paragraph type="secondary">
          {t(
            `公示期至 ${r.objectionUntil ?? '—'}。本组织党员对评定结果有异议的，可在公示期内提出。`,
            `Published until ${r.objectionUntil ?? '—'}; members of the organization may object until then.`,
          )}
        </Typography.Paragraph>
      ) : null}
      {r.objections.length ? (
        <List
          dataSource={r.objections}
          rowKey="id"
          renderItem={(o) => (
            <List.Item
              data-testid={`objection-${o.id}`}
              actions={
                canAnswer && o.status === 'open'
                  ? [
                      <Button key="up" size="small" onClick={() => onAnswer(o, true)} data-testid="uphold">
                        {t('异议成立', 'Uphold')}
                      </Button>,
                      <Button key="rej" size="small" danger onClick={() => onAnswer(o, false)} data-testid="reject">
                        {t('不成立', 'Reject')}
                      </Button>,
                    ]
                  : undefined
              }
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    <Tag color={o.status === 'open' ? 'orange' : o.status === 'upheld' ? 'blue' : undefined}>
                      {lbl(OBJECTION_STATUSES, o.status)}
                    </Tag>
                    <span className="dj-muted">
                      {chinaDateTime(o.raisedAt)}
                      {o.raisedBy ? ` · ${o.raisedBy}` : ''}
                    </span>
                  </Space>
                }
                description={
                  <div>
                    <div style={{ whiteSpace: 'pre-wrap', color: 'inherit' }}>{o.reason}</div>
                    {o.reply ? (
                      <div style={{ marginTop: 4 }}>
                        <b>{t('答复：', 'Reply: ')}</b>
                        {o.reply}
                        <span className="dj-muted">
                          {o.answeredBy ? ` · ${o.answeredBy}` : ''}
                          {o.answeredAt ? ` · ${chinaDateTime(o.answeredAt)}` : ''}
                        </span>
                      </div>
                    ) : null}
                  </div>
                }
              />
            </List.Item>
          )}
        />
      ) : (
        <Typography.Text type="secondary">{t('没有异议', 'No objection')}</Typography.Text>
      )}
    </Card>
  );
}

/** The assessor's answer to an objection: upheld (the result goes back to be rescored) or rejected, with a reason. */
function AnswerModal({
  id,
  o,
  upheld: initial,
  onClose,
  onDone,
}: {
  id: number;
  o: Objection;
  upheld: boolean;
  onClose: () => void;
  onDone: (next: RatingDetail) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ upheld: boolean; reply: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function ok() {
    let v: { upheld: boolean; reply: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onDone(await api.post<RatingDetail>(`/api/ratings/${id}/answer`, { objectionId: o.id, ...v }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      open
      title={t('答复异议', 'Answer the objection')}
      okText={t('确定', 'OK')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={busy}
      onOk={ok}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={error} testId="answer-error" />
      <Typography.Paragraph>
        <b>{t('异议理由：', 'Reason: ')}</b>
        {o.reason}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ upheld: initial }}>
        <Form.Item name="upheld" label={t('答复结论', 'Decision')}>
          <Radio.Group
            options={[
              { value: true, label: t('异议成立，重新评定', 'Upheld: rescore') },
              { value: false, label: t('异议不成立', 'Rejected') },
            ]}
          />
        </Form.Item>
        <Field
          name="reply"
          label={t('答复意见', 'Reply')}
          required={t('请填写答复意见', 'Enter the reply')}
          whitespace
          max={500}
        >
          <Input.TextArea rows={3} data-testid="answer-reply" />
        </Field>
      </Form>
    </Modal>
  );
}
