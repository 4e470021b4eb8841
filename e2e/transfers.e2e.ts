// Transfers of membership (组织关系转接, issue 11): a branch secretary applies for a member to a branch of another
// township, the township approves and issues the letter, the receiving branch's secretary accepts it and the member
// is on its roster; the introduction letter prints on A4 (a PDF and a screenshot are kept).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiLogin, baseUrl, PASSWORD, pageErrors, SHOTS, settle, shot, signedInContext, withBrowser } from './helpers';

let browser: Browser;
withBrowser((b) => (browser = b));

/** Today and a day some days on, in China time. */
const chinaDay = (plus = 0) => new Date(Date.now() + 8 * 3_600_000 + plus * 86_400_000).toISOString().slice(0, 10);

/** Picks the option of an antd select (by its input id) found by typing `text`. */
async function pick(page: Page, id: string, text: string, option: string): Promise<void> {
  await page.locator(`#${id}`).click();
  await page.locator(`#${id}`).fill(text);
  const item = page.locator('.ant-select-item-option', { hasText: option }).first();
  await item.waitFor({ timeout: 30_000 });
  await item.click();
}

/** Makes a move of the action bar, answering its dialog when it has one. */
async function moveBy(page: Page, move: string, fill?: () => Promise<void>): Promise<void> {
  await page.getByTestId(`move-${move}`).click();
  // antd spaces a two-character label (确 定): the dialog's primary button is the one.
  const ok = page.locator('.ant-modal .ant-btn-primary');
  if (await ok.isVisible({ timeout: 3_000 }).catch(() => false)) {
    await fill?.();
    await settle(page);
    await shot(page, `transfers-move-${move}`);
    await ok.click();
  }
}

describe('transfers of membership', () => {
  it('a branch applies, the township approves, the receiving branch accepts; the letter prints', async () => {
    const branch = await apiLogin('demo-branch');
    const myOrg = branch.user.orgId!;
    const roster = await branch.json<{ items: { id: number; name: string; orgId: number }[] }>(
      'GET',
      `/api/members?org=${myOrg}&pageSize=100`,
    );
    const open = await branch.json<{ items: { memberId: number | null }[] }>('GET', '/api/transfers?pageSize=500');
    const busy = new Set(open.items.map((i) => i.memberId));
    const member = roster.items.find((m) => !busy.has(m.id) && m.id !== branch.user.memberId)!;
    const targets = await branch.json<{ items: { id: number; name: string }[] }>(
      'GET',
      '/api/transfers/targets?q=支部',
    );
    const county = await apiLogin('demo-county');
    const township = await apiLogin('demo-township');
    // A branch of another township: one the township does not see.
    let target: { id: number; name: string } | undefined;
    for (const o of targets.items) {
      if (o.id === myOrg) continue;
      const r = await township.fetch('GET', `/api/orgs/${o.id}`);
      if (r.status === 404) {
        target = o;
        break;
      }
    }
    expect(target).toBeDefined();
    // The receiving branch's secretary: an account made by the security administrator.
    const security = await apiLogin('demo-security');
    const username = `e2e-sec-${Date.now() % 100000}`;
    const made = await security.json<{ oneTimePassword: string }>('POST', '/api/users', {
      username,
      displayName: '接收支部书记',
      role: 'branch_secretary',
      orgId: target!.id,
    });
    const first = await apiLogin(username, made.oneTimePassword);
    await first.json('POST', '/api/auth/password', { oldPassword: made.oneTimePassword, newPassword: PASSWORD });

    // The branch applies through the form.
    const a = await signedInContext(browser, 'demo-branch');
    let id: number;
    try {
      await a.page.goto(`${baseUrl()}/transfers/new`);
      await pick(a.page, 'memberId', member.name, member.name);
      await pick(a.page, 'toOrgId', target!.name, target!.name);
      await a.page.locator('#reason').fill('工作调动');
      await a.page.getByTestId('dues-paid-to').fill(chinaDay().slice(0, 7));
      await settle(a.page);
      await shot(a.page, 'transfers-apply-form');
      await a.page.getByTestId('save-transfer').click();
      await a.page.getByTestId('transfer-title').waitFor({ timeout: 30_000 });
      id = Number(a.page.url().split('/').pop());
      expect(await a.page.getByTestId('transfer-status').innerText()).toBe('待审批');
      await settle(a.page);
      await shot(a.page, 'transfers-applied');
      expect(pageErrors.get(a.page)).toEqual([]);
    } finally {
      await a.context.close();
    }

    // The township approves and issues the letter.
    const b = await signedInContext(browser, 'demo-township');
    try {
      await b.page.goto(`${baseUrl()}/transfers/${id}`);
      await b.page.getByTestId('move-approve').waitFor({ timeout: 30_000 });
      await moveBy(b.page, 'approve', async () => {
        await b.page.locator('#validUntil').click();
        await b.page.locator('#validUntil').fill(chinaDay(30));
        await b.page.locator('#validUntil').press('Enter');
        await b.page.locator('#duesPaidTo').fill(chinaDay().slice(0, 7));
      });
      await b.page.getByText('已开介绍信，待接收').first().waitFor({ timeout: 30_000 });
      await b.page.getByTestId('print-letter').click();
      await b.page.getByTestId('letter').waitFor({ timeout: 30_000 });
      await settle(b.page);
      const letter = await b.page.getByTestId('letter').innerText();
      expect(letter).toContain('中国共产党党员组织关系介绍信');
      expect(letter).toContain(target!.name);
      expect(letter).toContain('回执');
      await shot(b.page, 'transfers-letter');
      await b.page.emulateMedia({ media: 'print' });
      fs.mkdirSync(SHOTS, { recursive: true });
      await b.page.pdf({ path: path.join(SHOTS, 'transfers-letter.pdf'), format: 'A4' });
      expect(fs.statSync(path.join(SHOTS, 'transfers-letter.pdf')).size).toBeGreaterThan(5_000);
      expect(pageErrors.get(b.page)).toEqual([]);
    } finally {
      await b.context.close();
    }

    // Still counted in the sending branch; the receiving branch accepts.
    const before = await county.json<{ orgId: number }>('GET', `/api/members/${member.id}`);
    expect(before.orgId).toBe(myOrg);
    const c = await signedInContext(browser, username);
    try {
      await c.page.goto(`${baseUrl()}/transfers?direction=in`);
      await c.page.getByText(member.name).first().waitFor({ timeout: 30_000 });
      await settle(c.page);
      await shot(c.page, 'transfers-incoming-list');
      await c.page.goto(`${baseUrl()}/transfers/${id}`);
      await c.page.getByTestId('move-accept').waitFor({ timeout: 30_000 });
      await moveBy(c.page, 'accept');
      await c.page.waitForFunction(
        () => document.querySelector('[data-testid="transfer-status"]')?.textContent === '已接收',
        undefined,
        { timeout: 30_000 },
      );
      await settle(c.page);
      await shot(c.page, 'transfers-accepted');
      expect(pageErrors.get(c.page)).toEqual([]);
    } finally {
      await c.context.close();
    }
    const after = await county.json<{ orgId: number }>('GET', `/api/members/${member.id}`);
    expect(after.orgId).toBe(target!.id);
  });
});
