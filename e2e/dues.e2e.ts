// Party dues end to end: a branch secretary finds an unpaid bill of its branch in the console and records its
// payment (the bill then reads paid, or the back payment awaits review); the quote box, the figures; a member
// on a 390 px phone sees its own dues bills month by month.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  apiLogin,
  baseUrl,
  pageErrors,
  PHONE,
  settle,
  shot,
  signedInContext,
  watchErrors,
  withBrowser,
} from './helpers';

let browser: Browser;
withBrowser((b) => (browser = b));

interface Bill {
  id: number;
  memberId: number;
  memberName: string;
  month: string;
  amount: number;
  outstanding: number;
  status: string;
}

describe('party dues', () => {
  it('a branch secretary records a payment of a bill of its branch', async () => {
    const { context, page, session } = await signedInContext(browser, 'demo-branch');
    try {
      const open = await session.json<{ items: Bill[]; total: number }>(
        'GET',
        '/api/dues/bills?unpaid=true&pageSize=50',
      );
      expect(open.total).toBeGreaterThan(0);
      // The latest month's bill when there is one (it counts at once), else the oldest owed (a back payment).
      const bill = [...open.items].sort((a, b) => (a.month < b.month ? 1 : -1))[0]!;
      await page.goto(`${baseUrl()}/dues?q=${encodeURIComponent(bill.memberName)}&month=${bill.month}`);
      await page.getByTestId('bill-total').waitFor();
      await settle(page);
      await shot(page, 'dues-bills');
      await page.getByTestId('record-payment').first().click();
      await page.waitForURL(/\/dues\/payments\/new/);
      await page.getByTestId('payment-bills').getByText('待缴').first().waitFor();
      await settle(page);
      await shot(page, 'dues-payment-form');
      await page.getByTestId('save-payment').click();
      await page.waitForURL(/\/dues\/payments$/);
      await page.getByTestId('payment-total').waitFor();
      await settle(page);
      await shot(page, 'dues-payments');
      const after = await session.json<{ items: Bill[] }>(
        'GET',
        `/api/dues/bills?memberId=${bill.memberId}&month=${bill.month}`,
      );
      const paid = after.items.find((b) => b.id === bill.id)!;
      const payments = await session.json<{ items: { status: string; bills: { billId: number }[] }[] }>(
        'GET',
        `/api/dues/payments?memberId=${bill.memberId}&pageSize=50`,
      );
      const mine = payments.items.find((p) => p.bills.some((b) => b.billId === bill.id))!;
      expect(mine).toBeTruthy();
      if (mine.status === 'recorded') expect(paid.status).toBe('paid');
      else expect(mine.status).toBe('pending');

      // The quote box answers the national rules at a bracket edge; the figures page draws.
      await page.goto(`${baseUrl()}/dues/rules`);
      await page.getByTestId('rule-version').first().waitFor();
      await page.getByTestId('quote-income').fill('3000');
      await page.getByTestId('quote-run').click();
      await page.getByTestId('quote-answer').getByText('15.00').waitFor();
      await settle(page);
      await shot(page, 'dues-rules');
      await page.goto(`${baseUrl()}/dues/figures`);
      await page.getByTestId('dues-stats').waitFor();
      await page.getByTestId('dues-by-org').waitFor();
      await settle(page, 800);
      await shot(page, 'dues-figures');
      await page.goto(`${baseUrl()}/dues/flags`);
      await page.getByTestId('flag-total').or(page.getByText('没有连续六个月未交纳党费的党员')).first().waitFor();
      await settle(page);
      await shot(page, 'dues-flags');
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a member on a phone sees its dues bills', async () => {
    const member = await apiLogin('demo-member');
    const mine = await member.json<{ items: { month: string }[]; owed: number }>('GET', '/api/dues/mine');
    const context = await browser.newContext(PHONE);
    await context.addCookies(Object.entries(member.cookies).map(([name, value]) => ({ name, value, url: baseUrl() })));
    const page = await context.newPage();
    watchErrors(page);
    try {
      await page.goto(`${baseUrl()}/m/`);
      await page.getByTestId('m-dues-link').click();
      await page.waitForURL(/\/m\/dues/);
      await page.getByTestId('m-dues-summary').getByText(mine.owed.toFixed(2)).waitFor();
      if (mine.items.length) await page.getByTestId('m-dues-bill').first().waitFor();
      else await page.getByTestId('m-dues-empty').waitFor();
      expect(await page.getByTestId('m-dues-bill').count()).toBe(mine.items.length);
      await settle(page);
      await shot(page, 'dues-m-bills');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
