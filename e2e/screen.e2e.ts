// The wall screen (大屏) at /screen: a dark 1920×1080 page for county halls with every module's figures, a tile map
// of the townships, a clock in China time; it refreshes itself, switches to a township, shows no personal data; a
// township admin sees only its township; the console links to it for the roles that may open it.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiLogin, baseUrl, pageErrors, settle, shot, signedInContext, withBrowser } from './helpers';

let browser: Browser;
withBrowser((b) => (browser = b));

const WALL = { viewport: { width: 1920, height: 1080 } };

interface ScreenAnswer {
  org: { id: number; name: string; level: string };
  choices: { id: number; name: string }[];
  map: { tiles: { orgId: number; name: string }[] };
  panels: { key: string }[];
}

/** Console errors of a page (the screen must have none). */
function consoleErrors(page: Page): string[] {
  const list: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') list.push(m.text());
  });
  return list;
}

/** Whether the page scrolls either way (a wall screen must fit). */
async function scrolls(page: Page): Promise<{ x: boolean; y: boolean }> {
  return page.evaluate(() => {
    const d = document.documentElement;
    return { x: d.scrollWidth > d.clientWidth, y: d.scrollHeight > d.clientHeight };
  });
}

/** The screen has drawn its tiles and panels. */
async function drawn(page: Page, tiles: number): Promise<void> {
  await page.getByTestId('screen-tile').first().waitFor({ timeout: 30_000 });
  await expect.poll(() => page.getByTestId('screen-tile').count(), { timeout: 15_000 }).toBe(tiles);
  await page.getByTestId('screen-panel-meetings').waitFor();
  await settle(page, 800);
}

const PERSONAL = /1[3-9]\d{9}|\d{17}[\dXx]/;

describe('the wall screen', () => {
  it('county: every township a tile, the panels, a clock, no scroll, no errors; switches to a township', async () => {
    const api = await apiLogin('demo-county');
    const county = await api.json<ScreenAnswer>('GET', '/api/screen');
    const tree = await api.json<{ items: { id: number; name: string }[] }>(
      'GET',
      `/api/orgs/tree?parent=${county.org.id}`,
    );
    const townships = tree.items.filter((o) => /[乡镇]党委$/.test(o.name));
    expect(townships.length).toBeGreaterThan(5);
    const raw = await api.fetch('GET', '/api/screen');
    const text = await raw.text();
    expect(text.length).toBeLessThan(50_000);
    expect(text).not.toMatch(PERSONAL);

    const { context, page } = await signedInContext(browser, 'demo-county', WALL);
    const errors = consoleErrors(page);
    try {
      await page.clock.install();
      await page.goto(baseUrl() + '/screen');
      await drawn(page, townships.length);
      const tileText = await page.getByTestId('screen-map').innerText();
      for (const t of townships) expect(tileText).toContain(t.name.replace(/党委$/, ''));
      await expect(page.getByTestId('screen-title').innerText()).resolves.toContain(county.org.name);
      for (const key of ['meetings', 'service', 'members']) await page.getByTestId(`screen-panel-${key}`).waitFor();
      await expect(page.getByTestId('screen-clock').innerText()).resolves.toMatch(/\d{2}:\d{2}/);
      await expect(page.getByTestId('screen-asof').innerText()).resolves.toMatch(/数据截至.*\d{2}:\d{2}/);
      expect(await scrolls(page)).toEqual({ x: false, y: false });
      expect(await page.locator('body').innerText()).not.toMatch(PERSONAL);

      // The map is coloured by a chosen figure: the legend follows the choice.
      await page.getByTestId('screen-metric').getByText('党员人数').click();
      await expect.poll(() => page.getByTestId('screen-legend').innerText()).toContain('党员人数');
      await shot(page, 'screen-county');

      // It refreshes itself about every minute, without a reload.
      const again = page.waitForResponse((r) => r.url().includes('/api/screen'), { timeout: 20_000 });
      await page.clock.fastForward('01:05');
      expect((await again).status()).toBe(200);

      // A click on a township's tile puts the township on the screen: its villages as tiles.
      const town = townships[0]!;
      await page.locator(`[data-testid="screen-tile"][data-org-id="${town.id}"]`).click();
      await expect.poll(() => page.url()).toContain(`org=${town.id}`);
      await expect.poll(() => page.getByTestId('screen-title').innerText()).toContain(town.name);
      const townAnswer = await api.json<ScreenAnswer>('GET', `/api/screen?org=${town.id}`);
      await drawn(page, townAnswer.map.tiles.length);
      expect(await scrolls(page)).toEqual({ x: false, y: false });
      await shot(page, 'screen-township');
      expect(errors).toEqual([]);
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a township admin sees only its own township', async () => {
    const api = await apiLogin('demo-township');
    const own = await api.json<ScreenAnswer>('GET', '/api/screen');
    expect(own.org.level).toBe('township');
    expect(own.choices).toHaveLength(1);
    const county = await apiLogin('demo-county');
    const countyId = (await county.json<ScreenAnswer>('GET', '/api/screen')).org.id;
    expect((await api.fetch('GET', `/api/screen?org=${countyId}`)).status).toBe(404);

    const { context, page } = await signedInContext(browser, 'demo-township', WALL);
    const errors = consoleErrors(page);
    try {
      await page.goto(`${baseUrl()}/screen?org=${countyId}`);
      // Asked for the county, it answers "not in your scope" and offers the own township.
      await page.getByText('不在您的管理范围').waitFor({ timeout: 30_000 });
      await page.goto(baseUrl() + '/screen');
      await drawn(page, own.map.tiles.length);
      await expect(page.getByTestId('screen-title').innerText()).resolves.toContain(own.org.name);
      expect(await page.getByTestId('screen-choice').count()).toBe(0);
      expect(await scrolls(page)).toEqual({ x: false, y: false });
      expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the console links to the screen for the roles that may open it', async () => {
    for (const [user, shown] of [
      ['demo-county', true],
      ['demo-branch', false],
    ] as const) {
      const { context, page } = await signedInContext(browser, user);
      try {
        await page.goto(baseUrl() + '/');
        await page.getByTestId('main-menu').waitFor();
        await settle(page, 500);
        const link = page.getByTestId('open-screen');
        expect(await link.count(), user).toBe(shown ? 1 : 0);
        if (shown) expect(await link.getAttribute('href')).toBe('/screen');
        else {
          await page.goto(baseUrl() + '/screen');
          await page.getByText('无权查看大屏').waitFor({ timeout: 20_000 });
        }
      } finally {
        await context.close();
      }
    }
  });
});
