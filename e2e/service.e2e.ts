// Serving residents end to end: a resident posts a wish on a 390 px phone, a member claims and fulfils it,
// the resident confirms, the figures move; a backdated 研究办 request passes its deadline, is escalated and
// shows as overdue for the township in the console.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  PASSWORD,
  apiLogin,
  baseUrl,
  pageErrors,
  settle,
  shot,
  signedInContext,
  watchErrors,
  withBrowser,
  PHONE,
  outboxCode,
} from './helpers';

let browser: Browser;
withBrowser((b) => (browser = b));

async function noOverflow(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

interface Stats {
  wishes: { collected: number; claimed: number; fulfilled: number; confirmed: number };
  requests: { accepted: number; overdue: number };
}

describe('serving residents', () => {
  it('a resident posts a wish, a member claims and fulfils it, the resident confirms, the figures move', async () => {
    const county = await apiLogin('demo-county');
    const member = await apiLogin('demo-member');
    const before = await county.json<Stats>('GET', '/api/stats/service');
    const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const title = `想要一台旧电脑 ${Date.now() % 100000}`;

    // (1) The resident, on a phone, signs in with a code and posts a wish for the member's village.
    const rctx = await browser.newContext(PHONE);
    const resident = await rctx.newPage();
    watchErrors(resident);
    const mctx = await browser.newContext(PHONE);
    const phoneMember = await mctx.newPage();
    watchErrors(phoneMember);
    try {
      await resident.goto(baseUrl() + '/m/wishes');
      await resident.getByTestId('r-wall-item').first().waitFor();
      await shot(resident, 'svc-m-wall');
      await noOverflow(resident);
      await resident.getByTestId('r-post-link').click();
      await resident.waitForURL(/\/m\/resident/);
      await resident.getByLabel('手机号码').fill(phone);
      const asked = Date.now();
      await resident.getByTestId('r-send-code').click();
      const code = await outboxCode(phone, asked);
      await resident.getByLabel('验证码').fill(code);
      await shot(resident, 'svc-m-resident-code');
      await resident.getByTestId('r-verify').click();
      await resident.getByTestId('r-phone-masked').waitFor();
      expect(await resident.getByTestId('r-phone-masked').textContent()).toContain(
        `${phone.slice(0, 3)}****${phone.slice(-4)}`,
      );
      // A village is chosen by its township first (the member's branch is its village's organization).
      const places = (await (await fetch(`${baseUrl()}/api/public/places`)).json()) as {
        id: number;
        townshipId: number;
      }[];
      const place = places.find((p) => p.id === member.user.orgId)!;
      await resident.getByLabel('所在乡镇（街道）').selectOption(String(place.townshipId));
      await resident.getByLabel('所在村（社区）').selectOption(String(member.user.orgId));
      await resident.getByLabel('标题').fill(title);
      await resident.getByLabel('内容').fill('孩子上网课，家里没有电脑，旧的也可以。');
      await resident.getByTestId('r-submit-wish').click();
      await resident.getByTestId('r-posted').waitFor();
      const mine = resident.getByTestId('r-my-wish').filter({ hasText: title });
      await mine.waitFor();
      expect(await mine.getAttribute('data-status')).toBe('open');
      await shot(resident, 'svc-m-resident');
      await noOverflow(resident);

      // The public wall carries the wish with no phone number.
      const wall = await (await fetch(`${baseUrl()}/api/public/wishes?pageSize=50`)).json();
      const onWall = wall.items.find((w: { title: string }) => w.title === title);
      expect(onWall).toBeTruthy();
      expect(JSON.stringify(onWall)).not.toContain(phone.slice(-4) + '"');
      expect(JSON.stringify(wall)).not.toMatch(/1[3-9]\d{9}/);

      // (2) A member signs in on the phone, claims the wish and fulfils it with a note.
      await phoneMember.goto(baseUrl() + '/m/login');
      await phoneMember.getByLabel('用户名').fill('demo-member');
      await phoneMember.getByLabel('密码').fill(PASSWORD);
      await phoneMember.getByRole('button', { name: '登录' }).click();
      await phoneMember.waitForURL(/\/m\/$/);
      await phoneMember.getByTestId('m-service-link').click();
      await phoneMember.waitForURL(/\/m\/service/);
      await phoneMember.getByLabel('搜索心愿').fill(title);
      await phoneMember.getByRole('button', { name: '搜索', exact: true }).click();
      const card = phoneMember.getByTestId('m-open-wish').filter({ hasText: title });
      await card.waitFor();
      await shot(phoneMember, 'svc-m-open-wishes');
      await noOverflow(phoneMember);
      await card.getByTestId('m-claim').click();
      await phoneMember.getByTestId('m-claimed').waitFor();
      await phoneMember.getByRole('link', { name: '我的认领' }).click();
      const claim = phoneMember.getByTestId('m-my-claim').filter({ hasText: title });
      await claim.waitFor();
      expect(await claim.getAttribute('data-status')).toBe('claimed');
      await claim.getByTestId('m-fulfil').click();
      await claim.getByLabel('完成情况').fill('已送去一台旧笔记本电脑，并装好了网课软件。');
      await claim.getByTestId('m-fulfil-submit').click();
      await phoneMember.getByTestId('m-claims-msg').waitFor();
      await expect.poll(() => claim.getAttribute('data-status')).toBe('fulfilled');
      await shot(phoneMember, 'svc-m-my-claims');
      await noOverflow(phoneMember);

      // (3) The resident confirms.
      await resident.reload();
      const fulfilled = resident.getByTestId('r-my-wish').filter({ hasText: title });
      await fulfilled.getByTestId('r-confirm').click();
      await expect.poll(() => fulfilled.getAttribute('data-status')).toBe('confirmed');
      await shot(resident, 'svc-m-resident-confirmed');
      expect(pageErrors.get(resident)).toEqual([]);
      expect(pageErrors.get(phoneMember)).toEqual([]);
    } finally {
      await rctx.close();
      await mctx.close();
    }

    // (4) The figures move: one more wish collected and one more confirmed.
    const after = await county.json<Stats>('GET', '/api/stats/service');
    expect(after.wishes.collected).toBe(before.wishes.collected + 1);
    expect(after.wishes.confirmed).toBe(before.wishes.confirmed + 1);

    // …and the console's figures page shows the new count.
    const { context, page } = await signedInContext(browser, 'demo-county');
    try {
      await page.goto(baseUrl() + '/service/stats');
      await page.getByTestId('sv-wishes-confirmed').getByText(after.wishes.confirmed.toLocaleString('en-US')).waitFor();
      await settle(page);
      await shot(page, 'svc-console-stats');
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a 研究办 request accepted by the branch passes its deadline and shows as overdue for the township', async () => {
    const branch = await apiLogin('demo-branch');
    const county = await apiLogin('demo-county');
    const marker = `村道路灯损坏 ${Date.now() % 100000}`;
    // A paper record entered late: accepted 30 days ago, so its 7-day deadline has passed.
    const acceptedAt = new Date(Date.now() - 30 * 86_400_000).toISOString();
    const created = await branch.json('POST', '/api/requests', {
      orgId: branch.user.orgId,
      channel: 'reception',
      category: 'infrastructure',
      level: 'studied',
      description: `${marker}，夜间出行不便`,
      residentName: '王大妈',
      acceptedAt,
    });
    expect(created.status).toBe('open');
    expect(Date.parse(created.dueAt)).toBeLessThan(Date.now());
    const esc = await county.json('POST', '/api/jobs/escalate', {});
    expect(esc.escalated).toBeGreaterThanOrEqual(1);
    const detail = await county.json('GET', `/api/requests/${created.id}`);
    expect(detail.escalations).toBe(1);
    expect(detail.events.some((e: { kind: string }) => e.kind === 'escalated')).toBe(true);

    const { context, page } = await signedInContext(browser, 'demo-township');
    try {
      await page.goto(baseUrl() + '/requests?overdue=true');
      await page.getByTestId('request-search').locator('input').fill(marker);
      await page.getByTestId('request-search').locator('input').press('Enter');
      const row = page.locator('tr.sv-row-overdue').filter({ hasText: marker });
      await row.waitFor();
      await row.getByTestId('flag-overdue').waitFor();
      await settle(page);
      await shot(page, 'svc-console-overdue');
      await row.getByTestId('request-link').click();
      await page.getByTestId('overdue-alert').waitFor();
      await page.getByTestId('timeline').getByText('逾期上移').waitFor();
      await settle(page);
      await shot(page, 'svc-console-request');
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
