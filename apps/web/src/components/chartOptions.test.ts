import { describe, expect, it } from 'vitest';
import { compactNumber, FIT_GRID, readable } from './chartOptions';

describe('compact numbers', () => {
  it('zh: digits below 10,000, then 万 and 亿 with at most one decimal', () => {
    expect(compactNumber(0, 'zh-CN')).toBe('0');
    expect(compactNumber(9000, 'zh-CN')).toBe('9000');
    expect(compactNumber(12000, 'zh-CN')).toBe('1.2万');
    expect(compactNumber(19312, 'zh-CN')).toBe('1.9万');
    expect(compactNumber(150000, 'zh-CN')).toBe('15万');
    expect(compactNumber(320_000_000, 'zh-CN')).toBe('3.2亿');
    expect(compactNumber(-12000, 'zh-CN')).toBe('-1.2万');
  });
  it('en: digits below 1,000, then k, M and B', () => {
    expect(compactNumber(581, 'en')).toBe('581');
    expect(compactNumber(1500, 'en')).toBe('1.5k');
    expect(compactNumber(12000, 'en')).toBe('12k');
    expect(compactNumber(2_400_000, 'en')).toBe('2.4M');
  });
  it('nothing for a value that is not a number', () => {
    expect(compactNumber(Number.NaN, 'zh-CN')).toBe('');
  });
});

describe('readable options', () => {
  type Axis = { axisLabel: { hideOverlap: boolean; formatter?: (v: number) => string; interval?: number } };
  it('fills in label rules and the grid without overriding what a chart set', () => {
    const out = readable(
      {
        xAxis: { type: 'value' },
        yAxis: { type: 'category', data: ['a'], axisLabel: { interval: 0 } },
        series: [{ type: 'bar', data: [12000] }],
      },
      'zh-CN',
    );
    const x = out.xAxis as Axis;
    const y = out.yAxis as Axis;
    expect(x.axisLabel.hideOverlap).toBe(true);
    expect(x.axisLabel.formatter?.(30000)).toBe('3万');
    expect(y.axisLabel).toMatchObject({ hideOverlap: true, interval: 0 });
    expect(out.grid).toEqual(FIT_GRID);
    const [bar] = out.series as { label: { formatter: (p: { value: number }) => string }; labelLayout: unknown }[];
    expect(bar.label.formatter({ value: 12000 })).toBe('1.2万');
    expect(bar.labelLayout).toEqual({ hideOverlap: true });
  });
  it('a pie: one-line labels in compact numbers that give way; no grid', () => {
    const out = readable({ series: [{ type: 'pie', data: [{ name: '正式党员', value: 19312 }] }] }, 'en');
    const [pie] = out.series as { label: { formatter: (p: { name: string; value: number }) => string } }[];
    expect(pie.label.formatter({ name: 'Full member', value: 19312 })).toBe('Full member 19.3k');
    expect(out.grid).toBeUndefined();
  });
});
