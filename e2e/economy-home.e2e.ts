// The main path of the village economy on the homes: a township records a village's collective income, accepts it,
// and the village's class change (up from last year, with the amounts) shows on the township's home.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { HomeT, IncomeClassesT, IncomeDetailT } from '@dangjian/contracts';
import { apiLogin, baseUrl, pageErrors, settle, shot, signedInContext, withBrowser } from './helpers';

let browser: Browser;
withBrowser((b) => (browser = b));

/** The income a village needs, in fen, to reach the class above its own (null at the top). */
function toNextClass(v: IncomeClassesT['villages'][number], t: IncomeClassesT['thresholds']): number | null {
  if (v.class === 'weak') return t.comfortableFen - v.totalFen;
  if (v.class === 'comfortable') return t.prosperousFen - v.totalFen;
  if (v.class === 'prosperous') return t.revitalizedFen - v.totalFen;
  return null;
}

describe("the village economy on the township's home", () => {
  it("a township records and accepts a village's income, and the class change shows on its home", async () => {
    const api = await apiLogin('demo-township');
    const before = await api.json<HomeT>('GET', '/api/home');
    const incomesBefore = before.economy?.incomes;
    expect(incomesBefore, 'the township home has the economy section').toBeTruthy();
    const year = incomesBefore!.year;
    const classes = await api.json<IncomeClassesT>('GET', `/api/economy/incomes/classes?year=${year}`);
    // A village that kept its class from last year: moving it up is a change the home did not show yet.
    const village = classes.villages.find((v) => v.class === v.lastClass && toNextClass(v, classes.thresholds) != null);
    expect(village, 'a village of the township kept its class').toBeTruthy();
    const amountFen = toNextClass(village!, classes.thresholds)! + 12_345_00;
    const entry = await api.json<IncomeDetailT>('POST', '/api/economy/incomes', {
      orgId: village!.orgId,
      year,
      source: 'property',
      amountFen,
      note: '村集体厂房租赁收入（端到端测试）',
    });
    expect(entry.status).toBe('submitted');

    const { context, page } = await signedInContext(browser, 'demo-township');
    try {
      // The township accepts the entry on its page (the review move of the flow).
      await page.goto(`${baseUrl()}/economy/incomes/${entry.id}`);
      await page.getByTestId('move-accept').click();
      const ok = page.locator('.ant-modal .ant-btn-primary');
      if (await ok.isVisible({ timeout: 3_000 }).catch(() => false)) await ok.click();
      await page.getByTestId('income-status').filter({ hasText: '已审核' }).waitFor();
      await expect
        .poll(async () => (await api.json<IncomeDetailT>('GET', `/api/economy/incomes/${entry.id}`)).status, {
          timeout: 15_000,
        })
        .toBe('accepted');

      // The township's home: one more village up from last year, this village among the changes.
      await page.goto(`${baseUrl()}/`);
      const card = page.getByTestId('home-incomes');
      await card.waitFor({ timeout: 30_000 });
      await expect
        .poll(async () => Number((await card.locator('[data-num="up"] b').innerText()).replace(/,/g, '')), {
          timeout: 15_000,
        })
        .toBe(incomesBefore!.up + 1);
      const after = await api.json<HomeT>('GET', '/api/home');
      const change = after.economy!.incomes!.changes.find((c) => c.orgId === village!.orgId);
      if (incomesBefore!.up + incomesBefore!.down < 10) expect(change?.direction).toBe('up');
      if (change) {
        const row = card.locator(`[data-todo="class-change"][data-org="${village!.orgId}"]`);
        await row.waitFor({ timeout: 10_000 });
        const text = await row.innerText();
        expect(text).toContain(village!.orgName);
        expect(text).toMatch(/升档/);
        expect(text).toMatch(/万元/);
      }
      await settle(page);
      await shot(page, 'economy-home-township');
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
      // Leave the demo as it was for the other files: the entry is soft deleted.
      await api.fetch('POST', `/api/economy/incomes/${entry.id}/reopen`, { reason: '端到端测试结束' });
      await api.fetch('DELETE', `/api/economy/incomes/${entry.id}`);
    }
  });
});
