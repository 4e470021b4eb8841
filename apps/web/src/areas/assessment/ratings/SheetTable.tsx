import { Col, Grid, Input, InputNumber, List, Row, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { INDICATOR_FILLS, type RatingSource } from '@dangjian/contracts';
import { useLabel, useT } from '../../../app/i18n';
import { type IndicatorScore, levelOf, type RatingDetail, SOURCE_PAGES, tenths, useSourceWords } from './ratingModel';

/** Who is entering scores on the sheet now: the branch (自评), the assessor (考核评分), or nobody. */
export type Editing = 'self' | 'assessor' | null;
/** A score being typed and its note. */
export type Entry = { score?: number | null; note?: string | null };

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
/** The indicators of the sheet: a table on a wide screen, a card per indicator on a phone. */
export function SheetTable({
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
