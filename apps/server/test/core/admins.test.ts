/**
 * 三员分立 on the account side: the security admin manages accounts of roles without administrative power only,
 * never knows a password (one-time passwords that must be changed first), never touches the auditor or another
 * security admin, and administrator roles are granted by two persons (the county admin proposes, the security
 * admin decides, nobody decides their own proposal).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordAcceptable } from '../../src/areas/core/auth/auth.rules.js';
import { hashPassword } from '../../src/platform/crypto.js';
import {
  dialects,
  insertUser,
  login,
  openFixture,
  PASSWORD,
  type Client,
  type Fixture,
  type TestEnv,
} from '../harness.js';

describe.each(dialects())('three administrators apart on %s', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  let sec: Client;
  let county: Client;
  let otherSecurity: number;
  beforeAll(async () => {
    ({ env, fx, sec, county } = await openFixture(dialect, { sec: 't-security', county: 't-county' }));
    otherSecurity = await insertUser(env.ctx.db, {
      tenant: fx.county,
      username: 't-security-2',
      displayName: '安全员二',
      hash: await hashPassword(PASSWORD),
      role: 'security_admin',
      orgId: fx.county,
      orgPath: `/${fx.county}/`,
      now: env.clock.now.toISOString(),
    });
  });
  afterAll(() => env.close());

  const userRow = (username: string) =>
    env.ctx.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  const attempt = (username: string, password: string) =>
    env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  const audits = (action: string) =>
    env.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();

  it.each(['county_admin', 'township_admin', 'auditor', 'security_admin'])(
    'the security admin cannot create a %s account',
    async (role) => {
      const username = `mk-${role.replace('_', '-')}`;
      const res = await sec.post('/api/users', {
        username,
        displayName: username,
        role,
        orgId: role === 'township_admin' ? fx.townA : fx.county,
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('users.grant_required');
      expect(await userRow(username)).toBeUndefined();
    },
  );

  it('the security admin cannot promote anyone to an administrator role, nor move an administrator', async () => {
    const promote = await sec.patch(`/api/users/${fx.users.secA1.id}`, { role: 'township_admin', orgId: fx.townA });
    expect(promote.json().error.code).toBe('users.grant_required');
    const move = await sec.patch(`/api/users/${fx.users.townA.id}`, { orgId: fx.townB });
    expect(move.json().error.code).toBe('users.grant_required');
    expect((await userRow(fx.users.secA1.username))!.role).toBe('branch_secretary');
    expect(Number((await userRow(fx.users.townA.username))!.org_id)).toBe(fx.townA);
  });

  it('the security admin cannot change the auditor, another security admin or its own role', async () => {
    for (const [id, body] of [
      [fx.users.auditor.id, { role: 'county_admin' }],
      [fx.users.auditor.id, { displayName: '改名' }],
      [fx.users.auditor.id, { status: 'disabled' }],
      [otherSecurity, { status: 'disabled' }],
      [otherSecurity, { role: 'branch_secretary' }],
    ] as const) {
      const res = await sec.patch(`/api/users/${id}`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(403);
      expect(res.json().error.code).toBe('users.protected_account');
    }
    for (const id of [fx.users.auditor.id, otherSecurity]) {
      expect((await sec.post(`/api/users/${id}/reset-password`, {})).json().error.code).toBe('users.protected_account');
    }
    expect((await sec.patch(`/api/users/${fx.users.security.id}`, { role: 'county_admin' })).json().error.code).toBe(
      'users.cannot_change_self',
    );
    const auditor = (await userRow(fx.users.auditor.username))!;
    expect(auditor).toMatchObject({ role: 'auditor', status: 'active', display_name: fx.users.auditor.username });
    expect((await attempt(fx.users.auditor.username, PASSWORD)).statusCode).toBe(200);
    // Lifting a lockout gives no power: the security admin may do it for any account in scope.
    expect((await sec.post(`/api/users/${fx.users.auditor.id}/unlock`)).statusCode).toBe(200);
  });

  it('a new account gets a one-time password that only opens the password change, then works', async () => {
    const res = await sec.post('/api/users', {
      username: 'new-sec-b1',
      displayName: '新书记',
      role: 'branch_secretary',
      orgId: fx.villageB1,
    });
    expect(res.statusCode, res.body).toBe(200);
    const { user, oneTimePassword } = res.json() as {
      user: { id: number; mustChangePassword: boolean };
      oneTimePassword: string;
    };
    expect(user.mustChangePassword).toBe(true);
    expect(passwordAcceptable(oneTimePassword, env.ctx.config.auth.minPasswordLength)).toBe(true);
    // Random: two accounts never get the same one.
    const second = await sec.post('/api/users', {
      username: 'new-sec-b2',
      displayName: '新书记二',
      role: 'branch_secretary',
      orgId: fx.villageB1,
    });
    expect(second.json().oneTimePassword).not.toBe(oneTimePassword);
    // Never in the audit trail.
    expect(JSON.stringify(await env.ctx.db.selectFrom('audit_log').selectAll().execute())).not.toContain(
      oneTimePassword,
    );

    const c = await login(env.app, 'new-sec-b1', oneTimePassword);
    const me = await c.get('/api/auth/me');
    expect(me.json().mustChangePassword).toBe(true);
    for (const res of [
      await c.get('/api/members'),
      await c.get('/api/orgs/tree'),
      await c.get('/api/notifications'),
      await c.post('/api/orgs', { parentId: fx.villageB1, name: '新小组', type: 'group' }),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('auth.password_change_required');
    }
    expect(
      (await c.post('/api/auth/password', { oldPassword: oneTimePassword, newPassword: oneTimePassword })).json().error
        .code,
    ).toBe('auth.same_password');
    expect(
      (await c.post('/api/auth/password', { oldPassword: oneTimePassword, newPassword: 'Own#Secret42' })).statusCode,
    ).toBe(200);
    expect((await c.get('/api/auth/me')).json().mustChangePassword).toBe(false);
    expect((await c.get('/api/members')).statusCode).toBe(200);
    expect((await attempt('new-sec-b1', oneTimePassword)).statusCode).toBe(401);
    expect((await attempt('new-sec-b1', 'Own#Secret42')).statusCode).toBe(200);
  });

  it('a reset: one-time password, sessions ended, change forced; operator-made accounts sign in freely', async () => {
    const town = await login(env.app, fx.users.townB.username);
    expect((await town.get('/api/auth/me')).json().mustChangePassword).toBe(false);
    const res = await sec.post(`/api/users/${fx.users.townB.id}/reset-password`, {});
    expect(res.statusCode, res.body).toBe(200);
    const otp = res.json().oneTimePassword as string;
    expect((await town.get('/api/auth/me')).statusCode).toBe(401);
    expect((await attempt(fx.users.townB.username, PASSWORD)).statusCode).toBe(401);
    const again = await login(env.app, fx.users.townB.username, otp);
    expect((await again.get('/api/members')).json().error.code).toBe('auth.password_change_required');
    expect((await again.post('/api/auth/password', { oldPassword: otp, newPassword: PASSWORD })).statusCode).toBe(200);
    expect((await again.get('/api/members')).statusCode).toBe(200);
  });

  it('an administrator role takes two persons: the county admin proposes, the security admin approves', async () => {
    // The security admin cannot propose, the county admin cannot approve, other roles see nothing.
    const body = { username: 'new-town-a', displayName: '新乡镇管理员', role: 'township_admin', orgId: fx.townA };
    expect((await sec.post('/api/users/grants', body)).statusCode).toBe(403);
    const town = await login(env.app, fx.users.townA.username);
    expect((await town.get('/api/users/grants')).statusCode).toBe(403);
    expect((await town.post('/api/users/grants', body)).statusCode).toBe(403);
    expect((await county.post('/api/users/grants', { ...body, role: 'branch_secretary' })).json().error.code).toBe(
      'users.grant_not_admin_role',
    );

    const proposed = await county.post('/api/users/grants', body);
    expect(proposed.statusCode, proposed.body).toBe(200);
    const grant = proposed.json();
    expect(grant).toMatchObject({
      status: 'pending',
      newAccount: true,
      role: 'township_admin',
      orgId: fx.townA,
      proposedBy: fx.users.county.id,
    });
    expect(await userRow('new-town-a')).toBeUndefined();
    expect((await county.post('/api/users/grants', body)).json().error.code).toBe('users.grant_pending');
    expect((await county.post(`/api/users/grants/${grant.id}/approve`, {})).statusCode).toBe(403);

    const pending = await sec.get('/api/users/grants?status=pending');
    expect(pending.json().items.map((g: { id: number }) => g.id)).toContain(grant.id);
    const approved = await sec.post(`/api/users/grants/${grant.id}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().grant).toMatchObject({ status: 'approved', decidedBy: fx.users.security.id });
    const otp = approved.json().oneTimePassword as string;
    expect(await userRow('new-town-a')).toMatchObject({ role: 'township_admin', must_change_password: 1 });
    expect((await sec.post(`/api/users/grants/${grant.id}/reject`, {})).json().error.code).toBe('users.grant_decided');
    const c = await login(env.app, 'new-town-a', otp);
    expect((await c.get('/api/members')).json().error.code).toBe('auth.password_change_required');

    // An existing account changes role through a grant too; its sessions end.
    const auditorSession = await login(env.app, fx.users.auditor.username);
    const toCounty = await county.post('/api/users/grants', {
      username: fx.users.auditor.username,
      role: 'county_admin',
      orgId: fx.county,
    });
    expect(toCounty.json()).toMatchObject({ newAccount: false, previousRole: 'auditor', userId: fx.users.auditor.id });
    const rejected = await sec.post(`/api/users/grants/${toCounty.json().id}/reject`, { note: '审计员不得兼任' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', note: '审计员不得兼任' });
    expect((await userRow(fx.users.auditor.username))!.role).toBe('auditor');
    expect((await auditorSession.get('/api/audit')).statusCode).toBe(200);

    const secA1 = await county.post('/api/users/grants', {
      username: fx.users.secA1.username,
      role: 'township_admin',
      orgId: fx.townA,
    });
    const secSession = await login(env.app, fx.users.secA1.username);
    expect((await sec.post(`/api/users/grants/${secA1.json().id}/approve`, {})).json().oneTimePassword).toBeNull();
    expect(await userRow(fx.users.secA1.username)).toMatchObject({ role: 'township_admin', must_change_password: 0 });
    expect((await secSession.get('/api/auth/me')).statusCode).toBe(401);

    // Every step is in the audit trail, the refused ones too.
    expect((await audits('user.grant_propose')).filter((a) => a.success === 1).length).toBe(3);
    expect((await audits('user.grant_propose')).filter((a) => a.success === 0).length).toBe(4);
    expect((await audits('user.grant_approve')).filter((a) => a.success === 1).length).toBe(2);
    expect((await audits('user.grant_reject')).filter((a) => a.success === 1).length).toBe(1);
  });

  it('nobody decides a grant to themselves or proposes one for themselves', async () => {
    expect(
      (
        await county.post('/api/users/grants', {
          username: fx.users.county.username,
          role: 'security_admin',
          orgId: fx.county,
        })
      ).json().error.code,
    ).toBe('users.grant_own');
    const aboutSec = await county.post('/api/users/grants', {
      username: fx.users.security.username,
      role: 'county_admin',
      orgId: fx.county,
    });
    expect(aboutSec.statusCode, aboutSec.body).toBe(200);
    const res = await sec.post(`/api/users/grants/${aboutSec.json().id}/approve`, {});
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('users.grant_own');
    expect((await userRow(fx.users.security.username))!.role).toBe('security_admin');
    // The other security admin may decide it.
    const other = await login(env.app, 't-security-2');
    expect((await other.post(`/api/users/grants/${aboutSec.json().id}/reject`, {})).statusCode).toBe(200);
  });
});
