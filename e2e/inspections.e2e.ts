// Inspections (督查检查, issue 13): the county plans a quarterly inspection of a branch on the form and starts it;
// on a phone (390 px) its team marks the branch's checklist and records a finding with a photo from the camera;
// the finding's problem is on the problem board, and the finding links to it. The county records an interview
// (约谈) for that problem; a branch secretary sees no accountability.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { png } from '../apps/server/test/files';
import { apiLogin, baseUrl, PHONE, pageErrors, settle, shot, signedInContext, withBrowser } from './helpers';

let browser: Browser;
withBrowser((b) => (browser = b));
/** The problem the first test's finding opened, and the branch it concerns (for the second test). */
let problemId = 0;
let problemTitle = '';
let branchName = '';

interface Detail {
  id: number;
  status: string;
  visitList: { id: number; orgName: string; findings: { problemId: number | null; text: string }[] }[];
}

describe('inspections', () => {
  it('the county plans and starts an inspection, a phone records a finding, its problem is on the board', async () => {
    const county = await apiLogin('demo-county');
    const branch = await apiLogin('demo-branch');
    const branchOrg = await county.json<{ id: number; name: string }>('GET', `/api/orgs/${branch.user.orgId}`);
    const title = `e2e 第四季度党建督查 ${Date.now() % 100000}`;
    branchName = branchOrg.name;

    // The county plans it on the form and starts it.
    const a = await signedInContext(browser, 'demo-county');
    let id: number;
    try {
      await a.page.goto(`${baseUrl()}/inspections/new`);
      await a.page.getByTestId('title').fill(title);
      await a.page.locator('#visitOrgIds').click();
      await a.page.locator('#visitOrgIds').fill(branchOrg.name);
      await a.page.locator('.ant-select-tree-title', { hasText: branchOrg.name }).first().click();
      await a.page.getByTestId('visit-orgs').getByText(branchOrg.name).waitFor();
      await settle(a.page);
      await shot(a.page, 'inspections-form');
      await a.page.getByTestId('save-inspection').click();
      await a.page.getByTestId('inspection-title').waitFor({ timeout: 30_000 });
      id = Number(a.page.url().split('/').pop());
      await a.page.getByTestId('move-start').click();
      const ok = a.page.locator('.ant-modal .ant-btn-primary');
      if (await ok.isVisible({ timeout: 3_000 }).catch(() => false)) await ok.click();
      await a.page.waitForFunction(
        () => document.querySelector('[data-testid="inspection-status"]')?.textContent === '进行中',
        undefined,
        { timeout: 30_000 },
      );
      await settle(a.page);
      await shot(a.page, 'inspections-started');
      expect(pageErrors.get(a.page)).toEqual([]);
    } finally {
      await a.context.close();
    }

    // On a phone: the checklist and a finding with a photo from the camera.
    const p = await signedInContext(browser, 'demo-county', PHONE);
    const text = '支部活动室党建宣传栏内容未更新，仍为去年资料';
    try {
      await p.page.goto(`${baseUrl()}/m/inspect?inspection=${id}`);
      await p.page.getByTestId('m-visit').waitFor({ timeout: 30_000 });
      await p.page.getByTestId('m-visit').selectOption({ label: branchOrg.name });
      await p.page
        .getByRole('group', { name: '三会一课落实' })
        .getByRole('button', { name: '达标', exact: true })
        .click();
      await p.page
        .getByRole('group', { name: '阵地建设' })
        .getByRole('button', { name: '不达标', exact: true })
        .click();
      await p.page.getByTestId('m-save-results').click();
      await p.page.getByText('检查结果已保存').waitFor({ timeout: 30_000 });
      await p.page.locator('#m-topic').selectOption({ label: '阵地建设' });
      await p.page.locator('#m-finding-text').fill(text);
      await p.page.getByTestId('m-category').selectOption({ label: '组织建设' });
      await p.page.getByTestId('m-photos').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: png() });
      await settle(p.page);
      await shot(p.page, 'inspections-phone-finding');
      await p.page.getByTestId('m-finding-submit').click();
      await p.page.getByTestId('m-finding-done').waitFor({ timeout: 30_000 });
      await settle(p.page);
      await shot(p.page, 'inspections-phone-done');
      const width = await p.page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(390);
      expect(pageErrors.get(p.page)).toEqual([]);
    } finally {
      await p.context.close();
    }

    // The finding opened a problem of the branch, linked back to the inspection.
    const detail = await county.json<Detail>('GET', `/api/inspections/${id}`);
    const finding = detail.visitList.flatMap((v) => v.findings).find((f) => f.text.includes(text));
    expect(finding?.problemId).toBeTruthy();
    const problem = await county.json<{ title: string; orgId: number; source: string }>(
      'GET',
      `/api/problems/${finding!.problemId}`,
    );
    expect(problem).toMatchObject({ orgId: branchOrg.id, source: 'inspection' });
    const c = await signedInContext(browser, 'demo-county');
    try {
      await c.page.goto(`${baseUrl()}/inspections/${id}`);
      await c.page.getByTestId('finding').first().waitFor({ timeout: 30_000 });
      await settle(c.page);
      await shot(c.page, 'inspections-detail');
      await c.page.goto(`${baseUrl()}/problems?source=inspection&q=${encodeURIComponent(problem.title.slice(0, 30))}`);
      await c.page.getByText(problem.title).first().waitFor({ timeout: 30_000 });
      await settle(c.page);
      await shot(c.page, 'inspections-problem-on-board');
      // From the inspection's finding to its problem.
      await c.page.goto(`${baseUrl()}/inspections/${id}`);
      await c.page.getByTestId('finding-problem').first().click();
      await c.page.getByTestId('problem-title').waitFor({ timeout: 30_000 });
      expect(await c.page.getByTestId('problem-status').innerText()).toBe('待交办');
      await settle(c.page);
      await shot(c.page, 'inspections-finding-problem');
      expect(pageErrors.get(c.page)).toEqual([]);
    } finally {
      await c.context.close();
    }
    problemId = finding!.problemId!;
    problemTitle = problem.title;
  }, 300_000);

  it('the county records an interview for the problem; a branch secretary has no accountability entry', async () => {
    expect(problemId).toBeGreaterThan(0);
    const a = await signedInContext(browser, 'demo-county');
    try {
      await a.page.goto(`${baseUrl()}/problems/${problemId}`);
      await a.page.getByTestId('hold-to-account').click();
      await a.page.getByTestId('save-accountability').waitFor({ timeout: 30_000 });
      await a.page.locator('#kind').click();
      await a.page.locator('.ant-select-item-option', { hasText: '约谈' }).click();
      await a.page.locator('#targetKind').getByText('个人').click();
      await a.page.locator('#who').getByText('填写姓名').click();
      await a.page.locator('#personName').fill('赵某某');
      await a.page.locator('#personPost').fill('村党支部书记');
      await a.page.locator('#orgId').click();
      await a.page.locator('#orgId').fill(branchName);
      await a.page.locator('.ant-select-tree-title', { hasText: branchName }).first().click();
      await a.page.getByTestId('accountability-reason').fill('督查发现阵地建设不达标，约谈支部书记限期整改。');
      await settle(a.page);
      await shot(a.page, 'accountability-form');
      await a.page.getByTestId('save-accountability').click();
      await a.page.getByTestId('accountability-title').waitFor({ timeout: 30_000 });
      expect(await a.page.getByTestId('accountability-title').innerText()).toBe('约谈：赵某某（村党支部书记）');
      await settle(a.page);
      await shot(a.page, 'accountability-detail');
      await a.page.goto(`${baseUrl()}/accountability?kind=interview`);
      await a.page.getByText('赵某某').first().waitFor({ timeout: 30_000 });
      await settle(a.page);
      await shot(a.page, 'accountability-list');
      expect(pageErrors.get(a.page)).toEqual([]);
    } finally {
      await a.context.close();
    }
    const b = await signedInContext(browser, 'demo-branch');
    try {
      await b.page.goto(`${baseUrl()}/problems/${problemId}`);
      await b.page.getByTestId('problem-title').waitFor({ timeout: 30_000 });
      expect(await b.page.getByTestId('main-menu').getByText('问题整改').count()).toBe(1);
      expect(await b.page.getByTestId('main-menu').getByText('问责记录').count()).toBe(0);
      expect(await b.page.getByTestId('hold-to-account').count()).toBe(0);
      expect(problemTitle).toBeTruthy();
    } finally {
      await b.context.close();
    }
  }, 300_000);
});
