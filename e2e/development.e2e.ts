// Member development end to end: a branch secretary (demo-branch) takes an activist, whose earlier steps were
// recorded through the API back-dated by two years, through the target recommendation and the target decision in
// the console; the county (demo-county) sees the new development target in the plan figures; the plans page, its
// supervision list and a member's own progress on the phone are looked at.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  apiLogin,
  baseUrl,
  makeIdNumber,
  pageErrors,
  PHONE,
  settle,
  shot,
  signedInContext,
  withBrowser,
} from './helpers';

let browser: Browser;
withBrowser((b) => (browser = b));

/** A China day `days` from today (negative: in the past), `YYYY-MM-DD`. */
function day(days: number): string {
  const t = Date.now() + 8 * 3_600_000 + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

interface PlanFigures {
  total: { quota: number | null; admitted: number; targets: number };
  byOrg: { orgId: number; orgName: string; targets: number }[];
}

/** Records a step of a candidate through the API, with its whole checklist filed. */
async function step(
  session: Awaited<ReturnType<typeof apiLogin>>,
  id: number,
  body: Record<string, unknown>,
): Promise<{ stage: string }> {
  return session.json('POST', `/api/development/${id}/steps`, body);
}

async function pickStep(page: Page, label: RegExp) {
  await page.getByTestId('step-select').click();
  await page.locator('.ant-select-item-option').filter({ hasText: label }).first().click();
}

async function tickAll(page: Page) {
  const boxes = page.getByTestId('step-materials').getByRole('checkbox');
  for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
}

describe('member development', () => {
  it('a branch secretary makes an activist a development target; the county sees it in the plan figures', async () => {
    const branch = await apiLogin('demo-branch');
    const county = await apiLogin('demo-county');
    const orgId = branch.user.orgId!;
    const before = await county.json<PlanFigures>('GET', '/api/development/plans/figures');
    const members = await branch.json<{ items: { id: number }[] }>('GET', `/api/members?org=${orgId}&pageSize=5`);
    expect(members.items.length).toBeGreaterThanOrEqual(2);

    // An applicant of fourteen months ago, made an activist thirteen months ago, with contacts and reviews since.
    const name = `韩晓${String.fromCharCode(0x4e00 + (Date.now() % 500))}`;
    const c = await branch.json<{ id: number }>('POST', '/api/development', {
      orgId,
      name,
      idNumber: makeIdNumber('19990412', true),
      appliedOn: day(-420),
    });
    await step(branch, c.id, { step: 'application', date: day(-420), materials: ['application_letter'] }).catch(
      () => undefined,
    );
    await step(branch, c.id, { step: 'talk', date: day(-410), talkerName: '支部书记', materials: ['talk_record'] });
    await step(branch, c.id, {
      step: 'activist_recommendation',
      date: day(-400),
      materials: ['recommendation_record'],
    });
    const activist = await step(branch, c.id, {
      step: 'activist_decision',
      date: day(-395),
      materials: ['committee_minutes', 'activist_registration'],
    });
    expect(activist.stage).toBe('activist');
    await step(branch, c.id, { step: 'activist_filing', date: day(-393), materials: ['filing_report'] });
    await step(branch, c.id, {
      step: 'contacts_assigned',
      date: day(-392),
      contactIds: members.items.slice(0, 2).map((m) => m.id),
      materials: [],
    });
    // The quarterly reviews (每季度考察), each within three months of the one before.
    for (const at of [-315, -235, -155, -75])
      await step(branch, c.id, {
        step: 'activist_review',
        date: day(at),
        materials: ['review_record', 'thought_report'],
      });

    const { context, page } = await signedInContext(browser, 'demo-branch');
    try {
      // The list, searched by name: the activist with its next step.
      await page.goto(`${baseUrl()}/development?q=${encodeURIComponent(name)}`);
      await page.getByText(name).first().waitFor();
      await settle(page);
      await shot(page, 'dev-list');
      await page.getByText(name).first().click();
      await page.waitForURL(/\/development\/\d+$/);
      await page.getByTestId('step-timeline').waitFor();
      await expect(page.getByTestId('step-done-activist_decision').isVisible()).resolves.toBe(true);
      await settle(page);
      await shot(page, 'dev-detail-activist');

      // The target recommendation, then the decision, in the record-step form.
      for (const [label, key] of [
        [/听取意见、推荐发展对象/, 'target_recommendation'],
        [/确定发展对象/, 'target_decision'],
      ] as const) {
        await page.getByTestId('record-step').click();
        await page.waitForURL(/\/step/);
        await pickStep(page, label);
        await page.getByTestId('step-rule').waitFor();
        await tickAll(page);
        await settle(page, 200);
        await shot(page, `dev-step-${key}`);
        await page.getByTestId('save-step').click();
        await page.waitForURL(/\/development\/\d+$/);
        await page.getByTestId(`step-done-${key}`).waitFor();
      }
      await expect(page.locator('.ant-tag', { hasText: '发展对象' }).first().isVisible()).resolves.toBe(true);
      await settle(page);
      await shot(page, 'dev-detail-target');

      await page.goto(`${baseUrl()}/development/overdue`);
      await page.getByRole('heading', { name: /发展时限提醒/ }).waitFor();
      await settle(page);
      await shot(page, 'dev-overdue');
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }

    // The county: one more development target in the plan figures, in the figures page too.
    const after = await county.json<PlanFigures>('GET', '/api/development/plans/figures');
    expect(after.total.targets).toBe(before.total.targets + 1);
    const cc = await signedInContext(browser, 'demo-county');
    try {
      await cc.page.goto(`${baseUrl()}/development/plans`);
      await cc.page.getByTestId('plan-table').waitFor();
      await expect(cc.page.getByTestId('plan-targets').innerText()).resolves.toContain(String(after.total.targets));
      await settle(cc.page, 800);
      await shot(cc.page, 'dev-plans-county');
      await cc.page.getByRole('tab', { name: '季度督查' }).click();
      await cc.page.getByTestId('supervision-table').waitFor();
      await settle(cc.page);
      await shot(cc.page, 'dev-supervision');
      expect(pageErrors.get(cc.page)).toEqual([]);
    } finally {
      await cc.context.close();
    }
  });

  it('a township splits its quota inline; a split over its own quota is refused in words', async () => {
    const { context, page, session } = await signedInContext(browser, 'demo-township');
    try {
      const f = await session.json<PlanFigures>('GET', '/api/development/plans/figures');
      await page.goto(`${baseUrl()}/development/plans`);
      await page.getByTestId('plan-table').waitFor();
      const first = f.byOrg[0]!;
      const input = page.getByTestId(`plan-quota-${first.orgId}`);
      await input.fill(String((f.total.quota ?? 0) + 1));
      await page.getByTestId('plan-save').click();
      await page.getByTestId('plan-error').waitFor();
      await expect(page.getByTestId('plan-error').innerText()).resolves.toContain('超过上级');
      await shot(page, 'dev-plans-township-refused');
      await page.getByText('取消修改').click();
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("a member's own progress on the phone", async () => {
    const { context, page } = await signedInContext(browser, 'demo-member', PHONE);
    try {
      await page.goto(`${baseUrl()}/m/development`);
      await page.locator('[data-testid="m-development"], [data-testid="m-development-none"]').first().waitFor();
      await settle(page);
      await shot(page, 'dev-m-progress');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    } finally {
      await context.close();
    }
  });
});
