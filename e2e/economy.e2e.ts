// The village economy (issue 14): a weak village's income is entered for last year and accepted by the township
// in the console, and the village moves to 小康村 on the classes page; the pages are kept as screenshots.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiLogin, baseUrl, pageErrors, settle, shot, signedInContext, withBrowser } from './helpers';

let browser: Browser;
withBrowser((b) => (browser = b));

interface Classes {
  villages: { orgId: number; orgName: string; totalFen: number; class: string }[];
}

describe('village economy', () => {
  it('the township accepts a weak village’s income and the village’s class changes on the classes page', async () => {
    const town = await apiLogin('demo-township');
    const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4)) - 1;
    const before = await town.json<Classes>('GET', `/api/economy/incomes/classes?year=${year}`);
    const weak = before.villages.find((v) => v.class === 'weak');
    expect(weak).toBeTruthy();
    const entry = await town.json<{ id: number }>('POST', '/api/economy/incomes', {
      orgId: weak!.orgId,
      year,
      source: 'industry',
      amountFen: 50_000_000 - weak!.totalFen + 1_000_000,
      note: '党支部+产业项目分红',
      evidence: '分红协议及入账凭证',
    });
    const { context, page } = await signedInContext(browser, 'demo-township');
    try {
      await page.goto(`${baseUrl()}/economy/incomes/classes?org=${weak!.orgId}&year=${year}`);
      await page.getByTestId(`village-class-${weak!.orgId}`).filter({ hasText: '薄弱村' }).waitFor();
      await page.goto(`${baseUrl()}/economy/incomes/${entry.id}`);
      await page.getByTestId('income-status').filter({ hasText: '待乡镇审核' }).waitFor();
      await settle(page);
      await shot(page, 'economy-income-detail');
      await page.getByTestId('move-accept').click();
      const ok = page.locator('.ant-modal .ant-btn-primary');
      if (await ok.isVisible({ timeout: 3_000 }).catch(() => false)) await ok.click();
      await page.getByTestId('income-status').filter({ hasText: '已审核' }).waitFor();
      await page.goto(`${baseUrl()}/economy/incomes/classes?org=${weak!.orgId}&year=${year}`);
      await page.getByTestId(`village-class-${weak!.orgId}`).filter({ hasText: '小康村' }).waitFor();
      await page.goto(`${baseUrl()}/economy/incomes/classes?year=${year}`);
      await page.getByRole('heading', { name: '村集体经济分类' }).waitFor();
      await page.getByTestId('income-class-cards').waitFor();
      await settle(page);
      await shot(page, 'economy-income-classes');
      await page.goto(`${baseUrl()}/economy/funds/summary`);
      await page.getByTestId('funds-cards').waitFor();
      await settle(page);
      await shot(page, 'economy-funds-summary');
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
