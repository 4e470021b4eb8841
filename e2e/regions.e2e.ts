// The region overview (issue 16) as a province's account uses it: the province's figures, down to a prefecture, the
// county and a township, back up with the browser, the export; and a county admin who sees its county, not the
// province. The province is made with the region commands against the server's own database (until the demo has
// its province account `demo-province`), then the county's rollups are refreshed, as an operator would.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RegionOverviewT } from '@dangjian/contracts';
import { apiLogin, baseUrl, PASSWORD, pageErrors, REPO, settle, shot, signedInContext, withBrowser } from './helpers';

let browser: Browser;
withBrowser((b) => (browser = b));

const dataDir = inject('dataDir');

/** Runs the command line on the server's data folder; throws with its output when it fails. */
function cli(...args: string[]): string {
  const r = spawnSync(process.execPath, [path.join(REPO, 'apps/server/bin/dangjian.mjs'), ...args], {
    cwd: REPO,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`dangjian ${args.join(' ')} → ${r.status}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** The number on a figure card. */
async function card(page: Page, testId: string): Promise<number> {
  return Number((await page.getByTestId(testId).locator('.dj-stat-value').innerText()).replace(/,/g, ''));
}

/** Waits until the page shows this unit (its name after the title). */
async function showing(page: Page, name: string) {
  await page.getByTestId('rg-unit').filter({ hasText: name }).waitFor({ timeout: 30_000 });
}

describe.skipIf(!dataDir)('the region overview', () => {
  it('a province account drills down to a township and back, exports; a county admin sees its county', async () => {
    const county = await apiLogin('demo-county');
    const countyId = county.user.orgId!;
    cli('region', 'add', '--kind', 'province', '--name', '端到端测试省', '--code', '980000');
    cli('region', 'add', '--kind', 'prefecture', '--name', '端到端测试市', '--code', '980100', '--parent', '980000');
    cli('region', 'place', '--county', String(countyId), '--region', '980100');
    cli('user', 'add', 'e2e-province', '--role', 'region_admin', '--region', '980000', '--password', PASSWORD);
    cli('rollups', 'refresh');

    const province = await apiLogin('e2e-province');
    const top = await province.json<RegionOverviewT>('GET', '/api/regions/overview');
    expect(top.unit).toMatchObject({ kind: 'province', name: '端到端测试省' });
    expect(top.unit.figures.members.total).toBeGreaterThan(1000);

    const { context, page } = await signedInContext(browser, 'e2e-province', {
      viewport: { width: 1366, height: 900 },
    });
    try {
      // The home of a region account is its region's overview; its menu has nothing else.
      await page.goto(`${baseUrl()}/`);
      await showing(page, '端到端测试省');
      expect(new URL(page.url()).pathname).toBe('/regions');
      expect(await page.getByTestId('main-menu').locator('a').allInnerTexts()).toEqual(['首页', '省市概览']);
      expect(await card(page, 'rg-members-total')).toBe(top.unit.figures.members.total);
      await expect.poll(() => page.getByTestId('rg-as-of').innerText()).toMatch(/数据截至 .*（每分钟更新）/);
      await page.getByTestId('rg-trend').locator('svg').first().waitFor();
      await settle(page);
      await shot(page, 'regions-province-1366');

      // Down: the prefecture, the county, a township (the lowest level: no children, its empty line).
      await page.getByTestId(`rg-child-prefecture-${top.children[0]!.id}`).click();
      await showing(page, '端到端测试市');
      await page.getByTestId(`rg-child-county-${countyId}`).click();
      await showing(page, county.user.orgName!);
      expect(new URL(page.url()).searchParams.get('unit')).toBe(`county:${countyId}`);
      await settle(page);
      await shot(page, 'regions-county-1366');
      const town = page.locator('[data-testid^="rg-child-township-"]').first();
      const townName = await town.innerText();
      await town.click();
      await showing(page, townName);
      await expect.poll(() => page.getByTestId('rg-trail').innerText()).toMatch(/端到端测试省[\s\S]*端到端测试市/);
      await page.getByTestId('rg-children').getByText('乡镇（街道）以下不再分级汇总').waitFor();

      // Back with the browser, then up by the trail.
      await page.goBack();
      await showing(page, county.user.orgName!);
      await page.getByTestId('rg-trail').getByRole('link', { name: '端到端测试省' }).click();
      await showing(page, '端到端测试省');

      // The export of the unit in view: a workbook.
      const href = await page.getByTestId('rg-export').getAttribute('href');
      expect(href).toContain('/api/regions/overview/export');
      const xlsx = await context.request.get(`${baseUrl()}${href}`);
      expect(xlsx.status()).toBe(200);
      expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
      expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');

      // In English: the same page in the other language (then back, as the account had it).
      await page.getByTestId('switch-locale').click();
      await page.getByRole('heading', { name: /Region overview/ }).waitFor();
      await page.getByTestId('rg-members').getByText('Full members').waitFor();
      await expect.poll(() => page.getByTestId('rg-as-of').innerText()).toMatch(/Figures as of .*updated every minute/);
      await shot(page, 'regions-province-1366-en');
      await page.getByTestId('switch-locale').click();
      await page.getByRole('heading', { name: /省市概览/ }).waitFor();
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }

    // The phone width: the same page, readable.
    const phone = await signedInContext(browser, 'e2e-province', { viewport: { width: 390, height: 844 } });
    try {
      await phone.page.goto(`${baseUrl()}/regions`);
      await showing(phone.page, '端到端测试省');
      await settle(phone.page);
      await shot(phone.page, 'regions-province-390');
      // Nothing wider than the phone but the children table, which scrolls inside its own box.
      expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    } finally {
      await phone.context.close();
    }

    // A county admin: its county and townships, never the province above it.
    const own = await signedInContext(browser, 'demo-county', { viewport: { width: 1366, height: 900 } });
    try {
      await own.page.goto(`${baseUrl()}/regions`);
      await showing(own.page, county.user.orgName!);
      expect(await own.page.getByTestId('rg-trail').innerText()).not.toContain('端到端测试省');
      expect(await own.page.locator('[data-testid^="rg-child-township-"]').count()).toBeGreaterThan(0);
      const refused = await county.fetch('GET', `/api/regions/overview?unit=province:${top.unit.id}`);
      expect(refused.status).toBe(404);
      await own.page.goto(`${baseUrl()}/regions?unit=province:${top.unit.id}`);
      await own.page.getByText('未找到').waitFor();
    } finally {
      await own.context.close();
    }
  });
});
