// The two committees (村两委, issue 14): the county opens the election analytics of a township (the demo's 2026
// term), reads its figures and exports them (an xlsx with the township's villages); the county acknowledges a
// secretary's filing and records a unit stopping a candidate's joint review, whose reason shows in red.
// The pages are kept as screenshots.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiLogin, baseUrl, PHONE, pageErrors, settle, shot, signedInContext, withBrowser } from './helpers';

let browser: Browser;
withBrowser((b) => (browser = b));

interface Analytics {
  orgName: string;
  people: number;
  villages: number;
  oneShoulderShare: number | null;
  rows: { orgId: number; orgName: string; people: number }[];
}

/** All the text of a workbook's first sheet, a row a line. */
async function sheetText(buffer: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const lines: string[] = [];
  wb.worksheets[0]!.eachRow((row) => lines.push((row.values as unknown[]).filter((v) => v != null).join('\t')));
  return lines.join('\n');
}

describe('cadres', () => {
  it('the county opens the election analytics of a township, reads the figures and exports them', async () => {
    const township = await apiLogin('demo-township');
    const townshipId = township.user.orgId!;
    const { context, page, session } = await signedInContext(browser, 'demo-county');
    try {
      const term = 2026;
      const expected = await session.json<Analytics>('GET', `/api/elections/analytics?org=${townshipId}&term=${term}`);
      expect(expected.people).toBeGreaterThan(0);
      expect(expected.rows.length).toBeGreaterThan(1);

      await page.goto(`${baseUrl()}/elections?org=${townshipId}&term=${term}`);
      await page.getByRole('heading', { name: '换届分析' }).waitFor({ timeout: 60_000 });
      const stats = page.getByTestId('elections-stats');
      await stats.waitFor({ timeout: 60_000 });
      // The figures of the township, as the API computes them.
      const share = `${((expected.oneShoulderShare ?? 0) * 100).toFixed(1)}%`;
      await page.getByTestId('stat-one-shoulder').getByText(share).waitFor();
      for (const id of ['stat-cross', 'stat-age', 'stat-high-school', 'stat-women', 'stat-four-kinds', 'stat-new'])
        await page.getByTestId(id).waitFor();
      expect(await page.getByTestId('stat-age').innerText()).toMatch(/较上届(下降|上升) \d+\.\d 岁|与上届持平/);
      // One row per village of the township.
      const rows = page.getByTestId('elections-rows').locator('tbody tr.ant-table-row');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(expected.rows.length);
      await page.getByRole('img', { name: /%/ }).first().waitFor();
      // The breadcrumb and the menu name the page as its heading.
      expect(await page.getByTestId('breadcrumbs').innerText()).toContain('换届分析');
      expect(await page.locator('main').innerText()).not.toMatch(/\b(oneShoulder|anyKind|secretary|director)\b/);
      await settle(page);
      await shot(page, 'cadres-elections');

      // 导出 Excel: the download carries the township's villages.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('elections-export').click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      const chunks: Buffer[] = [];
      for await (const c of (await download.createReadStream())!) chunks.push(c as Buffer);
      const text = await sheetText(Buffer.concat(chunks));
      for (const r of expected.rows) expect(text).toContain(r.orgName);
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }

    // The same page is readable at a phone's width.
    const phone = await signedInContext(browser, 'demo-township', PHONE);
    try {
      await phone.page.goto(`${baseUrl()}/elections?term=2026`);
      await phone.page.getByTestId('elections-stats').waitFor({ timeout: 60_000 });
      await settle(phone.page);
      await shot(phone.page, 'cadres-elections-phone');
      // Its figures fit the phone's width (the console's wide tables scroll inside their cards).
      const stats = await phone.page.getByTestId('elections-stats').boundingBox();
      expect(stats!.width).toBeLessThanOrEqual(390);
    } finally {
      await phone.context.close();
    }
  }, 300_000);

  it('the county acknowledges a filing and a unit stops a candidate, its reason shown in red', async () => {
    const { context, page, session } = await signedInContext(browser, 'demo-county');
    try {
      // A secretary's filing waiting for the county: acknowledged.
      const filed = await session.json<{ items: { id: number; cadreName: string }[] }>(
        'GET',
        '/api/cadres/filings?status=filed&pageSize=1',
      );
      const filing = filed.items[0]!;
      await page.goto(`${baseUrl()}/cadres/filings`);
      await page.getByRole('heading', { name: '书记备案' }).waitFor({ timeout: 60_000 });
      await page.getByTestId('filing-total').waitFor();
      await settle(page);
      await shot(page, 'cadres-filings');
      await page.goto(`${baseUrl()}/cadres/filings/${filing.id}`);
      await page.getByTestId('filing-status').filter({ hasText: '待县委组织部确认' }).waitFor({ timeout: 60_000 });
      await page.getByTestId('move-acknowledge').click();
      const ok = page.locator('.ant-modal .ant-btn-primary');
      await ok.click();
      await page.getByTestId('filing-status').filter({ hasText: '已备案' }).waitFor();
      await page.getByTestId('timeline').getByText('确认备案').waitFor();
      await settle(page);
      await shot(page, 'cadres-filing-acknowledged');

      // A candidate under review: one unit stops with its reason; the candidate is stopped, in red.
      let reviewing = await session.json<{ items: { id: number }[] }>(
        'GET',
        '/api/cadres/reviews?status=reviewing&pageSize=1',
      );
      if (!reviewing.items.length) throw new Error('the demo has no review under way');
      const id = reviewing.items[0]!.id;
      await page.goto(`${baseUrl()}/cadres/reviews/${id}`);
      await page.getByTestId('review-status').filter({ hasText: '联审中' }).waitFor({ timeout: 60_000 });
      await page.getByTestId('move-stop').click();
      const dialog = page.locator('.ant-modal');
      await dialog.locator('.ant-select').first().click();
      await page.locator('.ant-select-dropdown .ant-select-item-option').first().click();
      const reason = '该人选存在涉黑涉恶线索，正在核查';
      await dialog.locator('textarea').fill(reason);
      await dialog.locator('.ant-btn-primary').click();
      await page.getByTestId('review-status').filter({ hasText: '联审未通过' }).waitFor();
      const stopped = page.getByTestId('review-stopped');
      await stopped.getByText(reason, { exact: false }).waitFor();
      expect(await page.getByTestId('review-opinions').innerText()).toContain(reason);
      await settle(page);
      await shot(page, 'cadres-review-stopped');
      reviewing = await session.json('GET', `/api/cadres/reviews/${id}`);
      expect((reviewing as unknown as { status: string }).status).toBe('stopped');

      // The list shows the stopped candidate with the unit that stopped it.
      await page.goto(`${baseUrl()}/cadres/reviews?status=stopped`);
      await page.getByTestId('review-total').waitFor({ timeout: 60_000 });
      await settle(page);
      await shot(page, 'cadres-reviews');
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);
});
