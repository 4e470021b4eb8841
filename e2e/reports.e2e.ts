// Secretaries' annual reports and selections on the demo county: the demo branch's secretary writes and submits
// its report in the browser, the township enters its grade and the residents' ballots and closes the grading, the
// results table counts it; then a selection: the branch nominates, the county accepts and opens the vote, a member
// votes on a phone, the county reads the count and names the winner, who shows as publicized.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiLogin, baseUrl, PHONE, pageErrors, settle, shot, signedInContext, withBrowser } from './helpers';

let browser: Browser;
withBrowser((b) => (browser = b));

/** How long a page may take on a loaded machine (expect.poll gives up after one second by default). */
const WAIT = { timeout: 15_000 };

/** Today and a day some days on, in China time. */
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

const TEXT =
  '一年来，本人认真履行抓基层党建第一责任人职责，带领支部落实“三会一课”制度，推进村集体经济发展，组织党员承诺践诺，为群众办实事二十余件。';

describe('annual reports and selections', () => {
  it('a secretary submits its report, the township grades it, the results table counts it', async () => {
    const year = Number(chinaDay().slice(0, 4));
    const township = await apiLogin('demo-township');
    const branch = await apiLogin('demo-branch');
    const mine = await branch.json<{ items: { id: number; status: string; orgName: string }[] }>(
      'GET',
      `/api/reports?mine=true&year=${year}`,
    );
    const report = mine.items[0]!;
    expect(report.status).toBe('draft');
    const before = await township.json<{ graded: number; good: number }>('GET', `/api/reports/results?year=${year}`);

    await as('demo-branch', async (page) => {
      await page.goto(`${baseUrl()}/reports/${report.id}`);
      await page.getByTestId('report-content').fill(TEXT);
      await page.getByTestId('move-submit').click();
      await expect.poll(() => page.getByTestId('report-status').textContent(), WAIT).toContain('已提交');
      await shot(page, 'reports-submitted');
    });

    await township.json('POST', `/api/reports/${report.id}/committee-grade`, {
      committeeGrade: 'good',
      committeeNote: '履职尽责，成效明显',
      residentsGood: 20,
      residentsFairGood: 5,
    });
    await as('demo-township', async (page) => {
      await page.goto(`${baseUrl()}/reports/${report.id}`);
      await page.getByTestId('move-grade').click();
      await expect.poll(() => page.getByTestId('report-grade').textContent(), WAIT).toContain('好');
      await page.getByTestId('move-publish').click();
      await expect.poll(() => page.getByTestId('report-status').textContent(), WAIT).toContain('已公布');
      await page.goto(`${baseUrl()}/reports/results?year=${year}`);
      await settle(page);
      await expect.poll(() => page.getByTestId('results-table').textContent(), WAIT).toContain(report.orgName);
      await shot(page, 'reports-results');
    });
    const after = await township.json<{ graded: number; good: number }>('GET', `/api/reports/results?year=${year}`);
    expect(after.graded).toBe(before.graded + 1);
    expect(after.good).toBe(before.good + 1);
  });

  it('a selection: nominate, vote on a phone, publish the winner', async () => {
    const county = await apiLogin('demo-county');
    const branch = await apiLogin('demo-branch');
    const member = await apiLogin('demo-member');
    const title = `E2E 优秀共产党员评选 ${Date.now() % 100000}`;
    const s = await county.json<{ id: number }>('POST', '/api/selections', {
      year: Number(chinaDay().slice(0, 4)),
      title,
      kind: 'members',
      places: 1,
      nominateFrom: chinaDay(-1),
      nominateTo: chinaDay(),
      voteFrom: chinaDay(),
      voteTo: chinaDay(7),
      quotaPerOrg: 2,
      maxChoices: 1,
    });
    const nominated = await branch.json<{ nominations: { id: number; memberName: string }[] }>(
      'POST',
      `/api/selections/${s.id}/nominations`,
      { memberId: member.user.memberId, deeds: '带头参加志愿服务，帮扶困难群众，全年为民办实事十余件。' },
    );
    const nom = nominated.nominations[0]!;
    await county.json('POST', `/api/selections/nominations/${nom.id}/review`, { accept: true });
    await county.json('POST', `/api/selections/${s.id}/open-vote`, {});

    await as(
      'demo-member',
      async (page) => {
        await page.goto(`${baseUrl()}/selections/${s.id}/ballot`);
        await page.getByTestId(`candidate-${nom.id}`).locator('input[type=checkbox]').check();
        await page.getByTestId('cast-ballot').click();
        await expect.poll(() => page.getByText('您已于').count(), WAIT).toBeGreaterThan(0);
        await shot(page, 'selection-ballot-phone');
      },
      true,
    );

    const counted = await county.fetch('GET', `/api/selections/${s.id}/count`);
    expect(await counted.text()).toContain('"ballots":1');
    await as('demo-county', async (page) => {
      await page.goto(`${baseUrl()}/selections/${s.id}`);
      await expect.poll(() => page.getByTestId('count-card').textContent(), WAIT).toContain('已投 1 票');
      await page.getByTestId('publicize').click();
      await expect.poll(() => page.getByTestId('selection-status').textContent(), WAIT).toContain('公示中');
      await expect.poll(() => page.getByTestId('winner-list').textContent(), WAIT).toContain(nom.memberName);
      await shot(page, 'selection-winners');
    });
    const early = await county.fetch('POST', `/api/selections/${s.id}/publish`, {});
    expect(((await early.json()) as { error: { code: string } }).error.code).toBe('selections.publicity_running');
  });
});
