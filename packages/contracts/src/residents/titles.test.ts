/** A request's title: its acceptance number, category and household (or resident, or 匿名); never its id. */
import { describe, expect, it } from 'vitest';
import { requestTitle } from './titles.js';

describe('requestTitle', () => {
  it('names the number, the category and the household by its head', () => {
    expect(
      requestTitle({
        requestNo: '2026-00123',
        category: 'livelihood',
        householdHead: '王建国',
        residentName: '王小明',
      }),
    ).toEqual({
      zh: '2026-00123 · 生产生活 · 王建国户',
      en: '2026-00123 · Daily life and work · 王建国 household',
    });
  });

  it('names the resident when no household is named, and says 匿名 for nobody', () => {
    expect(requestTitle({ requestNo: '2026-00007', category: 'land', residentName: '张三' }).zh).toMatch(
      /^2026-00007 · .+ · 张三$/,
    );
    const t = requestTitle({
      requestNo: '2026-00008',
      category: 'infrastructure',
      householdHead: null,
      residentName: null,
    });
    expect(t.zh).toBe('2026-00008 · 道路水电 · 匿名');
    expect(t.en).toBe('2026-00008 · Roads, water, power · Anonymous');
  });
});
