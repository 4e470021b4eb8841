/** The shape shared by the manifests of serving residents: one menu group, one capability, one place in the menu. */
import type { ComponentType } from 'react';
import type { Labelled } from '@dangjian/contracts';
import { menuEntry, routesOf, type WebMenuEntry, type WebModule, type WebPage } from '../../../app/modules';

const entry = { group: { zh: '为民服务', en: 'Serving residents' }, capability: 'residents.read', order: 40 };

/** A menu entry under 为民服务, for readers of residents. */
export function residentsEntry(href: string, icon: ComponentType, label: Labelled): WebMenuEntry {
  return menuEntry(href, icon, label, entry);
}

/**
 * A residents module with one menu entry: the entry leads to the first page of `pages` and names that page's path
 * in the breadcrumbs; `crumbs` names the deeper segments (e.g. `quotas`).
 */
export function residentsModule(
  module: string,
  entry: Pick<WebMenuEntry, 'icon' | 'label'>,
  pages: Record<string, WebPage>,
  crumbs: Record<string, Labelled> = {},
): WebModule {
  const base = Object.keys(pages)[0];
  const menu = [residentsEntry(`/${base}`, entry.icon, entry.label)];
  return { area: 'residents', module, menu, routes: routesOf(pages), crumbs: { [base]: entry.label, ...crumbs } };
}
