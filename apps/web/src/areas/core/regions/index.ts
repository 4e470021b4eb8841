/** 省市概览 (`/regions`): a province's, prefecture's, county's or township's figures, drilled down by unit. */
import { ApartmentOutlined } from '@ant-design/icons';
import { menuEntry, page, routesOf, type WebModule } from '../../../app/modules';

const label = { zh: '省市概览', en: 'Region overview' };

/** The web manifest of the region overview: a region account's home, and a county admin's page of its county. */
export const regionsWeb: WebModule = {
  area: 'core',
  module: 'regions',
  // Last in a county admin's menu (its county as the province sees it); a region account has only this and home.
  menu: [menuEntry('/regions', ApartmentOutlined, label, { capability: 'regions.view', order: 95 })],
  routes: routesOf({ regions: page(() => import('./RegionOverviewPage')) }),
  crumbs: { regions: label },
};
