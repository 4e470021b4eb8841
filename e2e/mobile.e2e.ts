// The phone pages on a 390×844 screen: sign in, my profile, my branch; large touch targets.
import { describe, expect, it } from 'vitest';
import zlib from 'node:zlib';
import type { Browser } from 'playwright-core';
import { PASSWORD, apiLogin, baseUrl, pageErrors, shot, watchErrors, withBrowser, PHONE } from './helpers';

let browser: Browser;
withBrowser((b) => (browser = b));

describe('phone pages', () => {
  it('a member signs in and sees the profile and the branch', async () => {
    const session = await apiLogin('demo-member');
    const mine = await session.json('GET', '/api/me/member');
    const branch = await session.json('GET', '/api/me/org');
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    watchErrors(page);
    try {
      await page.goto(baseUrl() + '/m/');
      await page.waitForURL(/\/m\/login/);
      await shot(page, 'm-login');
      await page.getByLabel('用户名').fill('demo-member');
      await page.getByLabel('密码').fill('not-the-password');
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByTestId('m-login-error').getByText('用户名或密码错误').waitFor();
      await page.getByLabel('密码').fill(PASSWORD);
      await page.getByRole('button', { name: '登录' }).click();
      await page.waitForURL(/\/m\/$/);
      await page.getByTestId('m-name').getByText(mine.name).waitFor();
      await page.getByText(mine.joinedAt).waitFor();
      await shot(page, 'm-profile');
      // Nothing overflows the 390 px screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      // Touch targets of at least 44 px.
      const small = await page.evaluate(
        () =>
          [...document.querySelectorAll('a, button, input')]
            .map((e) => e.getBoundingClientRect())
            .filter((r) => r.width > 0 && (r.height < 44 || r.width < 44)).length,
      );
      expect(small).toBe(0);

      await page.getByRole('link', { name: '我的支部' }).click();
      await page.waitForURL(/\/m\/branch/);
      await page.getByTestId('m-branch-name').getByText(branch.name).waitFor();
      await shot(page, 'm-branch');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a member handed a one-time password sets its own on the phone before anything opens', async () => {
    const me = await apiLogin('demo-member');
    const mine = await me.json('GET', '/api/me/member');
    const branch = await me.json('GET', '/api/me/org');
    const county = await apiLogin('demo-county');
    const other = (await county.json('GET', `/api/members?org=${branch.id}&pageSize=50`)).items.find(
      (m: { id: number }) => m.id !== mine.id,
    );
    const security = await apiLogin('demo-security');
    const username = `e2e-m-${Date.now() % 100000}`;
    const created = await security.json('POST', '/api/users', {
      username,
      displayName: other.name,
      role: 'member',
      orgId: branch.id,
      memberId: other.id,
    });
    expect(created.oneTimePassword).toMatch(/^\S{14}$/);
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    watchErrors(page);
    try {
      await page.goto(baseUrl() + '/m/login');
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(created.oneTimePassword);
      await page.getByRole('button', { name: '登录' }).click();
      const form = page.getByTestId('m-set-password');
      await form.getByRole('heading', { name: '设置新密码' }).waitFor();
      // Two different passwords, then a weak one: each refused in Chinese, nothing opens.
      await page.getByLabel('新密码', { exact: true }).fill('Dangyuan#2026a');
      await page.getByLabel('再次输入新密码').fill('Dangyuan#2026b');
      await form.getByRole('button', { name: '保存并继续' }).click();
      await page.getByText('两次输入的新密码不一致').waitFor();
      await page.getByLabel('新密码', { exact: true }).fill('12345678');
      await page.getByLabel('再次输入新密码').fill('12345678');
      await form.getByRole('button', { name: '保存并继续' }).click();
      await page.getByText(/^密码强度不足/).waitFor();
      await shot(page, 'm-set-password-refused');
      expect((await page.context().request.get(`${baseUrl()}/api/me/member`)).status()).toBe(403);
      await page.getByLabel('新密码', { exact: true }).fill('Dangyuan#2026a');
      await page.getByLabel('再次输入新密码').fill('Dangyuan#2026a');
      await form.getByRole('button', { name: '保存并继续' }).click();
      await page.waitForURL(/\/m\/$/);
      await page.getByTestId('m-name').getByText(other.name).waitFor();
      await shot(page, 'm-set-password-done');
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the phone pages load without the console code', async () => {
    const session = await apiLogin('demo-member');
    const context = await browser.newContext(PHONE);
    await context.addCookies(Object.entries(session.cookies).map(([name, value]) => ({ name, value, url: baseUrl() })));
    const page = await context.newPage();
    const scripts: string[] = [];
    const sizes: Promise<number>[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() !== 'script') return;
      scripts.push(r.url());
      sizes.push(
        r.body().then(
          (b) => zlib.gzipSync(b).length,
          () => 0,
        ),
      );
    });
    try {
      await page.goto(baseUrl() + '/m/');
      await page.getByTestId('m-name').waitFor();
      await page.waitForLoadState('networkidle');
      expect(scripts.some((s) => /ConsoleApp|BusinessHome/.test(s))).toBe(false);
      // The budget of the phone pages' first view (bench/web.mjs measures it too): 250 KB gzip.
      const total = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
      expect(total).toBeLessThan(250_000);
    } finally {
      await context.close();
    }
  });
});
