// One rules page for every rule set: the county changes a service rule from this year on with a reason (the
// page refuses, in Chinese, a value that breaks a bound or another rule before sending), sees where it comes
// from, and resets it; the meetings' rules open on the same page from their old path.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, pageErrors, settle, shot, signedInContext, withBrowser } from './helpers';

let browser: Browser;
withBrowser((b) => (browser = b));

describe('the rules page', () => {
  it('changes a service rule with a reason, refuses a contradiction in Chinese, and resets it', async () => {
    const { context, page, session } = await signedInContext(browser, 'demo-county');
    try {
      await page.goto(`${baseUrl()}/service-rules`);
      await page.getByTestId('rules-table').waitFor();
      await expect.poll(() => page.getByTestId('rule-wishClaimDays').textContent()).toBe('14');

      // A minimum above the maximum is refused on the page, naming both rules.
      await page.getByRole('button', { name: '调整「联户组最少户数」' }).click();
      await page.getByTestId('rule-editor').waitFor();
      // Let the dialog finish opening and the page's queries settle before typing (a busy CI machine once lost
      // the click on 保存 to the opening animation).
      await settle(page);
      await page.locator('#rule-input').fill('9');
      await page.getByRole('button', { name: /保\s*存/ }).click();
      const problems = page.getByTestId('rule-problems');
      await problems.waitFor({ timeout: 15_000 }).catch(async (e) => {
        await shot(page, 'rules-save-no-problems');
        throw new Error(`no problems listed after 保存; the page says: ${await page.locator('body').innerText()}`, {
          cause: e,
        });
      });
      await expect.poll(() => problems.textContent()).toContain('「联户组最少户数」不能大于「联户组最多户数」');
      expect(await problems.textContent()).toContain('请填写调整理由');
      await page.getByRole('button', { name: /取\s*消/ }).click();

      await page.getByRole('button', { name: '调整「认领心愿后完成时限（天）」' }).click();
      await page.locator('#rule-input').fill('21');
      await page.getByTestId('rule-reason').fill('农忙季节延长认领期限');
      await page.getByRole('button', { name: /保\s*存/ }).click();
      await expect.poll(() => page.getByTestId('rule-wishClaimDays').textContent()).toBe('21');
      await page.getByTestId('rules-history').getByText('农忙季节延长认领期限').waitFor();
      const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
      const api = await session.json('GET', `/api/rules/residents?year=${year + 1}`);
      expect(api.keys.find((k: { key: string }) => k.key === 'wishClaimDays')).toMatchObject({
        value: 21,
        since: year,
      });
      await settle(page);
      await shot(page, 'rules-residents');

      await page
        .getByRole('row', { name: /认领心愿后完成时限/ })
        .getByRole('button', { name: /恢复默认/ })
        .click();
      await page
        .locator('.ant-modal-confirm')
        .getByRole('button', { name: /恢复默认/ })
        .click();
      await expect.poll(() => page.getByTestId('rule-wishClaimDays').textContent()).toBe('14');

      // The meetings' rules: the same page, values shown with their labels.
      await page.goto(`${baseUrl()}/meeting-rules`);
      await expect.poll(() => page.getByTestId('rule-committee_meeting').textContent()).toContain('周期：每月');
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
