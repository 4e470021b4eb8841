/**
 * The cadres module's tables (area people, issue 14): the people of the two village committees (村两委) and their posts
 * by term. One person, many posts: a secretary who is also the villagers' committee's director (一肩挑) has two post
 * rows in one term, so the election analytics count people once. Both tables lie on the path of the village (or
 * community) organization the committee belongs to. `kinds` is JSON text (the "four kinds" of people); a person who is
 * a party member points at the roster (`member_id`), whose hours of training the training module reads from here.
 */
import type { Migration } from './index.js';
import { createIndex, createTable, guarded, optional, ref, required, scopedKeys, stamps } from '../migration-kit.js';

export const cadres032: Migration = {
  name: '032_cadres',
  async up(db, dialect) {
    await createTable(db, dialect, 'cadres', [
      scopedKeys,
      ref('member_id', 'members.id', 'nullable'),
      required('text', 'name', 'gender', 'birth_date', 'kinds'),
      optional('text', 'education', 'note'),
      guarded('phone'),
      optional('integer', 'created_by'),
      stamps,
    ]);
    await createIndex(db, 'cadres_scope', 'cadres', ['tenant_id', 'org_path', 'deleted_at']);
    await createIndex(db, 'cadres_member', 'cadres', ['member_id']);
    await createTable(db, dialect, 'cadre_posts', [
      scopedKeys,
      ref('cadre_id', 'cadres.id'),
      // committee: 'party' (党组织委员会) | 'villagers' (村民委员会); post: 'secretary' | 'deputy_secretary' |
      // 'member' (party) or 'director' | 'deputy_director' | 'member' (villagers); term: the election year ('2021').
      required('text', 'committee', 'post', 'term', 'started_on'),
      optional('text', 'ended_on', 'end_reason', 'end_note'),
      optional('integer', 'created_by'),
      stamps,
    ]);
    await createIndex(db, 'cadre_posts_scope', 'cadre_posts', ['tenant_id', 'org_path', 'term']);
    await createIndex(db, 'cadre_posts_cadre', 'cadre_posts', ['cadre_id', 'term']);
    // A new party secretary's filing with the county (备案): filed → acknowledged | returned (→ filed again).
    await createTable(db, dialect, 'cadre_filings', [
      scopedKeys,
      ref('cadre_id', 'cadres.id'),
      required('text', 'term', 'appointed_on', 'filed_on', 'status'),
      optional('text', 'acknowledged_on', 'return_reason', 'note'),
      optional('integer', 'created_by'),
      stamps,
    ]);
    await createIndex(db, 'cadre_filings_scope', 'cadre_filings', ['tenant_id', 'org_path']);
    // A candidate's joint review before appointment (联审): the units asked and their opinions as JSON text.
    await createTable(db, dialect, 'cadre_reviews', [
      scopedKeys,
      ref('cadre_id', 'cadres.id'),
      required('text', 'term', 'committee', 'post', 'status', 'units', 'opinions'),
      optional('text', 'note'),
      optional('integer', 'created_by'),
      stamps,
    ]);
    await createIndex(db, 'cadre_reviews_scope', 'cadre_reviews', ['tenant_id', 'org_path']);
  },
};
