/**
 * One timeline for every module (issue 9, workflows as data): `timeline_events` holds each move of a record
 * (its action, the states before and after, who, a note, data), with the record's tenant and org path so a
 * subtree's history is a range scan. The residents' timeline moves into it (org moves into `data`), then goes.
 */
import { sql } from 'kysely';
import { createIndex, createTable, id, optional, required } from '../migration-kit.js';
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
    await createTable(db, dialect, 'timeline_events', [
      id,
      required('integer', 'tenant_id'),
      required('text', 'entity_type'),
      required('integer', 'entity_id'),
      required('path', 'org_path'),
      required('text', 'action'),
      optional('text', 'from_state', 'to_state'),
      optional('integer', 'actor_id'),
      optional('text', 'actor_name', 'note', 'data'),
      required('text', 'at'),
    ]);
    await createIndex(db, 'timeline_events_entity', 'timeline_events', ['entity_type', 'entity_id', 'at']);
    await createIndex(db, 'timeline_events_scope', 'timeline_events', ['tenant_id', 'org_path', 'at']);
    const asText = (c: string) => sql`cast(${sql.ref(c)} as text)`;
    const orgData = sql`case when e.from_org_id is null and e.to_org_id is null then null
      else '{"fromOrgId":' || coalesce(${asText('e.from_org_id')}, 'null')
        || ',"toOrgId":' || coalesce(${asText('e.to_org_id')}, 'null') || '}' end`;
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
