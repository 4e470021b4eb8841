// Nothing is cut without a word: limits shown as you type (and pasted text kept), landlines accepted where they are
// normal, the server's validation errors on their fields in words (never a path like "0,name"); screenshots.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, pageErrors, settle, shot, signedInContext, withBrowser } from './helpers';

let browser: Browser;
withBrowser((b) => (browser = b));

/** The text of the form item (label, input, counter and errors) holding the control with this test id or label. */
function itemOf(page: Page, control: ReturnType<Page['getByTestId']>) {
  return page.locator('.ant-form-item').filter({ has: control });
}

/** Fails when the page shows a raw field path of a validation answer ("0,name", "/body/name", "residents.0"). */
async function expectNoRawPaths(page: Page) {
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/\d+,\s*name|\/body\/|\/residents\/|residents\.\d|instancePath|must NOT/);
}

describe('forms: limits, landlines and the server errors in words', () => {
  it('a 70-character wish title shows the limit and is kept whole', async () => {
    const { context, page } = await signedInContext(browser, 'demo-branch');
    try {
      await page.goto(baseUrl() + '/wishes');
      await page.getByTestId('new-wish').click();
      const dialog = page.getByRole('dialog');
      const long = '请帮忙修缮村口通往小学的那段石板路，雨天积水严重，孩子们上学时常滑倒，老人出门也不方便。'
        .repeat(2)
        .slice(0, 70);
      expect(long.length).toBe(70);
      const input = dialog.getByLabel('标题');
      await input.fill(long);
      // Not cut: every character is still in the field, and the limit is shown beside the count.
      expect(await input.inputValue()).toBe(long);
      // `has` is matched inside each item: the label's locator from the page, not from the dialog.
      const item = dialog.locator('.ant-form-item').filter({ has: page.getByLabel('标题') });
      await expect.poll(() => item.innerText()).toContain('70 / 60');
      await expect.poll(() => item.innerText()).toMatch(/标题最多\s*60\s*个字/);
      await shot(page, 'forms-wish-title-over');
      // Saving is refused on the field, and the text is still whole.
      await dialog.getByRole('button', { name: /提\s*交/ }).click();
      await settle(page, 300);
      expect(await input.inputValue()).toBe(long);
      expect(await dialog.isVisible()).toBe(true);
      await expectNoRawPaths(page);
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a household with a landline in 联系电话 saves', async () => {
    const { context, page, session } = await signedInContext(browser, 'demo-branch');
    try {
      await page.goto(baseUrl() + '/households/new');
      const head = `座机户${Date.now() % 100000}`;
      await page.getByTestId('head-name').fill(head);
      await page.getByTestId('address').fill('三组 12 号');
      const phone = page.getByLabel('联系电话');
      await phone.fill('0571-88889999');
      await settle(page, 200);
      // No "invalid mobile" refusal on a landline.
      expect(await itemOf(page, phone).innerText()).not.toMatch(/格式不正确|手机/);
      await page.getByTestId('save-household').click();
      await page.waitForURL(/\/households\/\d+$/, { timeout: 20_000 });
      const id = Number(new URL(page.url()).pathname.split('/').pop());
      const saved = (await session.json('GET', `/api/households/${id}`)) as { headName: string; phone: string };
      expect(saved.headName).toBe(head);
      // Stored as a landline (masked, area code kept), not squeezed into a mobile number.
      expect(saved.phone).toMatch(/^0571-/);
      // The household's page shows the landline masked, its area code kept.
      await page.getByTestId('household-phone').filter({ hasText: '0571-****9999' }).waitFor();
      await shot(page, 'forms-household-landline');
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("the server's validation error shows on its field in words, never as 0,name", async () => {
    const { context, page } = await signedInContext(browser, 'demo-branch');
    try {
      await page.goto(baseUrl() + '/households/new');
      await page.getByTestId('head-name').fill('超长姓名户');
      await page.getByTestId('address').fill('五组 3 号');
      // The browser's checks pass; the request is changed on its way so that only the server can refuse it
      // (a resident's name over the 40 characters the contracts allow).
      await page.route('**/api/households', async (route) => {
        const req = route.request();
        if (req.method() !== 'POST') return route.continue();
        const body = JSON.parse(req.postData() ?? '{}') as { residents: { name: string }[] };
        body.residents[0].name = '名'.repeat(45);
        await route.continue({ postData: JSON.stringify(body) });
      });
      const answer = page.waitForResponse(
        (r) => r.url().endsWith('/api/households') && r.request().method() === 'POST',
      );
      await page.getByTestId('save-household').click();
      const res = await answer;
      expect(res.status()).toBe(400);
      const body = (await res.json()) as { error: { message: string } };
      expect(body.error.message).toMatch(/姓名/);
      expect(body.error.message).not.toMatch(/0,name|\/residents|must/);
      // Shown on the resident's name, in words.
      const nameInput = page.getByLabel('第 1 人姓名');
      const item = page.locator('.ant-form-item').filter({ has: nameInput });
      await expect.poll(() => item.innerText()).toMatch(/姓名.*40/);
      await shot(page, 'forms-household-server-error');
      await expectNoRawPaths(page);
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a 250-character meeting topic is refused with the limit shown, not cut', async () => {
    const { context, page } = await signedInContext(browser, 'demo-branch');
    try {
      await page.goto(baseUrl() + '/meetings/new');
      const topic = page.getByTestId('topic');
      await topic.waitFor();
      const long = '学习贯彻党的二十届四中全会精神，结合村里实际研究部署冬季防火、困难群众帮扶和集体经济发展工作。'
        .repeat(6)
        .slice(0, 250);
      await topic.fill(long);
      expect(await topic.inputValue()).toBe(long);
      const item = itemOf(page, topic);
      await expect.poll(() => item.innerText()).toContain('250 / 200');
      await expect.poll(() => item.innerText()).toMatch(/会议议题最多\s*200\s*个字/);
      await page.getByRole('button', { name: /保\s*存/ }).click();
      await settle(page, 300);
      expect(new URL(page.url()).pathname).toBe('/meetings/new');
      expect(await topic.inputValue()).toBe(long);
      await shot(page, 'forms-meeting-topic-over');
      await expectNoRawPaths(page);
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
