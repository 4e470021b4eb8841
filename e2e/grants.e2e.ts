// 三员分立 in the browser: a county admin proposes an administrator, the security admin approves it and
// hands over a one-time password, and the new administrator must set a password of its own before anything opens.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiLogin, baseUrl, pageErrors, settle, shot, signedInContext, watchErrors, withBrowser } from './helpers';

let browser: Browser;
withBrowser((b) => (browser = b));

describe('administrator grants (two persons) and the one-time password', () => {
  it('county admin proposes, security admin approves, the new account sets its password at first sign-in', async () => {
    const county = await apiLogin('demo-county');
    const root = (await county.json('GET', '/api/orgs/tree')).items[0];
    const township = (await county.json('GET', `/api/orgs/tree?parent=${root.id}`)).items.find(
      (o: { id: number; type: string }) => o.id !== root.id && o.type === 'committee',
    );
    const username = `e2e-admin-${Date.now() % 100000}`;
    const proposed = await county.fetch('POST', '/api/users/grants', {
      username,
      displayName: '测试乡镇管理员',
      role: 'township_admin',
      orgId: township.id,
    });
    expect(proposed.status).toBe(200);
    // The proposer cannot decide its own proposal.
    const own = (await county.json('GET', '/api/users/grants?status=pending')).items.find(
      (g: { username: string }) => g.username === username,
    );
    expect((await county.fetch('POST', `/api/users/grants/${own.id}/approve`, {})).status).toBe(403);

    const { context, page } = await signedInContext(browser, 'demo-security');
    let otp = '';
    try {
      await page.goto(`${baseUrl()}/users`);
      const row = page.getByRole('row').filter({ hasText: username });
      await row.getByText('待审批').waitFor();
      await shot(page, 'grants-pending');
      await row.getByRole('button', { name: /批\s*准/ }).click();
      const confirm = page.locator('.ant-modal-confirm').filter({ hasText: username });
      await confirm.waitFor();
      await confirm.locator('.ant-btn-primary').click();
      const box = page.getByTestId('one-time-password');
      await box.waitFor();
      otp = ((await box.locator('.ant-typography').first().textContent()) ?? '').trim();
      expect(otp).toMatch(/^\S{14}$/);
      await shot(page, 'grants-one-time-password');
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }

    // First sign-in with the one-time password: only "设置新密码" opens.
    const fresh = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    try {
      const p = await fresh.newPage();
      watchErrors(p);
      await p.goto(`${baseUrl()}/login`);
      await p.getByLabel('用户名').fill(username);
      await p.getByLabel('密码').fill(otp);
      await p.getByRole('button', { name: /登\s*录/ }).click();
      const card = p.getByTestId('set-password');
      await card.getByRole('heading', { name: '设置新密码' }).waitFor();
      // A weak password is refused inline; two different ones too.
      await card.getByLabel('新密码', { exact: true }).fill('abc');
      await card.getByLabel('再次输入新密码').fill('abd');
      await card.getByRole('button', { name: '保存并继续' }).click();
      await card.getByText('至少8位，且包含大写字母、小写字母、数字、符号中的三类').waitFor();
      await card.getByText('两次输入的密码不一致').waitFor();
      await shot(p, 'set-password-refused');
      await card.getByLabel('新密码', { exact: true }).fill('Xiangzhen#2026a');
      await card.getByLabel('再次输入新密码').fill('Xiangzhen#2026a');
      await card.getByRole('button', { name: '保存并继续' }).click();
      await p.waitForURL((u) => !u.pathname.startsWith('/login'));
      await settle(p);
      await expect.poll(() => p.getByTestId('set-password').count()).toBe(0);
      await shot(p, 'set-password-done-home');
      const me = await (await p.context().request.get(`${baseUrl()}/api/auth/me`)).json();
      expect(me).toMatchObject({ username, role: 'township_admin', mustChangePassword: false });
      expect(pageErrors.get(p)).toEqual([]);
    } finally {
      await fresh.close();
    }
    // The one-time password is spent.
    const again = await fetch(`${baseUrl()}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: otp }),
    });
    expect(again.status).toBe(401);
  });
});
