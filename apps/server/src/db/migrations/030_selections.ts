/**
 * The selections module's tables (area assessment, issue 12): selections of the best (十佳村干部, 十杰百优).
 * A selection lies on the organizer's path; a nomination on the nominating organization's path; a ballot on the
 * voter's organization's path, one per account and selection (a unique index: no second ballot, ever), its
 * choices JSON text. Winners are marked on their nominations with the reason when they differ from the count.
 */
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
import type { Migration } from './index.js';

export const selections030: Migration = {
  name: '030_selections',
  async up(db, dialect) {
    await createTable(db, dialect, 'selections', [
      scopedKeys,
      required('integer', 'year', 'places', 'quota_per_org', 'max_choices', 'publicize_days'),
      required('text', 'title', 'kind', 'status', 'nominate_from', 'nominate_to', 'vote_from', 'vote_to'),
      optional('text', 'categories', 'rules', 'publicized_on', 'published_on', 'winner_reason'),
      optional('integer', 'created_by'),
      stamps,
    ]);
    await createIndex(db, 'selections_scope', 'selections', ['tenant_id', 'org_path']);
    await createTable(db, dialect, 'selection_nominations', [
      scopedKeys,
      ref('selection_id', 'selections.id'),
      ref('member_id', 'members.id'),
      required('text', 'member_name', 'deeds', 'status'),
      optional('text', 'category', 'evidence', 'review_reason', 'winner_reason'),
      withDefault('winner', 'integer', 0),
      optional('integer', 'created_by'),
      stamps,
    ]);
    await createIndex(db, 'selection_nominations_scope', 'selection_nominations', ['tenant_id', 'org_path']);
    await createIndex(db, 'selection_nominations_sel', 'selection_nominations', ['selection_id', 'member_id']);
    await createTable(db, dialect, 'selection_ballots', [
      scopedKeys,
      ref('selection_id', 'selections.id'),
      ref('voter_user_id', 'users.id'),
      required('text', 'choices', 'cast_at'),
      stamps,
    ]);
    await createIndex(db, 'selection_ballots_scope', 'selection_ballots', ['tenant_id', 'org_path']);
    await createIndex(db, 'selection_ballots_one', 'selection_ballots', ['selection_id', 'voter_user_id'], {
      unique: true,
    });
  },
};
