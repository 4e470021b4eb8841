// Organizational life: a secretary records a meeting and opens sign-in, a member signs in on a phone with the
// 6-digit code, the secretary sees the self check-in, the township's compliance table changes; axe and screenshots.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  PASSWORD,
  apiLogin,
  axe,
  baseUrl,
  pageErrors,
  settle,
  shot,
  signedInContext,
  watchErrors,
  type AxeViolation,
  withBrowser,
  PHONE,
  expectNoAxeViolations,
} from './helpers';

let browser: Browser;
withBrowser((b) => (browser = b));

/** Now in China (the meetings' dates and times are China time). */
function chinaNow(offsetMinutes = 0): { date: string; time: string } {
  const s = new Date(Date.now() + 8 * 3_600_000 + offsetMinutes * 60_000).toISOString();
  return { date: s.slice(0, 10), time: s.slice(11, 16) };
}

interface ComplianceItem {
  orgId: number;
  kind: string;
  required: number;
  held: number;
  status: 'done' | 'due_soon' | 'behind';
}

// Kinds every member is expected at come first (the member is then on the list without being added).
const PREFERRED = [
  'general_meeting',
  'party_lecture',
  'theme_day',
  'life_meeting',
  'member_review',
  'committee_meeting',
  'group_meeting',
  'leadership_life_meeting',
];

let recordedMeetingId: number | null = null;

async function complianceRow(page: Page, orgId: number, kind: string) {
  const row = page.locator(`tr[data-org="${orgId}"][data-kind="${kind}"]`);
  await row.waitFor({ timeout: 20_000 });
  return {
    held: Number(await row.getByTestId('held').textContent()),
    status: await row.locator('[data-status]').getAttribute('data-status'),
  };
}

describe('organizational life', () => {
  it('a secretary records a meeting, opens sign-in; a member signs in by phone; secretary, town see it', async () => {
    const township = await apiLogin('demo-township');
    const branch = await apiLogin('demo-branch');
    const memberSession = await apiLogin('demo-member');
    const orgId = branch.user.orgId!;
    const memberId = memberSession.user.memberId!;
    const memberName = (await memberSession.json('GET', '/api/me/member')).name as string;
    const today = chinaNow();
    const month = today.date.slice(0, 7);

    // A kind that is not done this month for the branch (heart-to-heart talks count members, not meetings).
    const before = (await township.json('GET', `/api/compliance/meetings?org=${orgId}&period=${month}`)) as {
      items: ComplianceItem[];
    };
    const mine = before.items.filter((i) => i.orgId === orgId && i.kind !== 'heart_to_heart');
    const pick =
      PREFERRED.map((k) => mine.find((i) => i.kind === k && i.status !== 'done')).find(Boolean) ??
      mine.find((i) => i.status !== 'done') ??
      mine[0];
    expect(pick, 'a kind the branch must hold').toBeTruthy();

    // The township's table before.
    const tw = await signedInContext(browser, 'demo-township');
    try {
      await tw.page.goto(`${baseUrl()}/compliance?org=${orgId}&period=${month}`);
      const shown = await complianceRow(tw.page, orgId, pick.kind);
      expect(shown.held).toBe(pick.held);
      expect(shown.status).toBe(pick.status);
    } finally {
      await tw.context.close();
    }

    // The secretary records the meeting through the form: today, starting a few minutes ago (sign-in opens an hour
    // before).
    const start = today.time < '00:10' ? '00:00' : chinaNow(-5).time;
    const topic = `E2E 签到测试 ${Date.now().toString(36)}`;
    const { context, page, session } = await signedInContext(browser, 'demo-branch');
    let phone: Awaited<ReturnType<typeof signedInContext>> | null = null;
    try {
      await page.goto(`${baseUrl()}/meetings/new?org=${orgId}&kind=${pick.kind}`);
      await page.getByTestId('topic').waitFor();
      // The reminder's link prefilled the kind; the date is today.
      await expect.poll(() => page.getByTestId('kind').textContent()).not.toBe('');
      expect(await page.getByLabel('召开日期').inputValue()).toBe(today.date);
      // A save without the required fields is refused inline.
      await page.getByTestId('save-meeting').click();
      await page.getByText('请输入会议议题').waitFor();
      await page.getByText('请选择开始时间').waitFor();
      await page.getByTestId('topic').fill(topic);
      await page.getByLabel('开始时间').fill(start);
      await page.getByTestId('topic').click(); // leaving the time field commits the typed time
      await page.getByLabel('地点').fill('村党员活动室');
      await page.getByLabel('主持人').fill('陈皓昊');
      await page.getByTestId('minutes').fill('会议研究了本月工作，与会同志进行了讨论。');
      await expect.poll(() => page.locator('.ant-form-item-explain-error').count()).toBe(0);
      await shot(page, 'meeting-form');
      await page.getByTestId('save-meeting').click();
      await page.waitForURL(/\/meetings\/\d+$/, { timeout: 20_000 });
      const meetingId = Number(new URL(page.url()).pathname.split('/').pop());
      recordedMeetingId = meetingId;
      await page.getByTestId('meeting-topic').getByText(topic).waitFor();
      const saved = await session.json('GET', `/api/meetings/${meetingId}`);
      expect(saved).toMatchObject({ orgId, kind: pick.kind, topic, heldOn: today.date, startTime: start });

      // A committee meeting expects the committee: add the member by hand when not on the list.
      if (!saved.attendance.some((a: { memberId: number }) => a.memberId === memberId)) {
        await page.getByTestId('add-attendee').click();
        await page.keyboard.type(memberName);
        await page.locator('.ant-select-item-option').filter({ hasText: memberName }).first().click();
        await page.getByTestId('attendance-card').locator('tr', { hasText: memberName }).waitFor();
      }
      const memberRow = page.getByTestId('attendance-card').locator('tr', { hasText: memberName });
      expect(await memberRow.getByTestId('self-checkin').count()).toBe(0);
      expect(await memberRow.innerText()).toContain('缺席');

      // Open sign-in: the QR and the 6-digit code.
      await page.getByTestId('open-checkin').click();
      const codeEl = page.getByTestId('checkin-code');
      await codeEl.waitFor();
      const code = (await codeEl.textContent())!.trim();
      expect(code).toMatch(/^\d{6}$/);
      await page.getByTestId('checkin-qr').waitFor();
      const liveBefore = Number((await page.getByTestId('checkin-live').textContent())!.trim().split(/\s+/)[0]);
      await shot(page, 'meeting-detail-checkin');

      // The member, on a phone: from the home to the sign-in page, types the code, sees success.
      phone = await signedInContext(browser, 'demo-member', PHONE);
      await phone.page.goto(`${baseUrl()}/m/`);
      await phone.page.getByTestId('m-checkin-link').click();
      await phone.page.waitForURL(/\/m\/checkin/);
      const input = phone.page.getByTestId('m-code');
      expect(await input.getAttribute('inputmode')).toBe('numeric');
      await input.pressSequentially(code);
      await shot(phone.page, 'm-checkin');
      await phone.page.getByTestId('m-checkin-submit').click();
      const success = phone.page.getByTestId('m-checkin-success');
      await success.waitFor({ timeout: 15_000 });
      await success.getByText('签到成功').waitFor();
      expect(await phone.page.getByTestId('m-checkin-topic').textContent()).toBe(topic);
      await shot(phone.page, 'm-checkin-success');
      expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      // My meetings: this meeting, present.
      await phone.page.getByRole('link', { name: '查看我的会议' }).click();
      await phone.page.waitForURL(/\/m\/meetings/);
      const item = phone.page.getByTestId('m-meetings').locator('li', { hasText: topic });
      await item.waitFor();
      expect(await item.getByTestId('m-meeting-status').textContent()).toBe('出席');
      await shot(phone.page, 'm-my-meetings');
      const small = await phone.page.evaluate(
        () =>
          [...document.querySelectorAll('a, button, input')]
            .map((e) => e.getBoundingClientRect())
            .filter((r) => r.width > 0 && (r.height < 44 || r.width < 44)).length,
      );
      expect(small).toBe(0);
      expect(pageErrors.get(phone.page)).toEqual([]);

      // The secretary's panel refreshes by itself (every 5 s), and the table shows the self check-in.
      await expect
        .poll(async () => Number((await page.getByTestId('checkin-live').textContent())!.trim().split(/\s+/)[0]), {
          timeout: 20_000,
        })
        .toBe(liveBefore + 1);
      await page.getByTestId('checkin-hide').click();
      await memberRow.getByTestId('self-checkin').waitFor({ timeout: 20_000 });
      expect(await memberRow.innerText()).toContain('出席');
      await shot(page, 'meeting-detail-after-checkin');
      const after = await session.json('GET', `/api/meetings/${meetingId}`);
      expect(after.attendance.find((a: { memberId: number }) => a.memberId === memberId)).toMatchObject({
        status: 'present',
        method: 'self',
      });
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await phone?.context.close();
      await context.close();
    }

    // The township sees the branch's row change.
    const tw2 = await signedInContext(browser, 'demo-township');
    try {
      await tw2.page.goto(`${baseUrl()}/compliance?org=${orgId}&period=${month}`);
      const now = await complianceRow(tw2.page, orgId, pick.kind);
      expect(now.held).toBe(pick.held + 1);
      if (pick.held + 1 >= pick.required) expect(now.status).toBe('done');
      await shot(tw2.page, 'compliance');
      // The behind quick filter leaves only rows that are behind.
      await tw2.page.getByTestId('filter-behind').click();
      await tw2.page.waitForURL(/status=behind/);
      // The URL moves before the table answers: wait for the filtered rows, not just the address.
      await tw2.page.waitForFunction(() =>
        [...document.querySelectorAll('[data-testid="compliance-table"] [data-status]')].every(
          (e) => e.getAttribute('data-status') === 'behind',
        ),
      );
      const statuses = await tw2.page
        .locator('[data-testid="compliance-table"] [data-status]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
      expect(statuses.every((s) => s === 'behind')).toBe(true);
      // A row opens the meetings of that organization and kind.
      await tw2.page.getByTestId('filter-behind').click();
      await tw2.page.locator(`tr[data-org="${orgId}"][data-kind="${pick.kind}"]`).click();
      await tw2.page.waitForURL(/\/meetings\?/);
      expect(new URL(tw2.page.url()).searchParams.get('kind')).toBe(pick.kind);
      await tw2.page.getByTestId('meeting-link').filter({ hasText: topic }).waitFor();
      expect(pageErrors.get(tw2.page)).toEqual([]);
    } finally {
      await tw2.context.close();
    }
  });

  it('a member who is not signed in signs in first and comes back to the check-in with the code', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    watchErrors(page);
    try {
      await page.goto(`${baseUrl()}/m/checkin?code=123456`);
      await page.waitForURL(/\/m\/login/);
      await page.getByLabel('用户名').fill('demo-member');
      await page.getByLabel('密码').fill(PASSWORD);
      await page.getByRole('button', { name: '登录' }).click();
      await page.waitForURL(/\/m\/checkin\?code=123456/);
      expect(await page.getByTestId('m-code').inputValue()).toBe('123456');
      // A code that is not open is refused with a clear message; a short one before asking.
      await page.getByTestId('m-checkin-submit').click();
      await page.getByTestId('m-checkin-error').getByText('签到码无效或不在签到时间内').waitFor();
      await page.getByTestId('m-code').fill('12a');
      expect(await page.getByTestId('m-code').inputValue()).toBe('12');
      await page.getByTestId('m-checkin-submit').click();
      await page.getByTestId('m-checkin-error').getByText('请输入6位数字签到码').waitFor();
      await shot(page, 'm-checkin-error');
    } finally {
      await context.close();
    }
  });

  it('the new pages have no serious or critical axe violations (with a screenshot each)', async () => {
    const branch = await apiLogin('demo-branch');
    const orgId = branch.user.orgId!;
    const meetingId = recordedMeetingId ?? (await branch.json('GET', '/api/meetings?pageSize=1')).items[0].id;
    const pages: { user: string; name: string; path: string; mobile?: boolean; act?: (page: Page) => Promise<void> }[] =
      [
        { user: 'demo-branch', name: 'meetings-list', path: '/meetings' },
        { user: 'demo-branch', name: 'meeting-form-empty', path: `/meetings/new?org=${orgId}` },
        {
          user: 'demo-branch',
          name: 'meeting-detail-qr',
          path: `/meetings/${meetingId}`,
          act: async (page) => {
            await page.getByTestId('open-checkin').click();
            await page.getByTestId('checkin-code').waitFor();
            // Sign-in is still open from the first test, opened in another tab: this tab has no QR until it makes a new
            // one.
            if (!(await page.getByTestId('checkin-qr').count())) await page.getByTestId('checkin-regenerate').click();
            await page.getByTestId('checkin-qr').waitFor();
          },
        },
        { user: 'demo-township', name: 'compliance-township', path: '/compliance' },
        { user: 'demo-county', name: 'meeting-rules', path: '/meeting-rules' },
        { user: 'demo-township', name: 'meeting-stats', path: '/meetings/stats' },
        {
          user: 'demo-township',
          name: 'home-meeting-figures',
          path: '/',
          act: async (page) => void (await page.getByTestId('stat-compliance-rate').waitFor({ timeout: 20_000 })),
        },
        {
          user: 'demo-branch',
          name: 'notifications-drawer',
          path: '/meetings',
          act: async (page) => {
            await page.getByTestId('notification-bell').click();
            await page.getByTestId('notification-drawer').waitFor();
          },
        },
        { user: 'demo-member', name: 'm-checkin-page', path: '/m/checkin', mobile: true },
        { user: 'demo-member', name: 'm-my-meetings-page', path: '/m/meetings', mobile: true },
        { user: 'demo-member', name: 'm-messages', path: '/m/messages', mobile: true },
      ];
    const report: Record<string, AxeViolation[]> = {};
    for (const p of pages) {
      const { context, page } = await signedInContext(browser, p.user, p.mobile ? PHONE : {});
      try {
        await page.goto(baseUrl() + p.path);
        await settle(page, 900);
        if (p.act) {
          await p.act(page);
          await settle(page, 600);
        }
        await shot(page, p.name);
        const v = await axe(page);
        if (v.length) report[p.name] = v;
        expect(pageErrors.get(page), p.name).toEqual([]);
      } finally {
        await context.close();
      }
    }
    expectNoAxeViolations(report, 'axe-meetings.json');
  });
});
