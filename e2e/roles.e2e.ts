// Each demo role signs in and sees its own menu and home; sign-in errors are clear.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { PASSWORD, baseUrl, pageErrors, settle, shot, signedInContext, watchErrors, withBrowser } from './helpers';

let browser: Browser;
withBrowser((b) => (browser = b));

const CASES = [
  {
    user: 'demo-county',
    menu: ['首页', '组织架构', '党员名册', '批量导入', '回收站'],
    notMenu: ['审计日志', '账号管理'],
    home: 'stat-members',
  },
  {
    user: 'demo-township',
    menu: ['首页', '组织架构', '党员名册', '批量导入', '回收站'],
    notMenu: ['审计日志', '账号管理'],
    home: 'stat-members',
  },
  {
    user: 'demo-branch',
    menu: ['首页', '组织架构', '党员名册', '批量导入', '回收站'],
    notMenu: ['审计日志', '账号管理'],
    home: 'stat-members',
  },
  { user: 'demo-member', menu: ['首页', '组织架构'], notMenu: ['党员名册', '审计日志', '账号管理'], home: null },
  {
    user: 'demo-auditor',
    menu: ['首页', '审计日志'],
    notMenu: ['组织架构', '党员名册', '账号管理'],
    home: 'chain-check',
  },
  {
    user: 'demo-security',
    menu: ['首页', '账号管理'],
    notMenu: ['组织架构', '党员名册', '审计日志'],
    home: 'locked-users',
  },
];

describe('every demo role', () => {
  for (const c of CASES) {
    it(`${c.user}: menu by capability and its own home`, async () => {
      const { context, page } = await signedInContext(browser, c.user);
      try {
        await page.goto(baseUrl() + '/');
        const menu = page.getByTestId('main-menu');
        await menu.waitFor();
        const text = await menu.innerText();
        for (const m of c.menu) expect(text).toContain(m);
        for (const m of c.notMenu) expect(text).not.toContain(m);
        if (c.home) await page.getByTestId(c.home).waitFor({ timeout: 20_000 });
        else await page.getByText('打开手机页面').waitFor();
        await settle(page, 800);
        if (c.user === 'demo-auditor' || c.user === 'demo-security') {
          // Separation of the three administrators: no business figures on their homes.
          expect(await page.getByTestId('stat-members').count()).toBe(0);
          expect(await page.locator('text=党员总数').count()).toBe(0);
        }
        if (c.user === 'demo-auditor')
          await page
            .getByTestId('chain-check')
            .getByText(/审计链完整|审计链校验失败/)
            .waitFor({ timeout: 20_000 });
        await shot(page, `home-${c.user}`);
        expect(pageErrors.get(page)).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('a business home links each figure to the list behind it (female → gender=female)', async () => {
    const { context, page } = await signedInContext(browser, 'demo-county');
    try {
      await page.goto(baseUrl() + '/');
      const chip = page.getByTestId('chart-gender').locator('a[data-key="female"]');
      await chip.waitFor();
      const count = Number((await chip.locator('b').innerText()).replace(/,/g, ''));
      await chip.click();
      await page.waitForURL(/\/members\?gender=female/);
      await page.getByTestId('member-total').waitFor();
      expect(Number((await page.getByTestId('member-total').innerText()).replace(/\D/g, ''))).toBe(count);
      await shot(page, 'members-female');
    } finally {
      await context.close();
    }
  });
});

describe('org switcher', () => {
  it('narrows the home and the member list to the chosen organization', async () => {
    const { context, page, session } = await signedInContext(browser, 'demo-county');
    try {
      const root = (await session.json('GET', '/api/orgs/tree')).items[0];
      const town = (await session.json('GET', `/api/orgs/tree?parent=${root.id}`)).items.find(
        (o: { id: number; memberCount: number }) => o.id !== root.id && o.memberCount > 0,
      );
      await page.goto(baseUrl() + '/');
      await page.getByTestId('stat-members').waitFor();
      await page.getByTestId('org-switcher').click();
      // The tree drops down with an animation: a click during it can miss the option.
      const option = page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: town.name }).first();
      await option.waitFor();
      await page.waitForTimeout(400);
      await option.click();
      await page.getByRole('heading', { name: new RegExp(town.name) }).waitFor();
      await expect
        .poll(async () =>
          Number((await page.getByTestId('stat-members').locator('.dj-stat-value').innerText()).replace(/,/g, '')),
        )
        .toBe(town.memberCount);
      await shot(page, 'home-switched-org');
      await page.goto(baseUrl() + '/members');
      await expect
        .poll(async () =>
          Number(
            (
              (await page
                .getByTestId('member-total')
                .innerText()
                .catch(() => '')) || ''
            ).replace(/\D/g, ''),
          ),
        )
        .toBe(town.memberCount);
    } finally {
      await context.close();
    }
  });
});

describe('sign-in page', () => {
  it('shows a wrong password clearly, then signs in and remembers the language', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    watchErrors(page);
    try {
      await page.goto(baseUrl() + '/');
      await page.waitForURL(/\/login/);
      await page.getByLabel('用户名').fill('demo-branch');
      await page.getByLabel('密码').fill('wrong-password');
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.getByTestId('login-error').getByText('用户名或密码错误').waitFor();
      await shot(page, 'login-wrong-password');
      await page.getByLabel('密码').fill(PASSWORD);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.getByTestId('stat-members').waitFor({ timeout: 20_000 });
      // Switch to English: saved for the user, applied at the next sign-in.
      await page.getByTestId('switch-locale').click();
      await page.getByText('Overview').waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      await page.getByTestId('sign-out').click();
      await page.waitForURL(/\/login/);
      await page.evaluate(() => localStorage.clear());
      await page.reload();
      await page.getByLabel('用户名').fill('demo-branch');
      await page.getByLabel('密码').fill(PASSWORD);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.getByText('Overview').waitFor({ timeout: 20_000 });
      await shot(page, 'home-demo-branch-en');
      // Back to Chinese for the other tests.
      await page.getByTestId('switch-locale').click();
      await page.getByText('党建概况').waitFor();
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('an ended session sends the user to sign in with the reason', async () => {
    const { context, page, session } = await signedInContext(browser, 'demo-township');
    try {
      await page.goto(baseUrl() + '/members');
      await page.getByTestId('member-total').waitFor({ timeout: 20_000 });
      await session.fetch('POST', '/api/auth/logout-all', {});
      await page.goto(baseUrl() + '/orgs');
      await page.waitForURL(/\/login\?reason=/);
      await page.getByTestId('login-reason').waitFor();
      const text = await page.getByTestId('login-reason').innerText();
      expect(text).toMatch(/登录已过期|请先登录/);
      expect(page.url()).toContain('next=%2Forgs');
      await shot(page, 'login-session-ended');
    } finally {
      await context.close();
    }
  });
});
