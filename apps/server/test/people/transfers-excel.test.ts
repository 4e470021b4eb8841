/**
 * Transfers in Excel on both databases, in the national system's columns: a file with a bad row imports nothing
 * and reports each problem in words; a dry run writes nothing; a good file imports a letter into the county and
 * one out of it; the export reads back the same rows and columns; another township sees none of it.
 */
import ExcelJS from 'exceljs';
import { TRANSFER_SHEET_COLUMNS } from '@dangjian/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_TYPE } from '../files.js';
import { dialects, testIdNumber } from '../harness.js';
import { openTransfers, type TransferCounty } from './transfers-fixture.js';

const HEADERS = TRANSFER_SHEET_COLUMNS.map((c) => c.zh);

async function fill(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('组织关系转接');
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function read(buf: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const out: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return out;
}

describe.each(dialects())('transfers in Excel on %s', (dialect) => {
  let t: TransferCounty;
  beforeAll(async () => {
    t = await openTransfers(dialect);
  });
  afterAll(() => t.env.close());

  it('imports letters in and out all or nothing, and exports them back in the same columns', async () => {
    const { fx, townA, townC } = t;
    const upload = async (rows: unknown[][], dryRun = false) =>
      townA.upload(`/api/transfers/import${dryRun ? '?dryRun=true' : ''}`, await fill(rows), 't.xlsx', XLSX_TYPE);
    const newcomer = testIdNumber('female', '1992-08-09');
    // The outgoing row names the member by the ID number on the roster (read in clear by the system here).
    const m = await t.env.ctx.db
      .selectFrom('members')
      .select('id_number_enc')
      .where('id', '=', fx.memberIn.villageA2)
      .executeTakeFirstOrThrow();
    const liId = t.env.ctx.vault.decrypt(m.id_number_enc);
    const incoming = [
      '钱七',
      '女',
      newcomer,
      '外省某县某镇党委',
      '东村党支部',
      '外转〔2026〕7号',
      '2026-07-10',
      '2026-05',
      '转入',
      '',
      '2026-06-10',
      '2016-07-01',
      '',
      '',
    ];
    const outgoing = [
      '李四',
      '女',
      liId,
      '南村党支部',
      '外省某市某街道党工委',
      '2026-0901',
      '2026-08-01',
      '2026-06',
      '转出到系统外',
      '',
      '2026-06-01',
      '',
      '某市人民路1号',
      '随配偶迁居',
    ];
    const bad = await upload([
      incoming,
      outgoing,
      [
        '王某',
        '男',
        '110105194912310021',
        '西乡',
        '西村党支部',
        'X-1',
        '2026-07-01',
        '2026-05',
        '转入',
        '',
        '2026-06-01',
        '2010-07-01',
      ],
      [
        '赵某',
        '男',
        testIdNumber(),
        '外县',
        '东村党支部',
        'X-2',
        '2026-12-01',
        '2026-09',
        '转入',
        '',
        '2026-06-01',
        '2010-07-01',
      ],
      [
        '孙某',
        '男',
        testIdNumber(),
        '外县',
        '东村党支部',
        '外转〔2026〕7号',
        '2026-07-01',
        '2026-05',
        '系统内',
        '',
        '2026-06-01',
      ],
    ]);
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ ok: false, total: 5, valid: 2, imported: 0 });
    expect(
      bad.json().errors.map((e: { row: number; field: string; code: string }) => [e.row, e.field, e.code]),
    ).toEqual([
      [4, 'toOrg', 'not_found'],
      [5, 'validUntil', 'transfers.invalid_validity'],
      [5, 'duesPaidTo', 'transfers.invalid_dues_month'],
      [6, 'kind', 'transfers.import_internal'],
      [6, 'letterNo', 'transfers.letter_taken'],
    ]);
    expect(bad.json().errors[0].message).toBe('记录不存在或不在您的管理范围内');
    expect((await townA.get('/api/transfers')).json().total).toBe(0);
    const dry = await upload([incoming, outgoing], true);
    expect(dry.json()).toMatchObject({ ok: true, total: 2, valid: 2, imported: 0 });
    expect((await townA.get('/api/transfers')).json().total).toBe(0);
    const done = await upload([incoming, outgoing]);
    expect(done.json()).toMatchObject({ ok: true, imported: 2 });
    // The same file again: its letters are already recorded.
    const again = (await upload([incoming, outgoing])).json();
    expect(again.errors.map((e: { code: string }) => e.code)).toContain('transfers.letter_taken');

    const list = (await townA.get('/api/transfers')).json();
    expect(list.items.map((i: { kind: string; status: string }) => [i.kind, i.status]).sort()).toEqual([
      ['incoming', 'issued'],
      ['outgoing', 'issued'],
    ]);
    const exported = await townA.get('/api/transfers/export');
    expect(exported.statusCode).toBe(200);
    const sheet = await read(exported.rawPayload);
    expect(sheet[0]).toEqual(HEADERS);
    const byName = new Map(sheet.slice(1).map((r) => [r[0], r]));
    // Every column reads back as imported, the ID number masked and the state in words.
    const back = (row: unknown[], status: string) =>
      (row as string[]).map((v, i) =>
        i === 2 ? expect.stringMatching(/^\d{4}\*+\d{3}[\dX]$|\*/) : i === 9 ? status : v,
      );
    expect(byName.get('钱七')).toEqual(
      back([...incoming.slice(0, 8), '从系统外转入', ...incoming.slice(9)], '已开介绍信，待接收'),
    );
    expect(byName.get('李四')).toEqual(
      back(
        // The member's joining date comes from the roster (the national file leaves it out for a letter out).
        outgoing.map((v, i) => (i === 11 ? '2010-07-01' : v)),
        '已开介绍信，待接收',
      ),
    );
    expect(sheet.join('|')).not.toContain(liId);
    // Another township reads none of it.
    const other = await read((await townC.get('/api/transfers/export')).rawPayload);
    expect(other.length).toBe(1);

    // The imported letters go on like any: the newcomer is received into 东村, the return slip takes 李四 off.
    const inc = list.items.find((i: { kind: string }) => i.kind === 'incoming');
    const out = list.items.find((i: { kind: string }) => i.kind === 'outgoing');
    expect((await t.secA1.post(`/api/transfers/${inc.id}/accept`, {})).json().status).toBe('accepted');
    expect((await townA.post(`/api/transfers/${out.id}/receipt`, { receiptOn: '2026-06-15' })).json().status).toBe(
      'accepted',
    );
    const found = (await t.county.get(`/api/members?q=${newcomer}`)).json();
    expect(found.items[0]).toMatchObject({ name: '钱七', orgId: fx.villageA1 });
  });
});
