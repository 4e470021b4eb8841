/**
 * The dispatches module's tables (area people, issue 14): dispatched cadres (派驻). A dispatch lies on the path of
 * the first organization it serves; `dispatch_orgs` lists every organization served (a team or an envoy may serve
 * several villages), each on its own path so a village finds who is sent to it. A work team member points at its
 * leader's dispatch (`team_id`); a rotation links the new dispatch to the one it replaces (`replaces_id`). Days
 * present are entered by the township per month (`dispatch_presence`, one row per dispatch and month).
 */
import type { Migration } from './index.js';
import { createIndex, createTable, guarded, optional, ref, required, scopedKeys, stamps } from '../migration-kit.js';

export const dispatches033: Migration = {
  name: '033_dispatches',
  async up(db, dialect) {
    await createTable(db, dialect, 'dispatches', [
      scopedKeys,
      // kind: first_secretary | work_team | instructor | science_envoy; team_role: leader | member (work teams).
      required('text', 'kind', 'person_name', 'sending_unit', 'unit_level', 'started_on', 'status'),
      optional('text', 'team_role', 'post', 'ends_on', 'ended_on', 'note'),
      ref('team_id', 'dispatches.id', 'nullable'),
      ref('replaces_id', 'dispatches.id', 'nullable'),
      guarded('phone'),
      optional('integer', 'created_by'),
      stamps,
    ]);
    await createIndex(db, 'dispatches_scope', 'dispatches', ['tenant_id', 'org_path', 'deleted_at']);
    await createIndex(db, 'dispatches_team', 'dispatches', ['team_id']);
    await createIndex(db, 'dispatches_replaces', 'dispatches', ['replaces_id']);
    await createTable(db, dialect, 'dispatch_orgs', [
      scopedKeys,
      ref('dispatch_id', 'dispatches.id'),
      optional('text', 'deleted_at'),
    ]);
    await createIndex(db, 'dispatch_orgs_scope', 'dispatch_orgs', ['tenant_id', 'org_path']);
    await createIndex(db, 'dispatch_orgs_dispatch', 'dispatch_orgs', ['dispatch_id']);
    await createTable(db, dialect, 'dispatch_presence', [
      scopedKeys,
      ref('dispatch_id', 'dispatches.id'),
      required('text', 'month'),
      required('integer', 'days'),
      optional('text', 'note'),
      optional('integer', 'recorded_by'),
      stamps,
    ]);
    await createIndex(db, 'dispatch_presence_scope', 'dispatch_presence', ['tenant_id', 'org_path', 'month']);
    await createIndex(db, 'dispatch_presence_month', 'dispatch_presence', ['dispatch_id', 'month'], { unique: true });
  },
};
