/**
 * Problems through the API on both databases: categories as data (a category not in the list refused in words,
 * the county's own list, one in use kept), scope (a branch sees only its own; a sibling's problem is not found),
 * measures, the printable notice, the three lists workbook (three sheets with their rows), the problems.summary
 * figure, soft delete and restore.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemsFigure } from '../../src/areas/supervision/problems/problems.figures.js';
import { dialects, testIdNumber } from '../harness.js';
import { dayOf, openProblems, type ProblemsCounty, record } from './problems-kit.js';

describe.each(dialects())('problems on %s', (dialect) => {
  let t: ProblemsCounty;
  beforeAll(async () => {
    t = await openProblems(dialect);
  });
  afterAll(() => t.env.close());

  it('categories are data: four defaults, one not in the list refused in words, the county edits it', async () => {
    const { county, secA1, fx } = t;
    const cats = (await secA1.get('/api/problems/categories')).json().items;
    expect(cats.map((c: { zh: string }) => c.zh)).toEqual(['组织建设', '作风纪律', '服务群众', '重点工作']);
    const bad = await secA1.post('/api/problems', {
      orgId: fx.villageA1,
      source: 'self_inspection',
      category: 'safety',
      title: '消防通道堵塞',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({
      code: 'problems.unknown_category',
      details: { fields: [{ field: 'category', code: 'problems.unknown_category' }] },
    });
    expect(bad.json().error.message).toContain('类别');
    // A branch may not change the list; the county adds a category.
    const items = [...cats, { key: 'safety', zh: '安全生产', en: 'Work safety', active: true }];
    expect((await secA1.request('PUT', '/api/problems/categories', { items })).statusCode).toBe(403);
    const put = await county.request('PUT', '/api/problems/categories', { items });
    expect(put.statusCode, put.body).toBe(200);
    const ok = await record(secA1, fx.villageA1, '消防通道堵塞', 'safety');
    expect(ok).toMatchObject({ category: 'safety', categoryName: '安全生产' });
    // A category in use is kept: removing it is refused, making it inactive closes it to new problems.
    const dropped = await county.request('PUT', '/api/problems/categories', { items: cats });
    expect(dropped.json().error.code).toBe('problems.category_in_use');
    const off = items.map((c) => (c.key === 'safety' ? { ...c, active: false } : c));
    expect((await county.request('PUT', '/api/problems/categories', { items: off })).statusCode).toBe(200);
    const closed = await secA1.post('/api/problems', {
      orgId: fx.villageA1,
      source: 'self_inspection',
      category: 'safety',
      title: '再一个',
    });
    expect(closed.json().error.code).toBe('problems.unknown_category');
    expect((await secA1.get(`/api/problems/${ok.id}`)).json().categoryName).toBe('安全生产');
    const dup = [...cats, { key: 'organization', zh: '重复', en: 'Dup', active: true }];
    expect((await county.request('PUT', '/api/problems/categories', { items: dup })).json().error.code).toBe(
      'problems.category_duplicate',
    );
    const badKey = [...cats, { key: '安全', zh: '安全', en: 'Safety', active: true }];
    expect((await county.request('PUT', '/api/problems/categories', { items: badKey })).json().error.code).toBe(
      'problems.bad_category_key',
    );
  });

  it('scope: a branch sees only its own; a sibling’s problem is not found; hand-made sources only', async () => {
    const { secA1, secA2, townA, townB, fx } = t;
    const mine = await record(secA1, fx.villageA1, '主题党日活动流于形式');
    const sibling = await record(secA2, fx.villageA2, '党员发展材料不规范');
    const list = (await secA1.get('/api/problems?pageSize=100')).json();
    expect(list.items.every((p: { orgId: number }) => p.orgId === fx.villageA1)).toBe(true);
    expect(list.items.map((p: { id: number }) => p.id)).toContain(mine.id);
    expect((await secA1.get(`/api/problems/${sibling.id}`)).statusCode).toBe(404);
    expect((await secA1.post(`/api/problems/${sibling.id}/claim`, { claimNote: 'x' })).statusCode).toBe(404);
    expect((await secA1.patch(`/api/problems/${sibling.id}`, { title: 'x' })).statusCode).toBe(404);
    expect((await secA1.get(`/api/problems?org=${fx.villageA2}`)).statusCode).toBe(404);
    // A branch cannot record a problem of its sibling, nor a source that comes from another module.
    const other = await secA1.post('/api/problems', {
      orgId: fx.villageA2,
      source: 'complaint',
      category: 'service',
      title: 'x',
    });
    expect(other.statusCode).toBe(404);
    const inspection = await secA1.post('/api/problems', {
      orgId: fx.villageA1,
      source: 'inspection',
      category: 'service',
      title: 'x',
    });
    expect(inspection.statusCode).toBe(400);
    // The township sees both; another township neither.
    const a = (await townA.get('/api/problems?pageSize=100')).json().items.map((p: { id: number }) => p.id);
    expect(a).toEqual(expect.arrayContaining([mine.id, sibling.id]));
    expect((await townB.get('/api/problems')).json().total).toBe(0);
    // Search by title and filter by source and category.
    const found = (await townA.get(`/api/problems?q=${encodeURIComponent('党员发展')}`)).json();
    expect(found.items.map((p: { id: number }) => p.id)).toEqual([sibling.id]);
    const bySource = (await townA.get('/api/problems?source=complaint')).json();
    expect(bySource.items.every((p: { source: string }) => p.source === 'complaint')).toBe(true);
  });

  it('an edit, soft delete and restore; a future found day and a due date before it refused', async () => {
    const { secA1, fx } = t;
    const p = await record(secA1, fx.villageA1, '会风会纪不严', 'conduct');
    const edited = await secA1.patch(`/api/problems/${p.id}`, { description: '会议期间玩手机' });
    expect(edited.json()).toMatchObject({ description: '会议期间玩手机', title: '会风会纪不严' });
    const future = await secA1.post('/api/problems', {
      orgId: fx.villageA1,
      source: 'self_inspection',
      category: 'conduct',
      title: 'x',
      foundOn: '2099-01-01',
    });
    expect(future.json().error.code).toBe('problems.found_in_future');
    const early = await secA1.post('/api/problems', {
      orgId: fx.villageA1,
      source: 'self_inspection',
      category: 'conduct',
      title: 'x',
      foundOn: '2026-06-01',
      dueOn: '2026-05-01',
    });
    expect(early.json().error.code).toBe('problems.due_before_found');
    expect((await secA1.delete(`/api/problems/${p.id}`)).statusCode).toBe(200);
    expect((await secA1.get(`/api/problems/${p.id}`)).json().deletedAt).not.toBeNull();
    const bin = (await secA1.get('/api/problems?deleted=true')).json();
    expect(bin.items.map((i: { id: number }) => i.id)).toEqual([p.id]);
    expect((await secA1.post(`/api/problems/${p.id}/restore`)).json().deletedAt).toBeNull();
  });

  it('measures, the notice to print, and the three lists workbook', async () => {
    const { secA1, townA, townA2, fx } = t;
    const p = await record(secA1, fx.villageA1, '流动党员管理缺位', 'organization', {
      description: '外出务工党员未建立联系台账',
    });
    expect((await secA1.get(`/api/problems/${p.id}/notice`)).json().error.code).toBe('problems.not_assigned');
    const due = '2026-07-15';
    await townA.post(`/api/problems/${p.id}/assign`, { responsibleName: '张三', dueOn: due, note: '请按期整改' });
    const m1 = await secA1.post(`/api/problems/${p.id}/measures`, {
      content: '建立流动党员联系台账',
      ownerName: '张三',
      dueOn: '2026-06-30',
    });
    expect(m1.statusCode, m1.body).toBe(200);
    const m2 = (
      await secA1.post(`/api/problems/${p.id}/measures`, { content: '每月电话联系一次', ownerName: '李四' })
    ).json();
    const done = await secA1.patch(`/api/problems/${p.id}/measures/${m1.json().id}`, { doneOn: '2026-06-15' });
    expect(done.json()).toMatchObject({ doneOn: '2026-06-15', content: '建立流动党员联系台账' });
    expect((await secA1.delete(`/api/problems/${p.id}/measures/${m2.id}`)).statusCode).toBe(200);
    const m3 = await secA1.post(`/api/problems/${p.id}/measures`, { content: '纳入支部考核', ownerName: '王五' });
    expect((await secA1.get(`/api/problems/${p.id}/measures`)).json().total).toBe(2);
    // A sibling's secretary reaches none of it.
    expect((await t.secA2.get(`/api/problems/${p.id}/measures`)).statusCode).toBe(404);
    const notice = (await secA1.get(`/api/problems/${p.id}/notice`)).json();
    expect(notice).toMatchObject({
      issuerName: '东乡镇党委',
      orgName: '东村党支部',
      title: '流动党员管理缺位',
      categoryName: '组织建设',
      sourceName: '自查自纠',
      dueOn: due,
      responsibleName: '张三',
      instructions: '请按期整改',
    });
    expect(notice.noticeNo).toMatch(/^交办〔2026〕\d+号$/);
    expect(notice.measures.map((m: { content: string }) => m.content)).toEqual([
      '建立流动党员联系台账',
      '纳入支部考核',
    ]);
    await secA1.post(`/api/problems/${p.id}/claim`, { claimNote: '台账已建立' });
    await townA2.post(`/api/problems/${p.id}/verify`, {});
    // Closed: its measures are kept as they are.
    const late = await secA1.patch(`/api/problems/${p.id}/measures/${m3.json().id}`, { doneOn: '2026-06-15' });
    expect(late.json().error.code).toBe('problems.closed');

    const res = await townA.get(`/api/problems/lists.xlsx?org=${fx.villageA1}&from=2026-06-01&to=2026-06-30`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['问题清单', '措施清单', '责任清单']);
    const [problems, measures, people] = wb.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet, ExcelJS.Worksheet];
    const inList = (await townA.get(`/api/problems?org=${fx.villageA1}&from=2026-06-01&to=2026-06-30`)).json().total;
    expect(problems.rowCount - 1).toBe(inList);
    const titles = problems.getColumn(4).values.slice(2).map(String);
    expect(titles).toContain('流动党员管理缺位');
    const mRows = measures.getSheetValues().slice(2) as unknown[][];
    expect(mRows.map((r) => r[4])).toEqual(expect.arrayContaining(['建立流动党员联系台账', '纳入支部考核']));
    expect(mRows.find((r) => r[4] === '建立流动党员联系台账')?.[7]).toBe('已完成（2026-06-15）');
    const pRows = people.getSheetValues().slice(2) as unknown[][];
    expect(pRows.filter((r) => r[5] === '流动党员管理缺位').map((r) => [r[1], r[3]])).toEqual([['张三', '整改责任人']]);
    expect(pRows.filter((r) => r[5] === '纳入支部考核').map((r) => [r[1], r[3]])).toEqual([['王五', '措施责任人']]);
    // The list as filtered, too.
    const exp = await secA1.get('/api/problems/export?status=closed');
    expect(exp.statusCode).toBe(200);
  });

  it('the problems.summary figure: found, closed, overdue, average days, by category and child org', async () => {
    const { county, townA, fx, env } = t;
    const today = dayOf(env);
    const q = `from=2026-06-01&to=2026-06-30`;
    const before = (await county.get(`/api/stats/problems?${q}`)).json();
    const p = await record(t.secA1, fx.villageA1, '值班制度落实不到位', 'conduct');
    await townA.post(`/api/problems/${p.id}/assign`, { responsibleName: '张三' });
    await t.secA1.post(`/api/problems/${p.id}/claim`, { claimNote: '已整改' });
    await t.townA2.post(`/api/problems/${p.id}/verify`, {});
    const after = (await county.get(`/api/stats/problems?${q}`)).json();
    expect(after.found).toBe(before.found + 1);
    expect(after.closed).toBe(before.closed + 1);
    expect(after.day).toBe(today);
    expect(after.avgDaysToClose).toBe(0);
    const conduct = (f: typeof after) => f.byCategory.find((c: { category: string }) => c.category === 'conduct');
    expect(conduct(after).found).toBe(conduct(before).found + 1);
    const townRow = after.rows.find((r: { orgId: number }) => r.orgId === fx.townA);
    expect(townRow.found).toBeGreaterThan(0);
    expect(after.rows.find((r: { orgId: number }) => r.orgId === fx.townB).found).toBe(0);
    const sum = after.byStatus.reduce((s: number, x: { count: number }) => s + x.count, 0);
    expect(sum).toBe(after.found);
    // The bulletins read the same figure by its object.
    const direct = await problemsFigure.get(env.ctx, fx.county, {
      orgId: fx.county,
      from: '2026-06-01',
      to: '2026-06-30',
    });
    expect(direct).toMatchObject({ found: after.found, closed: after.closed });
    // A branch reads its own subtree only; another's is not found; the workbook exports.
    expect((await t.secA1.get(`/api/stats/problems?${q}&org=${fx.villageA2}`)).statusCode).toBe(404);
    const xlsx = await county.get(`/api/stats/problems/export?${q}`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['按组织', '按类别', '按状态']);
  });

  it('a problem from an overdue development step: once, linked back; a step not overdue refused', async () => {
    const { secA1, fx } = t;
    const apply = async (appliedOn: string, name: string) => {
      const res = await secA1.post('/api/development', {
        orgId: fx.villageA1,
        name,
        idNumber: testIdNumber('male', '2000-02-03'),
        appliedOn,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().id as number;
    };
    const late = await apply('2026-03-01', '钱申请');
    const fresh = await apply('2026-06-10', '孙申请');
    const p = await secA1.post('/api/problems/from-development', { candidateId: late });
    expect(p.statusCode, p.body).toBe(200);
    expect(p.json()).toMatchObject({
      source: 'development',
      sourceRef: `development:${late}`,
      orgId: fx.villageA1,
      status: 'found',
      sourceLink: { label: '发展党员', path: `/development/${late}` },
    });
    expect(p.json().title).toContain('钱申请');
    const twice = await secA1.post('/api/problems/from-development', { candidateId: late });
    expect(twice.json().error.code).toBe('problems.already_open');
    const notYet = await secA1.post('/api/problems/from-development', { candidateId: fresh });
    expect(notYet.json().error.code).toBe('problems.not_overdue');
    expect((await t.secA2.post('/api/problems/from-development', { candidateId: late })).statusCode).toBe(404);
  });
});
