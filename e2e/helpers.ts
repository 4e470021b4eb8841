/** Helpers of the browser tests: Chromium, sign-in through the API, screenshots and axe-core. */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';

/** The repository root. */
export const REPO = path.resolve(import.meta.dirname, '..');
/** The password of every demo account. */
export const PASSWORD = 'Dangjian@2026';
/** Where the screenshots of the pages are kept. */
export const SHOTS = path.join(REPO, 'test-artifacts/screenshots');

/** The base URL of the server under test. */
export function baseUrl(): string {
  return inject('baseUrl');
}

/** Launches Debian's Chromium headless. */
export async function launch(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--lang=zh-CN',
    ],
  });
  // Every page asks for reduced motion, which the console honours: no opening animation of a modal or a pop-up for
  // a click to land in the middle of (such clicks missed on an idle CI machine). A test may still ask otherwise.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = (opts = {}) => newContext({ reducedMotion: 'reduce', ...opts });
  return browser;
}

/** Launches Chromium before the file's tests and closes it after them; `use` receives it. */
export function withBrowser(use: (browser: Browser) => void): void {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
    use(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });
}

/** A phone's browser context: a 390×844 touch screen. */
export const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
};

/** A signed-in API session: its cookies, and a fetch that sends them with the CSRF header. */
export interface ApiSession {
  cookies: Record<string, string>;
  user: { id: number; role: string; orgId: number | null; orgName: string | null; memberId: number | null };
  fetch: (method: string, url: string, body?: unknown) => Promise<Response>;
  json: <T = any>(method: string, url: string, body?: unknown) => Promise<T>;
}

/** Signs in through the API (`POST /api/auth/login`). */
export async function apiLogin(username: string, password = PASSWORD): Promise<ApiSession> {
  const base = baseUrl();
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const data = (await res.json()) as { user: ApiSession['user'] };
  if (res.status !== 200) throw new Error(`login ${username} → ${res.status} ${JSON.stringify(data)}`);
  const cookies: Record<string, string> = {};
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const i = pair.indexOf('=');
    cookies[pair.slice(0, i).trim()] = pair.slice(i + 1).trim();
  }
  const cookie = () =>
    Object.entries(cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
  const doFetch = (method: string, url: string, body?: unknown) => {
    const headers: Record<string, string> = { cookie: cookie() };
    if (method !== 'GET' && cookies.dj_csrf) headers['x-csrf-token'] = decodeURIComponent(cookies.dj_csrf);
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    return fetch(base + url, { method, headers, body: payload });
  };
  return {
    cookies,
    user: data.user,
    fetch: doFetch,
    json: async (method, url, body) => {
      const r = await doFetch(method, url, body);
      const j = await r.json();
      if (!r.ok) throw new Error(`${method} ${url} → ${r.status} ${JSON.stringify(j)}`);
      return j;
    },
  };
}

/** A browser context already signed in as `username` (cookies from the API sign-in). */
export async function signedInContext(
  browser: Browser,
  username: string,
  opts: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; page: Page; session: ApiSession }> {
  const session = await apiLogin(username);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', ...opts });
  await context.addCookies(Object.entries(session.cookies).map(([name, value]) => ({ name, value, url: baseUrl() })));
  const page = await context.newPage();
  watchErrors(page);
  return { context, page, session };
}

/** Page errors collected per page, to assert that none happened. */
export const pageErrors = new WeakMap<Page, string[]>();

/** Records uncaught page errors. */
export function watchErrors(page: Page): void {
  const list: string[] = [];
  pageErrors.set(page, list);
  page.on('pageerror', (e) => list.push(String(e)));
}

/** Saves a full-page screenshot under test-artifacts/screenshots/. */
export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/** Runs axe-core on the page; answers the serious and critical violations. */
export async function axe(page: Page): Promise<AxeViolation[]> {
  const has = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not block.
  if (!has) await page.evaluate(fs.readFileSync(path.join(REPO, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  const result = await page.evaluate(async () => {
    const r = await (
      window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }
    ).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, html: n.html.slice(0, 200) })),
    }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Writes the axe report of the pages under test-artifacts/ and expects it empty (listing what each page broke). */
export function expectNoAxeViolations(report: Record<string, AxeViolation[]>, file: string): void {
  fs.writeFileSync(path.join(REPO, 'test-artifacts', file), JSON.stringify(report, null, 2));
  const summary = Object.fromEntries(
    Object.entries(report).map(([k, v]) => [
      k,
      v.map(
        (x) =>
          `${x.id} (${x.impact}): ${x.nodes
            .map((n) => n.html)
            .join(' | ')
            .slice(0, 300)}`,
      ),
    ]),
  );
  expect(summary).toEqual({});
}

/** Waits until no request is in flight for a moment (the page has loaded its data). */
export async function settle(page: Page, ms = 400): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => {});
  await page.waitForTimeout(ms);
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** A valid (random) 18-digit ID number; `female` picks the sex digit. */
export function makeIdNumber(birth = '19850315', female = false): string {
  const seq = String(Math.floor(Math.random() * 50) * 2 + (female ? 0 : 1))
    .padStart(3, '0')
    .slice(-3);
  const region = ['110105', '430528', '420323', '610330', '411325'][Math.floor(Math.random() * 5)];
  const body = region + birth + seq;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * WEIGHTS[i];
  return body + CHECK[sum % 11];
}

/** The same number with a wrong check digit. */
export function breakCheckDigit(id: string): string {
  const last = id[17];
  const wrong = last === '0' ? '1' : last === 'X' ? '0' : String((Number(last) + 1) % 10);
  return id.slice(0, 17) + wrong;
}

/** The last code the outbox sender wrote for a phone (masked as 138****1234 in the log). */
export async function outboxCode(phone: string, after: number): Promise<string> {
  const dir = inject('dataDir');
  if (!dir) throw new Error('no DATA_DIR: set E2E_DATA_DIR with E2E_BASE_URL');
  const log = path.join(dir, 'outbox.log');
  const masked = `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  for (let i = 0; i < 50; i++) {
    if (fs.existsSync(log)) {
      const lines = fs
        .readFileSync(log, 'utf8')
        .split('\n')
        .filter((l) => l.includes(masked) && Date.parse(l.split('\t')[0]) >= after - 1000);
      const m = lines
        .at(-1)
        ?.split('\t')
        .slice(2)
        .join(' ')
        .match(/(?<!\d)(\d{6})(?!\d)/);
      if (m) return m[1];
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no code for ${masked} in ${log}`);
}
