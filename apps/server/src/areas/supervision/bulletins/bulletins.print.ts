/**
 * The printable page of a bulletin (A4, the red header 红头 of a 通报/简报, the number, the sections and their
 * tables, the date), as one HTML document that Chromium renders to PDF. Fonts come from fonts-noto-cjk.
 */
import {
  BULLETIN_KINDS,
  type BulletinDetailT,
  type BulletinFigureT,
  type BulletinSectionT,
  type BulletinTableT,
} from '@dangjian/contracts';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

/** Escapes text for HTML. */
export function esc(s: string | number | null | undefined): string {
  return String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** A value in words by its unit: a rate as a percentage, 元 with two decimals, days, a dash for none. */
export function shown(v: number | string | null | undefined, unit?: BulletinFigureT['unit']): string {
  if (v == null || v === '') return '—';
  if (typeof v === 'string') return v;
  if (unit === 'rate') return `${Math.round(v * 1000) / 10}%`;
  if (unit === 'yuan') return v.toFixed(2);
  if (unit === 'days') return `${v}天`;
  return String(v);
}

/** A date `2026-10-12…` in Chinese words: 2026年10月12日. */
export function dateWords(iso: string): string {
  return `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}

function figuresHtml(f: BulletinFigureT[]): string {
  if (!f.length) return '';
  const cells = f.map(
    (x) => `<td><div class="v">${esc(shown(x.value, x.unit))}</div><div class="k">${esc(x.label.zh)}</div></td>`,
  );
  const rows: string[] = [];
  for (let i = 0; i < cells.length; i += 5) rows.push(`<tr>${cells.slice(i, i + 5).join('')}</tr>`);
  return `<table class="figs">${rows.join('')}</table>`;
}

function tableHtml(t: BulletinTableT): string {
  if (!t.rows.length) return '';
  const head = t.columns.map((c) => `<th>${esc(c.label.zh)}</th>`).join('');
  const body = t.rows
    .map((r) => `<tr>${t.columns.map((c) => `<td>${esc(shown(r.cells[c.key], c.unit))}</td>`).join('')}</tr>`)
    .join('');
  const grid = `<table class="grid"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
  return `<p class="tt">${esc(t.title.zh)}</p>${grid}`;
}

function sectionHtml(s: BulletinSectionT, k: number): string {
  return (
    `<h2>${NUMERALS[k] ?? k + 1}、${esc(s.title.zh)}</h2><p>${esc(s.text.zh)}</p>` +
    figuresHtml(s.figures) +
    s.tables.map(tableHtml).join('')
  );
}

const CSS = `
@page { size: A4; margin: 25mm 22mm 22mm 25mm; }
body { font-family: 'Noto Serif CJK SC', 'Noto Sans CJK SC', serif; font-size: 12pt; color: #000; line-height: 1.7; }
.red { color: #c00; text-align: center; font-size: 30pt; font-weight: bold; letter-spacing: 4pt; margin: 0; }
.no { text-align: center; margin: 8pt 0 0; }
.rule { border: 0; border-top: 2pt solid #c00; margin: 6pt 0 14pt; }
h1 { text-align: center; font-size: 18pt; margin: 10pt 0 14pt; }
h2 { font-family: 'Noto Sans CJK SC', sans-serif; font-size: 13pt; margin: 14pt 0 4pt; }
p { text-indent: 2em; margin: 4pt 0; }
p.tt { text-indent: 0; font-weight: bold; margin-top: 8pt; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0; page-break-inside: auto; }
tr { page-break-inside: avoid; }
.figs td { border: 0.5pt solid #999; text-align: center; padding: 3pt; width: 20%; }
.figs .v { font-size: 14pt; font-weight: bold; }
.figs .k { font-size: 9pt; color: #333; }
.grid th, .grid td { border: 0.5pt solid #666; padding: 2pt 4pt; font-size: 10pt; }
.grid th { background: #f2f2f2; }
.end { text-align: right; margin-top: 24pt; }
.stamp { color: #c00; border: 2pt solid #c00; display: inline-block; padding: 2pt 8pt; transform: rotate(-8deg); }
`;

/** The bulletin's printable HTML document. */
export function bulletinHtml(b: BulletinDetailT): string {
  const kindWord = b.kind === 'briefing' ? '工作简报' : b.kind === 'special' ? '专项通报' : '工作通报';
  const number = b.numberLabel ?? '（草稿）';
  const date = b.issuedAt ? dateWords(b.issuedAt) : dateWords(b.content.computedAt);
  const withdrawn =
    b.status === 'withdrawn' ? `<p class="no"><span class="stamp">已撤回：${esc(b.withdrawReason)}</span></p>` : '';
  const body = [
    `<p class="red">${esc(b.issuerName)}${kindWord}</p>`,
    `<p class="no">${esc(number)}</p>`,
    '<hr class="rule">',
    withdrawn,
    `<h1>${esc(b.title)}</h1>`,
    b.foreword
      ? b.foreword
          .split('\n')
          .map((l) => `<p>${esc(l)}</p>`)
          .join('')
      : '',
    `<p>统计范围：${esc(b.content.orgName)}，${esc(b.content.periodLabel)}（${esc(b.content.from)}至${esc(b.content.to)}）。</p>`,
    ...b.content.sections.map(sectionHtml),
    b.conclusion
      ? b.conclusion
          .split('\n')
          .map((l) => `<p>${esc(l)}</p>`)
          .join('')
      : '',
    `<p class="end">${esc(b.issuerName)}<br>${esc(date)}</p>`,
  ].join('\n');
  const title = `${esc(b.title)}（${esc(BULLETIN_KINDS[b.kind].zh)}）`;
  const head = `<head><meta charset="utf-8"><title>${title}</title><style>${CSS}</style></head>`;
  return `<!doctype html><html lang="zh-CN">${head}<body>${body}</body></html>`;
}
