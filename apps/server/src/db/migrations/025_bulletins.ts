/**
 * The bulletins module's tables (area supervision, issue 13): bulletins generated from the records (季度通报,
 * 工作简报). `org_id`/`org_path` is the subtree the bulletin covers; `issuer_org_id` the organization that issues it
 * (the generating caller's), whose number sequence per year `bulletin_numbers` keeps (one atomic upsert takes the
 * next inside the issuing transaction, so a rolled-back issue leaves no gap). `content` is the computed content as
 * JSON: recomputed while a draft, frozen once issued; `pdf_file` names the rendered PDF of an issued bulletin.
 */
import type { Migration } from './index.js';
import { createIndex, createTable, optional, required, scopedKeys, stamps } from '../migration-kit.js';

export const bulletins025: Migration = {
  name: '025_bulletins',
  async up(db, dialect) {
    await createTable(db, dialect, 'bulletins', [
      scopedKeys,
      required('integer', 'issuer_org_id'),
      required('path', 'issuer_path'),
      required('text', 'issuer_name', 'kind', 'status', 'title', 'period_label', 'period_from', 'period_to'),
      optional('text', 'period'),
      optional('text', 'foreword', 'conclusion'),
      required('text', 'section_order', 'content'),
      optional('integer', 'year', 'seq'),
      optional('text', 'number_label', 'issued_at', 'issued_by_name'),
      optional('integer', 'issued_by'),
      optional('text', 'withdrawn_at', 'withdraw_reason', 'withdrawn_by_name'),
      optional('text', 'pdf_file'),
      optional('integer', 'created_by'),
      stamps,
    ]);
    await createIndex(db, 'bulletins_scope', 'bulletins', ['tenant_id', 'org_path']);
    await createIndex(db, 'bulletins_issuer', 'bulletins', ['tenant_id', 'issuer_path']);
    await createIndex(db, 'bulletins_issuer_number', 'bulletins', ['issuer_org_id', 'year', 'seq'], { unique: true });
    await createTable(
      db,
      dialect,
      'bulletin_numbers',
      [required('integer', 'tenant_id', 'issuer_org_id', 'year', 'last_no')],
      (t) => t.addPrimaryKeyConstraint('bulletin_numbers_pk', ['issuer_org_id', 'year']),
    );
  },
};
