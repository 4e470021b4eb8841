// A home that says what to do: the branch home lists its due meetings with links, the county home stays small on the
// wire, the member's phone home lists what is asked of the member this month; screenshots of every role's home.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PHONE, apiLogin, baseUrl, pageErrors, settle, shot, signedInContext, withBrowser } from './helpers';

let browser: Browser;
withBrowser((b) => (browser = b));

/** This month in China (the compliance period the home speaks of). */
function chinaMonth(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
}

/** Sizes (bytes, decoded) of every API answer the page receives, by URL. */
function watchApiSizes(page: Page): Map<string, number> {
  const sizes = new Map<string, number>();
  page.on('response', async (res) => {
    if (!new URL(res.url()).pathname.startsWith('/api/')) return;
    try {
      sizes.set(res.url(), (await res.body()).length);
    } catch {
      // A redirect or an aborted request has no body.
    }
  });
  return sizes;
}

describe('a home that says what to do', () => {
  it('the branch home lists the meetings due this month with the rule, each linking to record it', async () => {
    const api = await apiLogin('demo-branch');
    const c = await api.json<{ items: { orgId: number; kind: string; status: string }[] }>(
      'GET',
      `/api/compliance/meetings?period=${chinaMonth()}`,
    );
    const due = c.items.filter((i) => i.status !== 'done');
    const { context, page } = await signedInContext(browser, 'demo-branch');
    try {
      await page.goto(`${baseUrl()}/`);
      const todo = page.getByTestId('home-todo');
      await todo.waitFor({ timeout: 20_000 });
      // The to-do list comes before the figures.
      const todoTop = (await todo.boundingBox())!.y;
      const statsTop = (await page.getByTestId('stat-members').boundingBox())!.y;
      expect(todoTop).toBeLessThan(statsTop);
      if (due.length === 0) await expect.poll(() => todo.innerText()).toContain('本月没有待办');
      for (const d of due) {
        const row = todo.locator(`[data-todo="meeting"][data-org="${d.orgId}"][data-kind="${d.kind}"]`);
        await row.waitFor({ timeout: 10_000 });
        // The rule that makes it due is said in words, and the row leads to recording the meeting.
        expect(await row.innerText()).toMatch(/至少/);
        expect(await row.locator(`a[href*="kind=${d.kind}"]`).count()).toBeGreaterThan(0);
      }
      // A branch is one organization: no one-slice chart of organization types.
      expect(await page.getByTestId('chart-org-type').count()).toBe(0);
      await settle(page);
      await shot(page, 'home-branch');
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("the county home's requests each transfer under 50 KB, and it leads with its to-do list", async () => {
    const { context, page } = await signedInContext(browser, 'demo-county');
    const sizes = watchApiSizes(page);
    try {
      await page.goto(`${baseUrl()}/`);
      await page.getByTestId('home-todo').waitFor({ timeout: 20_000 });
      await page.getByTestId('stat-compliance-rate').waitFor({ timeout: 20_000 });
      await settle(page);
      await page.waitForLoadState('networkidle');
      expect(sizes.size).toBeGreaterThan(0);
      const big = [...sizes].filter(([, n]) => n >= 50_000);
      expect(big).toEqual([]);
      expect([...sizes.keys()].some((u) => u.includes('/api/compliance/meetings'))).toBe(false);
      await shot(page, 'home-county');
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the township home leads with its to-do list, and the auditor and security homes with their work', async () => {
    for (const [user, testId] of [
      ['demo-township', 'home-todo'],
      ['demo-auditor', 'chain-check'],
      ['demo-security', 'locked-users'],
    ] as const) {
      const { context, page } = await signedInContext(browser, user);
      try {
        await page.goto(`${baseUrl()}/`);
        await page.getByTestId(testId).waitFor({ timeout: 20_000 });
        await settle(page);
        await shot(page, `home-${user}`);
        expect(pageErrors.get(page)).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });

  it("the member's phone home lists what is asked of the member this month", async () => {
    const api = await apiLogin('demo-member');
    const mine = await api.json<{ items: { id: number; heldOn: string }[] }>('GET', '/api/meetings/mine');
    const month = chinaMonth();
    const thisMonth = mine.items.filter((m) => m.heldOn.startsWith(month));
    const { context, page } = await signedInContext(browser, 'demo-member', PHONE);
    try {
      await page.goto(`${baseUrl()}/m/`);
      const card = page.getByTestId('m-month');
      // Wait for the answer, not the skeleton.
      await page.locator('[data-testid="m-month"][aria-busy="false"]').waitFor({ timeout: 20_000 });
      expect(await card.innerText()).toMatch(/本月/);
      for (const m of thisMonth) expect(await card.locator(`[data-todo="meeting"][data-id="${m.id}"]`).count()).toBe(1);
      if (thisMonth.length === 0) expect(await card.innerText()).toContain('本月没有待办');
      await settle(page);
      await shot(page, 'home-member-phone');
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }
    // The branch secretary's phone home too.
    const sec = await signedInContext(browser, 'demo-branch', PHONE);
    try {
      await sec.page.goto(`${baseUrl()}/m/`);
      await sec.page.getByTestId('m-month').waitFor({ timeout: 20_000 });
      await settle(sec.page);
      await shot(sec.page, 'home-branch-phone');
    } finally {
      await sec.context.close();
    }
  });
});
