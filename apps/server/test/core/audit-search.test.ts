/**
 * The audit trail in words: `q` finds records by what their actions and records are called (登录, 修改党员), by the
 * system (系统) and by the actor's name; every record carries its actor's and its record's names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditValueLabel } from '@dangjian/contracts';
import { writeAuditAlone } from '../../src/platform/data/audit.js';
import { type Client, dialects, type Fixture, login, openFixture, type TestEnv } from '../harness.js';

interface Item {
  id: number;
  action: string;
  actorId: number | null;
  actorName: string | null;
  actorKind: string;
  actorDisplayName: string | null;
  role: string | null;
  entityType: string | null;
  entityId: string | null;
  entityName: string | null;
}

describe.each(dialects())('audit search by words on %s', (dialect) => {
  let env: TestEnv, fx: Fixture;
  let auditor: Client;
  const search = async (q: string, more = '') => {
    const res = await auditor.get(`/api/audit?q=${encodeURIComponent(q)}&pageSize=100${more}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Item[]; total: number };
  };
  beforeAll(async () => {
    ({ env, fx } = await openFixture(dialect));
    await env.ctx.db.updateTable('users').set({ display_name: '王秀英' }).where('username', '=', 't-town-a').execute();
    const town = await login(env.app, 't-town-a');
    const m = await town.get(`/api/members/${fx.memberIn.townA}`);
    expect(m.statusCode).toBe(200);
    const patched = await town.patch(`/api/members/${fx.memberIn.townA}`, { education: 'bachelor' });
    expect(patched.statusCode, patched.body).toBe(200);
    const county = await login(env.app, 't-county');
    const org = {
      parentId: fx.townA,
      name: '审计村党支部',
      type: 'branch',
      termStart: '2024-01-01',
      termEnd: '2029-01-01',
    };
    expect((await county.post('/api/orgs', org)).statusCode).toBe(200);
    // A job's record: no account acts.
    await writeAuditAlone(env.ctx, null, { action: 'demo.load', actorName: 'system', detail: 'test' });
    auditor = await login(env.app, 't-auditor');
  });
  afterAll(() => env.close());

  it('登录 finds the sign-ins, with the accounts by name, and nothing else', async () => {
    const { items, total } = await search('登录');
    expect(total).toBeGreaterThanOrEqual(3);
    expect(new Set(items.map((i) => i.action))).toEqual(new Set(['auth.login']));
    const town = items.find((i) => i.actorId === fx.users.townA.id)!;
    expect(town).toMatchObject({ actorKind: 'user', actorDisplayName: '王秀英', actorName: 't-town-a' });
    // The same in English, and by code for those who know it.
    expect((await search('sign in')).total).toBe(total);
    expect((await search('auth.login')).total).toBe(total);
  });

  it('a change reads by its action and names its record; an actor is found by name', async () => {
    const { items } = await search('修改党员');
    const update = items.find((i) => i.action === 'member.update' && i.entityId === String(fx.memberIn.townA));
    expect(update).toMatchObject({ entityType: 'member', entityName: '东乡乙', actorDisplayName: '王秀英' });
    expect(items.every((i) => i.action === 'member.update' || i.entityType === 'member')).toBe(true);
    const byName = await search('秀英');
    expect(byName.total).toBeGreaterThanOrEqual(2);
    expect(byName.items.every((i) => i.actorId === fx.users.townA.id)).toBe(true);
  });

  it("one record names the records its changes point at, and its fields' values in words", async () => {
    const created = (await search('新建组织')).items.find((i) => i.action === 'org.create')!;
    expect(created.entityName).toBe('审计村党支部');
    const one = (await auditor.get(`/api/audit/${created.id}`)).json();
    expect(one.valueNames).toEqual({ [`parentId:${fx.townA}`]: '东乡镇党委' });
    expect(one.changes.type.after).toBe('branch');
    expect(auditValueLabel('type', 'branch')).toEqual({ zh: '党支部', en: 'Branch' });
    expect(auditValueLabel('education', 'no such value')).toBeNull();
  });

  it('系统 finds the jobs, shown as the system without a name or role', async () => {
    const { items } = await search('系统');
    const job = items.find((i) => i.action === 'demo.load');
    expect(job).toMatchObject({ actorKind: 'system', actorName: null, role: null, actorDisplayName: null });
    expect(items.every((i) => i.actorKind === 'system')).toBe(true);
  });

  it('a word that names nothing finds nothing; wildcards are text', async () => {
    expect((await search('不存在的词语')).total).toBe(0);
    expect((await search('%')).total).toBe(0);
    expect((await search('_')).total).toBe(0);
  });

  it('words combine with the other filters, and only the auditor may search', async () => {
    const all = await search('登录');
    const failed = await search('登录', '&success=false');
    expect(failed.total).toBeLessThan(all.total);
    const county = await login(env.app, 't-county');
    expect((await county.get('/api/audit?q=%E7%99%BB%E5%BD%95')).statusCode).toBe(403);
  });
});
