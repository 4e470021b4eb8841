// Tasks down the tree (任务督办, issue 13): the county drafts a biweekly plan to every branch and issues it, the
// demo branch's secretary reports it from 我的任务, the county sees the progress roll up and accepts the report.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiLogin, baseUrl, pageErrors, settle, shot, signedInContext, withBrowser } from './helpers';

let browser: Browser;
withBrowser((b) => (browser = b));

/** Today and a day some days on, in China time. */
const chinaDay = (plus = 0) => new Date(Date.now() + 8 * 3_600_000 + plus * 86_400_000).toISOString().slice(0, 10);

/** Types a day into a date field. */
async function day(page: Page, id: string, value: string): Promise<void> {
  await page.locator(`#${id}`).click();
  await page.locator(`#${id}`).fill(value);
  await page.locator(`#${id}`).press('Enter');
}

/** Makes a move of an action bar, answering its dialog when it has one. */
async function moveBy(page: Page, move: string, name: string): Promise<void> {
  await page.getByTestId(`move-${move}`).first().click();
  const ok = page.locator('.ant-modal .ant-btn-primary');
  if (await ok.isVisible({ timeout: 3_000 }).catch(() => false)) {
    await settle(page);
    await shot(page, name);
    await ok.click();
  }
}

describe('tasks down the tree', () => {
  it('the county issues a task, a branch reports it, the county sees the progress and accepts', async () => {
    const title = `双周计划：端到端测试 ${Date.now() % 100000}`;
    const a = await signedInContext(browser, 'demo-county');
    let id: number;
    try {
      await a.page.goto(`${baseUrl()}/tasks`);
      await a.page.getByTestId('task-total').waitFor({ timeout: 30_000 });
      await settle(a.page);
      await shot(a.page, 'tasks-list');
      await a.page.getByTestId('new-task').click();
      await a.page.getByTestId('task-title-input').fill(title);
      await a.page.locator('#content').fill('组织党员学习并报送学习记录。');
      await day(a.page, 'startOn', chinaDay());
      // Enter in the last date field sends the form: the picture is taken before it.
      await a.page.locator('#dueOn').click();
      await a.page.locator('#dueOn').fill(chinaDay(10));
      await settle(a.page);
      await shot(a.page, 'tasks-form');
      await a.page.locator('#dueOn').press('Enter');
      const saved = a.page.getByTestId('task-title');
      // Enter sends the form in most runs; when it only closed the picker, the button sends it. A save still on its
      // way leaves the page (the button detaches), so the click gives up quietly rather than waiting for it.
      await saved.waitFor({ timeout: 8_000 }).catch(async () => {
        await a.page
          .getByTestId('save-task')
          .click({ timeout: 5_000 })
          .catch(() => {});
      });
      await saved.waitFor({ timeout: 30_000 });
      id = Number(a.page.url().split('/').pop());
      expect(await a.page.getByTestId('task-status').innerText()).toBe('草稿');
      await moveBy(a.page, 'issue', 'tasks-issue');
      await a.page.getByText('已下发').first().waitFor({ timeout: 30_000 });
      expect(pageErrors.get(a.page)).toEqual([]);
    } finally {
      await a.context.close();
    }

    const b = await signedInContext(browser, 'demo-branch');
    try {
      await b.page.goto(`${baseUrl()}/tasks/inbox?q=${encodeURIComponent(title.slice(-5))}`);
      const row = b.page.locator('tr', { hasText: title });
      await row.getByTestId('report-target').waitFor({ timeout: 30_000 });
      await settle(b.page);
      await shot(b.page, 'tasks-inbox');
      await row.getByTestId('report-target').click();
      await b.page.getByTestId('report-text').fill('已组织全体党员学习，学习记录已整理。');
      await settle(b.page);
      await shot(b.page, 'tasks-report');
      await b.page.locator('.ant-modal .ant-btn-primary').click();
      await b.page.locator('tr', { hasText: title }).getByText('已报送，待审核').waitFor({ timeout: 30_000 });
      expect(pageErrors.get(b.page)).toEqual([]);
    } finally {
      await b.context.close();
    }

    const county = await apiLogin('demo-county');
    const progress = await county.json<{ total: { targets: number; reported: number } }>(
      'GET',
      `/api/tasks/${id}/progress`,
    );
    expect(progress.total.reported).toBe(1);
    expect(progress.total.targets).toBeGreaterThan(10);
    const c = await signedInContext(browser, 'demo-county');
    try {
      await c.page.goto(`${baseUrl()}/tasks/${id}`);
      await c.page.getByTestId('progress-total').waitFor({ timeout: 30_000 });
      expect(await c.page.getByTestId('progress-total').innerText()).toContain('待审核 1');
      await settle(c.page);
      await shot(c.page, 'tasks-detail-progress');
      await moveBy(c.page, 'accept', 'tasks-accept');
      await c.page.getByText('完成 1/').first().waitFor({ timeout: 30_000 });
      await settle(c.page);
      await shot(c.page, 'tasks-detail-accepted');
      expect(pageErrors.get(c.page)).toEqual([]);
    } finally {
      await c.context.close();
    }
  }, 300_000);
});
