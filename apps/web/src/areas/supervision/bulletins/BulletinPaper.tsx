/**
 * The bulletin as it prints: an A4 sheet with the red header (通报/简报), the number, the title, the foreword,
 * each section's text, numbers and tables, the conclusion, the issuer and the date. Every number links to the
 * list it counts and tells its source (the figure, the data versions) on hover.
 */
import { Tooltip } from 'antd';
import { Link } from 'react-router';
import type {
  BulletinDetailT,
  BulletinFigureT,
  BulletinSectionT,
  BulletinTableT,
  BulletinTraceT,
} from '@dangjian/contracts';
import { useT } from '../../../app/i18n';
import './BulletinPaper.css';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

/** A value in words by its unit. */
export function shown(v: number | string | null | undefined, unit?: BulletinFigureT['unit']): string {
  if (v == null || v === '') return '—';
  if (typeof v === 'string') return v;
  if (unit === 'rate') return `${Math.round(v * 1000) / 10}%`;
  if (unit === 'yuan') return v.toFixed(2);
  if (unit === 'days') return `${v}天`;
  return String(v);
}

const dateWords = (iso: string) =>
  `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/** The source of a number in words: its figure, the data versions it was computed at, the records it names. */
function Source({ trace }: { trace: BulletinTraceT }) {
  const t = useT();
  const versions = Object.entries(trace.versions)
    .map(([k, v]) => `${k}·${v}`)
    .join('，');
  return (
    <div>
      <div>{t(`数据来源：${trace.figureName.zh}`, `Source: ${trace.figureName.en}`)}</div>
      <div>{t(`数据版本：${versions}`, `Data versions: ${versions}`)}</div>
      {trace.ids?.length ? <div>{t(`涉及 ${trace.ids.length} 条记录`, `${trace.ids.length} records`)}</div> : null}
    </div>
  );
}

function Figure({ f }: { f: BulletinFigureT }) {
  const value = <span className="bp-v">{shown(f.value, f.unit)}</span>;
  return (
    <td data-testid={`figure-${f.key}`}>
      <Tooltip title={<Source trace={f.trace} />}>
        {f.trace.link ? (
          <Link to={f.trace.link} className="bp-trace">
            {value}
          </Link>
        ) : (
          value
        )}
      </Tooltip>
      <div className="bp-k">{f.label.zh}</div>
    </td>
  );
}

function Grid({ table }: { table: BulletinTableT }) {
  if (!table.rows.length) return null;
  return (
    <>
      <p className="bp-tt">{table.title.zh}</p>
      <table className="bp-grid">
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.key}>{c.label.zh}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r, k) => (
            <tr key={k}>
              {table.columns.map((c) => (
                <td key={c.key}>
                  {c.key === 'org' && r.link ? (
                    <Link to={r.link}>{shown(r.cells[c.key], c.unit)}</Link>
                  ) : (
                    shown(r.cells[c.key], c.unit)
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function Section({ s, k }: { s: BulletinSectionT; k: number }) {
  const rows: BulletinFigureT[][] = [];
  for (let i = 0; i < s.figures.length; i += 5) rows.push(s.figures.slice(i, i + 5));
  return (
    <section data-testid={`section-${s.key}`}>
      <h2>
        {NUMERALS[k] ?? k + 1}、{s.title.zh}
      </h2>
      <p className={s.available ? undefined : 'bp-none'}>{s.text.zh}</p>
      {rows.length ? (
        <table className="bp-figs">
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                {r.map((f) => (
                  <Figure key={f.key} f={f} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {s.tables.map((tb) => (
        <Grid key={tb.key} table={tb} />
      ))}
    </section>
  );
}

/** The printable sheet of a bulletin. */
export function BulletinPaper({ b }: { b: BulletinDetailT }) {
  const kindWord = b.kind === 'briefing' ? '工作简报' : b.kind === 'special' ? '专项通报' : '工作通报';
  const date = dateWords(b.issuedAt ?? b.content.computedAt);
  const lines = (s: string | null) => (s ? s.split('\n').map((l, k) => <p key={k}>{l}</p>) : null);
  return (
    <article className="bp-paper" data-testid="bulletin-paper">
      <p className="bp-red">
        {b.issuerName}
        {kindWord}
      </p>
      <p className="bp-no" data-testid="bulletin-number">
        {b.numberLabel ?? '（草稿）'}
      </p>
      <hr className="bp-rule" />
      {b.status === 'withdrawn' ? (
        <p className="bp-no">
          <span className="bp-stamp">已撤回：{b.withdrawReason}</span>
        </p>
      ) : null}
      <h1 className="bp-title">{b.title}</h1>
      {lines(b.foreword)}
      <p>
        统计范围：{b.content.orgName}，{b.content.periodLabel}（{b.content.from}至{b.content.to}）。
      </p>
      {b.content.sections.map((s, k) => (
        <Section key={s.key} s={s} k={k} />
      ))}
      {lines(b.conclusion)}
      <p className="bp-end">
        {b.issuerName}
        <br />
        {date}
      </p>
    </article>
  );
}
