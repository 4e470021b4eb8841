// Members: create with inline ID validation, the detail drawer, scope by URL, reveal, delete and restore.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  apiLogin,
  baseUrl,
  breakCheckDigit,
  makeIdNumber,
  pageErrors,
  shot,
  signedInContext,
  withBrowser,
} from './helpers';

let browser: Browser;
withBrowser((b) => (browser = b));

describe('members', () => {
  it('create: a wrong ID number is flagged as you type; a right one fills birth date and sex and saves', async () => {
    const { context, page, session } = await signedInContext(browser, 'demo-branch');
    try {
      await page.goto(baseUrl() + '/members/new');
      const good = makeIdNumber('19900512', true);
      const bad = breakCheckDigit(good);
      await page.getByLabel('姓名').fill('测试党员');
      const id = page.getByTestId('id-number');
      await id.fill(bad);
      const itemError = page.locator('.ant-form-item-has-error').filter({ has: id });
      await itemError.getByText(/校验位错误/).waitFor();
      await shot(page, 'member-create-wrong-id');
      // The save is refused while the ID is wrong.
      await page.getByTestId('save-member').click();
      await page.waitForTimeout(500);
      expect(page.url()).toContain('/members/new');

      await id.fill(good);
      await expect.poll(() => itemError.count()).toBe(0);
      expect(await page.getByLabel('出生日期').inputValue()).toBe('1990-05-12');
      expect(await page.getByRole('radio', { name: '女' }).isChecked()).toBe(true);
      await page.getByTestId('phone').fill('1381234');
      await page.getByText('手机号码格式不正确').first().waitFor();
      await page.getByTestId('phone').fill('13812345678');
      await page.getByLabel('入党时间').click();
      await page.getByLabel('入党时间').fill('2015-07-01');
      // Leaving the date field commits the typed date (Enter would submit the form).
      await page.getByLabel('姓名').click();
      await expect.poll(() => page.getByText('请选择入党时间').count()).toBe(0);
      await shot(page, 'member-create-filled');
      await page.getByTestId('save-member').click();
      await page.waitForURL(/\/members\/\d+$/, { timeout: 20_000 });
      const drawer = page.getByTestId('member-drawer');
      await drawer.getByText('测试党员').first().waitFor();
      await drawer.getByText('1990-05-12').waitFor();
      await shot(page, 'member-created-drawer');
      const newId = Number(page.url().split('/').pop());
      const m = await session.json('GET', `/api/members/${newId}`);
      expect(m).toMatchObject({ name: '测试党员', gender: 'female', birthDate: '1990-05-12', joinedAt: '2015-07-01' });
      expect(m.idNumber).not.toBe(good); // masked
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a township admin cannot open a member of another township by URL (not found)', async () => {
    const county = await apiLogin('demo-county');
    const township = await apiLogin('demo-township');
    const mine = await township.json('GET', '/api/members?pageSize=1');
    const tree = await county.json('GET', '/api/orgs/tree');
    const root = tree.items[0];
    const towns = await county.json('GET', `/api/orgs/tree?parent=${root.id}`);
    const other = towns.items.find(
      (o: { id: number; memberCount: number }) => o.id !== township.user.orgId && o.id !== root.id && o.memberCount > 0,
    );
    const foreign = await county.json('GET', `/api/members?org=${other.id}&pageSize=1`);
    const foreignId = foreign.items[0].id;
    expect((await township.fetch('GET', `/api/members/${foreignId}`)).status).toBe(404);

    const { context, page } = await signedInContext(browser, 'demo-township');
    try {
      await page.goto(`${baseUrl()}/members/${mine.items[0].id}`);
      await page.getByTestId('member-drawer').getByText(mine.items[0].name).first().waitFor();
      await page.goto(`${baseUrl()}/members/${foreignId}`);
      const drawer = page.getByTestId('member-drawer');
      await drawer.getByText('记录不存在或不在您的管理范围内').waitFor({ timeout: 20_000 });
      expect(await drawer.getByText(foreign.items[0].name).count()).toBe(0);
      await shot(page, 'member-other-township-not-found');
    } finally {
      await context.close();
    }
  });

  it('search by initials, reveal with a notice, delete to the recycle bin and restore', async () => {
    const { context, page, session } = await signedInContext(browser, 'demo-county');
    try {
      const one = (await session.json('GET', '/api/members?pageSize=1')).items[0];
      await page.goto(baseUrl() + '/members');
      await page.getByTestId('member-total').waitFor();
      await page.getByTestId('member-search').locator('input').fill(one.name);
      await page.getByTestId('member-search').locator('input').press('Enter');
      await page.waitForURL(/q=/);
      // Export of the current filter: the link carries the filter and answers an Excel file.
      await expect.poll(() => page.getByTestId('export').getAttribute('href')).toContain('q=');
      const href = await page.getByTestId('export').getAttribute('href');
      const xlsx = await session.fetch('GET', href!);
      expect(xlsx.status).toBe(200);
      expect(xlsx.headers.get('content-type')).toMatch(/spreadsheetml|octet-stream/);
      await page.getByTestId('member-link').filter({ hasText: one.name }).first().click();
      const drawer = page.getByTestId('member-drawer');
      await drawer.getByTestId('member-id-number').waitFor();
      expect(await drawer.getByTestId('member-id-number').innerText()).toContain('*');
      await drawer.getByTestId('reveal').click();
      await page.getByText('将被记录在审计日志中').waitFor();
      await shot(page, 'member-reveal-notice');
      await page.getByRole('button', { name: '查看并记录' }).click();
      await expect.poll(() => drawer.getByTestId('member-id-number').innerText()).not.toContain('*');
      await drawer.getByText('本次查看已记入审计日志').waitFor();

      // Delete and restore through the API, then see it in the recycle bin view.
      await session.json('DELETE', `/api/members/${one.id}`);
      await page.goto(baseUrl() + `/members?deleted=true&q=${encodeURIComponent(one.name)}`);
      await page.getByTestId('member-link').filter({ hasText: one.name }).first().waitFor();
      await shot(page, 'members-recycle-bin');
      await page
        .getByRole('button', { name: /恢\s*复/ })
        .first()
        .click();
      await page.getByText(`已恢复「${one.name}」`).waitFor();
      const back = await session.json('GET', `/api/members/${one.id}`);
      expect(back.deletedAt).toBeNull();
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
