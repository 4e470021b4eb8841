// axe-core on the main pages: no serious or critical violations; a screenshot of each page.
import { describe, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  apiLogin,
  axe,
  baseUrl,
  settle,
  shot,
  signedInContext,
  type AxeViolation,
  withBrowser,
  expectNoAxeViolations,
} from './helpers';

let browser: Browser;
withBrowser((b) => (browser = b));

async function pagesFor(): Promise<{ user: string; name: string; path: string; mobile?: boolean }[]> {
  const county = await apiLogin('demo-county');
  const member = (await county.json('GET', '/api/members?pageSize=1')).items[0];
  const org = (await county.json('GET', `/api/orgs/${member.orgId}`)) as { id: number };
  const audit = await apiLogin('demo-auditor');
  const rec = (await audit.json('GET', '/api/audit?pageSize=1')).items[0];
  return [
    { user: 'none', name: 'login', path: '/login' },
    { user: 'demo-county', name: 'home', path: '/' },
    { user: 'demo-county', name: 'orgs', path: '/orgs' },
    { user: 'demo-county', name: 'org-detail', path: `/orgs/${org.id}` },
    { user: 'demo-county', name: 'org-edit', path: `/orgs/${org.id}/edit` },
    { user: 'demo-county', name: 'members', path: '/members' },
    { user: 'demo-county', name: 'member-drawer', path: `/members/${member.id}` },
    { user: 'demo-county', name: 'member-new', path: '/members/new' },
    { user: 'demo-county', name: 'member-import', path: '/members/import' },
    { user: 'demo-county', name: 'recycle-bin', path: '/members?deleted=true' },
    { user: 'demo-auditor', name: 'auditor-home', path: '/' },
    { user: 'demo-auditor', name: 'audit', path: '/audit' },
    ...(rec ? [{ user: 'demo-auditor', name: 'audit-detail', path: `/audit/${rec.id}` }] : []),
    { user: 'demo-security', name: 'security-home', path: '/' },
    { user: 'demo-security', name: 'users', path: '/users' },
    { user: 'none', name: 'm-login', path: '/m/login', mobile: true },
    { user: 'demo-member', name: 'm-profile', path: '/m/', mobile: true },
    { user: 'demo-member', name: 'm-branch', path: '/m/branch', mobile: true },
  ];
}

/** The pages of serving residents, console and phone. */
async function servicePages(): Promise<{ user: string; name: string; path: string; mobile?: boolean }[]> {
  const county = await apiLogin('demo-county');
  const request = (await county.json('GET', '/api/requests?pageSize=1')).items[0] as { id: number };
  const wish = (await county.json('GET', '/api/wishes?pageSize=1')).items[0] as { id: number };
  return [
    ...[
      'households',
      'households/new',
      'households/import',
      'household-groups',
      'household-groups/coverage',
      'pairings',
      'pairings/gaps',
      'zones',
      'visits',
      'visits/new',
      'visits/quotas',
      'requests',
      'requests/new',
      `requests/${request.id}`,
      'evaluations',
      'wishes',
      `wishes/${wish.id}`,
      'errands',
      'service/stats',
      'service-rules',
    ].map((p) => ({
      user: 'demo-county',
      name: `svc-${p.replace(/\//g, '-')}`,
      path: `/${p}`,
    })),
    { user: 'none', name: 'm-wishes', path: '/m/wishes', mobile: true },
    { user: 'none', name: 'm-resident', path: '/m/resident', mobile: true },
    { user: 'demo-member', name: 'm-service', path: '/m/service', mobile: true },
  ];
}

/** The pages of issue 14: cadres, dispatches, contact points, posts, learning, training and the village economy. */
async function cadresEconomyPages(): Promise<{ user: string; name: string; path: string; mobile?: boolean }[]> {
  const county = await apiLogin('demo-county');
  const first = async (url: string): Promise<{ id: number }> =>
    (await county.json('GET', url)).items[0] as { id: number };
  const cadre = await first('/api/cadres?pageSize=1');
  const dispatch = await first('/api/dispatches?pageSize=1');
  const klass = await first('/api/training/classes?pageSize=1');
  return [
    ...[
      'cadres',
      `cadres/${cadre.id}`,
      'elections',
      'cadres/filings',
      'cadres/reviews',
      'dispatches',
      `dispatches/${dispatch.id}`,
      'dispatches/new',
      'contact-points',
      'posts',
      'learning',
      'training/classes',
      `training/classes/${klass.id}`,
      'training/hours',
      'economy/incomes/classes',
      'economy/incomes',
      'economy/incomes/new',
      'economy/projects',
      'economy/projects/figures',
      'economy/funds',
      'economy/funds/summary',
    ].map((p) => ({
      user: 'demo-county',
      name: `ce-${p.replace(/\//g, '-')}`,
      path: `/${p}`,
    })),
    { user: 'demo-member', name: 'm-learning', path: '/m/learning', mobile: true },
    { user: 'demo-member', name: 'm-training', path: '/m/training', mobile: true },
  ];
}

describe('accessibility (axe-core)', () => {
  it('main pages have no serious or critical violations', () => checkPages(pagesFor, 'axe.json'), 420_000);
  it(
    'the pages of serving residents have no serious or critical violations',
    () => checkPages(servicePages, 'axe-service.json'),
    420_000,
  );
  it(
    'the pages of cadres, learning and the village economy have no serious or critical violations',
    () => checkPages(cadresEconomyPages, 'axe-cadres-economy.json'),
    420_000,
  );
});

async function checkPages(list: typeof pagesFor, reportFile: string): Promise<void> {
  {
    const report: Record<string, AxeViolation[]> = {};
    for (const p of await list()) {
      const opts = p.mobile ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {};
      const { context, page } =
        p.user === 'none'
          ? await browser
              .newContext({ viewport: { width: 1440, height: 900 }, ...opts })
              .then(async (context) => ({ context, page: await context.newPage() }))
          : await signedInContext(browser, p.user, opts);
      try {
        await page.goto(baseUrl() + p.path);
        await settle(page, 900);
        await shot(page, `a11y-${p.name}`);
        const v = await axe(page);
        if (v.length) report[p.name] = v;
      } finally {
        await context.close();
      }
    }
    expectNoAxeViolations(report, reportFile);
  }
}
