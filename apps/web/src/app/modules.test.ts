import { describe, expect, it } from 'vitest';
import { matchPath } from 'react-router';
import { ROLE_CAPABILITIES, type Role } from '@dangjian/contracts';
import type { Me } from '../api/types';
import { WEB_MODULES } from '../areas';
import { menuOf, pageAllowed, selectedHref } from './modules';

const me = (role: Role) => ({ role, capabilities: [...ROLE_CAPABILITIES[role]] }) as unknown as Me;

describe('web manifests', () => {
  it('name the same areas as the server, with unique modules and paths', () => {
    for (const m of WEB_MODULES)
      expect(['core', 'life', 'residents', 'people', 'supervision', 'assessment', 'economy']).toContain(m.area);
    const names = WEB_MODULES.map((m) => `${m.area}/${m.module}`);
    expect(new Set(names).size).toBe(names.length);
    const paths = WEB_MODULES.flatMap((m) => (m.routes ?? []).map((r) => r.path));
    expect(new Set(paths).size).toBe(paths.length);
  });
  it('lead every menu entry to a page', () => {
    const paths = WEB_MODULES.flatMap((m) => (m.routes ?? []).map((r) => `/${r.path}`));
    for (const e of WEB_MODULES.flatMap((m) => m.menu ?? [])) {
      const path = e.href.split('?')[0];
      expect(
        paths.some((p) => matchPath(p, path)),
        e.href,
      ).toBe(true);
    }
  });
  it('show each role only what its capabilities allow, in menu order', () => {
    const county = menuOf(WEB_MODULES, me('county_admin')).map((e) => e.href);
    expect(county.slice(0, 3)).toEqual(['/', '/orgs', '/members']);
    expect(county.indexOf('/meetings')).toBeGreaterThan(county.indexOf('/members?deleted=true'));
    const auditor = menuOf(WEB_MODULES, me('auditor')).map((e) => e.href);
    expect(auditor).toContain('/audit');
    expect(auditor).not.toContain('/members');
    // A region account holds no organization: its home (the region overview) and that page, nothing it cannot use.
    expect(menuOf(WEB_MODULES, me('region_admin')).map((e) => e.href)).toEqual(['/', '/regions']);
    expect(county).toContain('/regions');
    expect(menuOf(WEB_MODULES, me('township_admin')).map((e) => e.href)).not.toContain('/regions');
    const users = menuOf(WEB_MODULES, me('security_admin')).filter((e) => e.href === '/users');
    expect(users.map((e) => e.label.zh)).toEqual(['账号管理']);
  });
  it("keep each group's entries together under one heading, for every role", () => {
    for (const role of Object.keys(ROLE_CAPABILITIES) as Role[]) {
      const groups = menuOf(WEB_MODULES, me(role)).map((e) => e.group?.zh ?? '');
      const headings = groups.filter((g, i) => g && g !== groups[i - 1]);
      expect(headings, role).toEqual([...new Set(headings)]);
    }
    const county = menuOf(WEB_MODULES, me('county_admin')).map((e) => e.href);
    expect(county.indexOf('/posts')).toBeLessThan(county.indexOf('/cadres'));
    expect(county.indexOf('/dispatches')).toBe(county.indexOf('/cadres/reviews') + 1);
  });
  it('name a page of their own in the breadcrumbs, never a segment every module shares', () => {
    // A bare `new` or `edit` would rename that segment on every page (bulletins' 生成通报 named every form).
    for (const m of WEB_MODULES)
      for (const key of Object.keys(m.crumbs ?? {}))
        expect(['new', 'edit', 'import', 'stats'], `${m.module}: ${key}`).not.toContain(key);
    // A key under a path names that path from the root (the trail looks up `economy/incomes/new`).
    const routes = WEB_MODULES.flatMap((m) => (m.routes ?? []).map((r) => r.path));
    for (const m of WEB_MODULES)
      for (const key of Object.keys(m.crumbs ?? {}))
        if (key.includes('/'))
          expect(
            routes.some((r) => r === key || r.startsWith(`${key}/`)),
            key,
          ).toBe(true);
  });
  it('select the entry a location belongs to', () => {
    const hrefs = ['/', '/members', '/members/import', '/members?deleted=true', '/meetings', '/meetings/stats'];
    expect(selectedHref(hrefs, '/', '')).toBe('/');
    expect(selectedHref(hrefs, '/members', '?q=x')).toBe('/members');
    expect(selectedHref(hrefs, '/members/12', '?deleted=true')).toBe('/members?deleted=true');
    expect(selectedHref(hrefs, '/members/import', '')).toBe('/members/import');
    expect(selectedHref(hrefs, '/meetings/stats', '')).toBe('/meetings/stats');
    expect(selectedHref(hrefs, '/meetings/3', '')).toBe('/meetings');
    expect(selectedHref(hrefs, '/membersx', '')).toBeUndefined();
  });
  it('open a page as the menu entry above it says', () => {
    const mod = (name: string) => WEB_MODULES.find((m) => m.module === name)!;
    expect(pageAllowed(mod('audit'), 'audit', me('auditor'))).toBe(true);
    expect(pageAllowed(mod('audit'), 'audit/:id', me('township_admin'))).toBe(false);
    expect(pageAllowed(mod('members'), 'members/:id', me('branch_secretary'))).toBe(true);
    expect(pageAllowed(mod('members'), 'members/new', me('auditor'))).toBe(false);
    expect(pageAllowed(mod('users'), 'users', me('county_admin'))).toBe(
      menuOf(WEB_MODULES, me('county_admin')).some((e) => e.href === '/users'),
    );
    expect(pageAllowed(mod('home'), '', me('member'))).toBe(true);
  });
});
