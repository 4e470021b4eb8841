/**
 * The posts module's tables (area people, issue 14): posts defined for members and who holds them (设岗定责,
 * 党员先锋岗). A post (`member_posts`) lies on its organization's path, and so does each holding of it
 * (`member_post_holders`: a member from a day, until a day with a reason), so a branch sees its own only.
 */
import type { Migration } from './index.js';
import { createIndex, createTable, optional, ref, required, scopedKeys, stamps } from '../migration-kit.js';

export const posts035: Migration = {
  name: '035_posts',
  async up(db, dialect) {
    await createTable(db, dialect, 'member_posts', [
      scopedKeys,
      required('text', 'name', 'kind', 'duties'),
      optional('integer', 'capacity', 'created_by'),
      stamps,
    ]);
    await createIndex(db, 'member_posts_scope', 'member_posts', ['tenant_id', 'org_path']);
    await createTable(db, dialect, 'member_post_holders', [
      scopedKeys,
      ref('post_id', 'member_posts.id'),
      ref('member_id', 'members.id'),
      required('text', 'started_on'),
      optional('text', 'ended_on', 'end_reason'),
      optional('integer', 'created_by'),
      stamps,
    ]);
    await createIndex(db, 'member_post_holders_scope', 'member_post_holders', ['tenant_id', 'org_path']);
    await createIndex(db, 'member_post_holders_post', 'member_post_holders', ['post_id', 'ended_on']);
    await createIndex(db, 'member_post_holders_member', 'member_post_holders', ['member_id', 'ended_on']);
  },
};
