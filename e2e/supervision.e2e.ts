// The supervision story (issue 13) on the demo county: the county issues a task, the branch completes it, an
// inspection finds a problem at that branch, the branch claims the fix, the township verifies and closes it, and the
// county's quarterly bulletin — its PDF, read back as text — counts the closed problem. Along the way the homes and the
// overview show the numbers (screenshots of the county, township and branch homes and of the overview).
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { apiLogin, baseUrl, pageErrors, settle, shot, signedInContext, withBrowser } from './helpers';

let browser: Browser;
withBrowser((b) => (browser = b));

/** Today and a day some days on, in China time. */
const chinaDay = (plus = 0) => new Date(Date.now() + 8 * 3_600_000 + plus * 86_400_000).toISOString().slice(0, 10);
/** This quarter, `YYYY-Qn`. */
const quarter = () => `${chinaDay().slice(0, 4)}-Q${Math.floor((Number(chinaDay().slice(5, 7)) - 1) / 3) + 1}`;

type Overview = { total: Record<string, number> };
type Bulletin = { id: number; title: string; numberLabel: string | null };

/** Opens a page as a user, runs `use`, checks no page error happened and closes it. */
async function as(username: string, use: (page: Page) => Promise<void>): Promise<void> {
  const { context, page } = await signedInContext(browser, username);
  try {
    await use(page);
    expect(pageErrors.get(page)).toEqual([]);
  } finally {
    await context.close();
  }
}

describe('supervision: task, inspection, problem, verification, bulletin', () => {
  it('the story from the county to the branch and back, counted in the PDF bulletin', async () => {
    const county = await apiLogin('demo-county');
    const township = await apiLogin('demo-township');
    const branch = await apiLogin('demo-branch');
    const branchOrg = branch.user.orgId!;
    const countyOrg = county.user.orgId!;
    // The whole year: a task counts in the period it falls due in (two weeks from now).
    const period = `from=${chinaDay().slice(0, 4)}-01-01&to=${chinaDay().slice(0, 4)}-12-31`;
    const before = await county.json<Overview>('GET', `/api/supervision/overview?${period}`);

    // 1. The county issues a task to the branch; the branch reports it, the county accepts it.
    const task = await county.json<{ id: number }>('POST', '/api/tasks', {
      orgId: countyOrg,
      kind: 'special',
      title: `E2E 专项任务 ${Date.now() % 100000}`,
      content: '开展一次主题党日活动并报送完成情况',
      startOn: chinaDay(),
      dueOn: chinaDay(14),
      completion: 'evidence',
      targets: { mode: 'list', orgIds: [branchOrg] },
    });
    await county.json('POST', `/api/tasks/${task.id}/issue`, {});
    const inbox = await branch.json<{ items: { id: number; taskId: number }[] }>(
      'GET',
      '/api/tasks/inbox?pageSize=100',
    );
    const target = inbox.items.find((i) => i.taskId === task.id)!;
    expect(target).toBeDefined();
    await as('demo-branch', async (page) => {
      await page.goto(`${baseUrl()}/`);
      await page.getByTestId('home-supervision').waitFor({ timeout: 30_000 });
      await page.getByTestId('supervision-figures').scrollIntoViewIfNeeded();
      await settle(page);
      await shot(page, 'supervision-home-branch');
    });
    await branch.json('POST', `/api/tasks/${task.id}/targets/${target.id}/report`, { text: '已于本周开展主题党日' });
    await county.json('POST', `/api/tasks/${task.id}/targets/${target.id}/accept`, {});
    const done = await county.json<{ targetList: { id: number; state: string }[] }>('GET', `/api/tasks/${task.id}`);
    expect(done.targetList.find((t) => t.id === target.id)!.state).toBe('done');

    // 2. The county inspects the branch and records a finding: it becomes a problem of the branch.
    const insp = await county.json<{ id: number }>('POST', '/api/inspections', {
      orgId: countyOrg,
      kind: 'unannounced',
      title: `E2E 随机暗访 ${Date.now() % 100000}`,
      startsOn: chinaDay(),
      endsOn: chinaDay(),
      team: [{ name: '督查组长', title: '县委组织部', leader: true }],
      visitOrgIds: [branchOrg],
    });
    await county.json('POST', `/api/inspections/${insp.id}/start`, {});
    const visits = await county.json<{ visitList: { id: number; orgId: number }[] }>(
      'GET',
      `/api/inspections/${insp.id}`,
    );
    const visit = visits.visitList.find((v) => v.orgId === branchOrg)!;
    const recorded = await county.json<{ findings: { problemId: number | null }[] }>(
      'POST',
      `/api/inspections/${insp.id}/visits/${visit.id}/findings`,
      { text: 'E2E 党员活动室制度未上墙', category: 'organization', severity: 'minor' },
    );
    const problemId = recorded.findings.at(-1)!.problemId!;
    await county.json('PUT', `/api/inspections/${insp.id}/visits/${visit.id}`, { visitedOn: chinaDay() });
    await county.json('POST', `/api/inspections/${insp.id}/complete`, {});
    const problem = await county.json<{ id: number; status: string; sourceRef: string | null; orgId: number }>(
      'GET',
      `/api/problems/${problemId}`,
    );
    expect(problem.sourceRef).toMatch(/^inspection_finding:\d+$/);
    expect(problem.orgId).toBe(branchOrg);

    // 3. The township assigns it with a notice; the branch claims the fix; the township verifies and closes it.
    if (problem.status === 'found')
      await township.json('POST', `/api/problems/${problem.id}/assign`, {
        dueOn: chinaDay(10),
        responsibleName: '支部书记',
      });
    await branch.json('POST', `/api/problems/${problem.id}/claim`, { claimNote: '制度已上墙，照片存档' });
    await as('demo-township', async (page) => {
      await page.goto(`${baseUrl()}/problems/${problem.id}`);
      await page.getByTestId('move-verify').waitFor({ timeout: 30_000 });
      await settle(page);
      await shot(page, 'supervision-problem-claimed');
      await page.getByTestId('move-verify').click();
      const confirm = page.locator('.ant-modal .ant-btn-primary');
      if (await confirm.isVisible({ timeout: 3_000 }).catch(() => false)) await confirm.click();
      await page.getByText('已验收销号').first().waitFor({ timeout: 30_000 });
      await page.goto(`${baseUrl()}/`);
      await page.getByTestId('home-supervision').waitFor({ timeout: 30_000 });
      await page.getByTestId('supervision-figures').scrollIntoViewIfNeeded();
      await settle(page);
      await shot(page, 'supervision-home-township');
    });

    // 4. The overview counts it (and the county's home shows the supervision part).
    const after = await county.json<Overview>('GET', `/api/supervision/overview?${period}`);
    // At least ours: the demo server may serve other work at the same time.
    expect(after.total.rectified).toBeGreaterThanOrEqual(before.total.rectified + 1);
    expect(after.total.inspections).toBeGreaterThanOrEqual(before.total.inspections + 1);
    expect(after.total.tasksIssued).toBeGreaterThanOrEqual(before.total.tasksIssued + 1);
    const closedNow = await county.json<{ status: string }>('GET', `/api/problems/${problemId}`);
    expect(closedNow.status).toBe('closed');
    await as('demo-county', async (page) => {
      await page.goto(`${baseUrl()}/supervision/overview?${period}`);
      const rectified = page.getByTestId('ov-rectified');
      await rectified.waitFor({ timeout: 30_000 });
      expect(await rectified.innerText()).toContain(after.total.rectified.toLocaleString('en-US'));
      await page.getByTestId('overview-by-org').waitFor();
      await settle(page);
      await shot(page, 'supervision-overview');
      await page.goto(`${baseUrl()}/`);
      await page.getByTestId('home-supervision').waitFor({ timeout: 30_000 });
      await page.getByTestId('supervision-figures').scrollIntoViewIfNeeded();
      await settle(page);
      await shot(page, 'supervision-home-county');
    });

    // 5. The county's quarterly bulletin counts the closed problem; its PDF says so in words.
    const q = quarter();
    const firstMonth = String((Number(q.slice(-1)) - 1) * 3 + 1).padStart(2, '0');
    const span = `from=${q.slice(0, 4)}-${firstMonth}-01&to=${chinaDay()}`;
    const closed = await county.json<Overview>('GET', `/api/supervision/overview?${span}`);
    const bulletin = await county.json<Bulletin>('POST', '/api/bulletins', {
      orgId: countyOrg,
      kind: 'quarterly',
      period: q,
    });
    const issued = await county.json<Bulletin>('POST', `/api/bulletins/${bulletin.id}/issue`, {});
    const pdf = await county.fetch('GET', `/api/bulletins/${bulletin.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    const doc = await getDocumentProxy(new Uint8Array(await pdf.arrayBuffer()));
    const { text } = await extractText(doc, { mergePages: true });
    // Chromium's PDF writes some characters as their Kangxi radicals (⼯ for 工): NFKC reads them back.
    const flat = text.normalize('NFKC').replace(/\s+/g, '');
    expect(flat).toContain(issued.title.replace(/\s+/g, ''));
    // The problems section says how many were closed this quarter: the overview's number for the same span.
    expect(flat).toMatch(new RegExp(`销号${closed.total.rectified}(个|项|件)`));
  }, 300_000);
});
