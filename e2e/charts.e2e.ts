// Charts that read and answers that travel small: on the county home and the county's service figures no two labels
// of a chart overlap, big numbers read in 万, every row of charts is filled, and API answers arrive compressed.
import { describe, expect, it } from 'vitest';
import type { Browser, Page, Response } from 'playwright-core';
import { baseUrl, pageErrors, settle, shot, signedInContext, withBrowser } from './helpers';

let browser: Browser;
withBrowser((b) => (browser = b));

interface Label {
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The visible text labels drawn in each chart (ECharts' SVG renderer keeps text as <text>), by the card's test id. */
async function chartLabels(page: Page, scope: string): Promise<Record<string, Label[]>> {
  return page.evaluate((scope) => {
    const out: Record<string, Label[]> = {};
    document.querySelectorAll(scope).forEach((card, i) => {
      const id = card.getAttribute('data-testid') ?? `chart-${i}`;
      const labels: Label[] = [];
      card.querySelectorAll('[role="img"] text').forEach((t) => {
        const s = getComputedStyle(t);
        const r = t.getBoundingClientRect();
        const text = (t.textContent ?? '').trim();
        if (!text || s.display === 'none' || s.visibility === 'hidden' || Number(s.opacity) === 0) return;
        if (Number(t.getAttribute('opacity') ?? '1') === 0 || r.width === 0) return;
        labels.push({ text, x: r.x, y: r.y, w: r.width, h: r.height });
      });
      out[id] = labels;
    });
    return out;
  }, scope);
}

/**
 * Pairs of labels that collide: boxes overlapping by more than 2 px across and a quarter of a line down (the boxes
 * of stacked labels, e.g. a pie's, touch by a few pixels of line spacing without their glyphs meeting).
 */
function overlaps(labels: Label[]): string[] {
  const bad: string[] = [];
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++) {
      const a = labels[i];
      const b = labels[j];
      const dx = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const dy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      if (dx > 2 && dy > Math.min(a.h, b.h) / 4) bad.push(`"${a.text}" × "${b.text}"`);
    }
  return bad;
}

/** A number written out in full at 10,000 or more (what should read 1.2万). */
const LONG_NUMBER = /^-?(\d{1,3}(,\d{3})+|\d{5,})(\.\d+)?$/;

/** Waits until every chart of the scope has drawn its labels. */
async function chartsDrawn(page: Page, scope: string, least: number): Promise<void> {
  await expect
    .poll(
      async () => {
        const all = await chartLabels(page, scope);
        const drawn = Object.values(all).filter((l) => l.length > 0).length;
        return drawn >= least && drawn === Object.keys(all).length;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  await settle(page, 600); // the bars' entry animation ends before the boxes are read
}

describe('charts that read', () => {
  it('county home: labels apart, 万 for big numbers, every row of charts filled, answers compressed', async () => {
    const { context, page } = await signedInContext(browser, 'demo-county');
    const answers: Response[] = [];
    page.on('response', (r) => answers.push(r));
    try {
      await page.goto(baseUrl() + '/');
      await page.getByTestId('stat-members').waitFor({ timeout: 30_000 });
      await page.getByTestId('chart-join-year').waitFor({ timeout: 30_000 });
      const scope = 'section.dj-card[data-testid^="chart-"]';
      await chartsDrawn(page, scope, 5);
      const labels = await chartLabels(page, scope);
      const problems: string[] = [];
      for (const [id, l] of Object.entries(labels)) {
        for (const o of overlaps(l)) problems.push(`${id}: ${o}`);
        for (const x of l) if (LONG_NUMBER.test(x.text)) problems.push(`${id}: "${x.text}" not in 万`);
      }
      expect(problems).toEqual([]);
      // 20,000 members: the status chart's full members read in 万.
      const all = Object.values(labels).flat();
      expect(all.some((x) => /^\d+(\.\d)?万$/.test(x.text))).toBe(true);

      // Every row of charts is filled: the last chart of a short row (历年入党人数) spans what is left of it.
      const grid = page.locator('.dj-grid-charts').first();
      const gridBox = (await grid.boundingBox())!;
      const rows = new Map<number, { left: number; right: number }>();
      for (const card of await grid.locator(':scope > *').all()) {
        const b = (await card.boundingBox())!;
        const top = Math.round(b.y);
        const r = rows.get(top) ?? { left: b.x, right: b.x + b.width };
        rows.set(top, { left: Math.min(r.left, b.x), right: Math.max(r.right, b.x + b.width) });
      }
      expect(rows.size).toBeGreaterThan(1);
      for (const r of rows.values()) expect(r.right - r.left).toBeGreaterThan(gridBox.width * 0.9);
      await shot(page, 'charts-county-home');

      // API answers over 1 KB travel as br or gzip; the pre-compressed scripts too.
      const api = answers.filter((r) => new URL(r.url()).pathname === '/api/stats/overview' && r.status() === 200);
      expect(api.length).toBeGreaterThan(0);
      expect((await api[0].allHeaders())['content-encoding']).toMatch(/^(br|gzip)$/);
      const compliance = answers.find((r) => new URL(r.url()).pathname === '/api/compliance/meetings');
      if (compliance) expect((await compliance.allHeaders())['content-encoding']).toMatch(/^(br|gzip)$/);
      const script = answers.find((r) => r.request().resourceType() === 'script' && r.url().includes('/assets/'));
      expect((await script!.allHeaders())['content-encoding']).toMatch(/^(br|gzip)$/);
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("service figures: the monthly chart's labels apart; in English the home reads in k", async () => {
    const { context, page } = await signedInContext(browser, 'demo-county');
    try {
      await page.goto(baseUrl() + '/service/stats?from=2024-01-01');
      await page.getByTestId('sv-monthly').waitFor({ timeout: 30_000 });
      const scope = '[data-testid="sv-monthly"]';
      await chartsDrawn(page, scope, 1);
      const labels = (await chartLabels(page, scope))['sv-monthly'];
      expect(labels.length).toBeGreaterThan(3);
      expect(overlaps(labels)).toEqual([]);
      expect(labels.filter((x) => LONG_NUMBER.test(x.text)).map((x) => x.text)).toEqual([]);
      await shot(page, 'charts-service-stats');
      // In English the home's big numbers read in k (19.3k), never 万, and still do not collide.
      await page.getByTestId('switch-locale').click();
      await page.goto(baseUrl() + '/');
      const home = 'section.dj-card[data-testid^="chart-"]';
      await expect
        .poll(
          async () =>
            Object.values(await chartLabels(page, home))
              .flat()
              .some((x) => /^\d+(\.\d)?k$/.test(x.text)),
          {
            timeout: 30_000,
          },
        )
        .toBe(true);
      await chartsDrawn(page, home, 5);
      const en = await chartLabels(page, home);
      const wrong: string[] = [];
      for (const [id, l] of Object.entries(en)) {
        for (const o of overlaps(l)) wrong.push(`${id}: ${o}`);
        for (const x of l) if (x.text.includes('万') || LONG_NUMBER.test(x.text)) wrong.push(`${id}: "${x.text}"`);
      }
      expect(wrong).toEqual([]);
      await shot(page, 'charts-county-home-en');
      await page.getByTestId('switch-locale').click(); // back to Chinese: the account's saved language
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
