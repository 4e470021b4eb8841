// Request numbers (issue 15): every request has a 受理编号 (2026-00123), shown in the list's own column, found by the
// list's search, and heading its detail page, breadcrumb and the home's to-do rows (number · category · household).
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, pageErrors, settle, shot, signedInContext, withBrowser } from './helpers';

let browser: Browser;
withBrowser((b) => (browser = b));

/** A request number as people see it. */
const REQUEST_NO = /^\d{4}-\d{5,}$/;

describe('request numbers', () => {
  it('the list shows and finds a request by its number; its page is titled number · category · household', async () => {
    const { context, page, session } = await signedInContext(browser, 'demo-township');
    try {
      const first = await session.json<{ items: { id: number; requestNo: string }[] }>(
        'GET',
        '/api/requests?pageSize=1',
      );
      const no = first.items[0]!.requestNo;
      expect(no).toMatch(REQUEST_NO);
      await page.goto(`${baseUrl()}/requests`);
      await page.getByTestId('request-link').first().waitFor({ timeout: 30_000 });
      expect(await page.locator('main thead').innerText()).toContain('受理编号');
      expect(await page.getByTestId('request-no').first().innerText()).toMatch(REQUEST_NO);
      await settle(page);
      await shot(page, 'request-numbers-list');
      await page.getByTestId('request-search').locator('input').fill(no);
      await page.getByTestId('request-search').locator('input').press('Enter');
      await page.waitForFunction(
        (n) => {
          const cells = [...document.querySelectorAll('[data-testid="request-no"]')];
          return cells.length === 1 && cells[0]!.textContent === n;
        },
        no,
        { timeout: 30_000 },
      );
      await page.getByTestId('request-link').first().click();
      const title = page.getByTestId('request-title');
      await title.waitFor({ timeout: 30_000 });
      await settle(page);
      expect(await title.innerText()).toMatch(new RegExp(`^${no} · \\S+ · \\S+`));
      expect(await page.getByTestId('breadcrumbs').innerText()).toContain(no);
      await shot(page, 'request-numbers-detail');
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("the home's to-do rows of requests lead with their numbers", async () => {
    const { context, page } = await signedInContext(browser, 'demo-township');
    try {
      await page.goto(`${baseUrl()}/`);
      const rows = page.getByTestId('todo-requests').locator('[data-todo="request"] a');
      await rows.first().waitFor({ timeout: 30_000 });
      await settle(page);
      for (const text of await rows.allInnerTexts()) expect(text).toMatch(/^\d{4}-\d{5,} · /);
      await shot(page, 'request-numbers-home');
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
