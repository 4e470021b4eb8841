import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildFixture,
  createEnv,
  dialects,
  login,
  testIdNumber,
  type Client,
  type Fixture,
  type TestEnv,
} from '../harness.js';

const MASKED_PHONE = /^1\d{2}\*{4}\d{4}$/;
const MASKED_ID = /^\d{6}\*{8}\d{3}[\dX]$/;

describe.each(dialects())('households, groups, pairings and zones on %s', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  let county: Client;
  let town: Client;
  let townB: Client;
  let sec: Client;
  let member: Client;
  beforeAll(async () => {
    env = await createEnv(dialect);
    fx = await buildFixture(env);
    county = await login(env.app, 't-county');
    town = await login(env.app, 't-town-a');
    townB = await login(env.app, 't-town-b');
    sec = await login(env.app, 't-sec-a1');
    member = await login(env.app, 't-member-a1');
  });
  afterAll(() => env.close());

  const audits = async (entityType: string, id: number) =>
    env.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'changes'])
      .where('entity_type', '=', entityType)
      .where('entity_id', '=', String(id))
      .orderBy('id')
      .execute();
  const householdCount = async () =>
    Number(
      (
        await env.ctx.db
          .selectFrom('households')
          .select((e) => e.fn.countAll<number>().as('n'))
          .where('deleted_at', 'is', null)
          .executeTakeFirstOrThrow()
      ).n,
    );

  let first = 0;
  const headId = testIdNumber('male', '1968-03-04');
  const headPhone = '13712345678';
  const householdPhone = '15800001111';

  it('records a household with residents, masks the numbers and keeps people counted; edits, soft deletes and restores with audit rows', async () => {
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
      orgName: '东村党支部',
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
    expect(phone.json().error.code).toBe('residents.invalid_phone');
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

  describe('Excel', () => {
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
      expect((wb.worksheets[0].getRow(1).values as string[]).slice(1).map((h) => h.replace(/\*$/, ''))).toEqual(
        headers,
      );
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

  describe('groups, coverage and pairing in a fresh township', () => {
    let townC = 0;
    let c1 = 0;
    let c2 = 0;
    const h: number[] = [];
    let g1 = 0;
    let g2 = 0;
    beforeAll(async () => {
      townC = (
        await county.post('/api/orgs', { parentId: fx.county, name: '北乡镇党委', type: 'committee', field: 'rural' })
      ).json().id;
      c1 = (
        await county.post('/api/orgs', { parentId: townC, name: '北一村党支部', type: 'branch', field: 'rural' })
      ).json().id;
      c2 = (
        await county.post('/api/orgs', { parentId: townC, name: '北二村党支部', type: 'branch', field: 'rural' })
      ).json().id;
      // [org, poor, people]: C1 has 4 households (10 people, 2 poor), C2 has 3 (6 people, 1 poor).
      const plan: [number, boolean, number][] = [
        [c1, true, 3],
        [c1, true, 2],
        [c1, false, 1],
        [c1, false, 4],
        [c2, true, 2],
        [c2, false, 3],
        [c2, false, 1],
      ];
      for (const [i, [org, poor, people]] of plan.entries()) {
        const res = await county.post('/api/households', {
          orgId: org,
          address: `北村${i + 1}号`,
          headName: `户主${i + 1}`,
          tags: poor ? ['subsistence'] : ['ordinary'],
          residents: Array.from({ length: people }, (_, k) => ({
            name: `居民${i + 1}-${k + 1}`,
            relation: k === 0 ? 'head' : 'child',
          })),
        });
        expect(res.statusCode).toBe(200);
        h.push(res.json().id);
      }
    });

    it("forms groups within the size limit, one group per household, of the group's village", async () => {
      const group = (name: string, orgId: number, householdIds: number[]) => ({
        orgId,
        name,
        leaderKind: 'member',
        leaderName: '组长',
        leaderMemberId: fx.memberIn.villageA1,
        leaderPhone: '13800138000',
        householdIds,
      });
      const r1 = await county.post('/api/household-groups', group('北一第1组', c1, [h[0], h[1], h[2]]));
      expect(r1.statusCode).toBe(200);
      g1 = r1.json().id;
      expect(r1.json()).toMatchObject({
        households: expect.any(Array),
        poorHouseholds: 2,
        people: 6,
        sizeOk: true,
        poorOk: true,
        leaderPhone: '138****8000',
      });
      expect(r1.json().households).toHaveLength(3);
      const r2 = await county.post('/api/household-groups', group('北二第1组', c2, [h[4], h[5]]));
      g2 = r2.json().id;
      // Two households and one poor are under the rules: reported, not refused.
      expect(r2.json()).toMatchObject({ poorHouseholds: 1, people: 5, sizeOk: false, poorOk: false });
      expect((await county.post('/api/household-groups', group('重复', c1, [h[2], h[3]]))).json().error.code).toBe(
        'residents.household_in_group',
      );
      expect((await county.post('/api/household-groups', group('跨村', c1, [h[3], h[6]]))).json().error.code).toBe(
        'residents.household_other_org',
      );
      expect((await county.post('/api/household-groups', group('镇级', townC, [h[3]]))).json().error.code).toBe(
        'residents.org_not_village',
      );
      // The hard limit comes from the county's rules.
      expect((await county.patch('/api/service-rules', { groupSizeMax: 3 })).statusCode).toBe(200);
      const tooBig = await county.patch(`/api/household-groups/${g1}`, { householdIds: [h[0], h[1], h[2], h[3]] });
      expect(tooBig.json().error.code).toBe('residents.group_size');
      expect((await county.delete('/api/service-rules/groupSizeMax')).json().rules.groupSizeMax).toBe(7);
      // 0 is a value, not a reset (type coercion once read 0 as null).
      expect((await county.patch('/api/service-rules', { groupPoorMin: 0 })).json().rules.groupPoorMin).toBe(0);
      await county.delete('/api/service-rules/groupPoorMin');
      const list = (await county.get(`/api/household-groups?org=${townC}`)).json();
      expect(list.total).toBe(2);
      const byId = (a: { id: number }, b: { id: number }) => a.id - b.id;
      expect(
        list.items.sort(byId).map((g: { households: number; sizeOk: boolean }) => [g.households, g.sizeOk]),
      ).toEqual([
        [3, true],
        [2, false],
      ]);
      expect((await county.get(`/api/households/${h[0]}`)).json()).toMatchObject({
        groupId: g1,
        groupName: '北一第1组',
      });
      expect((await audits('household_group', g1)).map((a) => a.action)).toEqual(['household_group.create']);
    });

    it('computes coverage of the subtree and lists the households left out', async () => {
      const cov = (await county.get(`/api/household-groups/coverage?org=${townC}`)).json();
      expect(cov).toMatchObject({
        groups: 2,
        households: 5,
        householdsTotal: 7,
        people: 11,
        peopleTotal: 16,
        poorHouseholds: 3,
        poorCovered: 3,
        groupsOffRule: 1,
      });
      expect(cov.coverageRate).toBeCloseTo(5 / 7, 10);
      expect(cov.byOrg).toEqual([
        {
          orgId: c1,
          orgName: '北一村党支部',
          groups: 1,
          households: 3,
          householdsTotal: 4,
          people: 6,
          peopleTotal: 10,
          coverageRate: 0.75,
        },
        {
          orgId: c2,
          orgName: '北二村党支部',
          groups: 1,
          households: 2,
          householdsTotal: 3,
          people: 5,
          peopleTotal: 6,
          coverageRate: 2 / 3,
        },
      ]);
      const left = (await county.get(`/api/household-groups/uncovered?org=${townC}`)).json();
      expect(left.total).toBe(2);
      expect(left.items.map((i: { id: number }) => i.id).sort((a: number, b: number) => a - b)).toEqual([h[3], h[6]]);
      expect((await county.get(`/api/households?org=${townC}&grouped=true`)).json().total).toBe(5);

      // Every write moves the cached figures: a deleted group covers nobody, a restored one again.
      await county.delete(`/api/household-groups/${g2}`);
      const after = (await county.get(`/api/household-groups/coverage?org=${townC}`)).json();
      expect(after).toMatchObject({ groups: 1, households: 3, people: 6, groupsOffRule: 0 });
      expect(after.coverageRate).toBeCloseTo(3 / 7, 10);
      expect((await county.get(`/api/households/${h[4]}`)).json().groupId).toBeNull();
      await county.post(`/api/household-groups/${g2}/restore`);
      expect((await county.get(`/api/household-groups/coverage?org=${townC}`)).json()).toMatchObject({
        groups: 2,
        households: 5,
      });
      // Replacing the set of a group moves households in and out.
      const patched = await county.patch(`/api/household-groups/${g2}`, { householdIds: [h[4], h[5], h[6]] });
      expect(patched.json()).toMatchObject({ people: 6, sizeOk: true, poorOk: false });
      expect((await county.get(`/api/household-groups/coverage?org=${townC}`)).json()).toMatchObject({
        households: 6,
        people: 12,
        groupsOffRule: 1,
      });
      // The county's figure has no households elsewhere grouped: only townC counts.
      const whole = (await county.get('/api/household-groups/coverage')).json();
      expect(whole.byOrg.find((o: { orgId: number }) => o.orgId === townC)).toMatchObject({
        groups: 2,
        households: 6,
        householdsTotal: 7,
      });
      expect(whole.byOrg.find((o: { orgId: number }) => o.orgId === fx.townA)).toMatchObject({
        groups: 0,
        households: 0,
      });
    });

    it('pairs cadres with poor households within the load rule and reports the gaps', async () => {
      expect((await county.patch('/api/service-rules', { pairingLoadMin: 1, pairingLoadMax: 2 })).statusCode).toBe(200);
      const x = fx.memberIn.townB;
      const y = fx.memberIn.villageA2;
      const pair = (householdId: number, cadreMemberId: number) =>
        county.post('/api/pairings', { householdId, cadreMemberId, startedOn: '2026-06-01' });
      expect((await pair(h[3], x)).json().error.code).toBe('residents.not_poor');
      const p1 = await pair(h[0], x);
      expect(p1.statusCode).toBe(200);
      expect(p1.json()).toMatchObject({
        householdId: h[0],
        householdHead: '户主1',
        cadreMemberId: x,
        cadreName: '西乡丙',
        cadreOrgName: '西乡镇党委',
        orgId: c1,
        endedOn: null,
      });
      expect((await pair(h[0], x)).json().error.code).toBe('residents.already_paired');
      const p2 = await pair(h[1], x);
      expect(p2.statusCode).toBe(200);
      const over = await pair(h[4], x);
      expect(over.statusCode).toBe(409);
      expect(over.json().error.code).toBe('residents.pairing_load');
      expect((await pair(h[4], y)).statusCode).toBe(200);
      expect(
        (await county.post('/api/pairings', { householdId: h[4], cadreMemberId: y, startedOn: '2026-07-01' })).json()
          .error.code,
      ).toBe('residents.in_future');

      let gaps = (await county.get(`/api/pairings/gaps?org=${townC}`)).json();
      expect(gaps).toMatchObject({
        poorHouseholds: 3,
        pairedHouseholds: 3,
        unpaired: [],
        unpairedTotal: 0,
        cadres: 2,
        overloaded: [],
        underloaded: [],
        loadMin: 1,
        loadMax: 2,
      });
      expect((await county.get(`/api/households/${h[0]}`)).json().cadres).toEqual([{ memberId: x, name: '西乡丙' }]);
      expect((await county.get(`/api/pairings?cadre=${x}`)).json().total).toBe(2);
      expect((await county.get(`/api/households?org=${townC}&paired=true`)).json().total).toBe(3);

      // Soft delete frees the load; restore takes it again.
      await county.delete(`/api/pairings/${p2.json().id}`);
      expect((await county.get(`/api/pairings/gaps?org=${townC}`)).json()).toMatchObject({
        pairedHouseholds: 2,
        unpairedTotal: 1,
      });
      expect((await county.post(`/api/pairings/${p2.json().id}/restore`)).statusCode).toBe(200);

      // An ended pairing leaves the household unpaired and the cadre's load lower.
      const ended = await county.post(`/api/pairings/${p2.json().id}/end`, { endedOn: '2026-06-15' });
      expect(ended.json().endedOn).toBe('2026-06-15');
      expect(
        (await county.post(`/api/pairings/${p1.json().id}/end`, { endedOn: '2026-05-01' })).json().error.code,
      ).toBe('validation');
      gaps = (await county.get(`/api/pairings/gaps?org=${townC}`)).json();
      expect(gaps).toMatchObject({ poorHouseholds: 3, pairedHouseholds: 2, unpairedTotal: 1, cadres: 2 });
      expect(gaps.unpaired).toEqual([
        { householdId: h[1], headName: '户主2', address: '北村2号', orgName: '北一村党支部' },
      ]);
      // Tighter rules: with a minimum of 2 both cadres (one household each) are under their load.
      await county.patch('/api/service-rules', { pairingLoadMin: 2, pairingLoadMax: 2 });
      gaps = (await county.get(`/api/pairings/gaps?org=${townC}`)).json();
      expect(gaps.underloaded.map((c: { memberId: number; load: number }) => [c.memberId, c.load]).sort()).toEqual(
        [
          [x, 1],
          [y, 1],
        ].sort(),
      );
      expect(gaps.overloaded).toEqual([]);
      // y takes the unpaired household (load 2); a maximum lowered to 1 leaves y over it.
      expect((await pair(h[1], y)).statusCode).toBe(200);
      await county.patch('/api/service-rules', { pairingLoadMin: 1, pairingLoadMax: 1 });
      gaps = (await county.get(`/api/pairings/gaps?org=${townC}`)).json();
      expect(gaps).toMatchObject({
        pairedHouseholds: 3,
        unpairedTotal: 0,
        unpaired: [],
        underloaded: [],
        loadMin: 1,
        loadMax: 1,
      });
      expect(gaps.overloaded).toEqual([{ memberId: y, name: '李四', orgName: '南村党支部', load: 2 }]);
      await county.delete('/api/service-rules/pairingLoadMin');
      await county.delete('/api/service-rules/pairingLoadMax');
      expect((await audits('pairing', p2.json().id)).map((a) => a.action)).toEqual([
        'pairing.create',
        'pairing.delete',
        'pairing.restore',
        'pairing.end',
      ]);
    });

    it('lets a township pair its households with a cadre of a county organ, not households elsewhere', async () => {
      const poorA1 = (await sec.get('/api/households?poor=true')).json().items[0];
      const res = await town.post('/api/pairings', {
        householdId: poorA1.id,
        cadreMemberId: fx.memberIn.county,
        startedOn: '2026-06-10',
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ cadreName: '县直甲', cadreOrgName: '测试县委' });
      expect(
        (
          await town.post('/api/pairings', {
            householdId: h[0],
            cadreMemberId: fx.memberIn.townA,
            startedOn: '2026-06-10',
          })
        ).statusCode,
      ).toBe(404);
      expect((await townB.get('/api/pairings')).json().total).toBe(0);
      expect((await sec.get('/api/pairings')).json().total).toBe(1);
    });
  });

  it('draws zones in communities only and assigns members of the county to them', async () => {
    const community = (
      await county.post('/api/orgs', { parentId: fx.townA, name: '东街社区党支部', type: 'branch', field: 'community' })
    ).json().id;
    expect((await town.post('/api/zones', { orgId: fx.villageA1, name: '一网格' })).json().error.code).toBe(
      'residents.zone_org',
    );
    const z = await town.post('/api/zones', { orgId: community, name: '一网格', area: '东街1-20号', households: 120 });
    expect(z.statusCode).toBe(200);
    const id = z.json().id;
    expect(z.json()).toMatchObject({
      orgName: '东街社区党支部',
      name: '一网格',
      area: '东街1-20号',
      households: 120,
      members: [],
    });
    const assigned = await town.post(`/api/zones/${id}/members`, { memberId: fx.memberIn.county });
    expect(assigned.json().members).toEqual([
      { memberId: fx.memberIn.county, name: '县直甲', orgName: '测试县委', assignedOn: '2026-06-15' },
    ]);
    expect((await town.post(`/api/zones/${id}/members`, { memberId: fx.memberIn.county })).json().members).toHaveLength(
      1,
    );
    expect((await town.post(`/api/zones/${id}/members`, { memberId: 999999 })).statusCode).toBe(404);
    expect((await town.get('/api/zones?q=网格')).json().total).toBe(1);
    expect((await townB.get('/api/zones')).json().total).toBe(0);
    expect((await town.patch(`/api/zones/${id}`, { households: 130 })).json().households).toBe(130);
    expect((await town.delete(`/api/zones/${id}/members/${fx.memberIn.county}`)).json().members).toEqual([]);
    expect((await town.delete(`/api/zones/${id}/members/${fx.memberIn.county}`)).statusCode).toBe(404);
    await town.delete(`/api/zones/${id}`);
    expect((await town.get('/api/zones')).json().total).toBe(0);
    expect((await town.post(`/api/zones/${id}/restore`)).json().deletedAt).toBeNull();
    expect((await audits('zone', id)).map((a) => a.action)).toEqual([
      'zone.create',
      'zone.assign',
      'zone.update',
      'zone.unassign',
      'zone.delete',
      'zone.restore',
    ]);
  });
});
