/**
 * The domain 为民服务 is named `residents` everywhere (issue 9): "service" also names the role of every
 * `*.service.ts`. The HTTP paths stay; the tables follow the name. Index names keep their old spelling.
 */
import { sql } from 'kysely';
import type { Migration } from './index.js';

const RENAMED: [string, string][] = [
  ['service_events', 'residents_events'],
  ['service_photos', 'residents_photos'],
  ['service_evaluations', 'residents_evaluations'],
  ['service_rule_overrides', 'residents_rule_overrides'],
];

export const areas010: Migration = {
  name: '010_areas',
  async up(db) {
    for (const [from, to] of RENAMED) await sql`alter table ${sql.table(from)} rename to ${sql.table(to)}`.execute(db);
    // The figures' cache versions follow the domain's new name.
    await sql`update data_versions set domain = 'residents' where domain = 'service'`.execute(db);
  },
};
