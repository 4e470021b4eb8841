/** A request's title: its category, the resident (or 匿名) and the China day it was accepted; never its id. */
import { describe, expect, it } from 'vitest';
import { requestTitle } from './titles.js';

describe('requestTitle', () => {
  it('names the category, the resident and the day of acceptance in China time', () => {
    // 2026-12-02T17:30Z is 01:30 on 3 December in China.
    expect(
      requestTitle({ category: 'livelihood', residentName: '张三', acceptedAt: '2026-12-02T17:30:00.000Z' }),
    ).toEqual({
      zh: '生产生活诉求 · 张三 · 2026年12月3日受理',
      en: 'Daily life and work request · 张三 · accepted 2026-12-03',
    });
  });

  it('says 匿名 for an anonymous resident', () => {
    const t = requestTitle({ category: 'infrastructure', residentName: null, acceptedAt: '2026-01-05T02:00:00.000Z' });
    expect(t.zh).toBe('道路水电诉求 · 匿名 · 2026年1月5日受理');
    expect(t.en).toContain('Anonymous');
  });
});
