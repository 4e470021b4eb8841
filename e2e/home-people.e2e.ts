// The people area on the homes: the branch home's dues and development cards with their links, the member's phone
// home with its own bill; screenshots of both.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { PHONE, SHOTS, apiLogin, baseUrl, pageErrors, settle, shot, signedInContext, withBrowser } from './helpers';

let browser: Browser;
withBrowser((b) => (browser = b));

interface Home {
  dues: { month: string; bills: number; unpaid: number } | null;
  development: { applicant: number } | null;
}

describe('the people area on the homes', () => {
  it("the branch home shows this month's dues and the development pipeline, each number a filtered list", async () => {
    const api = await apiLogin('demo-branch');
    const home = await api.json<Home>('GET', '/api/home');
    expect(home.dues).not.toBeNull();
    const { context, page } = await signedInContext(browser, 'demo-branch');
    try {
      await page.goto(`${baseUrl()}/`);
      const dues = page.getByTestId('home-dues');
      await dues.waitFor({ timeout: 30_000 });
      expect(await dues.innerText()).toContain('本月收缴率');
      const unpaid = dues.locator('[data-num="unpaid"]');
      expect(await unpaid.getAttribute('href')).toBe(`/dues?month=${home.dues!.month}&unpaid=true`);
      expect(await unpaid.innerText()).toContain(String(home.dues!.unpaid));
      const dev = page.getByTestId('home-development');
      expect(await dev.locator('[data-num="applicant"]').getAttribute('href')).toBe('/development?stage=applicant');
      expect(await dev.locator('[data-num="applicant"] b').innerText()).toBe(String(home.development!.applicant));
      await page.getByTestId('people-figures').scrollIntoViewIfNeeded();
      await settle(page);
      await shot(page, 'home-people-branch');
      // Following a number opens the module's list with the filter set.
      await unpaid.click();
      await page.waitForURL(/\/dues\?month=.*unpaid=true/);
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("the member's phone home shows its own bill and what it owes, linking to its bills", async () => {
    const api = await apiLogin('demo-member');
    const mine = await api.json<{ dues: { bill: { amount: number } | null; owed: number } | null }>(
      'GET',
      '/api/home/mine',
    );
    expect(mine.dues).not.toBeNull();
    const { context, page } = await signedInContext(browser, 'demo-member', PHONE);
    try {
      await page.goto(`${baseUrl()}/m/`);
      const card = page.getByTestId('m-my-dues');
      await card.waitFor({ timeout: 30_000 });
      const text = await card.innerText();
      expect(text).toContain('我的党费');
      if (mine.dues!.bill) expect(text).toContain(`¥${mine.dues!.bill.amount.toFixed(2)}`);
      expect(text).toContain(mine.dues!.owed > 0 ? '累计未缴' : '已全部缴清');
      expect(await page.getByTestId('m-dues-link').getAttribute('href')).toBe('/m/dues');
      await settle(page);
      await shot(page, 'home-people-member');
      // The card itself as the member sees it (the full page puts the fixed tab bar over it).
      await card.screenshot({ path: path.join(SHOTS, 'home-people-member-dues.png') });
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
