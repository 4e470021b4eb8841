/**
 * Request numbers (issue 15): every request gets a human acceptance number (受理编号) `YYYY-NNNNN`, unique per
 * tenant and sequential per year of its acceptance in China time. Existing rows are numbered in the order they
 * were accepted (window functions on both databases); `request_numbers` keeps each tenant's and year's last
 * number so that a new request takes the next one with one atomic upsert. The SQL is written out here, not
 * imported, so that this migration stays what it was when the code moves on.
 */
import { sql } from 'kysely';
import type { Migration } from './index.js';
import { createIndex, createTable, required } from '../migration-kit.js';

export const requestNumbers014: Migration = {
  name: '014_request_numbers',
  async up(db, dialect) {
    await db.schema.alterTable('requests').addColumn('request_no', 'text').execute();
    // The China year of an acceptance instant (stored as an ISO text in UTC).
    const year =
      dialect === 'sqlite'
        ? sql`cast(strftime('%Y', accepted_at, '+8 hours') as integer)`
        : sql`cast(extract(year from (accepted_at::timestamptz at time zone 'Asia/Shanghai')) as integer)`;
    // At least five digits; a year past 99,999 requests takes more.
    const padded =
      dialect === 'sqlite'
        ? sql`printf('%05d', n.rn)`
        : sql`case when n.rn < 100000 then lpad(n.rn::text, 5, '0') else n.rn::text end`;
    await sql`
      update requests set request_no = n.y || '-' || ${padded}
      from (
        select id, ${year} as y,
          row_number() over (partition by tenant_id, ${year} order by accepted_at, id) as rn
        from requests
      ) as n
      where n.id = requests.id`.execute(db);
    await createIndex(db, 'requests_no', 'requests', ['tenant_id', 'request_no'], { unique: true });
    await createTable(db, dialect, 'request_numbers', [required('integer', 'tenant_id', 'year', 'last_no')], (t) =>
      t.addPrimaryKeyConstraint('request_numbers_pk', ['tenant_id', 'year']),
    );
    await sql`
      insert into request_numbers (tenant_id, year, last_no)
      select tenant_id, ${year}, count(*) from requests group by tenant_id, ${year}`.execute(db);
  },
};
