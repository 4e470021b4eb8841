// The assessment area's main path (issue 12) on the demo county: the county copies 五化五星 into this year and
// publishes it in the browser; the township starts the branch's rating, the branch gives its self-score, the township
// scores the branch on the sheet and publishes the result for objections; the branch sees its stars on 我的星级 and
// on its home; the public board, without signing in, shows them on a phone. Then the county's overview and home.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  apiLogin,
  baseUrl,
  PHONE,
  pageErrors,
  settle,
  shot,
  signedInContext,
  watchErrors,
  withBrowser,
} from './helpers';

let browser: Browser;
withBrowser((b) => (browser = b));

/** This year in China time. */
const chinaYear = () => Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));

type Rating = { id: number; orgId: number; status: string; stars: number | null };
type Board = { stars: { year: number; items: { orgId: number; orgName: string; stars: number }[] } };

/** Opens a page as a user, runs `use`, checks no page error happened and closes it. */
async function as(
  username: string,
  use: (page: Page) => Promise<void>,
  opts: Parameters<typeof signedInContext>[2] = {},
): Promise<void> {
  const { context, page } = await signedInContext(browser, username, opts);
  try {
    await use(page);
    expect(pageErrors.get(page)).toEqual([]);
  } finally {
    await context.close();
  }
}

/** Types a score into the sheet's input of an indicator. */
async function score(page: Page, key: string, value: number): Promise<void> {
  const input = page.getByTestId(`input-assessor-${key}`);
  await input.fill(String(value));
  await input.press('Tab');
}

describe('assessment: a scheme published, a branch scored, its stars on the public board', () => {
  it('county → township → branch → the public board on a phone', async () => {
    const county = await apiLogin('demo-county');
    const township = await apiLogin('demo-township');
    const branch = await apiLogin('demo-branch');
    const branchOrg = branch.user.orgId!;
    const year = chinaYear();
    const name = `E2E 主线 五化五星 ${Date.now() % 100000}`;

    // 1. The county copies the template into this year and publishes it, in the browser.
    let schemeId = 0;
    await as('demo-county', async (page) => {
      await page.goto(`${baseUrl()}/ratings/schemes`);
      await page.getByTestId('from-template').click();
      await page.getByTestId('template-wuhua_wuxing').click();
      await page.getByTestId('template-name').fill(name);
      await page.getByTestId('template-year').fill(String(year));
      await page.locator('.ant-modal').getByRole('button', { name: '复制到本年度' }).click();
      await page.waitForURL(/\/ratings\/schemes\/\d+$/, { timeout: 30_000 });
      schemeId = Number(page.url().split('/').pop());
      await page.getByTestId('publish-scheme').click();
      await page
        .locator('.ant-popconfirm')
        .getByRole('button', { name: /发\s*布/ })
        .click();
      await expect
        .poll(async () => page.getByTestId('scheme-status').textContent(), { timeout: 30_000 })
        .toBe('已发布');
      await settle(page);
      await shot(page, 'assessment-scheme-published');
    });
    expect(schemeId).toBeGreaterThan(0);

    // 2. The township starts the branch's rating; the branch gives its self-score (the records fill the rest).
    await township.json('POST', `/api/ratings/compute?scheme=${schemeId}&org=${branchOrg}`, {});
    const list = await township.json<{ items: Rating[] }>(
      'GET',
      `/api/ratings?scheme=${schemeId}&org=${branchOrg}&pageSize=10`,
    );
    const id = list.items.find((r) => r.orgId === branchOrg)!.id;
    await branch.json('POST', `/api/ratings/${id}/self-score`, {
      scores: [
        { key: 'g2.3', score: 5 },
        { key: 'g4.1', score: 8 },
      ],
    });

    // 3. The township scores the assessor's items on the sheet and publishes the result for objections.
    await as('demo-township', async (page) => {
      await page.goto(`${baseUrl()}/ratings/${id}`);
      await page.getByTestId('start-score').click();
      await score(page, 'g1.1', 9);
      await score(page, 'g5.1', 9);
      await score(page, 'g5.2', 5);
      await page.getByTestId('submit-scores').click();
      await expect
        .poll(async () => page.getByTestId('rating-status').textContent(), { timeout: 30_000 })
        .toBe('已考评');
      await page.getByTestId('move-publish').click();
      await expect
        .poll(async () => page.getByTestId('rating-status').textContent(), { timeout: 30_000 })
        .toBe('公示中');
      await settle(page);
      await shot(page, 'assessment-sheet-published');
    });
    const published = await township.json<Rating>('GET', `/api/ratings/${id}`);
    expect(published.status).toBe('published');
    expect(published.stars).toBeGreaterThan(0);

    // 4. The branch sees its stars on 我的星级 and on its home.
    await as('demo-branch', async (page) => {
      await page.goto(`${baseUrl()}/ratings/mine`);
      const mine = page.getByTestId(`mine-${id}`);
      await mine.waitFor({ timeout: 30_000 });
      expect(Number(await mine.getByTestId('mine-stars').getAttribute('data-stars'))).toBe(published.stars);
      await settle(page);
      await shot(page, 'assessment-branch-mine');
      await page.goto(`${baseUrl()}/`);
      const card = page.getByTestId('home-assessment');
      await card.waitFor({ timeout: 30_000 });
      const stars = card.locator('[data-num="myStars"]');
      await expect(stars.innerText()).resolves.toContain('★'.repeat(published.stars!));
      await expect(stars.innerText()).resolves.toContain(String(year));
      await card.scrollIntoViewIfNeeded();
      await settle(page);
      await shot(page, 'assessment-branch-home');
    });

    // 5. The public board, without signing in, shows the branch's stars on a phone.
    const res = await fetch(`${baseUrl()}/api/public/board?org=${branchOrg}&year=${year}`);
    expect(res.status).toBe(200);
    const board = (await res.json()) as Board;
    expect(board.stars.year).toBe(year);
    const row = board.stars.items.find((i) => i.orgId === branchOrg)!;
    expect(row.stars).toBe(published.stars);
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    watchErrors(page);
    try {
      await page.goto(`${baseUrl()}/board?org=${branchOrg}&year=${year}`);
      const stars = page.getByTestId('board-stars');
      await stars.waitFor({ timeout: 30_000 });
      await expect(stars.innerText()).resolves.toContain(row.orgName);
      await expect(stars.innerText()).resolves.toContain('★');
      expect(new URL(page.url()).pathname).toBe('/board');
      const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      expect(wide).toBe(false);
      await settle(page, 500);
      await shot(page, 'assessment-board-phone');
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }

    // 6. The county's overview counts this year's rated organizations, and its home shows the area.
    const overview = await county.json<{ total: { rated: number } }>('GET', `/api/assessment/overview?year=${year}`);
    expect(overview.total.rated).toBeGreaterThan(0);
    await as('demo-county', async (page) => {
      await page.goto(`${baseUrl()}/assessment/overview?year=${year}`);
      const rated = page.getByTestId('as-rated');
      await rated.waitFor({ timeout: 60_000 });
      expect(await rated.innerText()).toContain(overview.total.rated.toLocaleString('en-US'));
      await page.getByTestId('assessment-by-org').waitFor();
      await settle(page);
      await shot(page, 'assessment-overview');
      await page.goto(`${baseUrl()}/`);
      await page.getByTestId('home-assessment').waitFor({ timeout: 60_000 });
      await page.getByTestId('assessment-figures').scrollIntoViewIfNeeded();
      await settle(page);
      await shot(page, 'assessment-home-county');
    });
  }, 400_000);
});
