// Problems and rectification (问题整改, issue 13): a township records a problem of one of its branches and assigns it
// with a notice (交办单, printed on A4), the branch adds a measure and claims the fix, the one who claimed a fix
// cannot verify it (the page says why in words), and another user of the township verifies and closes it (销号).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiLogin, baseUrl, PASSWORD, pageErrors, SHOTS, settle, shot, signedInContext, withBrowser } from './helpers';

let browser: Browser;
withBrowser((b) => (browser = b));

/** Today and a day some days on, in China time. */
const chinaDay = (plus = 0) => new Date(Date.now() + 8 * 3_600_000 + plus * 86_400_000).toISOString().slice(0, 10);

/** Makes a move of the action bar, answering its dialog when it has one. */
async function moveBy(page: Page, move: string, fill?: () => Promise<void>): Promise<void> {
  await page.getByTestId(`move-${move}`).click();
  const ok = page.locator('.ant-modal .ant-btn-primary');
  if (await ok.isVisible({ timeout: 3_000 }).catch(() => false)) {
    await fill?.();
    await settle(page);
    await shot(page, `problems-move-${move}`);
    await ok.click();
  }
}

/** Waits until the problem's state tag reads `text`. */
async function statusIs(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (want) => document.querySelector('[data-testid="problem-status"]')?.textContent === want,
    text,
    { timeout: 30_000 },
  );
}

/** A second administrator of a township: proposed by the county, approved by the security admin, password set. */
async function secondTownshipUser(townshipOrgId: number): Promise<string> {
  const county = await apiLogin('demo-county');
  const security = await apiLogin('demo-security');
  const username = `e2e-verifier-${Date.now() % 100000}`;
  await county.json('POST', '/api/users/grants', {
    username,
    displayName: '乡镇验收人',
    role: 'township_admin',
    orgId: townshipOrgId,
  });
  const grant = (await security.json('GET', '/api/users/grants?status=pending')).items.find(
    (g: { username: string }) => g.username === username,
  );
  const decided = await security.json<{ oneTimePassword: string }>('POST', `/api/users/grants/${grant.id}/approve`, {});
  const first = await apiLogin(username, decided.oneTimePassword);
  await first.json('POST', '/api/auth/password', { oldPassword: decided.oneTimePassword, newPassword: PASSWORD });
  return username;
}

describe('problems and rectification', () => {
  it('the township assigns with a notice, the branch claims the fix, another township user verifies', async () => {
    const branch = await apiLogin('demo-branch');
    const township = await apiLogin('demo-township');
    const branchOrg = await township.json<{ id: number; name: string }>('GET', `/api/orgs/${branch.user.orgId}`);
    const verifier = await secondTownshipUser(township.user.orgId!);
    const title = `e2e 三会一课记录不全 ${Date.now() % 100000}`;

    // The township records the problem on the form and assigns it with a notice.
    const a = await signedInContext(browser, 'demo-township');
    let id: number;
    try {
      await a.page.goto(`${baseUrl()}/problems/new`);
      await a.page.locator('#orgId').click();
      await a.page.locator('#orgId').fill(branchOrg.name);
      await a.page.locator('.ant-select-tree-title', { hasText: branchOrg.name }).first().click();
      await a.page.locator('#category').click();
      await a.page.locator('.ant-select-item-option', { hasText: '组织建设' }).click();
      await a.page.getByTestId('problem-title-input').fill(title);
      await a.page.locator('#description').fill('2026年第三季度支委会记录缺两次，党课无签到。');
      await settle(a.page);
      await shot(a.page, 'problems-form');
      await a.page.getByTestId('save-problem').click();
      await a.page.getByTestId('problem-title').waitFor({ timeout: 30_000 });
      id = Number(a.page.url().split('/').pop());
      await statusIs(a.page, '待交办');
      await moveBy(a.page, 'assign', async () => {
        await a.page.locator('#responsibleName').fill('王支书');
        await a.page.locator('#dueOn').click();
        await a.page.locator('#dueOn').fill(chinaDay(20));
        await a.page.locator('#dueOn').press('Enter');
        await a.page.locator('#note').fill('请于期限内补齐记录，完善党课签到制度。');
      });
      await statusIs(a.page, '已交办，待整改');
      await settle(a.page);
      await shot(a.page, 'problems-assigned');
      // The notice prints on A4.
      await a.page.getByTestId('print-notice').click();
      await a.page.getByTestId('notice').waitFor({ timeout: 30_000 });
      await settle(a.page);
      const notice = await a.page.getByTestId('notice').innerText();
      expect(notice).toContain('问题整改交办单');
      expect(notice).toMatch(/交办〔\d{4}〕\d+号/);
      expect(notice).toContain(branchOrg.name);
      expect(notice).toContain('王支书');
      await shot(a.page, 'problems-notice');
      await a.page.emulateMedia({ media: 'print' });
      fs.mkdirSync(SHOTS, { recursive: true });
      await a.page.pdf({ path: path.join(SHOTS, 'problems-notice.pdf'), format: 'A4' });
      expect(fs.statSync(path.join(SHOTS, 'problems-notice.pdf')).size).toBeGreaterThan(5_000);
      expect(pageErrors.get(a.page)).toEqual([]);
    } finally {
      await a.context.close();
    }

    // The branch adds a measure and claims the fix; it cannot verify its own fix and the page says why.
    const b = await signedInContext(browser, 'demo-branch');
    try {
      await b.page.goto(`${baseUrl()}/problems/${id}`);
      await b.page.getByTestId('add-measure').click();
      await b.page.getByTestId('measure-content').fill('补记支委会记录，建立党课签到簿');
      await b.page.getByTestId('measure-owner').fill('王支书');
      await b.page.locator('.ant-modal .ant-btn-primary').click();
      await b.page.getByTestId('measures').getByText('建立党课签到簿').waitFor({ timeout: 30_000 });
      await moveBy(b.page, 'claim', async () => {
        await b.page.locator('#claimNote').fill('已补齐记录，签到簿已启用。');
      });
      await statusIs(b.page, '已报整改完成，待验收');
      await b.page.getByTestId('verify-barred').waitFor({ timeout: 30_000 });
      expect(await b.page.getByTestId('move-verify').count()).toBe(0);
      await settle(b.page);
      await shot(b.page, 'problems-claimed-branch');
      expect(pageErrors.get(b.page)).toEqual([]);
    } finally {
      await b.context.close();
    }
    const refused = await branch.fetch('POST', `/api/problems/${id}/verify`, {});
    expect(refused.status).toBe(403);

    // The township user who claims a fix itself is refused its verification, in words.
    const own = await township.json<{ id: number }>('POST', '/api/problems', {
      orgId: branchOrg.id,
      source: 'self_inspection',
      category: 'conduct',
      title: `${title}（乡镇代报）`,
    });
    await township.json('POST', `/api/problems/${own.id}/assign`, { responsibleName: '李委员', dueOn: chinaDay(10) });
    await township.json('POST', `/api/problems/${own.id}/claim`, { claimNote: '乡镇代为整改完成' });
    const self = await township.fetch('POST', `/api/problems/${own.id}/verify`, {});
    expect(self.status).toBe(403);
    expect((await self.json()).error.code).toBe('problems.verifier_is_fixer');
    const c = await signedInContext(browser, 'demo-township');
    try {
      await c.page.goto(`${baseUrl()}/problems/${own.id}`);
      const barred = c.page.getByTestId('verify-barred');
      await barred.waitFor({ timeout: 30_000 });
      expect(await barred.innerText()).toContain('验收销号须由报整改完成的人');
      await settle(c.page);
      await shot(c.page, 'problems-verifier-is-fixer');
    } finally {
      await c.context.close();
    }

    // Another user of the township verifies and closes it.
    const d = await signedInContext(browser, verifier);
    try {
      await d.page.goto(`${baseUrl()}/problems/${id}`);
      await d.page.getByTestId('move-verify').waitFor({ timeout: 30_000 });
      await moveBy(d.page, 'verify', async () => {
        await d.page.locator('#note').fill('现场查看记录和签到簿，整改到位。');
      });
      await statusIs(d.page, '已验收销号');
      await settle(d.page);
      await shot(d.page, 'problems-closed');
      const events = await d.page.getByTestId('timeline').innerText();
      expect(events).toContain('交办');
      expect(events).toContain('报整改完成');
      expect(events).toContain('验收销号');
      // The board finds it among the closed ones.
      await d.page.goto(`${baseUrl()}/problems?status=closed&q=${encodeURIComponent(title)}`);
      await d.page.getByText(title).first().waitFor({ timeout: 30_000 });
      await settle(d.page);
      await shot(d.page, 'problems-board');
      expect(pageErrors.get(d.page)).toEqual([]);
    } finally {
      await d.context.close();
    }
  }, 300_000);
});
