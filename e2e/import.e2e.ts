// The Excel import wizard: a file with one bad row is reported and imports nothing; a good file imports.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import {
  type ApiSession,
  baseUrl,
  breakCheckDigit,
  makeIdNumber,
  pageErrors,
  shot,
  signedInContext,
  withBrowser,
} from './helpers';

let browser: Browser;
withBrowser((b) => (browser = b));

interface Row {
  name: string;
  gender: string;
  idNumber: string;
  joinedAt: string;
}

/** Fetches the template through the API and fills its roster sheet with `rows`, matching columns by header. */
async function buildFile(session: ApiSession, rows: Row[], file: string): Promise<void> {
  const res = await session.fetch('GET', '/api/members/import-template');
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const headers: string[] = [];
  ws.getRow(1).eachCell((c, i) => (headers[i] = String(c.value ?? '').replace(/\*$/, '')));
  const col = (re: RegExp) => headers.findIndex((h) => h && re.test(h));
  const cols = {
    name: col(/^姓名/),
    gender: col(/^性别/),
    idNumber: col(/身份证/),
    orgId: col(/组织编号/),
    joinedAt: col(/^入党时间/),
    status: col(/党员状态/),
  };
  for (const [k, v] of Object.entries(cols))
    if (v < 1 && k !== 'status') throw new Error(`template has no column for ${k}: ${headers.join(',')}`);
  // The organizations sheet lists the branches in scope; use the first.
  const orgSheet = wb.getWorksheet('组织编号') ?? wb.worksheets[1];
  const orgId = Number(orgSheet.getRow(2).getCell(1).value);
  expect(orgId).toBeGreaterThan(0);
  for (let r = ws.rowCount; r >= 2; r--) ws.spliceRows(r, 1);
  rows.forEach((row, i) => {
    const x = ws.getRow(i + 2);
    x.getCell(cols.name).value = row.name;
    x.getCell(cols.gender).value = row.gender;
    x.getCell(cols.idNumber).value = row.idNumber;
    x.getCell(cols.orgId).value = orgId;
    x.getCell(cols.joinedAt).value = row.joinedAt;
    if (cols.status > 0) x.getCell(cols.status).value = '正式党员';
    x.commit();
  });
  await wb.xlsx.writeFile(file);
}

describe('import wizard', () => {
  it('reports a bad row and imports nothing, then imports a good file', async () => {
    const { context, page, session } = await signedInContext(browser, 'demo-branch');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dj-import-'));
    try {
      const stamp = [...String(Date.now()).slice(-4)].map((d) => '零一二三四五六七八九'[Number(d)]).join('');
      const countStamped = async () => {
        const r = await session.json('GET', '/api/members?sort=createdAt&order=desc&pageSize=50');
        return r.items.filter((m: { name: string }) => m.name.endsWith(stamp)).length;
      };
      const ids = [makeIdNumber('19880101', false), makeIdNumber('19920220', true), makeIdNumber('19790909', false)];
      const rows: Row[] = [
        { name: `导入甲${stamp}`, gender: '男', idNumber: ids[0], joinedAt: '2012-07-01' },
        { name: `导入乙${stamp}`, gender: '女', idNumber: ids[1], joinedAt: '2016-07-01' },
        { name: `导入丙${stamp}`, gender: '男', idNumber: ids[2], joinedAt: '2008-07-01' },
      ];
      const badFile = path.join(dir, 'bad.xlsx');
      const goodFile = path.join(dir, 'good.xlsx');
      await buildFile(
        session,
        rows.map((r, i) => (i === 1 ? { ...r, idNumber: breakCheckDigit(r.idNumber) } : r)),
        badFile,
      );
      await buildFile(session, rows, goodFile);

      await page.goto(baseUrl() + '/members/import');
      await page.getByTestId('download-template').waitFor();
      await shot(page, 'import-step-template');
      await page.getByRole('button', { name: '已有模板，下一步' }).click();
      await page.locator('input[type=file]').setInputFiles(badFile);
      await page.getByTestId('import-rejected').waitFor({ timeout: 30_000 });
      const errors = page.getByTestId('import-errors');
      await errors.waitFor();
      const text = await errors.innerText();
      expect(text).toContain('3'); // row 3 of the sheet (the second data row)
      expect(text).toMatch(/身份证/);
      expect(await page.getByTestId('import-commit').count()).toBe(0);
      await shot(page, 'import-bad-row');
      expect(await countStamped()).toBe(0);

      await page.getByRole('button', { name: '重新上传' }).click();
      await page.locator('input[type=file]').setInputFiles(goodFile);
      await page.getByTestId('import-ok').waitFor({ timeout: 30_000 });
      await shot(page, 'import-preview-ok');
      await page.getByTestId('import-commit').click();
      await page.getByTestId('import-done').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('import-done').innerText()).toContain('3');
      await shot(page, 'import-done');
      expect(await countStamped()).toBe(3);
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      await context.close();
    }
  });
});
