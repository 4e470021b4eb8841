// Members away (流动党员) in the console: the list of the demo county, a record with its timeline, a member's
// history reached from the roster, the figure by organization; a branch secretary records a departure.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, pageErrors, settle, shot, signedInContext, withBrowser } from './helpers';

let browser: Browser;
withBrowser((b) => (browser = b));

describe('members away', () => {
  it('the county reads the list, a record, a history and the figure; a branch records a departure', async () => {
    const { context, page, session } = await signedInContext(browser, 'demo-county');
    try {
      await page.goto(`${baseUrl()}/mobility?status=flowing`);
      await page.getByTestId('mobility-total').waitFor();
      await settle(page);
      await shot(page, 'mobility-list');
      const rec = (await session.json('GET', '/api/mobility?status=flowing&pageSize=1')).items[0];
      await page.goto(`${baseUrl()}/mobility/${rec.id}`);
      await page.getByTestId('mobility-title').waitFor();
      await page.getByTestId('workflow-actions').waitFor();
      await settle(page);
      await shot(page, 'mobility-detail');
      await page.goto(`${baseUrl()}/members/${rec.memberId}`);
      await page.getByTestId('member-mobility-link').click();
      await page.waitForURL(/\/mobility\/members\//);
      await page.getByTestId('mobility-record').first().waitFor();
      await settle(page);
      await shot(page, 'mobility-member');
      await page.goto(`${baseUrl()}/mobility/states`);
      await page.getByTestId('states-by-org').waitFor();
      await settle(page);
      await shot(page, 'mobility-states');
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }
    const branch = await signedInContext(browser, 'demo-branch');
    try {
      const { page, session } = branch;
      const members = await session.json('GET', '/api/members?pageSize=100');
      let local: { id: number; name: string } | undefined;
      for (const m of members.items) {
        if ((await session.json('GET', `/api/members/${m.id}/mobility`)).state === 'local') {
          local = m;
          break;
        }
      }
      expect(local).toBeTruthy();
      await page.goto(`${baseUrl()}/mobility/members/${local!.id}`);
      await page.getByTestId('record-departure').click();
      await page.waitForURL(/\/mobility\/new/);
      await page.getByLabel('外出地点').fill('广东省深圳市');
      await page.getByLabel('所在单位').fill('深圳电子厂');
      await settle(page);
      await shot(page, 'mobility-form');
      await page.getByTestId('save-mobility').click();
      await page.waitForURL(/\/mobility\/\d+$/);
      await page.getByTestId('mobility-status').getByText('外出流动').waitFor();
      await page.getByTestId('move-return').click();
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /确\s*定/ })
        .click();
      await page.getByTestId('mobility-status').getByText('已返回').waitFor();
      await settle(page);
      await shot(page, 'mobility-returned');
      expect((await session.json('GET', `/api/members/${local!.id}/mobility`)).state).toBe('local');
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await branch.context.close();
    }
  });
});
