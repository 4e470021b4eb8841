// The public board (公开晾晒) at /board without signing in: on a phone it shows the star ratings, a masked points
// ranking and the pledges of the demo county; on a 1920×1080 wall screen the four parts side by side without the
// page scrolling. No ID number, phone or full name on the page or in its JSON; an unknown organization says so.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiLogin, baseUrl, PHONE, pageErrors, settle, watchErrors, withBrowser } from './helpers';

let browser: Browser;
withBrowser((b) => (browser = b));

const PERSONAL = /1[3-9]\d{9}|\d{17}[\dXx]/;

interface Board {
  org: { id: number; name: string };
  stars: { items: { orgName: string; stars: number }[] };
  rankings: { orgId: number; entries: { name: string }[] }[];
  pledges: { items: { memberName: string | null }[] };
}

describe('the public board', () => {
  it('phone: stars, a masked ranking and pledges, without signing in', async () => {
    const county = await apiLogin('demo-county');
    const root = county.user.orgId!;
    const res = await fetch(`${baseUrl()}/api/public/board?org=${root}`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toMatch(PERSONAL);
    const b = JSON.parse(text) as Board;
    expect(b.stars.items.length).toBeGreaterThan(0);
    expect(b.rankings.length).toBeGreaterThan(0);
    expect(b.pledges.items.length).toBeGreaterThan(0);
    for (const r of b.rankings) for (const e of r.entries) expect(e.name).toMatch(/^\p{Script=Han}{1,2}\*+$/u);
    // The full names of the ranked members never appear: the first branch's members, read signed in.
    const members = await county.json<{ items: { name: string }[] }>(
      'GET',
      `/api/members?org=${b.rankings[0]!.orgId}&pageSize=100`,
    );
    for (const m of members.items) if (m.name.length >= 2) expect(text).not.toContain(m.name);

    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    watchErrors(page);
    try {
      await page.goto(`${baseUrl()}/board?org=${root}`);
      await page.getByTestId('board-title').waitFor({ timeout: 30_000 });
      await expect(page.getByTestId('board-title').innerText()).resolves.toBe(b.org.name);
      const stars = page.getByTestId('board-stars');
      await expect(stars.innerText()).resolves.toContain(b.stars.items[0]!.orgName);
      await expect(stars.innerText()).resolves.toContain('★');
      const ranking = await page.getByTestId('board-ranking').innerText();
      expect(ranking).toContain(b.rankings[0]!.entries[0]!.name);
      expect(ranking).toMatch(/\*/);
      await expect(page.getByTestId('board-pledges').innerText()).resolves.toMatch(/已践诺|已公开|已评诺/);
      const body = await page.locator('body').innerText();
      expect(body).not.toMatch(PERSONAL);
      // No sign-in asked, no console redirect, nothing wider than the phone.
      expect(new URL(page.url()).pathname).toBe('/board');
      const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      expect(wide).toBe(false);
      await settle(page, 500);
      await page.screenshot({ path: `${process.cwd()}/test-artifacts/screenshots/board-phone.png` });
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('wall screen 1920×1080: the four parts side by side, no page scroll; an unknown organization', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
    const page = await context.newPage();
    watchErrors(page);
    try {
      await page.goto(`${baseUrl()}/board`);
      await page.getByTestId('board-title').waitFor({ timeout: 30_000 });
      for (const id of ['board-stars', 'board-ranking', 'board-pledges', 'board-wishes'])
        await page.getByTestId(id).waitFor();
      const tops = await page.evaluate(() =>
        ['board-stars', 'board-ranking', 'board-pledges', 'board-wishes'].map(
          (id) => document.querySelector(`[data-testid="${id}"]`)!.getBoundingClientRect().top,
        ),
      );
      expect(new Set(tops.map((t) => Math.round(t))).size).toBe(1);
      const scrolls = await page.evaluate(() => {
        const d = document.documentElement;
        return d.scrollHeight > d.clientHeight || d.scrollWidth > d.clientWidth;
      });
      expect(scrolls).toBe(false);
      await settle(page, 500);
      await page.screenshot({ path: `${process.cwd()}/test-artifacts/screenshots/board-wall.png` });
      await page.goto(`${baseUrl()}/board?org=999999`);
      await page.getByRole('alert').waitFor();
      await expect(page.getByRole('alert').innerText()).resolves.toContain('没有找到');
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
