// Dispatched cadres (派驻干部, issue 14): the county opens the list of the demo's first secretaries, work teams,
// instructors and science envoys, filters it by kind and searches a name, and reads the year's counts by kind — of
// the county and of one township — as the API computes them; it records a first secretary in a village of another
// township (an end before the start is refused in Chinese), enters the days present of this month (a month to come
// is refused) and the village's first-secretary work funds through the link of the dispatch; the township sees
// only its own dispatches and not that one, and a village branch reads those sent to it without writing.
// The pages are kept as screenshots.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiLogin, type ApiSession, baseUrl, pageErrors, settle, shot, signedInContext, withBrowser } from './helpers';

let browser: Browser;
withBrowser((b) => (browser = b));

const KINDS = ['first_secretary', 'work_team', 'instructor', 'science_envoy'] as const;
const RAW_CODES = /\b(first_secretary|work_team|science_envoy|instructor|on_duty|rotated|recalled|leader|member)\b/;
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

interface Counts {
  kind: string;
  people: number;
  teams: number;
  villages: number;
  avgDays: number;
}
interface Summary {
  orgId: number;
  byKind: Counts[];
  rows: { orgId: number; orgName: string; byKind: Record<string, number> }[];
}
interface Item {
  id: number;
  kind: string;
  personName: string;
  sendingUnit: string;
  townshipName: string | null;
  orgs: { id: number; name: string }[];
}
interface Listed {
  items: Item[];
  total: number;
}

/** The list's total as the page says it (共 N 条派驻记录). */
async function pageTotal(page: Page): Promise<number> {
  const text = await page.getByTestId('dispatches-total').innerText();
  return Number(text.replace(/[^\d]/g, ''));
}

/** Picks an option of an Ant Design select by its text. */
async function choose(page: Page, select: string, option: string): Promise<void> {
  await page.getByTestId(select).click();
  await page.locator('.ant-select-item-option').filter({ hasText: option, visible: true }).first().click();
}

/** Expects the summary cards to show the API's counts by kind (of `org`, the caller's own by default). */
async function expectCards(page: Page, session: ApiSession, year: number, org?: number): Promise<Summary> {
  const s = await session.json<Summary>('GET', `/api/dispatches/summary?year=${year}${org ? `&org=${org}` : ''}`);
  for (const k of s.byKind) {
    const card = page.getByTestId(`dispatch-summary-${k.kind}`);
    const value = k.kind === 'work_team' ? `${k.teams}支·队员${k.people - k.teams}人` : `${k.people}人`;
    await expect.poll(async () => (await card.innerText()).replace(/[,\s]/g, '')).toContain(`（${year}）${value}`);
    expect(await card.innerText()).toContain(`覆盖 ${k.villages} 个村（社区） · 月均在村 ${k.avgDays} 天`);
  }
  return s;
}

describe('dispatches', () => {
  it('the county reads, filters and counts the dispatched cadres, of the county and of a township', async () => {
    const township = await apiLogin('demo-township');
    const townshipId = township.user.orgId!;
    const year = Number(today().slice(0, 4));
    const { context, page, session } = await signedInContext(browser, 'demo-county');
    try {
      const all = await session.json<Listed>('GET', '/api/dispatches?pageSize=1');
      expect(all.total).toBeGreaterThan(0);
      await page.goto(`${baseUrl()}/dispatches`);
      await page.getByRole('heading', { name: '派驻干部' }).waitFor({ timeout: 60_000 });
      await page.getByTestId('dispatches-total').waitFor();
      const rows = page.locator('main tbody tr.ant-table-row');
      await rows.first().waitFor();
      expect(await pageTotal(page)).toBe(all.total);
      expect(await rows.count()).toBeGreaterThan(0);
      // The year's counts by kind, as the API computes them; the kinds in words, never their codes.
      const county = await expectCards(page, session, year);
      expect(county.byKind.map((k) => k.kind)).toEqual([...KINDS]);
      expect(county.byKind.every((k) => k.people > 0)).toBe(true);
      const main = await page.locator('main').innerText();
      for (const label of ['第一书记', '驻村工作队', '党建指导员', '科技特派员']) expect(main).toContain(label);
      expect(main).not.toMatch(RAW_CODES);
      await settle(page);
      await shot(page, 'dispatches-list');

      // By kind: the science envoys only, as many as the API answers.
      await choose(page, 'dispatch-kind-filter', '科技特派员');
      await page.waitForURL(/kind=science_envoy/);
      const envoys = await session.json<Listed>('GET', '/api/dispatches?kind=science_envoy&pageSize=100');
      expect(envoys.total).toBeGreaterThan(0);
      await expect.poll(() => pageTotal(page)).toBe(envoys.total);
      for (const text of await rows.allInnerTexts()) expect(text).toContain('科技特派员');
      // A search by the name of one of them.
      const one = envoys.items[0]!;
      const q = encodeURIComponent(one.personName);
      const found = await session.json<Listed>('GET', `/api/dispatches?kind=science_envoy&q=${q}`);
      await page.getByTestId('dispatch-search').locator('input').fill(one.personName);
      await page.getByTestId('dispatch-search').locator('input').press('Enter');
      await page.waitForURL(/[?&]q=/);
      await expect.poll(() => pageTotal(page)).toBe(found.total);
      await rows.filter({ hasText: one.personName }).first().waitFor();
      expect(await rows.count()).toBe(found.items.length);
      await settle(page);
      await shot(page, 'dispatches-filtered');

      // One township: the list and the cards narrowed to it agree with the API and with the county's row of it.
      const mine = await session.json<Listed>('GET', `/api/dispatches?org=${townshipId}&pageSize=1`);
      expect(mine.total).toBeGreaterThan(0);
      expect(mine.total).toBeLessThan(all.total);
      await page.goto(`${baseUrl()}/dispatches?org=${townshipId}`);
      await page.getByTestId('dispatches-total').waitFor();
      await expect.poll(() => pageTotal(page)).toBe(mine.total);
      const town = await expectCards(page, session, year, townshipId);
      const row = county.rows.find((r) => r.orgId === townshipId)!;
      expect(row).toBeDefined();
      for (const k of town.byKind) expect(row.byKind[k.kind]).toBe(k.people);
      for (const text of await rows.allInnerTexts()) expect(text).toContain(township.user.orgName);
      await settle(page);
      await shot(page, 'dispatches-township-of-county');
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);

  it('the county records a first secretary, days present and work funds; the township does not see it', async () => {
    const township = await apiLogin('demo-township');
    const county = await apiLogin('demo-county');
    const year = Number(today().slice(0, 4));
    const month = today().slice(0, 7);
    // A village of another township (one the funds module keeps money for).
    const funds = await county.json<{ items: { orgId: number }[] }>(
      'GET',
      '/api/economy/funds?kind=first_secretary_work&pageSize=100',
    );
    let fund: (typeof funds.items)[number] | undefined;
    for (const f of funds.items)
      if ((await township.fetch('GET', `/api/orgs/${f.orgId}`)).status === 404) {
        fund = f;
        break;
      }
    expect(fund).toBeDefined();
    const village = await county.json<{ id: number; name: string }>('GET', `/api/orgs/${fund!.orgId}`);
    const before = await county.json<Summary>('GET', `/api/dispatches/summary?year=${year}`);
    const name = `测试书记${String.fromCharCode(0x4e00 + (Date.now() % 500))}`;
    const start = `${year}-01-01`;

    const { context, page, session } = await signedInContext(browser, 'demo-county');
    let id: number;
    try {
      await page.goto(`${baseUrl()}/dispatches`);
      await page.getByTestId('new-dispatch').click();
      await page.waitForURL(/\/dispatches\/new$/);
      await choose(page, 'dispatch-kind', '第一书记');
      await page.getByTestId('dispatch-name').fill(name);
      await page.getByTestId('dispatch-unit').fill('县财政局');
      await page.locator('#org1').click();
      await page.keyboard.type(village.name);
      const option = page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: village.name }).first();
      await option.waitFor();
      await option.click();
      for (const [label, day] of [
        ['派驻日期', start],
        ['期满日期', `${year - 1}-12-31`],
      ] as const) {
        await page.getByLabel(label, { exact: true }).click();
        await page.getByLabel(label, { exact: true }).fill(day);
        // Leaving the date field commits the typed date (Enter would submit the form).
        await page.getByTestId('dispatch-name').click();
      }
      // An end before the start is refused, in words, on its field (as the server refuses it); nothing is saved.
      await page.getByTestId('save-dispatch').click();
      await page.getByText('离岗或期满日期不能早于派驻日期').waitFor();
      expect(page.url()).toMatch(/\/dispatches\/new$/);
      await settle(page);
      await shot(page, 'dispatches-form-bad-dates');
      await page.getByLabel('期满日期', { exact: true }).click();
      await page.getByLabel('期满日期', { exact: true }).fill(`${year + 2}-12-31`);
      await page.getByTestId('dispatch-name').click();
      await expect.poll(() => page.getByText('离岗或期满日期不能早于派驻日期').count()).toBe(0);
      await shot(page, 'dispatches-form');
      await page.getByTestId('save-dispatch').click();
      await page.waitForURL(/\/dispatches\/\d+$/, { timeout: 20_000 });
      id = Number(page.url().split('/').pop());
      await page
        .getByTestId('dispatch-title')
        .filter({ hasText: `第一书记：${name}` })
        .waitFor();
      const main = page.locator('main');
      await main.getByText(`${start} ~ ${year + 2}-12-31`).waitFor();
      await main.getByText('县财政局（县直）').waitFor();
      await main.getByText(village.name, { exact: true }).waitFor();
      const saved = await session.json('GET', `/api/dispatches/${id}`);
      expect(saved).toMatchObject({
        kind: 'first_secretary',
        personName: name,
        sendingUnit: '县财政局',
        unitLevel: 'county',
        status: 'on_duty',
        startedOn: start,
        endsOn: `${year + 2}-12-31`,
        orgs: [{ id: village.id, name: village.name }],
      });

      // Days present: a month to come is refused; this month's days are recorded and counted.
      const presence = page.getByTestId('dispatch-presence');
      await presence.getByText('尚未登记在村天数').waitFor();
      await page.getByTestId('presence-month').fill(`${year + 1}-01`);
      await page.getByTestId('presence-days').fill('18');
      await page.getByTestId('save-presence').click();
      await page.locator('.ant-message').getByText('该月不在派驻期内，或晚于本月').waitFor();
      await page.getByTestId('presence-month').fill(month);
      await page.getByTestId('presence-note').fill('入户走访、召开村民代表会议');
      await page.getByTestId('save-presence').click();
      const row = presence.locator('tbody tr.ant-table-row').filter({ hasText: month });
      await row.getByText('入户走访、召开村民代表会议').waitFor();
      expect(await row.innerText()).toContain('18');
      await expect.poll(() => page.getByTestId('dispatch-days-year').innerText()).toBe('18');
      await settle(page);
      await shot(page, 'dispatches-detail');
      const recorded = await session.json<{ presence: { month: string; days: number }[]; daysThisYear: number }>(
        'GET',
        `/api/dispatches/${id}`,
      );
      expect(recorded.presence).toEqual([expect.objectContaining({ month, days: 18 })]);
      expect(recorded.daysThisYear).toBe(18);

      // The county's counts grew by this first secretary and its village's days.
      await page.goto(`${baseUrl()}/dispatches?kind=first_secretary&q=${encodeURIComponent(name)}`);
      await page.getByTestId('dispatches-total').waitFor();
      const after = await expectCards(page, session, year);
      const fs = (s: Summary) => s.byKind.find((k) => k.kind === 'first_secretary')!;
      expect(fs(after).people).toBe(fs(before).people + 1);
      await page.locator('main tbody tr.ant-table-row').filter({ hasText: name }).first().waitFor();

      // The work funds of the village: kept by the funds module, reached by the dispatch's link.
      await page.goto(`${baseUrl()}/dispatches/${id}`);
      await page.getByTestId('dispatch-funds-link').click();
      await page.waitForURL(new RegExp(`/economy/funds\\?org=${village.id}&kind=first_secretary_work$`));
      const fundsPath = `/api/economy/funds?org=${village.id}&kind=first_secretary_work`;
      const had = await session.json<{ total: number }>('GET', fundsPath);
      await page
        .getByTestId('fund-total')
        .filter({ hasText: `共 ${had.total} 条经费记录` })
        .waitFor();
      await page.getByTestId('new-fund').click();
      await page.waitForURL(/\/economy\/funds\/new$/);
      await page.locator('#orgId').click();
      await page.keyboard.type(village.name);
      const place = page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: village.name }).first();
      await place.waitFor();
      await place.click();
      await choose(page, 'fund-kind', '第一书记工作经费');
      await page.getByTestId('fund-amount').fill('12000');
      await page.getByTestId('save-fund').click();
      await page.waitForURL(/\/economy\/funds$/, { timeout: 20_000 });
      await page.goto(`${baseUrl()}/economy/funds?org=${village.id}&kind=first_secretary_work`);
      await page
        .getByTestId('fund-total')
        .filter({ hasText: `共 ${had.total + 1} 条经费记录` })
        .waitFor();
      await page.locator('main tbody tr.ant-table-row').filter({ hasText: '12,000' }).first().waitFor();
      const now = await session.json<{ items: { amountFen: number; year: number }[] }>('GET', fundsPath);
      expect(now.items).toContainEqual(expect.objectContaining({ amountFen: 1_200_000, year }));
      await settle(page);
      await shot(page, 'dispatches-work-funds');
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }

    // The township sees only the dispatches of its villages: not this one, whose page is not found.
    const mine = await township.json<Listed>('GET', '/api/dispatches?pageSize=100');
    const ofCounty = await county.json<Listed>('GET', `/api/dispatches?org=${township.user.orgId}&pageSize=1`);
    expect(mine.total).toBe(ofCounty.total);
    expect(mine.items.every((d) => d.townshipName === township.user.orgName)).toBe(true);
    expect((await township.fetch('GET', `/api/dispatches/${id}`)).status).toBe(404);
    const town = await signedInContext(browser, 'demo-township');
    try {
      const p = town.page;
      await p.goto(`${baseUrl()}/dispatches`);
      await p.getByTestId('dispatches-total').waitFor({ timeout: 60_000 });
      await expect.poll(() => pageTotal(p)).toBe(mine.total);
      await expectCards(p, township, year);
      const q = encodeURIComponent(name);
      await p.goto(`${baseUrl()}/dispatches?q=${q}`);
      await p.locator('main').getByText('没有符合条件的派驻干部').waitFor();
      await p.goto(`${baseUrl()}/dispatches/${id}`);
      await p.getByText('未找到').waitFor({ timeout: 20_000 });
      expect(await p.locator('main').getByText(name).count()).toBe(0);
      await settle(p);
      await shot(p, 'dispatches-other-township-not-found');
      expect(pageErrors.get(p)).toEqual([]);
    } finally {
      await town.context.close();
    }
  }, 300_000);

  it('a village branch reads the dispatches sent to it and may not record one', async () => {
    const { context, page, session } = await signedInContext(browser, 'demo-branch');
    try {
      const sent = await session.json<Listed>('GET', '/api/dispatches?pageSize=100');
      await page.goto(`${baseUrl()}/dispatches`);
      await page.getByTestId('dispatches-total').waitFor({ timeout: 60_000 });
      await expect.poll(() => pageTotal(page)).toBe(sent.total);
      expect(await page.getByTestId('new-dispatch').count()).toBe(0);
      expect(await page.locator('main').innerText()).not.toMatch(RAW_CODES);
      const village = session.user.orgName!;
      for (const d of sent.items) expect(d.orgs.map((o) => o.name)).toContain(village);
      await settle(page);
      await shot(page, 'dispatches-branch-list');
      if (sent.items.length) {
        await page.locator('main tbody tr.ant-table-row').first().click();
        await page.waitForURL(/\/dispatches\/\d+$/);
        await page.getByTestId('dispatch-presence').waitFor();
        expect(await page.getByTestId('save-presence').count()).toBe(0);
      }
      await settle(page);
      await shot(page, 'dispatches-branch-detail');
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
