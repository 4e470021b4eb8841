/**
 * The web side of a module manifest: its menu entries and its lazy pages. Each module exports one from its
 * `index.ts`; `areas/index.ts` lists them, and the router (`ConsoleApp`) and the side menu (`Shell`) read that list.
 */
import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { Labelled } from '@dangjian/contracts';
import type { Me } from '../api/types';
import { hasCap } from './session';

/** The areas, named as on the server and in the contracts. */
export type AreaName = 'core' | 'life' | 'residents' | 'people' | 'supervision' | 'assessment' | 'economy';

/** One entry of the side menu. */
export interface WebMenuEntry {
  /** Where it leads (a path, with a query when it is a view of a list, e.g. `/members?deleted=true`). */
  href: string;
  icon: ComponentType;
  label: Labelled;
  /** The menu group it sits under (entries of one group follow each other). */
  group?: Labelled;
  /** Shown to users with this capability… */
  capability?: string;
  /** …or to those for whom this answers true (when the rule is more than one capability). */
  visible?: (me: Me) => boolean;
  /** Place in the menu: home 0, organizations 10, members 20, organizational life 30, residents 40, audit 90. */
  order: number;
}

/** One page of the console: its path under `/` and its lazily loaded component. */
export interface WebRoute {
  path: string;
  page: LazyExoticComponent<ComponentType>;
}

/** What a web module declares. */
export interface WebModule {
  area: AreaName;
  module: string;
  menu?: WebMenuEntry[];
  routes?: WebRoute[];
  /** Names of path segments in the breadcrumbs: a segment anywhere (`letter`) or under a path (`development/new`). */
  crumbs?: Record<string, Labelled>;
}

/** A page loaded on first visit: `page(() => import('./MembersPage'))`. */
export function page(load: () => Promise<{ default: ComponentType }>): LazyExoticComponent<ComponentType> {
  return lazy(load);
}

/** The menu entries of the modules that the user may see, in menu order, each group's entries together. */
export function menuOf(modules: readonly WebModule[], me: Me): WebMenuEntry[] {
  const sorted = modules
    .flatMap((m) => m.menu ?? [])
    .filter((e) => entryVisible(e, me))
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.order - b.e.order || a.i - b.i)
    .map(({ e }) => e);
  // Modules of one group set their orders apart, so another group's entry can fall between them: the group then
  // sits where its first entry falls, with all its entries, under one heading.
  const slots: WebMenuEntry[][] = [];
  const ofGroup = new Map<string, WebMenuEntry[]>();
  for (const e of sorted) {
    const key = e.group?.zh;
    const slot = key ? ofGroup.get(key) : undefined;
    if (slot) slot.push(e);
    else {
      slots.push([e]);
      if (key) ofGroup.set(key, slots[slots.length - 1]!);
    }
  }
  return slots.flat();
}

/** Whether the user sees a menu entry. */
export function entryVisible(e: WebMenuEntry, me: Me): boolean {
  return e.visible ? e.visible(me) : !e.capability || hasCap(me, e.capability);
}

/**
 * Whether the user may open a page of a module, as the module's menu entries for that path say (those whose path
 * is the longest prefix of the page's; a page under no entry is open). The server checks every call anyway: this
 * keeps an address typed by hand from showing a page's frame around a refusal.
 */
export function pageAllowed(module: WebModule, routePath: string, me: Me): boolean {
  const here = `/${routePath}`;
  const above = (module.menu ?? [])
    .map((e) => ({ e, path: e.href.split('?')[0] }))
    .filter(({ path }) => (path === '/' ? here === '/' : here === path || here.startsWith(`${path}/`)));
  const longest = Math.max(...above.map(({ path }) => path.length));
  // Entries on the same path (the roster and its recycle bin; accounts and grants) open it if any one is shown.
  return !above.length || above.some(({ e, path }) => path.length === longest && entryVisible(e, me));
}

/**
 * The menu entry a location belongs to: the longest path that the location is under, and among equal paths the one
 * whose query the location carries (so `/members?deleted=true` is the recycle bin, not the roster).
 */
export function selectedHref(hrefs: readonly string[], pathname: string, search: string): string | undefined {
  const here = new URLSearchParams(search);
  let best: { href: string; score: number } | undefined;
  for (const href of hrefs) {
    const [path, query = ''] = href.split('?');
    const under = path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
    if (!under) continue;
    const wanted = [...new URLSearchParams(query)];
    if (!wanted.every(([k, v]) => here.get(k) === v)) continue;
    const score = path.length * 10 + wanted.length;
    if (!best || score > best.score) best = { href, score };
  }
  return best?.href;
}

/** A lazily loaded page, as `page()` makes it. */
export type WebPage = LazyExoticComponent<ComponentType>;

/** Routes from a table of path → page, in the table's order: `routesOf({ orgs: OrgsPage, 'orgs/new': … })`. */
export function routesOf(pages: Record<string, WebPage>): WebRoute[] {
  return Object.entries(pages).map(([path, page]) => ({ path, page }));
}

/** A menu entry in one call: where it leads, its icon and label, then its group, who sees it and its order. */
export function menuEntry(
  href: string,
  icon: ComponentType,
  label: Labelled,
  rest: Omit<WebMenuEntry, 'href' | 'icon' | 'label'>,
): WebMenuEntry {
  return { href, icon, label, ...rest };
}

/** A `visible` rule: the user holds every one of these capabilities. */
export function allCaps(...caps: string[]): (me: Me) => boolean {
  return (me) => caps.every((c) => hasCap(me, c));
}
