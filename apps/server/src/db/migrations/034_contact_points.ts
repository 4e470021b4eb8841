/**
 * The contactPoints module's tables (area people, issue 14): county leaders (on the county's path), their contact
 * points (on the path of the organization guided or taken on, 包抓 linking the weak-organization record), the
 * visits to a point and the issues each visit found (open until solved), both on the point's path.
 */
import type { Migration } from './index.js';
import { createIndex, createTable, optional, ref, required, scopedKeys, stamps } from '../migration-kit.js';

export const contactPoints034: Migration = {
  name: '034_contact_points',
  async up(db, dialect) {
    await createTable(db, dialect, 'contact_leaders', [
      scopedKeys,
      required('text', 'name', 'post'),
      ref('user_id', 'users.id', 'nullable'),
      required('integer', 'sort_order'),
      optional('integer', 'created_by'),
      stamps,
    ]);
    await createIndex(db, 'contact_leaders_scope', 'contact_leaders', ['tenant_id', 'org_path']);
    await createTable(db, dialect, 'contact_points', [
      scopedKeys,
      ref('leader_id', 'contact_leaders.id'),
      // kind: guide (联系点) | weak_takeover (包抓).
      required('text', 'kind', 'since'),
      ref('weak_org_id', 'weak_orgs.id', 'nullable'),
      optional('text', 'note'),
      optional('integer', 'created_by'),
      stamps,
    ]);
    await createIndex(db, 'contact_points_scope', 'contact_points', ['tenant_id', 'org_path']);
    await createIndex(db, 'contact_points_leader', 'contact_points', ['leader_id']);
    await createTable(db, dialect, 'contact_visits', [
      scopedKeys,
      ref('point_id', 'contact_points.id'),
      required('text', 'visited_on', 'content'),
      optional('integer', 'created_by'),
      stamps,
    ]);
    await createIndex(db, 'contact_visits_scope', 'contact_visits', ['tenant_id', 'org_path', 'visited_on']);
    await createIndex(db, 'contact_visits_point', 'contact_visits', ['point_id']);
    await createTable(db, dialect, 'contact_issues', [
      scopedKeys,
      ref('visit_id', 'contact_visits.id'),
      ref('point_id', 'contact_points.id'),
      required('text', 'text', 'state'),
      optional('text', 'solved_on', 'solution'),
      stamps,
    ]);
    await createIndex(db, 'contact_issues_scope', 'contact_issues', ['tenant_id', 'org_path', 'state']);
    await createIndex(db, 'contact_issues_point', 'contact_issues', ['point_id']);
  },
};
