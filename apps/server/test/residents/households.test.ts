import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, login, testIdNumber, type Client, type Fixture, type TestEnv } from '../harness.js';
import { XLSX_TYPE } from '../files.js';
import { audits as auditRows, householdCount as countHouseholds, openCounty } from './fixtures.js';

const MASKED_PHONE = /^1\d{2}\*{4}\d{4}$/;
const MASKED_ID = /^\d{6}\*{8}\d{3}[\dX]$/;

describe.each(dialects())('households, their residents and Excel on %s', (dialect) => {
  let env: TestEnv, fx: Fixture;
  let county: Client, town: Client, townB: Client, sec: Client, member: Client;
  beforeAll(async () => {
    ({ env, fx, county, town, townB, sec, member } = await openCounty(dialect));
  });
  afterAll(() => env.close());
  const audits = (entityType: string, id: number) => auditRows(env, entityType, id);
  const householdCount = () => countHouseholds(env);

  let first = 0;
  const headId = testIdNumber('male', '1968-03-04');
  const headPhone = '13712345678';
  const householdPhone = '15800001111';

  it('records a household with residents, masked, counted; edits, soft deletes, restores with audit', async () => {
    const res = await sec.post('/api/households', {
      orgId: fx.villageA1,
      address: '东村一组12号',
      headName: '赵大',
      phone: householdPhone,
      tags: ['monitored', 'disabled'],
      residents: [
        { name: '赵大', relation: 'head', idNumber: headId, phone: headPhone },
        { name: '钱二', relation: 'spouse', idNumber: testIdNumber('female', '1970-08-09') },
      ],
    });
    expect(res.statusCode).toBe(200);
    const h = res.json();
    first = h.id;
    expect(h).toMatchObject({
      orgId: fx.villageA1,
      orgName: '东村',
      headName: '赵大',
      isPoor: true,
      people: 2,
      groupId: null,
      cadres: [],
      tags: ['monitored', 'disabled'],
    });
    expect(h.phone).toMatch(MASKED_PHONE);
    expect(h.residents).toHaveLength(2);
    expect(h.residents[0]).toMatchObject({ name: '赵大', relation: 'head', gender: 'male', birthDate: '1968-03-04' });
    expect(h.residents[0].idNumber).toMatch(MASKED_ID);
    expect(h.residents[0].phone).toMatch(MASKED_PHONE);
    expect(res.body).not.toContain(headId);
    expect(res.body).not.toContain(headPhone);

    const list = await sec.get('/api/households');
    expect(list.json().total).toBe(1);
    expect(list.json().items[0].phone).toBe('158****1111');
    expect(list.body).not.toContain(householdPhone);

    // Tags decide whether the household is poor.
    const edited = await sec.patch(`/api/households/${first}`, { tags: ['ordinary'], note: '已核实' });
    expect(edited.json()).toMatchObject({ isPoor: false, tags: ['ordinary'], note: '已核实' });
    const back = await sec.patch(`/api/households/${first}`, { tags: ['lifted_out'] });
    expect(back.json().isPoor).toBe(true);

    // People follow residents added and removed.
    const added = await sec.post(`/api/households/${first}/residents`, { name: '赵小', relation: 'child' });
    expect(added.statusCode).toBe(200);
    expect((await sec.get(`/api/households/${first}`)).json().people).toBe(3);
    expect((await sec.patch(`/api/residents/${added.json().id}`, { name: '赵小明' })).json().name).toBe('赵小明');
    expect((await sec.delete(`/api/residents/${added.json().id}`)).json()).toEqual({ ok: true });
    expect((await sec.get(`/api/households/${first}`)).json().people).toBe(2);

    expect((await sec.delete(`/api/households/${first}`)).json()).toEqual({ ok: true });
    expect((await sec.get('/api/households')).json().total).toBe(0);
    expect((await sec.get('/api/households?deleted=true')).json().total).toBe(1);
    const restored = await sec.post(`/api/households/${first}/restore`);
    expect(restored.json()).toMatchObject({ id: first, deletedAt: null, people: 2 });
    expect((await sec.post(`/api/households/${first}/restore`)).json().error.code).toBe('residents.not_deleted');

    const trail = await audits('household', first);
    expect(trail.map((a) => a.action)).toEqual([
      'household.create',
      'household.update',
      'household.update',
      'household.delete',
      'household.restore',
    ]);
    expect(JSON.parse(trail[0].changes!).phone.after).toBe('158****1111');
    const residentTrail = await audits('resident', h.residents[0].id);
    expect(residentTrail.map((a) => a.action)).toEqual(['resident.create']);
    expect(JSON.parse(residentTrail[0].changes!).idNumber.after).toMatch(MASKED_ID);
  });

  it('places households only in villages and communities', async () => {
    const base = { address: '镇上1号', headName: '某甲', tags: [] };
    expect((await county.post('/api/households', { ...base, orgId: fx.townA })).json().error.code).toBe(
      'residents.org_not_village',
    );
    expect((await county.post('/api/households', { ...base, orgId: fx.groupA1 })).json().error.code).toBe(
      'residents.org_not_village',
    );
    expect((await county.post('/api/households', { ...base, orgId: fx.county })).json().error.code).toBe(
      'residents.org_not_village',
    );
  });

  it('checks ID numbers by GB 11643 and refuses one already living in another household', async () => {
    const bad = await sec.post('/api/households', {
      orgId: fx.villageA1,
      address: '东村二组1号',
      headName: '孙三',
      tags: [],
      residents: [{ name: '孙三', relation: 'head', idNumber: '11010519491231002Y' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('residents.invalid_id_number');
    const phone = await sec.post('/api/households', {
      orgId: fx.villageA1,
      address: '东村二组1号',
      headName: '孙三',
      tags: [],
      phone: '12345',
    });
    // A household's contact may be a landline: its refusal says so, on the field.
    expect(phone.json().error).toMatchObject({ code: 'residents.invalid_contact_phone', details: { field: 'phone' } });
    const dup = await sec.post('/api/households', {
      orgId: fx.villageA1,
      address: '东村二组1号',
      headName: '孙三',
      tags: [],
      residents: [{ name: '孙三', relation: 'head', idNumber: headId }],
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('residents.id_number_taken');
    expect(await householdCount()).toBe(1);
    // Adding the same person again to the same household is refused too.
    expect(
      (
        await sec.post(`/api/households/${first}/residents`, { name: '赵大', relation: 'other', idNumber: headId })
      ).json().error.code,
    ).toBe('residents.id_number_taken');

    // A deleted household frees the number; restoring it after the number moved is refused.
    await sec.delete(`/api/households/${first}`);
    const moved = await sec.post('/api/households', {
      orgId: fx.villageA1,
      address: '东村二组1号',
      headName: '赵大',
      tags: [],
      residents: [{ name: '赵大', relation: 'head', idNumber: headId }],
    });
    expect(moved.statusCode).toBe(200);
    expect((await sec.post(`/api/households/${first}/restore`)).json().error.code).toBe('residents.id_number_taken');
    await sec.delete(`/api/households/${moved.json().id}`);
    expect((await sec.post(`/api/households/${first}/restore`)).statusCode).toBe(200);
  });

  it('finds a household by a full phone or ID number through the keyed hash, and by name or address', async () => {
    const other = await sec.post('/api/households', {
      orgId: fx.villageA1,
      address: '东村三组8号',
      headName: '周四',
      tags: ['ordinary'],
      residents: [{ name: '周四', relation: 'head', phone: '13698765432' }],
    });
    expect(other.statusCode).toBe(200);
    const ids = async (q: string) =>
      (await sec.get(`/api/households?q=${encodeURIComponent(q)}`)).json().items.map((i: { id: number }) => i.id);
    expect(await ids(headPhone)).toEqual([first]);
    expect(await ids(householdPhone)).toEqual([first]);
    expect(await ids(headId)).toEqual([first]);
    expect(await ids('13698765432')).toEqual([other.json().id]);
    expect(await ids('13600000000')).toEqual([]);
    expect(await ids('周')).toEqual([other.json().id]);
    expect(await ids('东村')).toEqual([first, other.json().id]);
    expect((await sec.get('/api/households?poor=true')).json().total).toBe(1);
    expect((await sec.get('/api/households?tag=ordinary')).json().total).toBe(1);
  });

  it('reveals full numbers only to roles allowed to, and audits the viewing', async () => {
    const detail = (await sec.get(`/api/households/${first}`)).json();
    const head = detail.residents.find((r: { relation: string }) => r.relation === 'head');
    const shown = await sec.post(`/api/residents/${head.id}/reveal`, { fields: ['idNumber', 'phone'] });
    expect(shown.json()).toEqual({ idNumber: headId, phone: headPhone });
    expect((await sec.post(`/api/households/${first}/reveal`, { fields: ['phone'] })).json()).toEqual({
      phone: householdPhone,
    });
    const denied = await town.post(`/api/residents/${head.id}/reveal`, { fields: ['idNumber'] });
    expect(denied.statusCode).toBe(403);
    expect((await audits('resident', head.id)).map((a) => a.action)).toContain('resident.reveal');
  });

  it('keeps a village to its own households: other townships get 404, members 403', async () => {
    const a2 = await town.post('/api/households', {
      orgId: fx.villageA2,
      address: '南村1号',
      headName: '吴五',
      tags: ['subsistence'],
    });
    expect(a2.statusCode).toBe(200);
    expect((await town.get('/api/households')).json().total).toBe(3);
    const secList = (await sec.get('/api/households')).json();
    expect(secList.total).toBe(2);
    expect(secList.items.every((i: { orgId: number }) => i.orgId === fx.villageA1)).toBe(true);
    expect((await sec.get(`/api/households/${a2.json().id}`)).statusCode).toBe(404);
    expect((await sec.patch(`/api/households/${a2.json().id}`, { note: 'x' })).statusCode).toBe(404);
    expect((await townB.get(`/api/households/${first}`)).statusCode).toBe(404);
    expect((await townB.get(`/api/households?org=${fx.villageA1}`)).statusCode).toBe(404);
    expect(
      (await townB.post('/api/households', { orgId: fx.villageA1, address: 'x', headName: 'y', tags: [] })).statusCode,
    ).toBe(404);
    expect((await townB.get('/api/households')).json().total).toBe(0);
    const auditor = await login(env.app, 't-auditor');
    const security = await login(env.app, 't-security');
    for (const url of [
      '/api/households',
      '/api/household-groups',
      '/api/pairings',
      '/api/zones',
      '/api/household-groups/coverage',
      '/api/household-groups/uncovered',
      '/api/pairings/gaps',
      '/api/households/export',
      `/api/households/${first}`,
    ]) {
      for (const [who, c] of [
        ['member', member],
        ['auditor', auditor],
        ['security', security],
      ] as const) {
        const res = await c.get(url);
        expect(res.statusCode, `${who} ${url}`).toBe(403);
        expect(res.body).not.toContain('赵大');
      }
    }
    expect(
      (await member.post('/api/households', { orgId: fx.villageA1, address: 'x', headName: 'y', tags: [] })).statusCode,
    ).toBe(403);
  });

  const headers = ['村(社区)组织', '地址', '户主', '与户主关系', '姓名', '身份证号', '手机号', '标签'];
  const fill = async (rows: unknown[][]) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('户籍');
    ws.addRow(headers);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  };
  const upload = (buf: Buffer, dryRun = false) =>
    town.upload(`/api/households/import${dryRun ? '?dryRun=true' : ''}`, buf, 'h.xlsx', XLSX_TYPE);
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
    // The template names villages as places (a file naming the party branch is still read).
    expect(orgNames).toEqual(['东村', '南村']);
  });

  it('imports nothing from a file with a bad row, says why; a dry run writes nothing; a good file does', async () => {
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
