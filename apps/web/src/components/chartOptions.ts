/**
 * The shared option rules of every chart (components/Chart applies `readable` to each option it draws): numbers in
 * 万 (zh) or k (en), axis labels that hide rather than collide, value labels that give way to each other, and a
 * grid that holds its labels. A chart's own option may still set any of these: the rules only fill in.
 */
import type { Locale } from '../api/client';

/** One figure, short: zh 1.2万 / 3.5亿, en 12k / 1.2M; below 10,000 (zh) or 1,000 (en) the digits themselves. */
export function compactNumber(value: number, locale: Locale): string {
  if (!Number.isFinite(value)) return '';
  const abs = Math.abs(value);
  const short = (n: number, unit: string) => `${trim(n)}${unit}`;
  if (locale === 'en') {
    if (abs >= 1e9) return short(value / 1e9, 'B');
    if (abs >= 1e6) return short(value / 1e6, 'M');
    if (abs >= 1e3) return short(value / 1e3, 'k');
    return trim(value);
  }
  if (abs >= 1e8) return short(value / 1e8, '亿');
  if (abs >= 1e4) return short(value / 1e4, '万');
  return trim(value);
}

/** At most one decimal, none when it is .0 (1.2, 12, 0.5). */
function trim(n: number): string {
  const r = Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 10) / 10;
  return String(r);
}

/** The grid every cartesian chart starts from: small margins, and axis labels kept inside the chart. */
export const FIT_GRID = {
  left: 8,
  right: 24,
  top: 24,
  bottom: 8,
  outerBoundsMode: 'same',
  outerBoundsContain: 'axisLabel',
} as const;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : isObj(v) ? [v] : []);

/** A value axis: compact numbers, labels that hide when they would touch, at most about five of them. */
function valueAxis(axis: Obj, fmt: (v: number) => string): Obj {
  const label = isObj(axis.axisLabel) ? axis.axisLabel : {};
  return {
    splitNumber: 4,
    ...axis,
    axisLabel: { formatter: fmt, hideOverlap: true, ...label },
  };
}

/** A category axis: every label tried, those that would touch hidden, long names cut with an ellipsis. */
function categoryAxis(axis: Obj, horizontal: boolean): Obj {
  const label = isObj(axis.axisLabel) ? axis.axisLabel : {};
  const width = horizontal ? { width: 96, overflow: 'truncate' } : { width: 72, overflow: 'truncate' };
  return { ...axis, axisLabel: { hideOverlap: true, ...width, ...label } };
}

/** The same option with the shared rules filled in where the chart did not set them. */
export function readable(option: Obj, locale: Locale): Obj {
  const fmt = (v: number) => compactNumber(v, locale);
  const out: Obj = { ...option };
  const axes = (key: 'xAxis' | 'yAxis') => {
    if (out[key] === undefined) return;
    // A category axis on y is a horizontal bar chart: its names sit left of the bars.
    const horizontal = key === 'yAxis';
    const mapped = list(out[key]).map((a) => (a.type === 'value' ? valueAxis(a, fmt) : categoryAxis(a, horizontal)));
    out[key] = Array.isArray(out[key]) ? mapped : mapped[0];
  };
  axes('xAxis');
  axes('yAxis');
  if (out.xAxis !== undefined || out.yAxis !== undefined) {
    const grids = list(out.grid);
    out.grid = grids.length ? grids.map((g) => ({ ...FIT_GRID, ...g })) : FIT_GRID;
  }
  if (out.series !== undefined) out.series = list(out.series).map((s) => readableSeries(s, fmt));
  return out;
}

/** A series' value labels in the same compact numbers; labels that would overlap give way. */
function readableSeries(s: Obj, fmt: (v: number) => string): Obj {
  const label = isObj(s.label) ? s.label : {};
  const labelLayout = isObj(s.labelLayout) ? s.labelLayout : {};
  if (s.type === 'pie') {
    return {
      avoidLabelOverlap: true,
      ...s,
      // One line per slice: two-line labels stack into each other when slices are thin (民族: 8 slices).
      label: {
        formatter: (p: { name: string; value: number }) => `${p.name} ${fmt(p.value)}`,
        ...label,
      },
      labelLayout: { hideOverlap: true, ...labelLayout },
    };
  }
  return {
    ...s,
    label: { formatter: (p: { value: number }) => fmt(Number(p.value)), ...label },
    labelLayout: { hideOverlap: true, ...labelLayout },
  };
}
