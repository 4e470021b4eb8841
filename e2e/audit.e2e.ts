// The audit trail a Chinese auditor can read: search by words (登录), actions, records and people by name, 系统 for
// jobs, China time when the browser is elsewhere, field names in words in the detail.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiLogin, baseUrl, pageErrors, settle, shot, signedInContext, withBrowser } from './helpers';

let browser: Browser;
withBrowser((b) => (browser = b));

/** An instant as China local time with seconds, `YYYY-MM-DD HH:mm:ss` (what the page must show). */
function chinaSeconds(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** Raw codes that must not reach the auditor: action codes, `user #5`-style references. */
const RAW = [/auth\.login/, /user #\d/, /request #\d/, /member\.update/, /demo\.load/];

describe('audit trail in words (auditor, browser in New York)', () => {
  it('finds sign-ins by 登录 with names, jobs as 系统, times in China time, fields in words', async () => {
    // A sign-in to find, and a change with fields to read.
    const branch = await apiLogin('demo-branch');
    const county = await apiLogin('demo-county');
    const m = (await county.json('GET', '/api/members?pageSize=1&sort=createdAt&order=desc')).items[0];
    await county.json('PATCH', `/api/members/${m.id}`, {
      education: m.education === 'bachelor' ? 'college' : 'bachelor',
    });
    const auditor = await apiLogin('demo-auditor');
    const login = (await auditor.json('GET', '/api/audit?pageSize=50')).items.find(
      (r: { action: string; actorId: number | null }) => r.action === 'auth.login' && r.actorId === branch.user.id,
    );
    expect(login).toBeTruthy();

    const { context, page } = await signedInContext(browser, 'demo-auditor', { timezoneId: 'America/New_York' });
    try {
      await page.goto(baseUrl() + '/audit');
      await page.getByTestId('chain-check').getByText('审计链完整').waitFor({ timeout: 30_000 });
      const search = page.getByTestId('audit-search');
      await search.waitFor({ timeout: 15_000 });
      await search.locator('input').fill('登录');
      await search.locator('input').press('Enter');
      await page.waitForURL(/q=/);
      await settle(page, 800);
      const table = page.locator('.ant-table-tbody');
      // The secretary's sign-in at its China time, by name (the demo's display name ends in 书记).
      const row = table
        .getByRole('row')
        .filter({ hasText: chinaSeconds(login.at) })
        .filter({ hasText: '书记' });
      await row.first().waitFor({ timeout: 15_000 });
      expect(await row.first().innerText()).toContain('登录');
      const body = await page.locator('main').innerText();
      for (const raw of RAW) expect(body).not.toMatch(raw);
      await shot(page, 'audit-search-login');

      // The demo load is a job: its actor reads 系统.
      await search.locator('input').fill('演示数据');
      await search.locator('input').press('Enter');
      await page.waitForURL(/q=%E6%BC%94/);
      await settle(page, 800);
      const job = table.getByRole('row').filter({ hasText: '载入演示数据' }).first();
      await job.waitFor({ timeout: 15_000 });
      expect(await job.innerText()).toContain('系统');

      // A member's change: the action and the member in words, the changed field by its name.
      await search.locator('input').fill('修改党员');
      await search.locator('input').press('Enter');
      await settle(page, 800);
      const change = table.getByRole('row').filter({ hasText: m.name }).first();
      await change.waitFor({ timeout: 15_000 });
      await change.getByRole('link').first().click();
      const drawer = page.getByTestId('audit-drawer');
      await drawer.getByTestId('audit-changes').getByText('学历').waitFor();
      const drawerText = await drawer.innerText();
      expect(drawerText).not.toMatch(/education|member\.update|#\d+ |bachelor|college/);
      // The values by their labels, as on the member's page.
      expect(drawerText).toContain(m.education === 'bachelor' ? '大专' : '大学本科');
      await shot(page, 'audit-detail-words');
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the accounts page shows sign-in times in China time', async () => {
    const security = await apiLogin('demo-security');
    const users = (await security.json('GET', '/api/users?pageSize=50')).items as {
      username: string;
      lastLoginAt: string | null;
    }[];
    const me = users.find((u) => u.username === 'demo-security');
    expect(me?.lastLoginAt).toBeTruthy();
    const { context, page } = await signedInContext(browser, 'demo-security', { timezoneId: 'America/New_York' });
    try {
      await page.goto(baseUrl() + '/users');
      const fresh = (await security.json('GET', '/api/users?pageSize=50')).items.find(
        (u: { username: string }) => u.username === 'demo-security',
      );
      const row = page.getByRole('row').filter({ hasText: 'demo-security' }).first();
      await row.waitFor({ timeout: 20_000 });
      expect(await row.innerText()).toContain(chinaSeconds(fresh.lastLoginAt));
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
