/**
 * One timeline for every module (issue 9, workflows as data): `timeline_events` holds each move of a record
 * (its action, the states before and after, who, a note, data), with the record's tenant and org path so a
 * subtree's history is a range scan. The residents' timeline moves into it (org moves into `data`), then goes.
 */
import { sql } from 'kysely';
import { idType, pathType } from '../dialect.js';
import type { Migration } from './index.js';

/** The record tables whose old events move, with their entity type. */
const ENTITIES: [string, string][] = [
  ['request', 'requests'],
  ['wish', 'wishes'],
  ['errand', 'errands'],
  ['visit', 'visits'],
];

export const timeline012: Migration = {
  name: '012_timeline',
  async up(db, dialect) {
    await db.schema
      .createTable('timeline_events')
      .addColumn('id', idType(dialect), (c) => c.primaryKey())
      .addColumn('tenant_id', 'integer', (c) => c.notNull())
      .addColumn('entity_type', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'integer', (c) => c.notNull())
      .addColumn('org_path', pathType(dialect), (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('from_state', 'text')
      .addColumn('to_state', 'text')
      .addColumn('actor_id', 'integer')
      .addColumn('actor_name', 'text')
      .addColumn('note', 'text')
      .addColumn('data', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('timeline_events_entity')
      .on('timeline_events')
      .columns(['entity_type', 'entity_id', 'at'])
      .execute();
    await db.schema
      .createIndex('timeline_events_scope')
      .on('timeline_events')
      .columns(['tenant_id', 'org_path', 'at'])
      .execute();
    const id = (c: string) => sql`cast(${sql.ref(c)} as text)`;
    const orgData = sql`case when e.from_org_id is null and e.to_org_id is null then null
      else '{"fromOrgId":' || coalesce(${id('e.from_org_id')}, 'null')
        || ',"toOrgId":' || coalesce(${id('e.to_org_id')}, 'null') || '}' end`;
    for (const [type, table] of ENTITIES) {
      await sql`insert into timeline_events
          (tenant_id, entity_type, entity_id, org_path, action, from_state, to_state, actor_id, actor_name, note, data, at)
        select e.tenant_id, e.entity_type, e.entity_id, t.org_path, e.kind, null, null, e.actor_id, e.actor_name,
          e.note, ${orgData}, e.at
        from residents_events e join ${sql.table(table)} t on t.id = e.entity_id
        where e.entity_type = ${type}
        order by e.id`.execute(db);
    }
    await db.schema.dropTable('residents_events').execute();
  },
};
