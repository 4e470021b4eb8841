/**
 * Bulletins through the API on both databases: a generated bulletin's numbers equal the figures they came from
 * and carry their sources; issuing freezes it (a record changes, the bulletin does not, byte for byte) and numbers
 * it sequentially under parallel issues; withdrawal keeps it with its reason; drafts are soft deleted and
 * restored; who may generate and read what.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, dialects, type Fixture, openFixture, type TestEnv } from '../harness.js';

// The test clock stands at 2026-06-15: the second quarter is the current one.
describe.each(dialects())('bulletins on %s', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  let county: Client;
  let townA: Client;
  let townB: Client;
  let sec: Client;

  beforeAll(async () => {
    ({ env, fx, county, townA, townB, sec } = await openFixture(dialect, {
      county: 't-county',
      townA: 't-town-a',
      townB: 't-town-b',
      sec: 't-sec-a1',
    }));
  });
  afterAll(() => env.close());

  const generate = async (who: Client, body: Record<string, unknown>) => {
    const res = await who.post('/api/bulletins', { kind: 'quarterly', period: '2026-Q2', ...body });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const sectionOf = (b: any, key: string) => b.content.sections.find((s: any) => s.key === key);
  const figureOf = (b: any, key: string, fig: string) => sectionOf(b, key).figures.find((f: any) => f.key === fig);
  const meeting = (over: Record<string, unknown> = {}) => ({
    orgId: fx.villageA1,
    kind: 'committee_meeting',
    topic: '研究本月工作',
    heldOn: '2026-06-10',
    startTime: '19:30',
    endTime: '21:00',
    place: '村党群服务中心',
    hostName: '张三',
    minutes: '会议研究了本月重点工作。',
    ...over,
  });

  it('generates a draft whose numbers equal the figures, each with its source', async () => {
    const b = await generate(county, { orgId: fx.county });
    expect(b).toMatchObject({ status: 'draft', kind: 'quarterly', numberLabel: null, periodLabel: '2026年第二季度' });
    expect(b.title).toMatch(/2026年第二季度基层党建工作通报$/);
    expect(b.actions).toEqual(['edit', 'regenerate', 'issue', 'delete']);
    const compliance = (await county.get(`/api/compliance/meetings?org=${fx.county}&period=2026-Q2`)).json();
    expect(figureOf(b, 'meetings', 'rate').value).toBe(compliance.summary.rate);
    expect(figureOf(b, 'meetings', 'required').value).toBe(compliance.summary.required);
    expect(figureOf(b, 'meetings', 'held').value).toBe(compliance.summary.held);
    const dues = (await county.get(`/api/dues/figures?org=${fx.county}&period=2026-Q2`)).json();
    expect(figureOf(b, 'dues', 'due').value).toBe(dues.total.due);
    expect(figureOf(b, 'dues', 'arrears').value).toBe(dues.total.arrears);
    const plan = (await county.get(`/api/development/plans/figures?org=${fx.county}&year=2026`)).json();
    expect(figureOf(b, 'development', 'admitted').value).toBe(plan.total.admitted);
    // The supervision modules' figures too: the problems' and the tasks' numbers are theirs.
    const range = `org=${fx.county}&from=2026-04-01&to=2026-06-30`;
    const problems = (await county.get(`/api/stats/problems?${range}`)).json();
    expect(sectionOf(b, 'problems').available).toBe(true);
    expect(figureOf(b, 'problems', 'found').value).toBe(problems.found);
    expect(figureOf(b, 'problems', 'overdue').value).toBe(problems.overdue);
    expect(figureOf(b, 'problems', 'overdue').trace.figure).toBe('problems.summary');
    const tasks = (await county.get(`/api/stats/tasks?${range}`)).json();
    expect(figureOf(b, 'tasks', 'targets').value).toBe(tasks.targets);
    expect(figureOf(b, 'tasks', 'overdue').value).toBe(tasks.overdue);
    // Accountability is counted, never named.
    expect(sectionOf(b, 'accountability').available).toBe(true);
    // Every number carries its figure, arguments, versions and the list it counts.
    const rate = figureOf(b, 'meetings', 'rate');
    expect(rate.trace).toMatchObject({ figure: 'meetings.compliance', args: { period: '2026-Q2' } });
    expect(rate.trace.args.root.id).toBe(fx.county);
    expect(Object.keys(rate.trace.versions).sort()).toEqual(['meetings', 'roster']);
    expect(rate.trace.link).toBe(`/compliance?org=${fx.county}&period=2026-Q2`);
    expect(figureOf(b, 'meetings', 'behindOrgs').trace.link).toContain('status=behind');
    for (const s of b.content.sections) {
      for (const f of s.figures) expect(f.trace.figure, `${s.key}.${f.key}`).toBeTruthy();
      if (!s.available) expect(s.text.zh).toMatch(/暂无数据|暂无相关数据/);
    }
    // The ranking names the two townships; star ratings are not a section (issue 12).
    expect(
      sectionOf(b, 'ranking')
        .tables[0].rows.map((r: any) => r.ids[0])
        .sort(),
    ).toEqual([fx.townA, fx.townB].sort());
    expect(b.content.sections.map((s: any) => s.key)).not.toContain('stars');
  });

  it('refuses a bad period, a sibling township, a branch; a township generates for its own subtree', async () => {
    const bad = await county.post('/api/bulletins', { orgId: fx.county, kind: 'briefing', from: '2026-05-01' });
    expect(bad.json().error.code).toBe('bulletins.bad_period');
    const across = await county.post('/api/bulletins', {
      orgId: fx.county,
      kind: 'briefing',
      from: '2025-12-01',
      to: '2026-01-31',
    });
    expect(across.json().error.code).toBe('bulletins.bad_period');
    expect(
      (await townA.post('/api/bulletins', { orgId: fx.townB, kind: 'briefing', period: '2026-05' })).statusCode,
    ).toBe(404);
    expect(
      (await sec.post('/api/bulletins', { orgId: fx.villageA1, kind: 'briefing', period: '2026-05' })).statusCode,
    ).toBe(403);
    const own = await generate(townA, { orgId: fx.villageA1, kind: 'briefing', period: '2026-05' });
    expect(own.periodLabel).toBe('2026年5月');
    const range = await generate(townA, {
      orgId: fx.townA,
      kind: 'special',
      period: null,
      from: '2026-04-01',
      to: '2026-05-15',
    });
    expect(range.periodLabel).toBe('2026年4月1日至2026年5月15日');
    // A township's draft is not the county's to see in the other township, nor the branch's.
    expect((await townB.get(`/api/bulletins/${own.id}`)).statusCode).toBe(404);
    expect((await sec.get(`/api/bulletins/${own.id}`)).statusCode).toBe(404);
  });

  it('issuing freezes the content: a record changes, the bulletin does not; a draft regenerated does', async () => {
    const draft = await generate(county, { orgId: fx.townA });
    const other = await generate(county, { orgId: fx.townA });
    const issued = (await county.post(`/api/bulletins/${draft.id}/issue`)).json();
    expect(issued).toMatchObject({ status: 'issued', actions: ['withdraw'] });
    expect(issued.numberLabel).toMatch(/^2026年第\d+期$/);
    const before = (await county.get(`/api/bulletins/${draft.id}`)).body;
    const heldBefore = figureOf(issued, 'meetings', 'held').value;
    const res = await sec.post('/api/meetings', meeting());
    expect(res.statusCode, res.body).toBe(200);
    expect((await county.get(`/api/bulletins/${draft.id}`)).body).toBe(before);
    // The draft regenerated counts the new meeting.
    const again = (await county.post(`/api/bulletins/${other.id}/regenerate`)).json();
    expect(figureOf(again, 'meetings', 'held').value).toBe(heldBefore + 1);
    // An issued bulletin is neither regenerated nor edited nor issued again nor deleted.
    for (const [url, body] of [
      ['regenerate', {}],
      ['issue', {}],
    ] as const)
      expect((await county.post(`/api/bulletins/${draft.id}/${url}`, body)).json().error.code).toBe(
        'bulletins.not_draft',
      );
    expect((await county.request('PUT', `/api/bulletins/${draft.id}`, { title: '改' })).json().error.code).toBe(
      'bulletins.not_draft',
    );
    expect((await county.delete(`/api/bulletins/${draft.id}`)).json().error.code).toBe('bulletins.not_draft');
    // The branch below reads the issued bulletin that covers it; the other township's branch tree does not.
    expect((await sec.get(`/api/bulletins/${draft.id}`)).statusCode).toBe(200);
    expect((await townB.get(`/api/bulletins/${draft.id}`)).statusCode).toBe(404);
    expect((await sec.get('/api/bulletins')).json().items.map((i: any) => i.id)).toContain(draft.id);
    // Filtered by the organization above it covers, the branch lists that organization's issued bulletins only.
    const above = (await sec.get(`/api/bulletins?org=${fx.townA}`)).json();
    expect(above.items.map((i: any) => i.id)).toEqual([draft.id]);
    expect((await sec.get(`/api/bulletins?org=${fx.townB}`)).statusCode).toBe(404);
  });

  it('numbers parallel issues sequentially per issuing organization and year, without gaps or duplicates', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 6; i++)
      ids.push((await generate(townB, { orgId: fx.townB, kind: 'briefing', period: '2026-05' })).id);
    const res = await Promise.all(ids.map((id) => townB.post(`/api/bulletins/${id}/issue`)));
    expect(res.map((r) => r.statusCode)).toEqual(ids.map(() => 200));
    const seqs = res.map((r) => r.json().seq).sort((a, b) => a - b);
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6]);
    // The same draft issued twice at once: one wins, the other is told it is issued.
    const one = (await generate(townB, { orgId: fx.townB, kind: 'briefing', period: '2026-05' })).id;
    const twice = await Promise.all([
      townB.post(`/api/bulletins/${one}/issue`),
      townB.post(`/api/bulletins/${one}/issue`),
    ]);
    expect(twice.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(twice.find((r) => r.statusCode === 200)!.json().numberLabel).toBe('2026年第7期');
  });

  it('edits a draft, soft deletes and restores it; withdraws an issued one with a reason', async () => {
    const d = await generate(county, { orgId: fx.county, kind: 'briefing', period: '2026-05' });
    const order = [...d.sectionOrder].reverse();
    const edited = (
      await county.request('PUT', `/api/bulletins/${d.id}`, { foreword: '导语', sectionOrder: order })
    ).json();
    expect(edited.foreword).toBe('导语');
    expect(edited.content.sections.map((s: any) => s.key)).toEqual(order);
    const dup = await county.request('PUT', `/api/bulletins/${d.id}`, { sectionOrder: [order[0], order[0]] });
    expect(dup.json().error.code).toBe('bulletins.bad_order');
    expect((await county.delete(`/api/bulletins/${d.id}`)).statusCode).toBe(200);
    expect((await county.get('/api/bulletins?deleted=true')).json().items.map((i: any) => i.id)).toContain(d.id);
    expect((await county.post(`/api/bulletins/${d.id}/restore`)).json().deletedAt).toBeNull();
    const issued = (await county.post(`/api/bulletins/${d.id}/issue`)).json();
    expect((await county.post(`/api/bulletins/${d.id}/withdraw`, { reason: '' })).statusCode).toBe(400);
    expect((await townA.post(`/api/bulletins/${d.id}/withdraw`, { reason: '数据有误' })).statusCode).toBe(403);
    const w = (await county.post(`/api/bulletins/${d.id}/withdraw`, { reason: '数据有误' })).json();
    expect(w).toMatchObject({ status: 'withdrawn', withdrawReason: '数据有误', numberLabel: issued.numberLabel });
    const list = (await county.get('/api/bulletins?status=withdrawn&kind=briefing')).json();
    expect(list.items.map((i: any) => i.id)).toEqual([d.id]);
    expect((await county.get(`/api/bulletins?q=${encodeURIComponent('简报')}`)).json().total).toBeGreaterThan(0);
    const x = await county.get(`/api/bulletins/${d.id}/xlsx`);
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
  });
});
