// "Party branch +" industry projects (党支部+, issue 14): a township records a project of one of its villages with
// its models and cooperative, then the year's funds (red fund, social capital) and the households linked; the
// figures page shows the township's totals grown by exactly what was recorded. Screenshots of the list, the form,
// the year dialog, the project and the figures page.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiLogin, baseUrl, pageErrors, settle, shot, signedInContext, withBrowser } from './helpers';

let browser: Browser;
withBrowser((b) => (browser = b));

interface Figures {
  projects: number;
  cooperatives: number;
  givenFen: number;
  leveragedFen: number;
  households: number;
  householdIncomeFen: number;
}
const wan = (fen: number) => (fen / 1_000_000).toFixed(2);

describe('industry projects', () => {
  it('a township records a project with funds and households; the figures page shows the totals', async () => {
    const town = await apiLogin('demo-township');
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
    const before = await town.json<Figures>('GET', `/api/economy/projects/figures?year=${year}`);
    const villages = await town.json<{ items: { id: number; name: string; pathNames?: string[] }[] }>(
      'GET',
      '/api/orgs?q=村&type=branch&pageSize=50',
    );
    const village = villages.items.find((o) => (o.pathNames?.length ?? 0) >= 3) ?? villages.items[0]!;
    expect(village).toBeDefined();

    const { context, page } = await signedInContext(browser, 'demo-township');
    try {
      await page.goto(`${baseUrl()}/economy/projects`);
      await page.getByTestId('projects-total').waitFor();
      await settle(page);
      await shot(page, 'projects-list');

      await page.getByTestId('new-project').click();
      await page.waitForURL(/\/economy\/projects\/new$/);
      await page.locator('#orgId').click();
      await page.keyboard.type(village.name);
      const option = page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: village.name }).first();
      await option.waitFor();
      await option.click();
      await page.getByTestId('project-name').fill('高山白茶种植基地');
      await page.locator('#industry').click();
      await page.locator('.ant-select-item-option').filter({ hasText: '种植' }).first().click();
      await page.getByLabel('党支部+合作社').check();
      await page.getByLabel('党支部+群众户').check();
      await page.getByTestId('add-coop').click();
      await page.getByTestId('coop-name').fill('桑植县高山白茶专业合作社');
      await page.getByTestId('coop-members').fill('45');
      await settle(page);
      await shot(page, 'projects-form');
      await page.getByTestId('save-project').click();
      await page.waitForURL(/\/economy\/projects\/\d+$/);
      await page.getByTestId('project-title').filter({ hasText: '高山白茶种植基地' }).waitFor();

      await page.getByTestId('project-add-year').click();
      await page.getByTestId('fund-red_fund').fill('8');
      await page.getByTestId('fund-fiscal').fill('12.5');
      await page.getByTestId('year-leveraged').fill('60');
      await page.getByTestId('year-households').fill('120');
      await page.getByTestId('year-poor').fill('40');
      await page.getByTestId('year-income').fill('24');
      await settle(page);
      await shot(page, 'projects-year-dialog');
      await page.locator('.ant-modal .ant-btn-primary').last().click();
      await page.locator('.ant-modal').last().waitFor({ state: 'hidden', timeout: 30_000 });
      await page.getByTestId('project-years').getByText('20.50').waitFor();
      await settle(page);
      await shot(page, 'projects-detail');

      await page.goto(`${baseUrl()}/economy/projects/figures`);
      await page.getByTestId('projects-stats').waitFor();
      const after = await town.json<Figures>('GET', `/api/economy/projects/figures?year=${year}`);
      expect(after.projects).toBe(before.projects + 1);
      expect(after.cooperatives).toBe(before.cooperatives + 1);
      expect(after.givenFen).toBe(before.givenFen + 20_500_000);
      expect(after.leveragedFen).toBe(before.leveragedFen + 60_000_000);
      expect(after.households).toBe(before.households + 120);
      expect(after.householdIncomeFen).toBe(before.householdIncomeFen + 24_000_000);
      await expect.poll(() => page.getByTestId('stat-given').innerText()).toContain(wan(after.givenFen));
      expect(await page.getByTestId('stat-projects').innerText()).toContain(after.projects.toLocaleString('zh-CN'));
      expect(await page.getByTestId('stat-leveraged').innerText()).toContain(wan(after.leveragedFen));
      expect(await page.getByTestId('stat-households').innerText()).toContain(after.households.toLocaleString('zh-CN'));
      await settle(page, 800);
      await shot(page, 'projects-figures');
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
