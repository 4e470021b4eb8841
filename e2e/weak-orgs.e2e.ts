// Weak and lax organizations (软弱涣散, issue 13): the county flags a village through the form, the plan is made and
// the rectification starts, a month's check-up is recorded over the four topics, the file goes to acceptance, the
// inspection group's acceptance passes and the county releases the file; the list, the form, the file and each
// dialog are kept as screenshots.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiLogin, baseUrl, pageErrors, settle, shot, signedInContext, withBrowser } from './helpers';

let browser: Browser;
withBrowser((b) => (browser = b));

/** Today in China time. */
const chinaDay = (plus = 0) => new Date(Date.now() + 8 * 3_600_000 + plus * 86_400_000).toISOString().slice(0, 10);

/** Types a date into an antd date picker (by its input id) and confirms it. */
async function typeDate(page: Page, id: string, day: string): Promise<void> {
  await page.locator(`#${id}`).click();
  await page.locator(`#${id}`).fill(day);
  await page.keyboard.press('Enter');
}

/** The dialog's OK button, after a screenshot of the filled dialog. */
async function confirmDialog(page: Page, name: string): Promise<void> {
  await settle(page);
  await shot(page, name);
  await page.locator('.ant-modal .ant-btn-primary').last().click();
  await page.locator('.ant-modal').last().waitFor({ state: 'hidden', timeout: 30_000 });
}

/** Makes a move of the action bar, answering its dialog when it has one. */
async function moveBy(page: Page, move: string): Promise<void> {
  await page.getByTestId(`move-${move}`).click();
  const ok = page.locator('.ant-modal .ant-btn-primary');
  if (await ok.isVisible({ timeout: 3_000 }).catch(() => false)) await ok.click();
}

describe('weak and lax organizations', () => {
  it('the county flags a village, a check-up and an acceptance are recorded, the county releases it', async () => {
    const county = await apiLogin('demo-county');
    const open = await county.json<{ items: { orgId: number }[] }>('GET', '/api/weak-orgs?pageSize=500');
    const taken = new Set(open.items.map((i) => i.orgId));
    const villages = await county.json<{ items: { id: number; name: string; pathNames?: string[] }[] }>(
      'GET',
      '/api/orgs?q=村&type=branch&pageSize=100',
    );
    // A village below a township (county › township › village) without an open file.
    const village = villages.items.find((o) => !taken.has(o.id) && (o.pathNames?.length ?? 0) >= 3)!;
    expect(village).toBeDefined();

    const { context, page } = await signedInContext(browser, 'demo-county');
    try {
      await page.goto(`${baseUrl()}/weak-orgs`);
      await page.getByRole('heading', { name: '软弱涣散整顿' }).waitFor();
      await page.getByTestId('weak-org-total').waitFor();
      await settle(page);
      await shot(page, 'weak-orgs-list');

      // The flagging form.
      await page.getByTestId('new-weak-org').click();
      await page.waitForURL(/\/weak-orgs\/new$/);
      await page.locator('#orgId').click();
      await page.keyboard.type(village.name);
      const option = page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: village.name }).first();
      await option.waitFor();
      await page.waitForTimeout(300);
      await option.click();
      await page.getByLabel('班子不团结、软弱无力').check();
      await page.getByLabel('集体经济薄弱').check();
      await page.getByTestId('weak-reason-text').fill('村“两委”班子不团结，集体经济收入不足3万元');
      await page.getByTestId('weak-leader-name').fill('王建国');
      await page.getByTestId('weak-leader-post').fill('县委常委、组织部部长');
      await page.getByRole('switch').click();
      await settle(page);
      await shot(page, 'weak-orgs-flag-form');
      await page.getByTestId('save-weak-org').click();
      await page.waitForURL(/\/weak-orgs\/\d+$/);
      const id = Number(page.url().split('/').pop());
      await page.getByTestId('weak-org-status').filter({ hasText: '已确定，待定方案' }).waitFor();

      // The plan, then the rectification starts.
      await page.getByTestId('weak-edit-plan').click();
      await page.getByTestId('weak-plan').fill('调整充实村“两委”班子，规范组织生活，发展村集体经济。');
      await page.getByTestId('weak-measure-0').fill('选优配强村党支部书记');
      await typeDate(page, 'measures_0_dueOn', chinaDay(60));
      await confirmDialog(page, 'weak-orgs-plan');
      await moveBy(page, 'start');
      await page.getByTestId('weak-org-status').filter({ hasText: '整顿中' }).waitFor();

      // A month's check-up over the four topics.
      await page.getByTestId('weak-checkup').click();
      await page.getByTestId('checkup-findings-team').fill('班子分工不明确');
      await page.getByTestId('checkup-findings-economy').fill('光伏项目尚未开工');
      await confirmDialog(page, 'weak-orgs-checkup');
      await page.getByTestId('weak-checkups').getByText('光伏项目尚未开工').waitFor();

      // To acceptance; the inspection group's acceptance passes; the county releases the file.
      await moveBy(page, 'submit');
      await page.getByTestId('weak-org-status').filter({ hasText: '验收中' }).waitFor();
      await page.getByTestId('weak-acceptance').click();
      await typeDate(page, 'acceptedOn', chinaDay());
      await page.getByTestId('acceptance-score').fill('86.5');
      await page.getByTestId('acceptance-panel').fill('9');
      await page.getByTestId('acceptance-dissatisfied').fill('1');
      await confirmDialog(page, 'weak-orgs-acceptance');
      await page.getByTestId('weak-acceptances').getByText('通过').waitFor();
      await settle(page);
      await shot(page, 'weak-orgs-file-accepted');
      await moveBy(page, 'release');
      await page.getByTestId('weak-org-status').filter({ hasText: '已销号' }).waitFor();
      await settle(page);
      await shot(page, 'weak-orgs-file-released');

      const file = await county.json<{ status: string; checkups: unknown[]; acceptances: { passed: boolean }[] }>(
        'GET',
        `/api/weak-orgs/${id}`,
      );
      expect(file.status).toBe('released');
      expect(file.checkups).toHaveLength(1);
      expect(file.acceptances.map((a) => a.passed)).toEqual([true]);
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("the branch secretary reads its own village's file", async () => {
    const { context, page } = await signedInContext(browser, 'demo-branch');
    try {
      await page.goto(`${baseUrl()}/weak-orgs`);
      await page.getByTestId('weak-org-total').waitFor();
      await page.locator('.ant-table-row').first().click();
      await page.waitForURL(/\/weak-orgs\/\d+$/);
      await page.getByTestId('weak-checkups').waitFor();
      await settle(page);
      await shot(page, 'weak-orgs-branch-file');
      expect(await page.getByTestId('weak-checkup').count()).toBe(0);
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
