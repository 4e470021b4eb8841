// Pledges (承诺践诺, issue 12): a member makes a pledge on the phone (定诺), the branch secretary approves and publishes
// it (审诺, 晒诺), the member reports progress with a photo and the fulfilment (践诺), the secretary accepts it, and a
// resident evaluates it through the public link on a phone (评诺); the pages are kept as screenshots.
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  apiLogin,
  baseUrl,
  PHONE,
  pageErrors,
  settle,
  shot,
  signedInContext,
  watchErrors,
  withBrowser,
} from './helpers';

let browser: Browser;
withBrowser((b) => (browser = b));

/** A small valid PNG (a red 2×2 square). */
function png(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const row = Buffer.from([0, 200, 30, 30, 200, 30, 30]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', Buffer.from([0, 0, 0, 2, 0, 0, 0, 2, 8, 2, 0, 0, 0])),
    chunk('IDAT', zlib.deflateSync(Buffer.concat([row, row]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Makes a move of the action bar, answering its dialog when it has one. */
async function moveBy(page: Page, move: string): Promise<void> {
  await page.getByTestId(`move-${move}`).click();
  const ok = page.locator('.ant-modal .ant-btn-primary');
  if (await ok.isVisible({ timeout: 3_000 }).catch(() => false)) await ok.click();
}

/** A phone page signed in as the demo member. */
async function memberPhone() {
  const member = await apiLogin('demo-member');
  const context = await browser.newContext(PHONE);
  await context.addCookies(Object.entries(member.cookies).map(([name, value]) => ({ name, value, url: baseUrl() })));
  const page = await context.newPage();
  watchErrors(page);
  return { context, page, member };
}

describe('pledges', () => {
  it('a member pledges on the phone, the branch approves and publishes, fulfilled, accepted, evaluated', async () => {
    const title = `为村里留守老人代购药品${Date.now() % 10000}`;
    // 定诺 on the phone.
    let { context, page } = await memberPhone();
    let id: number;
    try {
      await page.goto(`${baseUrl()}/m/`);
      await page.getByTestId('m-pledges-link').click();
      await page.waitForURL(/\/m\/pledges$/);
      await page.getByTestId('m-pledge-new').click();
      await page.getByTestId('m-pledge-title').fill(title);
      await page.locator('#m-pledge-content').fill('每月为组里3位留守老人代购药品，随叫随到');
      await settle(page);
      await shot(page, 'pledges-m-make');
      await page.getByTestId('m-pledge-submit').click();
      const row = page.getByTestId('m-pledge').filter({ hasText: title });
      await row.getByText('待审诺').waitFor();
      await settle(page);
      await shot(page, 'pledges-m-list');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }
    const secretary = await apiLogin('demo-branch');
    const found = await secretary.json<{ items: { id: number }[] }>(
      'GET',
      `/api/pledges?q=${encodeURIComponent(title)}`,
    );
    id = found.items[0]!.id;

    // 审诺 and 晒诺 in the console.
    const desk = await signedInContext(browser, 'demo-branch');
    try {
      const p = desk.page;
      await p.goto(`${baseUrl()}/pledges`);
      await p.getByRole('heading', { name: '承诺践诺' }).waitFor();
      await p.getByTestId('pledge-total').waitFor();
      await settle(p);
      await shot(p, 'pledges-list');
      await p.goto(`${baseUrl()}/pledges/${id}`);
      await p.getByTestId('pledge-status').filter({ hasText: '待审诺' }).waitFor();
      await moveBy(p, 'approve');
      await p.getByTestId('pledge-status').filter({ hasText: '已审核，待公开' }).waitFor();
      await moveBy(p, 'publish');
      await p.getByTestId('pledge-status').filter({ hasText: '已公开，践诺中' }).waitFor();
      await p.getByTestId('pledge-public-link').waitFor();
      await settle(p);
      await shot(p, 'pledges-detail-published');
      expect(pageErrors.get(p)).toEqual([]);
    } finally {
      await desk.context.close();
    }

    // 践诺 on the phone: progress with a photo, then the fulfilment.
    ({ context, page } = await memberPhone());
    try {
      await page.goto(`${baseUrl()}/m/pledges`);
      const row = page.getByTestId('m-pledge').filter({ hasText: title });
      await row.locator('.m-pledge-head').click();
      await row.locator('textarea').fill('已为3位老人代购降压药和感冒药');
      await row
        .getByTestId('m-pledge-photo')
        .setInputFiles({ name: 'drugs.png', mimeType: 'image/png', buffer: png() });
      await row.getByTestId('m-pledge-progress').click();
      await row.locator('.m-pledge-photos img').first().waitFor();
      await row.locator('textarea').fill('全年代购药品40余次，解决老人买药难');
      await row.locator('input[type=number]').fill('1');
      await row.getByTestId('m-pledge-report').click();
      await row.getByText('践诺待验收').waitFor();
      await settle(page);
      await shot(page, 'pledges-m-reported');
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }

    // The secretary accepts the fulfilment.
    const again = await signedInContext(browser, 'demo-branch');
    let token: string;
    try {
      const p = again.page;
      await p.goto(`${baseUrl()}/pledges/${id}`);
      await p.getByTestId('pledge-status').filter({ hasText: '践诺待验收' }).waitFor();
      await moveBy(p, 'accept');
      await p.getByTestId('pledge-status').filter({ hasText: '已践诺，评诺中' }).waitFor();
      token = (await secretary.json<{ publicToken: string }>('GET', `/api/pledges/${id}`)).publicToken;
      expect(pageErrors.get(p)).toEqual([]);
    } finally {
      await again.context.close();
    }

    // A resident evaluates through the public link on a phone, without signing in.
    const resident = await browser.newContext(PHONE);
    try {
      const p = await resident.newPage();
      watchErrors(p);
      await p.goto(`${baseUrl()}/m/pledge/${token}`);
      await p.getByTestId('public-pledge').getByText(title).waitFor();
      expect(await p.getByTestId('public-pledge').innerText()).toMatch(/\p{Script=Han}\*/u);
      await p.getByTestId('public-rating-satisfied').click();
      await p.locator('#public-comment').fill('很及时，谢谢！');
      await settle(p);
      await shot(p, 'pledges-public-evaluate');
      await p.getByTestId('public-pledge-submit').click();
      await p.getByTestId('public-pledge-thanks').waitFor();
      await p.getByTestId('public-pledge-ratings').getByText('满意 1').waitFor();
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(pageErrors.get(p)).toEqual([]);
    } finally {
      await resident.close();
    }
    const done = await secretary.json<{ status: string; evaluations: { evaluator: string; rating: string }[] }>(
      'GET',
      `/api/pledges/${id}`,
    );
    expect(done.status).toBe('fulfilled');
    expect(done.evaluations).toEqual([expect.objectContaining({ evaluator: 'resident', rating: 'satisfied' })]);
  });
});
