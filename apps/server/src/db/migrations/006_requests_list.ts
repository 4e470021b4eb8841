/**
 * The request list's "newest first" index: accepted_at first so that a page of a large subtree is read in order
 * from the newest entry (no sort of a county's 1.8 million requests; the id breaks ties in the same order), carrying the handling path and the
 * deletion mark so that walking it never touches a table row until the page is found.
 */
import type { Migration } from './index.js';
import { createIndex } from '../migration-kit.js';

export const requestsList006: Migration = {
  name: '006_requests_list',
  async up(db) {
    await createIndex(db, 'requests_recent', 'requests', ['tenant_id', 'accepted_at', 'id', 'org_path', 'deleted_at']);
  },
};
