// Training on the demo county: a township's class whose course plan the county reviews in the browser, then the
// township records a session's attendance; the demo member's hours move (on the phone too) and it leaves the
// township's short list once its hours reach the requirement. Hours come from attendance only.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiLogin, baseUrl, PHONE, pageErrors, settle, shot, signedInContext, withBrowser } from './helpers';

let browser: Browser;
withBrowser((b) => (browser = b));

/** How long a page may take on a loaded machine (expect.poll gives up after one second by default). */
const WAIT = { timeout: 15_000 };

/** A day some days from today, in China time. */
const chinaDay = (plus = 0) => new Date(Date.now() + 8 * 3_600_000 + plus * 86_400_000).toISOString().slice(0, 10);

/** Opens a page as a user, runs `use`, checks no page error happened and closes it. */
async function as(username: string, use: (page: Page) => Promise<void>, phone = false): Promise<void> {
  const { context, page } = await signedInContext(browser, username, phone ? PHONE : {});
  try {
    await use(page);
    expect(pageErrors.get(page)).toEqual([]);
  } finally {
    await context.close();
  }
}

type Mine = { hours: number; required: number; short: boolean };

/** Presses 确定 in the move's dialog (its note is optional). */
async function confirmMove(page: Page): Promise<void> {
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定/ })
    .click();
}

describe('training classes and hours', () => {
  it('a township class reviewed and attended; the member’s hours move and the short list changes', async () => {
    const year = Number(chinaDay().slice(0, 4));
    const township = await apiLogin('demo-township');
    const member = await apiLogin('demo-member');
    const memberId = member.user.memberId!;
    const before = await member.json<Mine>('GET', `/api/training/hours/me?year=${year}`);
    const shortBefore = await township.json<{ items: { memberId: number }[] }>(
      'GET',
      `/api/training/hours/short?year=${year}&pageSize=500&q=${encodeURIComponent(member.user.orgName ?? '')}`,
    );
    // Sessions of 12 hours, enough to reach the requirement (a day each, ending today).
    const needed = Math.max(1, Math.ceil((before.required - before.hours) / 12));
    const days = Array.from({ length: needed }, (_, i) => chinaDay(i - needed + 1));
    const c = await township.json<{ id: number }>('POST', '/api/training/classes', {
      title: `E2E 党员轮训班 ${Date.now() % 100000}`,
      kind: 'rotation',
      startOn: days[0],
      endOn: days[days.length - 1],
      place: '乡镇党群服务中心',
      target: '辖区党员',
    });
    const planned = await township.json<{ plan: { id: number }[] }>('PUT', `/api/training/classes/${c.id}/plan`, {
      sessions: days.map((heldOn) => ({ heldOn, topic: '党章党规党纪专题辅导', teacher: '县委党校教师', hours: 12 })),
    });
    await township.json('PUT', `/api/training/classes/${c.id}/attendees`, { memberIds: [memberId] });

    await as('demo-township', async (page) => {
      await page.goto(`${baseUrl()}/training/classes/${c.id}`);
      await page.getByTestId('move-submit').click();
      await confirmMove(page);
      await expect.poll(() => page.getByTestId('training-status').textContent(), WAIT).toContain('计划待审核');
    });
    await as('demo-county', async (page) => {
      await page.goto(`${baseUrl()}/training/classes/${c.id}`);
      await page.getByTestId('move-approve').click();
      await confirmMove(page);
      await expect.poll(() => page.getByTestId('training-status').textContent(), WAIT).toContain('已开班');
    });
    await as('demo-township', async (page) => {
      await page.goto(`${baseUrl()}/training/classes/${c.id}`);
      const first = planned.plan[0]!.id;
      await page.getByTestId(`attendance-${first}`).click();
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /确\s*定|保\s*存/ })
        .click();
      await expect.poll(() => page.getByTestId('training-sessions').textContent(), WAIT).toContain('出勤 1');
      await shot(page, 'training-class');
    });
    // The rest of the sessions through the API (the same route).
    for (const s of planned.plan.slice(1))
      await township.json('PUT', `/api/training/classes/${c.id}/sessions/${s.id}/attendance`, { present: [memberId] });

    const after = await member.json<Mine>('GET', `/api/training/hours/me?year=${year}`);
    expect(after.hours).toBe(before.hours + 12 * needed);
    expect(after.short).toBe(false);
    const shortAfter = await township.json<{ items: { memberId: number }[] }>(
      'GET',
      `/api/training/hours/short?year=${year}&pageSize=500&q=${encodeURIComponent(member.user.orgName ?? '')}`,
    );
    expect(shortAfter.items.some((m) => m.memberId === memberId)).toBe(false);
    if (before.short) expect(shortBefore.items.some((m) => m.memberId === memberId)).toBe(true);

    await as(
      'demo-member',
      async (page) => {
        await page.goto(`${baseUrl()}/m/training`);
        await expect.poll(() => page.getByTestId('m-training-hours').textContent(), WAIT).toBe(String(after.hours));
        await shot(page, 'training-phone');
      },
      true,
    );
    await as('demo-township', async (page) => {
      await page.goto(`${baseUrl()}/training/hours`);
      await settle(page);
      await expect.poll(() => page.getByTestId('hours-members').textContent(), WAIT).toContain('达标');
      await shot(page, 'training-hours');
    });
  });
});
