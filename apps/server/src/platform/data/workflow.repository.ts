/** The one write of a workflow move: the record's columns, conditional on the state the move was checked from. */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema/index.js';

/** A database handle or an open transaction. */
export type Q = Kysely<DB> | Transaction<DB>;

/** Sets columns of a record while it is still in `fromState`; false when a concurrent move got there first. */
export async function updateFlowRecord(
  db: Q,
  table:
    | 'requests'
    | 'wishes'
    | 'errands'
    | 'development_candidates'
    | 'transfers'
    | 'member_mobility'
    | 'problems'
    | 'tasks'
    | 'task_targets'
    | 'inspections'
    | 'weak_orgs',
  id: number,
  fromState: string,
  set: Record<string, unknown>,
): Promise<boolean> {
  const any = db as unknown as Kysely<any>;
  const res = await any
    .updateTable(table)
    .set(set)
    .where('id', '=', id)
    .where('status', '=', fromState)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
