// No leftover codes: periods in words, requests titled by what they are, the org list's parents, meetings of a
// day in time order, breadcrumbs named as the menu, the theme's red on links, a refused page without its frame.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { PHONE, baseUrl, pageErrors, settle, shot, signedInContext, withBrowser } from './helpers';

let browser: Browser;
withBrowser((b) => (browser = b));

/** A period code as the database keeps it (2026-W49, 2026-H1, 2026-Q4). */
const PERIOD_CODE = /\b\d{4}-(W\d{2}|H[12]|Q[1-4])\b/;
/** A database id shown as a title ("诉求 #1799138"). */
const HASH_ID = /#\d+/;

describe('no leftover codes', () => {
  it('the visit quotas and evaluations show periods in words (2026年第N周), never 2026-W49 or 2026-H1', async () => {
    const { context, page } = await signedInContext(browser, 'demo-township');
    try {
      await page.goto(`${baseUrl()}/visits/quotas`);
      const cadres = page.getByTestId('q-cadres');
      await cadres.waitFor({ timeout: 30_000 });
      await settle(page);
      expect(await cadres.innerText()).toMatch(/\d{4}年第\d{1,2}周/);
      expect(await page.locator('main').innerText()).not.toMatch(PERIOD_CODE);
      // The pickers of the quarter and the week say their periods in words too.
      for (const v of await page
        .locator('main .ant-picker input')
        .evaluateAll((ins) => ins.map((i) => (i as HTMLInputElement).value)))
        expect(v).toMatch(/^\d{4}年第/);
      await shot(page, 'codes-visit-quotas');
      await page.goto(`${baseUrl()}/evaluations`);
      await page.locator('main .ant-table').first().waitFor({ timeout: 30_000 });
      await settle(page);
      expect(await page.locator('main').innerText()).not.toMatch(PERIOD_CODE);
      await shot(page, 'codes-evaluations');
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a request is titled by its category and household, not by its id, here and in the notifications', async () => {
    const { context, page, session } = await signedInContext(browser, 'demo-township');
    try {
      await page.goto(`${baseUrl()}/requests`);
      const link = page.getByTestId('request-link').first();
      await link.waitFor({ timeout: 30_000 });
      expect(await page.locator('main').innerText()).not.toMatch(HASH_ID);
      await link.click();
      const title = page.getByTestId('request-title');
      await title.waitFor({ timeout: 30_000 });
      await settle(page);
      const text = await title.innerText();
      expect(text).not.toMatch(HASH_ID);
      // Titled number · category · household (2026-00123 · 生产生活 · 王建国户), issue 15's request numbers.
      expect(text).toMatch(/^\d{4}-\d{5,} · \S/);
      expect(await page.getByTestId('breadcrumbs').innerText()).not.toMatch(HASH_ID);
      // The timeline's moves say their states in words (办理中 → 已办结), not open → closed.
      expect(await page.getByTestId('timeline').innerText()).not.toMatch(/\b(open|closed|reopened)\b/);
      await shot(page, 'codes-request-detail');
      const notes = await session.json<{ items: { title: string; body: string }[] }>(
        'GET',
        '/api/notifications?pageSize=100',
      );
      for (const n of notes.items) {
        expect(`${n.title} ${n.body}`).not.toMatch(HASH_ID);
        expect(`${n.title} ${n.body}`).not.toMatch(PERIOD_CODE);
      }
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("the org list's 上级 of an organization is its parent, never the organization itself", async () => {
    const { context, page } = await signedInContext(browser, 'demo-county');
    try {
      await page.goto(`${baseUrl()}/orgs`);
      const rows = page.locator('main .ant-table-tbody tr.ant-table-row');
      await rows.first().waitFor({ timeout: 30_000 });
      await settle(page);
      const n = await rows.count();
      expect(n).toBeGreaterThan(1);
      let withParent = 0;
      for (let i = 0; i < n; i++) {
        const cells = rows.nth(i).locator('td');
        const name = (await cells.nth(0).innerText()).trim();
        const parents = (await cells.nth(1).innerText()).trim();
        expect(parents.split(' / ')).not.toContain(name);
        if (parents) withParent++;
      }
      expect(withParent).toBeGreaterThan(0);
      await shot(page, 'codes-org-list');
    } finally {
      await context.close();
    }
  });

  it('meetings of one day are listed in time order', async () => {
    const { context, page, session } = await signedInContext(browser, 'demo-branch');
    try {
      const day = '2026-01-06';
      const orgId = session.user.orgId!;
      const body = (startTime: string, topic: string) => ({
        orgId,
        kind: 'general_meeting',
        topic,
        heldOn: day,
        startTime,
        place: '党员活动室',
      });
      // Entered out of order: the afternoon's first, then the morning's, then the evening's.
      for (const [time, topic] of [
        ['14:30', '下午党员大会'],
        ['08:30', '上午党员大会'],
        ['19:00', '晚间党员大会'],
      ])
        await session.json('POST', '/api/meetings', body(time, topic));
      const api = await session.json<{ items: { heldOn: string; startTime: string }[] }>(
        'GET',
        `/api/meetings?from=${day}&to=${day}&pageSize=50`,
      );
      const times = api.items.map((m) => m.startTime);
      expect(times.length).toBeGreaterThanOrEqual(3);
      expect(times).toEqual([...times].sort().reverse());
      await page.goto(`${baseUrl()}/meetings?from=${day}&to=${day}`);
      const rows = page.locator('main .ant-table-tbody tr.ant-table-row');
      await rows.first().waitFor({ timeout: 30_000 });
      await settle(page);
      const shown = (await rows.locator('td:first-child').allInnerTexts()).map((s) => s.match(/\d{2}:\d{2}/)?.[0]);
      expect(shown).toEqual(times);
      await shot(page, 'codes-meetings-one-day');
    } finally {
      await context.close();
    }
  });

  for (const user of ['demo-county', 'demo-branch']) {
    it(`${user}: every menu page's breadcrumb and heading use the menu's name`, async () => {
      const { context, page } = await signedInContext(browser, user);
      try {
        await page.goto(`${baseUrl()}/`);
        const menu = page.getByTestId('main-menu');
        await menu.waitFor();
        const entries = await menu
          .locator('a')
          .evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href')!, label: a.textContent!.trim() })));
        expect(entries.length).toBeGreaterThan(5);
        for (const e of entries.filter((x) => x.href !== '/')) {
          await page.goto(baseUrl() + e.href);
          const last = page.getByTestId('breadcrumbs').locator('[aria-current="page"]');
          await expect.poll(async () => (await last.innerText()).trim(), { timeout: 15_000 }).toBe(e.label);
          // The page's own heading says the same name (a group may stand before it: 组织生活落实情况).
          const h1 = page.locator('main h1').first();
          await expect
            .poll(async () => ((await h1.count()) ? await h1.innerText() : ''), { timeout: 15_000, message: e.href })
            .toContain(e.label);
        }
        await page.goto(`${baseUrl()}/members`);
        await page.getByTestId('breadcrumbs').locator('[aria-current="page"]').waitFor();
        expect(await page.getByTestId('breadcrumbs').innerText()).not.toContain('党员管理');
        expect(pageErrors.get(page)).toEqual([]);
      } finally {
        await context.close();
      }
    }, 300_000);
  }

  it('the 为民服务 heading on the home is in the theme red, not the browser blue', async () => {
    const { context, page } = await signedInContext(browser, 'demo-county');
    try {
      await page.goto(`${baseUrl()}/`);
      const link = page.getByTestId('home-service').locator('h2 a');
      await link.waitFor({ timeout: 30_000 });
      expect(await link.evaluate((a) => getComputedStyle(a).color)).toBe('rgb(179, 20, 31)');
      await link.scrollIntoViewIfNeeded();
      await shot(page, 'codes-home-service');
    } finally {
      await context.close();
    }
  });

  it('a member opening /members sees only 无权访问, no filters or table', async () => {
    const { context, page } = await signedInContext(browser, 'demo-member');
    try {
      await page.goto(`${baseUrl()}/members`);
      await page.getByText('无权访问').first().waitFor({ timeout: 20_000 });
      await settle(page);
      const main = page.locator('main');
      expect(await main.locator('input, .ant-select, .ant-table, [role="search"]').count()).toBe(0);
      await shot(page, 'codes-member-forbidden');
    } finally {
      await context.close();
    }
  });

  it("the phone's 搜索 button stays on the search box's line", async () => {
    const { context, page } = await signedInContext(browser, 'demo-member', PHONE);
    try {
      await page.goto(`${baseUrl()}/m/service`);
      const input = page.locator('#m-wish-search');
      await input.waitFor({ timeout: 20_000 });
      const button = page.locator('form[role="search"] button[type="submit"]');
      const a = (await input.boundingBox())!;
      const b = (await button.boundingBox())!;
      expect(Math.abs(a.y + a.height / 2 - (b.y + b.height / 2))).toBeLessThan(4);
      expect(b.height).toBeLessThan(60);
      await shot(page, 'codes-phone-search');
    } finally {
      await context.close();
    }
  });
});
