// Learning lists and posts (issue 14): a township sets a month's learning item, the demo branch holds it by linking a
// meeting of that month already recorded, and the township's progress shows it; a member of the branch without a
// post is given one from the coverage page and the coverage moves. The pages are kept as screenshots.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiLogin, baseUrl, pageErrors, settle, shot, signedInContext, withBrowser } from './helpers';

let browser: Browser;
withBrowser((b) => (browser = b));

/** Confirms the open dialog. */
async function ok(page: Page): Promise<void> {
  await page.locator('.ant-modal .ant-btn-primary').click();
  await page.locator('.ant-modal').waitFor({ state: 'hidden' });
}

/** Picks the first option of an open antd Select. */
async function firstOption(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
}

describe('learning lists and posts', () => {
  it('a township sets an item, the branch holds it by a meeting, the township sees the progress', async () => {
    const branch = await apiLogin('demo-branch');
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const meetings = await branch.json<{ items: { heldOn: string; orgId: number }[] }>(
      'GET',
      '/api/meetings?pageSize=100',
    );
    const held = meetings.items.find((m) => m.heldOn <= today && m.orgId === branch.user.orgId);
    expect(held, 'the demo branch has a meeting held').toBeTruthy();
    const [year, month] = held!.heldOn.split('-').map(Number) as [number, number];
    const topic = `学习基层治理条例${Date.now() % 10000}`;

    const town = await signedInContext(browser, 'demo-township');
    let id: number;
    try {
      const p = town.page;
      await p.goto(`${baseUrl()}/learning`);
      await p.getByRole('heading', { name: '学习清单' }).waitFor();
      await p.getByTestId('new-learning').click();
      // The form is a dialog over the list, whose filters carry the same labels (年度, 月份).
      const dialog = p.getByRole('dialog');
      await dialog.getByLabel('年度').fill(String(year));
      await dialog.getByLabel('月份').fill(String(month));
      await dialog.getByLabel('学习主题').fill(topic);
      await firstOption(p, 'learning-kind');
      await dialog.getByLabel('学习材料').fill('逐条学习，结合本村实际讨论');
      await ok(p);
      await p.waitForURL(/\/learning\/\d+$/);
      id = Number(new URL(p.url()).pathname.split('/').at(-1));
      await p.getByRole('heading', { name: topic }).waitFor();
      expect(pageErrors.get(p)).toEqual([]);
    } finally {
      await town.context.close();
    }

    const desk = await signedInContext(browser, 'demo-branch');
    try {
      const p = desk.page;
      await p.goto(`${baseUrl()}/learning/${id}`);
      await p.getByTestId('learning-hold').click();
      await firstOption(p, 'learning-meeting');
      await ok(p);
      await p.getByTestId('learning-holds').getByText(branch.user.orgName!).waitFor();
      await settle(p);
      await shot(p, 'learning-held');
      expect(pageErrors.get(p)).toEqual([]);
    } finally {
      await desk.context.close();
    }

    const township = await apiLogin('demo-township');
    const progress = await township.json<{ items: { id: number; held: number; due: number }[] }>(
      'GET',
      `/api/learning/progress?year=${year}&month=${month}`,
    );
    expect(progress.items.find((i) => i.id === id)).toMatchObject({ held: 1 });
    const view = await signedInContext(browser, 'demo-township');
    try {
      const p = view.page;
      await p.goto(`${baseUrl()}/learning/progress`);
      await p.getByTestId('learning-progress-rows').waitFor();
      await settle(p);
      await shot(p, 'learning-progress');
      expect(pageErrors.get(p)).toEqual([]);
    } finally {
      await view.context.close();
    }
  });

  it('a member without a post is given one and the coverage moves', async () => {
    const branch = await apiLogin('demo-branch');
    const posts = await branch.json<{ total: number }>('GET', `/api/posts?org=${branch.user.orgId}`);
    if (!posts.total)
      await branch.json('POST', '/api/posts', { name: '政策宣传岗', kind: 'policy', duties: '宣传惠民政策' });
    let without = await branch.json<{ total: number }>('GET', `/api/posts/uncovered?org=${branch.user.orgId}`);
    if (!without.total) {
      // Everyone holds a post: one leaves its post first, so that there is one to give.
      const list = await branch.json<{ items: { id: number }[] }>('GET', `/api/posts?org=${branch.user.orgId}`);
      for (const { id } of list.items) {
        const d = await branch.json<{ history: { id: number; endedOn: string | null }[] }>('GET', `/api/posts/${id}`);
        const h = d.history.find((x) => !x.endedOn);
        if (h) {
          await branch.json('POST', `/api/posts/${id}/holders/${h.id}/end`, { reason: '调整岗位' });
          break;
        }
      }
      without = await branch.json<{ total: number }>('GET', `/api/posts/uncovered?org=${branch.user.orgId}`);
    }
    const before = await branch.json<{ covered: number }>('GET', '/api/posts/coverage');
    const desk = await signedInContext(browser, 'demo-branch');
    try {
      const p = desk.page;
      await p.goto(`${baseUrl()}/posts/coverage`);
      await p.getByRole('heading', { name: '岗位覆盖情况' }).waitFor();
      await p.getByTestId('give-post').first().click();
      await firstOption(p, 'give-post-select');
      await ok(p);
      await settle(p);
      await shot(p, 'posts-coverage');
      expect(pageErrors.get(p)).toEqual([]);
    } finally {
      await desk.context.close();
    }
    const after = await branch.json<{ covered: number }>('GET', '/api/posts/coverage');
    expect(after.covered).toBe(before.covered + 1);
  });
});
