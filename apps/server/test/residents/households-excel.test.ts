import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, testIdNumber, type Client, type Fixture, type TestEnv } from '../harness.js';
import { householdCount as countHouseholds, openCounty } from './fixtures.js';

describe.each(dialects())('households: Excel on %s', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  let town: Client;
  let sec: Client;
  let member: Client;
  beforeAll(async () => {
    ({ env, fx, town, sec, member } = await openCounty(dialect));
  });
  afterAll(() => env.close());
  const householdCount = () => countHouseholds(env);

  const headers = ['村(社区)组织', '地址', '户主', '与户主关系', '姓名', '身份证号', '手机号', '标签'];
  const fill = async (rows: unknown[][]) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('户籍');
    ws.addRow(headers);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  };
  const upload = (buf: Buffer, dryRun = false) => {
    const boundary = '----dj' + Math.random().toString(16).slice(2);
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="h.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
      ),
      buf,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return town.request('POST', `/api/households/import${dryRun ? '?dryRun=true' : ''}`, body, {
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
  };
  const liuId = testIdNumber('male', '1955-01-01');
  const good = () => [
    ['南村党支部', '南村五组3号', '刘六', '户主', '刘六', liuId, '13511112222', '脱贫户、残疾'],
    [String(fx.villageA2), '南村五组3号', '刘六', '配偶', '陈七', testIdNumber('female', '1957-02-02'), '', ''],
    ['南村党支部', '南村五组4号', '黄八', '户主', '黄八', '', '', '一般户'],
  ];

  it('serves a template with the columns', async () => {
    const res = await town.get('/api/households/template');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect((wb.worksheets[0].getRow(1).values as string[]).slice(1).map((h) => h.replace(/\*$/, ''))).toEqual(headers);
    const orgNames = (wb.getWorksheet('组织编号')!.getColumn(2).values as string[]).slice(2);
    expect(orgNames).toEqual(['东村党支部', '南村党支部']);
  });

  it('imports nothing from a file with a bad row and reports it; a dry run writes nothing; a good file imports', async () => {
    const before = await householdCount();
    const bad = await upload(
      await fill([
        ...good(),
        ['南村党支部', '南村五组5号', '何九', '户主', '何九', '11010519491231002Y', '', '五保户'],
        ['西村党支部', '西村1号', '某', '户主', '某', '', '', ''],
        ['南村党支部', '南村五组6号', '某', '舅舅', '某', '', '', '富翁'],
      ]),
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ ok: false, total: 6, valid: 3, imported: 0 });
    expect(
      bad.json().errors.map((e: { row: number; field: string; code: string }) => [e.row, e.field, e.code]),
    ).toEqual([
      [5, 'idNumber', 'residents.invalid_id_number'],
      [6, 'org', 'not_found'],
      [7, 'relation', 'validation'],
      [7, 'tags', 'validation'],
    ]);
    expect(await householdCount()).toBe(before);
    const dry = await upload(await fill(good()), true);
    expect(dry.json()).toMatchObject({ ok: true, total: 3, valid: 3, imported: 0 });
    expect(await householdCount()).toBe(before);
    const done = await upload(await fill(good()));
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ ok: true, imported: 3 });
    expect(await householdCount()).toBe(before + 2);
    const liu = (await town.get(`/api/households?q=${liuId}`)).json().items[0];
    expect(liu).toMatchObject({
      orgId: fx.villageA2,
      address: '南村五组3号',
      headName: '刘六',
      people: 2,
      isPoor: true,
      tags: ['lifted_out', 'disabled'],
      phone: '135****2222',
    });
    const again = await upload(await fill(good().slice(0, 1)));
    expect(again.json().errors).toEqual([
      expect.objectContaining({ row: 2, field: 'idNumber', code: 'residents.id_number_taken' }),
    ]);
    // Rows of an existing household (same village, address and head) add residents to it.
    const more = await upload(await fill([['南村党支部', '南村五组4号', '黄八', '子女', '黄小八', '', '', '残疾']]));
    expect(more.json()).toMatchObject({ ok: true, imported: 1 });
    expect(await householdCount()).toBe(before + 2);
    expect((await town.get(`/api/households?q=${encodeURIComponent('黄八')}`)).json().items[0]).toMatchObject({
      people: 2,
      tags: ['ordinary', 'disabled'],
      isPoor: false,
    });
    const notExcel = await upload(Buffer.from('<html>no</html>'));
    // Not a zip at all: refused by the archive check before anything is read.
    expect(notExcel.statusCode).toBe(400);
    expect(notExcel.json().error.code).toBe('import.archive_rejected');
    expect((await sec.get('/api/households/template')).statusCode).toBe(200);
    expect((await member.get('/api/households/template')).statusCode).toBe(403);
  });

  it('exports one row per resident within the scope, masked', async () => {
    const res = await town.get(`/api/households/export?org=${fx.villageA2}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    // 吴五 (no residents), 刘六 and 陈七, 黄八 and 黄小八.
    expect(ws.rowCount - 1).toBe(5);
    const text = JSON.stringify(ws.getSheetValues());
    expect(text).not.toMatch(/\d{17}[\dX]/);
    expect(text).toContain('135****2222');
    expect(text).toContain('脱贫户、残疾');
  });
});
