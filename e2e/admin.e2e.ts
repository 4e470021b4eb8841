// Organizations (create, edit, move with confirmation, delete and restore), accounts and the audit trail.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiLogin, baseUrl, pageErrors, settle, shot, signedInContext, withBrowser } from './helpers';

let browser: Browser;
withBrowser((b) => (browser = b));

describe('organizations', () => {
  it('create a branch, edit it, move it with confirmation, delete it and undo', async () => {
    const { context, page, session } = await signedInContext(browser, 'demo-county');
    try {
      const root = (await session.json('GET', '/api/orgs/tree')).items[0];
      const towns = (await session.json('GET', `/api/orgs/tree?parent=${root.id}`)).items.filter(
        (o: { id: number; type: string }) => o.id !== root.id && o.type === 'committee',
      );
      const [a, b] = towns;
      const name = `测试支部${Date.now() % 10000}`;

      await page.goto(`${baseUrl()}/orgs/new?parent=${a.id}`);
      await page.getByLabel('组织名称').fill(name);
      await page.getByLabel('组织类型').click();
      await page
        .locator('.ant-select-item-option')
        .filter({ hasText: /^党支部$/ })
        .click();
      await page.getByRole('button', { name: '添加班子成员' }).click();
      await page.getByLabel('职务 1').fill('书记');
      await page.getByLabel('姓名 1').fill('张三');
      await shot(page, 'org-create');
      await page.getByRole('button', { name: /保\s*存/ }).click();
      await page.waitForURL(/\/orgs\/\d+$/);
      const id = Number(page.url().split('/').pop());
      await page.getByRole('heading', { name }).waitFor();
      await page.getByText(a.name).first().waitFor();

      await page.getByRole('button', { name: /编\s*辑/ }).click();
      await page.waitForURL(/\/edit$/);
      await expect.poll(() => page.getByLabel('组织名称').inputValue()).toBe(name);
      await page.getByLabel('组织名称').fill(`${name}改`);
      await page.getByRole('button', { name: /保\s*存/ }).click();
      await page.getByRole('heading', { name: `${name}改` }).waitFor();

      await page.getByRole('button', { name: /移\s*动/ }).click();
      await page.locator('#move-target').click();
      await page.keyboard.type(b.name); // searches the whole scope on the server
      const option = page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: b.name }).first();
      await option.waitFor();
      await page.waitForTimeout(300); // the popup's opening animation
      await option.click();
      const next = page.getByRole('button', { name: '下一步' });
      await expect.poll(() => next.isEnabled()).toBe(true);
      await next.click();
      await page.locator('.ant-modal-confirm-title').getByText('确认移动组织').waitFor();
      await shot(page, 'org-move-confirm');
      await page.getByRole('button', { name: '确认移动' }).click();
      await expect.poll(async () => (await session.json('GET', `/api/orgs/${id}`)).parentId).toBe(b.id);

      await page.getByRole('button', { name: /删\s*除/ }).click();
      await page
        .locator('.ant-popconfirm')
        .getByRole('button', { name: /删\s*除/ })
        .click();
      await page.waitForURL(new RegExp(`/orgs/${b.id}$`));
      expect((await session.json('GET', `/api/orgs/${id}`)).deletedAt).not.toBeNull();
      await page.getByRole('button', { name: '撤销' }).click();
      await expect.poll(async () => (await session.json('GET', `/api/orgs/${id}`)).deletedAt).toBeNull();
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('deleting an organization that still has members is refused with the reason', async () => {
    const { context, page, session } = await signedInContext(browser, 'demo-county');
    try {
      const m = (await session.json('GET', '/api/members?pageSize=1')).items[0];
      await page.goto(`${baseUrl()}/orgs/${m.orgId}`);
      await page.getByRole('button', { name: /删\s*除/ }).click();
      await page
        .locator('.ant-popconfirm')
        .getByRole('button', { name: /删\s*除/ })
        .click();
      await page.getByText('该组织下还有下级组织或党员，不能删除').waitFor();
      await shot(page, 'org-delete-refused');
    } finally {
      await context.close();
    }
  });
});

describe('accounts (security admin)', () => {
  it('create with a one-time password, lock out, unlock, reset to a one-time password, disable, enable', async () => {
    const county = await apiLogin('demo-county');
    const branchOrg = (await county.json('GET', '/api/members?pageSize=1')).items[0].orgId;
    const { context, page, session } = await signedInContext(browser, 'demo-security');
    const username = `e2e-${Date.now() % 100000}`;
    try {
      await page.goto(baseUrl() + '/users');
      await page.getByRole('button', { name: '新建账号' }).click();
      const dlg = page.locator('.ant-modal');
      await dlg.getByLabel('用户名').fill(username);
      await dlg.getByLabel('姓名').fill('测试书记');
      await dlg.getByLabel('所属组织').fill(String(branchOrg));
      // No password field: the server generates a one-time password, shown once.
      expect(await dlg.getByLabel('初始密码').count()).toBe(0);
      await shot(page, 'user-create');
      await dlg.getByRole('button', { name: /保\s*存/ }).click();
      const otpBox = page.getByTestId('one-time-password');
      await otpBox.waitFor();
      const firstOtp = ((await otpBox.locator('.ant-typography').first().textContent()) ?? '').trim();
      expect(firstOtp).toMatch(/^\S{14}$/);
      const otpDialog = () => page.locator('.ant-modal-confirm').filter({ has: page.getByTestId('one-time-password') });
      await otpDialog().locator('.ant-btn-primary').click();
      await otpDialog().waitFor({ state: 'detached' });
      const u = (await session.json('GET', `/api/users?q=${username}`)).items[0];
      expect(u).toMatchObject({ username, role: 'branch_secretary', orgId: branchOrg, mustChangePassword: true });

      // Five wrong passwords lock the account; the security admin unlocks it.
      for (let i = 0; i < 6; i++)
        await fetch(`${baseUrl()}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password: 'Wrong#pass1' }),
        });
      await page.goto(baseUrl() + '/');
      const locked = page.getByTestId('locked-users');
      await locked.getByText(username).waitFor();
      await shot(page, 'security-home-locked');
      await locked
        .getByRole('row')
        .filter({ hasText: username })
        .getByRole('button', { name: /解\s*锁/ })
        .click();
      await expect
        .poll(async () => (await session.json('GET', `/api/users?q=${username}`)).items[0].lockedUntil)
        .toBeNull();

      await page.goto(`${baseUrl()}/users?q=${username}`);
      const row = page.getByRole('row').filter({ hasText: username });
      await row.getByRole('button', { name: `重置 ${username} 的密码` }).click();
      await page.locator('.ant-modal-confirm .ant-btn-primary').click();
      const resetBox = page.getByTestId('one-time-password');
      await resetBox.waitFor();
      const otp = ((await resetBox.locator('.ant-typography').first().textContent()) ?? '').trim();
      await otpDialog().locator('.ant-btn-primary').click();
      await otpDialog().waitFor({ state: 'detached' });
      const signIn = await fetch(`${baseUrl()}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: otp }),
      });
      expect(signIn.status).toBe(200);
      expect((await signIn.json()).user.mustChangePassword).toBe(true);

      const confirm = async () => {
        const dlg = page.locator('.ant-modal-confirm');
        await dlg.waitFor();
        // The opening animation is done.
        await expect.poll(async () => (await dlg.getAttribute('class')) ?? '').not.toContain('zoom-appear');
        await dlg.locator('.ant-btn-primary').click();
        await dlg.waitFor({ state: 'detached' });
      };
      await row.getByRole('button', { name: `停用 ${username}` }).click();
      await confirm();
      await expect
        .poll(async () => (await session.json('GET', `/api/users?q=${username}`)).items[0].status)
        .toBe('disabled');
      await row.getByText('已停用').waitFor();
      await shot(page, 'users-disabled');
      await row.getByRole('button', { name: `启用 ${username}` }).click();
      await confirm();
      await expect
        .poll(async () => (await session.json('GET', `/api/users?q=${username}`)).items[0].status)
        .toBe('active');
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('audit trail (auditor)', () => {
  it('searches by words and shows before/after of a change in words', async () => {
    // Make a change to look for.
    const county = await apiLogin('demo-county');
    const m = (await county.json('GET', '/api/members?pageSize=1&sort=createdAt&order=desc')).items[0];
    await county.json('PATCH', `/api/members/${m.id}`, {
      education: m.education === 'bachelor' ? 'college' : 'bachelor',
    });
    const { context, page } = await signedInContext(browser, 'demo-auditor');
    try {
      await page.goto(baseUrl() + '/audit');
      await page.getByTestId('chain-check').getByText('审计链完整').waitFor({ timeout: 30_000 });
      // Searched by the action's name, not its code; the changed field reads by its name.
      await page.getByTestId('audit-search').locator('input').fill('修改党员信息');
      await page.getByTestId('audit-search').locator('input').press('Enter');
      await page.waitForURL(/q=/);
      await settle(page);
      await page.getByRole('row').filter({ hasText: '修改党员信息' }).first().getByRole('link').first().click();
      const drawer = page.getByTestId('audit-drawer');
      await drawer.getByTestId('audit-changes').getByText('学历').waitFor();
      await shot(page, 'audit-detail');
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
