/**
 * Rollups for the province dashboards (issue 16): one row per organization × month with the totals of the
 * organization's whole subtree, so a county is its root's row and a province the sum of its counties' root rows —
 * about a hundred rows read, never the raw tables. Rows are derived data, rewritten by the refresh
 * (areas/core/regions/rollups.refresh.ts); `rollup_state` says what each county's rows were computed from.
 */
import type { Migration } from './index.js';
import { column, createIndex, createTable, required, withDefault } from '../migration-kit.js';

/**
 * One column per meeting kind (MEETING_KINDS as of this migration), not a JSON text: the dashboard sums them in SQL
 * over a hundred counties, which a JSON column would make dialect-specific. A new kind comes with its own migration.
 */
const MEETING_COLUMNS = [
  'held_general_meeting',
  'held_committee_meeting',
  'held_group_meeting',
  'held_party_lecture',
  'held_theme_day',
  'held_life_meeting',
  'held_member_review',
  'held_leadership_life_meeting',
  'held_heart_to_heart',
];

/** The counted columns of a rollup row, all integers defaulting to 0. */
export const ROLLUP_COUNT_COLUMNS = [
  // Snapshot (the state at the refresh), on the row of the refresh's month only.
  'members_total',
  'members_formal',
  'members_probationary',
  'members_female',
  'members_minority',
  'members_under35',
  'members_college',
  'orgs_total',
  'orgs_committees',
  'orgs_general_branches',
  'orgs_branches',
  'households',
  // The year to date of compliance (meetings.compliance for the year), on the row of the refresh's month only.
  'compliance_due',
  'compliance_met',
  // Flows: what happened in the row's month.
  'members_joined',
  ...MEETING_COLUMNS,
  'requests',
  'requests_resolved',
  'wishes',
  'wishes_fulfilled',
];

export const rollups044: Migration = {
  name: '044_rollups',
  async up(db, dialect) {
    await createTable(db, dialect, 'rollup_org_month', [
      required('integer', 'tenant_id', 'org_id'),
      required('path', 'org_path'),
      required('integer', 'depth'),
      // 'YYYY-MM' (China months)
      required('text', 'month'),
      ...ROLLUP_COUNT_COLUMNS.map((c) => withDefault(c, 'integer', 0)),
    ]);
    // One row per organization and month: two refreshes can never leave duplicates.
    await createIndex(db, 'rollup_org_month_key', 'rollup_org_month', ['tenant_id', 'org_id', 'month'], {
      unique: true,
    });
    // The county's root row (depth 0) of each month, and a township's rows by path.
    await createIndex(db, 'rollup_org_month_depth', 'rollup_org_month', ['tenant_id', 'depth', 'month']);
    await createIndex(db, 'rollup_org_month_path', 'rollup_org_month', ['tenant_id', 'org_path']);
    await createTable(db, dialect, 'rollup_state', [
      column('tenant_id', 'integer', (c) => c.primaryKey()),
      // The China day and the data versions the rows were computed from: `2026-12-06|roster:3,meetings:7,…`.
      required('text', 'versions', 'refreshed_at'),
      required('integer', 'duration_ms'),
    ]);
  },
};
