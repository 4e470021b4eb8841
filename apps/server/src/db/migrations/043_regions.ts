/**
 * The level above the counties (issue 16): a province and its prefectures as a tree of regions, each county
 * (tenant) placed under a prefecture, and accounts bound to a region rather than to an organization.
 * Regions are few and shared by every county, so they carry no `tenant_id` (a reference table once the schema
 * is distributed by county; see docs/SCALE.md).
 */
import type { Migration } from './index.js';
import { column, createIndex, createTable, id, required, stamps } from '../migration-kit.js';

export const regions043: Migration = {
  name: '043_regions',
  async up(db, dialect) {
    await createTable(db, dialect, 'regions', [
      id,
      column('parent_id', 'integer', (c) => c.references('regions.id')),
      // 'province' 省 | 'prefecture' 市（州）
      required('text', 'kind', 'name', 'code'),
      // Materialized path of region ids, `/1/3/`, so a region's subtree is one range like an organization's.
      required('path', 'path'),
      required('integer', 'depth', 'sort_order'),
      stamps,
    ]);
    await createIndex(db, 'regions_code', 'regions', ['code'], { unique: true });
    await createIndex(db, 'regions_path', 'regions', ['path']);
    // Each county (its tenant, the id of its root organization) under one prefecture.
    await createTable(db, dialect, 'county_regions', [
      column('tenant_id', 'integer', (c) => c.primaryKey()),
      column('region_id', 'integer', (c) => c.notNull().references('regions.id')),
      required('path', 'region_path'),
      required('integer', 'sort_order'),
      required('text', 'created_at', 'updated_at'),
    ]);
    await createIndex(db, 'county_regions_path', 'county_regions', ['region_path', 'sort_order']);
    // An account of a province or prefecture (tenant, org and member null) is bound to its region.
    await db.schema.alterTable('users').addColumn('region_id', 'integer').execute();
    await db.schema.alterTable('users').addColumn('region_path', 'text').execute();
  },
};
