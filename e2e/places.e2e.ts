// Places are places: residents choose a village by township (not a party branch), lists show the village,
// the household form offers villages only, organs' branches are not ranked at 0.0% coverage, and the menu
// says 住户 (not the police's 户籍).
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  PHONE,
  baseUrl,
  pageErrors,
  settle,
  shot,
  signedInContext,
  watchErrors,
  withBrowser,
  outboxCode,
} from './helpers';

let browser: Browser;
withBrowser((b) => (browser = b));

/** A party organization's name, as opposed to a place's (大岭村党支部, 城关镇党委, 碧皋县委, 大岭村党总支). */
const PARTY_ORG = /党(总)?支部|党委|县委|工委/;
/** The branches with no households: organs, institutions, enterprises, social organizations, industry chains. */
const NO_HOUSEHOLDS = /机关工委|教育工委|国资委|两新工委|产业链/;

/** The texts of one column of the first table on the page, by its header. */
async function columnTexts(page: Page, header: string): Promise<string[]> {
  const table = page.locator('.ant-table').first();
  await table.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
  const heads = await table.locator('thead th').allInnerTexts();
  const i = heads.findIndex((h) => h.trim() === header);
  expect(i, `column ${header} in ${heads.join('|')}`).toBeGreaterThanOrEqual(0);
  return table.locator(`.ant-table-tbody tr.ant-table-row td:nth-child(${i + 1})`).allInnerTexts();
}

describe('places are places', () => {
  it('a resident picks a township, then a village of it; no party branch is offered', async () => {
    const ctx = await browser.newContext(PHONE);
    const page = await ctx.newPage();
    watchErrors(page);
    try {
      await page.goto(baseUrl() + '/m/resident');
      const phone = `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
      await page.getByLabel('手机号码').fill(phone);
      const asked = Date.now();
      await page.getByTestId('r-send-code').click();
      await page.getByLabel('验证码').fill(await outboxCode(phone, asked));
      await page.getByTestId('r-verify').click();
      await page.getByTestId('r-phone-masked').waitFor();

      const town = page.getByLabel('所在乡镇（街道）');
      // The townships arrive after the sign-in answer: wait for them rather than read an empty list.
      await expect.poll(() => town.locator('option').count(), { timeout: 15_000 }).toBeGreaterThan(4);
      const towns = (await town.locator('option').allInnerTexts()).filter((o) => o !== '请选择');
      expect(towns.length).toBeGreaterThan(3);
      for (const name of towns) expect(name).not.toMatch(PARTY_ORG);
      await town.selectOption({ label: towns[1]! });
      const village = page.getByLabel('所在村（社区）');
      await expect.poll(async () => (await village.locator('option').allInnerTexts()).length).toBeGreaterThan(1);
      const villages = (await village.locator('option').allInnerTexts()).filter((o) => o !== '请选择');
      for (const name of villages) {
        expect(name).not.toMatch(PARTY_ORG);
        expect(name).toMatch(/(村|社区|居委会)$/);
      }
      // Only the villages of the chosen township, not the county's 400 branches.
      expect(villages.length).toBeLessThan(60);
      await village.selectOption({ label: villages[0]! });
      await page.getByLabel('标题').fill(`村口路灯坏了 ${Date.now() % 100000}`);
      await page.getByLabel('内容').fill('村口那盏路灯坏了一个月，晚上走路看不清。');
      await shot(page, 'places-m-wish-village');
      await page.getByTestId('r-submit-wish').click();
      await page.getByTestId('r-posted').waitFor();
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await ctx.close();
    }
  });

  it('lists and the household form show villages, not branches or committees', async () => {
    const { context, page } = await signedInContext(browser, 'demo-county');
    try {
      await page.goto(baseUrl() + '/households');
      const names = await columnTexts(page, '村（社区）');
      expect(names.length).toBeGreaterThan(0);
      for (const n of names) {
        expect(n).not.toMatch(PARTY_ORG);
        expect(n).toMatch(/(村|社区|居委会)$/);
      }
      await shot(page, 'places-households');

      await page.goto(baseUrl() + '/household-groups');
      for (const n of await columnTexts(page, '村（社区）')) expect(n).not.toMatch(PARTY_ORG);

      await page.goto(baseUrl() + '/households/new');
      const picker = page.getByLabel('所属村（社区）');
      await picker.click();
      await picker.fill('县委');
      await settle(page, 800);
      const dropdown = page.locator('.ant-select-dropdown:visible');
      const options = dropdown.locator('.ant-select-item-option');
      expect(await dropdown.innerText()).not.toContain('县委');
      expect(await options.allInnerTexts()).toEqual([]);
      await picker.fill('党支部');
      await settle(page, 800);
      expect(await dropdown.innerText()).not.toMatch(PARTY_ORG);
      await picker.fill('村');
      await expect.poll(() => options.count()).toBeGreaterThan(0);
      for (const o of await options.allInnerTexts()) expect(o).not.toMatch(PARTY_ORG);
      await shot(page, 'places-household-form-picker');
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('organs and industry-chain branches are not ranked by household coverage; the menu says 住户', async () => {
    const { context, page } = await signedInContext(browser, 'demo-county');
    try {
      await page.goto(baseUrl() + '/household-groups/coverage');
      const rows = page.getByTestId('coverage-by-org').locator('.ant-table-tbody tr.ant-table-row');
      await rows.first().waitFor();
      const texts = await rows.allInnerTexts();
      expect(texts.length).toBeGreaterThan(3);
      for (const r of texts) expect(r).not.toMatch(NO_HOUSEHOLDS);
      await shot(page, 'places-coverage');

      await page.goto(baseUrl() + '/service/stats');
      const byOrg = page.getByTestId('sv-by-org').locator('.ant-table-tbody tr.ant-table-row');
      await byOrg.first().waitFor();
      for (const r of await byOrg.allInnerTexts()) expect(r).not.toMatch(NO_HOUSEHOLDS);

      const menu = page.getByTestId('main-menu');
      const text = await menu.innerText();
      expect(text).toContain('住户管理');
      expect(text).not.toContain('户籍');
      await page.goto(baseUrl() + '/households');
      await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
      expect(await page.locator('body').innerText()).not.toContain('户籍');
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
