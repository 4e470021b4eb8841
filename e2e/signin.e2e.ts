// Sign-in that opens when it is asked to: a secretary opens sign-in three hours before a meeting and sees the code
// and when it opens, starts it now, a member signs in on a phone; a meeting tomorrow lists nobody as absent.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { PHONE, apiLogin, baseUrl, pageErrors, shot, signedInContext, withBrowser } from './helpers';

let browser: Browser;
withBrowser((b) => (browser = b));

/** China date and time `offsetMinutes` after `base` (meetings' dates and times are China time). */
function chinaAt(offsetMinutes = 0, base = Date.now()): { date: string; time: string } {
  const s = new Date(base + 8 * 3_600_000 + offsetMinutes * 60_000).toISOString();
  return { date: s.slice(0, 10), time: s.slice(11, 16) };
}

/** Records a party lecture of the branch through the API, with the demo member among the expected. */
async function planLecture(at: { date: string; time: string }, topic: string): Promise<number> {
  const branch = await apiLogin('demo-branch');
  const member = await apiLogin('demo-member');
  const m = await branch.json('POST', '/api/meetings', {
    orgId: branch.user.orgId,
    kind: 'party_lecture',
    topic,
    heldOn: at.date,
    startTime: at.time,
    place: '村党员活动室',
  });
  if (!m.attendance.some((a: { memberId: number }) => a.memberId === member.user.memberId))
    await branch.json('PATCH', `/api/meetings/${m.id}`, {
      attendance: [{ memberId: member.user.memberId, status: 'absent' }],
    });
  return m.id as number;
}

describe('sign-in that opens when it is asked to', () => {
  it('opened three hours early shows a code and when it opens; started now, a member signs in', async () => {
    const now = Date.now();
    const at = chinaAt(180, now);
    const topic = `E2E 提前签到 ${Date.now().toString(36)}`;
    const id = await planLecture(at, topic);
    const opensAt = chinaAt(120, now); // an hour before the meeting, by the rules
    const { context, page, session } = await signedInContext(browser, 'demo-branch');
    let phone: Awaited<ReturnType<typeof signedInContext>> | null = null;
    try {
      await page.goto(`${baseUrl()}/meetings/${id}`);
      await page.getByTestId('meeting-topic').getByText(topic).waitFor();
      await page.getByTestId('open-checkin').click();
      const codeEl = page.getByTestId('checkin-code');
      await codeEl.waitFor({ timeout: 15_000 });
      const code = (await codeEl.textContent())!.trim();
      expect(code).toMatch(/^\d{6}$/);
      await page.getByTestId('checkin-qr').waitFor();
      expect(await page.getByText('签到已结束').count()).toBe(0);
      const notYet = page.getByTestId('checkin-not-yet');
      await notYet.waitFor();
      expect(await notYet.innerText()).toContain(`签到将于 ${opensAt.date} ${opensAt.time} 开始`);
      await shot(page, 'signin-early-panel');

      // The member tries the code too early: told to wait, not that the code is wrong.
      phone = await signedInContext(browser, 'demo-member', PHONE);
      await phone.page.goto(`${baseUrl()}/m/checkin?code=${code}`);
      await phone.page.getByTestId('m-checkin-submit').click();
      await phone.page.getByTestId('m-checkin-error').getByText('签到尚未开始').waitFor();
      await shot(phone.page, 'signin-early-phone-wait');

      // The secretary starts sign-in now: the same code works at once.
      await page.getByTestId('checkin-start-now').click();
      await expect.poll(() => notYet.count(), { timeout: 15_000 }).toBe(0);
      expect((await codeEl.textContent())!.trim()).toBe(code);
      const detail = await session.json('GET', `/api/meetings/${id}`);
      expect(detail.checkin).toMatchObject({ code, started: true });
      await phone.page.getByTestId('m-checkin-submit').click();
      await phone.page.getByTestId('m-checkin-success').getByText('签到成功').waitFor({ timeout: 15_000 });
      expect(await phone.page.getByTestId('m-checkin-topic').textContent()).toBe(topic);
      await expect
        .poll(async () => Number((await page.getByTestId('checkin-live').textContent())!.trim().split(/\s+/)[0]), {
          timeout: 20_000,
        })
        .toBeGreaterThanOrEqual(1);
      await shot(page, 'signin-started-now');
      expect(pageErrors.get(page)).toEqual([]);
      expect(pageErrors.get(phone.page)).toEqual([]);
    } finally {
      await phone?.context.close();
      await context.close();
    }
  });

  it('a meeting tomorrow lists nobody as 缺席, on the console and on the phone', async () => {
    const tomorrow = chinaAt(24 * 60).date;
    const topic = `E2E 明天的党课 ${Date.now().toString(36)}`;
    const id = await planLecture({ date: tomorrow, time: '09:00' }, topic);
    const { context, page } = await signedInContext(browser, 'demo-branch');
    let phone: Awaited<ReturnType<typeof signedInContext>> | null = null;
    try {
      await page.goto(`${baseUrl()}/meetings/${id}`);
      await page.getByTestId('meeting-topic').getByText(topic).waitFor();
      const card = page.getByTestId('attendance-card');
      await card.locator('tbody tr.ant-table-row').first().waitFor();
      const rows = await card.locator('tbody tr.ant-table-row').allInnerTexts();
      expect(rows.length).toBeGreaterThan(1);
      expect(rows.filter((r) => r.includes('缺席'))).toEqual([]);
      expect(rows.every((r) => r.includes('未开始'))).toBe(true);
      await card.getByTestId('count-expected').waitFor();
      expect(await card.getByTestId('count-absent').count()).toBe(0);
      await page.getByTestId('flag-upcoming').waitFor();
      expect(await page.getByTestId('incomplete-alert').count()).toBe(0);
      await shot(page, 'signin-tomorrow-detail');

      // The phone: my meetings show it as not yet held.
      phone = await signedInContext(browser, 'demo-member', PHONE);
      await phone.page.goto(`${baseUrl()}/m/meetings`);
      const item = phone.page.getByTestId('m-meetings').locator('li', { hasText: topic });
      await item.waitFor();
      expect(await item.getByTestId('m-meeting-status').textContent()).toBe('未开始');
      await shot(phone.page, 'signin-tomorrow-phone');
      expect(pageErrors.get(page)).toEqual([]);
      expect(pageErrors.get(phone.page)).toEqual([]);
    } finally {
      await phone?.context.close();
      await context.close();
    }
  });
});
