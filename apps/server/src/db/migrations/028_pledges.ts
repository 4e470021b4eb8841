/**
 * The pledges module's tables (area assessment, issue 12): pledges of members and organizations (承诺践诺, 为民办实事).
 * A pledge lies on its organization's path (a member's on the member's branch), and so do its progress entries and
 * evaluations. The points module reads `pledges(id, tenant_id, org_id, org_path, member_id, kind, year, status,
 * fulfilled_on, deleted_at)`: those columns keep their names. One evaluation per evaluator and pledge is a unique
 * index (`evaluator_key`: a member's id or the hash of a resident's phone key).
 */
import type { Migration } from './index.js';
import {
  createIndex,
  createTable,
  optional,
  ref,
  required,
  scopedKeys,
  stamps,
  withDefault,
} from '../migration-kit.js';

export const pledges028: Migration = {
  name: '028_pledges',
  async up(db, dialect) {
    await createTable(db, dialect, 'pledges', [
      scopedKeys,
      ref('member_id', 'members.id', 'nullable'),
      required('text', 'kind', 'status', 'category', 'title', 'content', 'due_on'),
      required('integer', 'year'),
      withDefault('problems_solved', 'integer', 0),
      optional('text', 'fulfilled_on', 'fulfilment', 'problems_text', 'return_reason', 'public_token'),
      optional('integer', 'created_by'),
      stamps,
    ]);
    await createIndex(db, 'pledges_scope', 'pledges', ['tenant_id', 'org_path', 'deleted_at', 'year']);
    await createIndex(db, 'pledges_member', 'pledges', ['member_id', 'year']);
    await createIndex(db, 'pledges_token', 'pledges', ['public_token'], { unique: true });
    await createTable(db, dialect, 'pledge_progress', [
      scopedKeys,
      ref('pledge_id', 'pledges.id'),
      required('text', 'kind', 'text', 'reported_on'),
      optional('text', 'author_name'),
      optional('integer', 'created_by'),
      stamps,
    ]);
    await createIndex(db, 'pledge_progress_scope', 'pledge_progress', ['tenant_id', 'org_path']);
    await createIndex(db, 'pledge_progress_pledge', 'pledge_progress', ['pledge_id']);
    await createTable(db, dialect, 'pledge_evaluations', [
      scopedKeys,
      ref('pledge_id', 'pledges.id'),
      required('text', 'evaluator', 'evaluator_key', 'rating'),
      optional('text', 'evaluator_name', 'comment'),
      stamps,
    ]);
    await createIndex(db, 'pledge_evaluations_scope', 'pledge_evaluations', ['tenant_id', 'org_path']);
    await createIndex(db, 'pledge_evaluations_one', 'pledge_evaluations', ['pledge_id', 'evaluator_key'], {
      unique: true,
    });
  },
};
