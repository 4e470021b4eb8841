// The star rating story (issue 12) on the demo county: the county copies the 五化五星 template into this year and
// publishes it; the township starts the branch's rating; the branch secretary fills its self-score on the sheet; the
// township scores the assessor's items (the totals and stars move as they are typed) and publishes the result for
// objections; the branch sees its stars on 我的星级 — on a desktop and on a phone. Screenshots along the way.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiLogin, baseUrl, PHONE, pageErrors, settle, shot, signedInContext, withBrowser } from './helpers';

let browser: Browser;
withBrowser((b) => (browser = b));

/** This year in China time. */
const chinaYear = () => Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));

type Rating = {
  id: number;
  orgId: number;
  status: string;
  stars: number | null;
  total: number | null;
  scores: { key: string; fill: string; selfScore: number | null; assessorScore: number | null }[];
};

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
async function score(page: Page, who: 'self' | 'assessor', key: string, value: number): Promise<void> {
  const input = page.getByTestId(`input-${who}-${key}`);
  await input.fill(String(value));
  await input.press('Tab');
}

describe('ratings: a scheme, a branch scored, its stars published', () => {
  it('the county publishes 五化五星, the township scores a branch, the branch sees its stars', async () => {
    const township = await apiLogin('demo-township');
    const branch = await apiLogin('demo-branch');
    const branchOrg = branch.user.orgId!;
    const year = chinaYear();
    const name = `E2E 五化五星 ${Date.now() % 100000}`;

    // 1. The county copies the template into this year in the browser, looks at the editor, and publishes it.
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
      await page.getByTestId('scheme-sum').waitFor();
      expect(await page.getByTestId('scheme-sum').textContent()).toContain('100');
      await settle(page);
      await shot(page, 'ratings-scheme-editor');
      await page.getByTestId('publish-scheme').click();
      await page
        .locator('.ant-popconfirm')
        .getByRole('button', { name: /发\s*布/ })
        .click();
      await page.getByTestId('scheme-status').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('scheme-status').textContent()).toBe('已发布');
      await settle(page);
      await shot(page, 'ratings-scheme-published');
    });
    expect(schemeId).toBeGreaterThan(0);

    // 2. The township starts the branch's rating under the scheme (一键计算 for the branch's subtree).
    await township.json('POST', `/api/ratings/compute?scheme=${schemeId}&org=${branchOrg}`, {});
    const list = await township.json<{ items: { id: number; orgId: number }[] }>(
      'GET',
      `/api/ratings?scheme=${schemeId}&org=${branchOrg}&pageSize=10`,
    );
    const id = list.items.find((r) => r.orgId === branchOrg)!.id;
    expect(id).toBeGreaterThan(0);

    // 3. The branch secretary fills its self-score on the sheet.
    await as('demo-branch', async (page) => {
      await page.goto(`${baseUrl()}/ratings/mine`);
      await page.getByTestId(`mine-${id}`).waitFor({ timeout: 30_000 });
      await page.getByTestId(`mine-${id}`).getByTestId('mine-open').click();
      await page.waitForURL(new RegExp(`/ratings/${id}$`));
      await page.getByTestId('start-self').click();
      await score(page, 'self', 'g2.3', 5);
      await score(page, 'self', 'g4.1', 8);
      await score(page, 'self', 'g1.1', 10);
      await settle(page);
      await shot(page, 'ratings-sheet-self');
      await page.getByTestId('submit-scores').click();
      await expect
        .poll(async () => page.getByTestId('rating-status').textContent(), { timeout: 30_000 })
        .toBe('已自评');
    });
    const selfScored = await township.json<Rating>('GET', `/api/ratings/${id}`);
    expect(selfScored.status).toBe('self_scored');
    const g11 = selfScored.scores.find((s) => s.key === 'g1.1')!;
    // The branch's view of an assessor's item is kept, apart from the assessor's score.
    expect(g11.selfScore).toBe(10);
    expect(g11.assessorScore).toBeNull();

    // 4. The township scores the assessor's items: the stars shown live are those the server computes; it publishes.
    await as('demo-township', async (page) => {
      await page.goto(`${baseUrl()}/ratings/${id}`);
      await page.getByTestId('start-score').click();
      await score(page, 'assessor', 'g1.1', 8);
      await score(page, 'assessor', 'g5.1', 9);
      await score(page, 'assessor', 'g5.2', 4);
      const liveStars = Number(await page.getByTestId('rating-stars').getAttribute('data-stars'));
      const liveTotal = Number((await page.getByTestId('rating-total').textContent())!.split('/')[0]);
      await settle(page);
      await shot(page, 'ratings-sheet-assessor');
      await page.getByTestId('submit-scores').click();
      await expect
        .poll(async () => page.getByTestId('rating-status').textContent(), { timeout: 30_000 })
        .toBe('已考评');
      const scored = await township.json<Rating>('GET', `/api/ratings/${id}`);
      expect(scored.total).toBe(liveTotal);
      expect(scored.stars).toBe(liveStars);
      expect(scored.scores.find((s) => s.key === 'g1.1')).toMatchObject({ selfScore: 10, assessorScore: 8 });
      await page.getByTestId('move-publish').click();
      await expect
        .poll(async () => page.getByTestId('rating-status').textContent(), { timeout: 30_000 })
        .toBe('公示中');
      await settle(page);
      await shot(page, 'ratings-sheet-published');
    });
    const published = await township.json<Rating>('GET', `/api/ratings/${id}`);
    expect(published.status).toBe('published');

    // 5. The branch sees its stars on 我的星级, on a desktop and on a phone, and the sheet on the phone.
    await as('demo-branch', async (page) => {
      await page.goto(`${baseUrl()}/ratings/mine`);
      const mine = page.getByTestId(`mine-${id}`);
      await mine.waitFor({ timeout: 30_000 });
      expect(Number(await mine.getByTestId('mine-stars').getAttribute('data-stars'))).toBe(published.stars);
      expect(await mine.getByTestId('mine-status').textContent()).toBe('公示中');
      await settle(page);
      await shot(page, 'ratings-mine');
    });
    await as(
      'demo-branch',
      async (page) => {
        await page.goto(`${baseUrl()}/ratings/mine`);
        await page.getByTestId(`mine-${id}`).getByTestId('mine-stars').waitFor({ timeout: 30_000 });
        await settle(page);
        await shot(page, 'ratings-mine-phone');
        await page.goto(`${baseUrl()}/ratings/${id}`);
        await page.getByTestId('row-g2.3').waitFor({ timeout: 30_000 });
        // No sideways scrolling on a phone: the sheet is a card per indicator.
        const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
        expect(wide).toBe(false);
        await settle(page);
        await shot(page, 'ratings-sheet-phone');
      },
      PHONE,
    );

    // 6. The results list shows the branch with its stars.
    await as('demo-township', async (page) => {
      await page.goto(`${baseUrl()}/ratings?scheme=${schemeId}`);
      await page.getByTestId('rating-total').waitFor({ timeout: 30_000 });
      await settle(page);
      await shot(page, 'ratings-results');
    });
  }, 300_000);
});
