/** The start log: the banner a newcomer reads once the server listens, and the demo load's progress lines. */
import { describe, expect, it } from 'vitest';
import { DemoProgress } from '../demo/progress.js';
import { openUrl, startBanner } from './banner.js';

describe('the start log', () => {
  it('says where to open the platform and lists the demo accounts with their roles and the password', () => {
    expect(openUrl('0.0.0.0', 3000, null)).toBe('http://localhost:3000');
    expect(openUrl('127.0.0.1', 3100, null)).toBe('http://127.0.0.1:3100');
    expect(openUrl('0.0.0.0', 3000, 'https://dj.example.cn')).toBe('https://dj.example.cn');
    const text = startBanner('http://localhost:3000', ['demo-county', 'demo-member'], 'sqlite，2.0 秒 s').join('\n');
    expect(text).toContain('http://localhost:3000/');
    expect(text).toContain('http://localhost:3000/m/');
    expect(text).toMatch(/demo-county\s+县级管理员 County admin/);
    expect(text).toMatch(/demo-member\s+党员 Member/);
    expect(text).toContain('Dangjian@2026');
    // Only accounts that exist are listed; without any, no password is printed.
    expect(text).not.toContain('demo-auditor');
    const bare = startBanner('http://localhost:3000', [], 'sqlite').join('\n');
    expect(bare).not.toContain('Dangjian@2026');
    expect(bare).toContain('http://localhost:3000/');
  });

  it('writes a progress line at most every few seconds while a stage runs, never a long silence', () => {
    let now = 0;
    const lines: string[] = [];
    const p = new DemoProgress(
      (l) => lines.push(l),
      () => now,
      3_000,
    );
    p.begin('组织生活 meetings');
    // Ticks every second for 20 s: one line per 3 s, each saying how far the stage is.
    for (let s = 1; s <= 20; s++) {
      now = s * 1000;
      p.tick(() => `${s * 100} 次会议 meetings`);
    }
    expect(lines[0]).toBe('  组织生活 meetings …');
    const ticks = lines.slice(1);
    expect(ticks).toHaveLength(6);
    expect(ticks[0]).toBe('    组织生活 meetings：300 次会议 meetings（3 秒 s）');
    // Any other line resets the throttle.
    p.log('  done');
    now += 1000;
    p.tick();
    expect(lines.at(-1)).toBe('  done');
    now += 3000;
    p.tick();
    expect(lines.at(-1)).toBe('    组织生活 meetings：进行中 working（24 秒 s）');
    expect(lines.join('\n')).not.toMatch(/heart_to_heart|[a-z]+_[a-z]+/);
  });
});
