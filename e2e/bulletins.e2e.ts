// Bulletins (通报简报, issue 13): the county sees its issued quarterly bulletins, generates a quarterly bulletin
// from the records, previews the A4 page with its trace links, issues it (frozen and numbered) and downloads its
// PDF and Excel; the branch below reads the issued bulletin. Screenshots of the list, the form and the preview.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiLogin, baseUrl, pageErrors, SHOTS, settle, shot, signedInContext, withBrowser } from './helpers';

let browser: Browser;
withBrowser((b) => (browser = b));

describe('bulletins', () => {
  it('the county generates a quarterly bulletin, previews it, issues it and downloads its PDF', async () => {
    const { context, page } = await signedInContext(browser, 'demo-county');
    try {
      await page.goto(`${baseUrl()}/bulletins`);
      await page.getByRole('heading', { name: '通报简报' }).waitFor({ timeout: 60_000 });
      await page.getByTestId('bulletin-total').waitFor({ timeout: 60_000 });
      // The demo's four issued quarterly bulletins are there.
      expect(await page.getByTestId('bulletin-total').innerText()).toMatch(/共 \d+ 期/);
      await settle(page);
      await shot(page, 'bulletins-list');

      await page.getByTestId('new-bulletin').click();
      await page.getByTestId('generate-bulletin').waitFor({ timeout: 30_000 });
      await settle(page);
      await shot(page, 'bulletins-form');
      await page.getByTestId('generate-bulletin').click();
      await page.getByTestId('bulletin-paper').waitFor({ timeout: 120_000 });
      await settle(page, 800);
      expect(await page.getByTestId('bulletin-status').innerText()).toBe('草稿');
      const paper = await page.getByTestId('bulletin-paper').innerText();
      expect(paper).toContain('组织生活落实情况');
      expect(paper).toContain('下级党组织排名');
      // A number links to the list it counts.
      const link = page.getByTestId('section-meetings').locator('a.bp-trace').first();
      expect(await link.getAttribute('href')).toMatch(/^\/compliance\?org=\d+&period=\d{4}-Q[1-4]/);
      await shot(page, 'bulletins-preview-draft');

      await page.getByTestId('issue-bulletin').click();
      // The confirmation pops up with a zoom: a click during it can land outside the viewport, so wait, then press.
      const confirm = page.getByTestId('confirm-issue');
      await confirm.waitFor();
      await page.waitForTimeout(400);
      await confirm.dispatchEvent('click');
      await page.getByText('已印发', { exact: true }).first().waitFor({ timeout: 60_000 });
      const number = await page.getByTestId('bulletin-number').innerText();
      expect(number).toMatch(/^\d{4}年第\d+期$/);
      await settle(page);
      await shot(page, 'bulletins-preview-issued');

      // The PDF and the Excel through the page's session (the buttons' links).
      const pdfHref = await page.getByTestId('download-pdf').getAttribute('href');
      const pdf = await context.request.get(`${baseUrl()}${pdfHref}`, { timeout: 120_000 });
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      const body = await pdf.body();
      expect(body.subarray(0, 5).toString()).toBe('%PDF-');
      fs.mkdirSync(SHOTS, { recursive: true });
      fs.writeFileSync(path.join(SHOTS, 'bulletins-issued.pdf'), body);
      const xlsx = await context.request.get(
        `${baseUrl()}${await page.getByTestId('download-xlsx').getAttribute('href')}`,
      );
      expect(xlsx.status()).toBe(200);

      // The branch below reads the issued bulletin that covers it.
      const id = Number(new URL(page.url()).pathname.split('/').pop());
      const branch = await apiLogin('demo-branch');
      const seen = await branch.fetch('GET', `/api/bulletins/${id}`);
      expect(seen.status).toBe(200);
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);
});
