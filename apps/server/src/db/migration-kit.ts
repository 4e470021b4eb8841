/**
 * Declaring tables and indexes in migrations: a table is a list of column groups, one line each, in column order.
 * The helpers only call Kysely's schema builder, so a migration written with them creates exactly the schema the
 * long-hand builder calls would.
 */
import { sql } from 'kysely';
import type { ColumnDefinitionBuilder, CreateTableBuilder, Expression, Kysely } from 'kysely';
import type { DialectName } from './database.js';
import { idType, pathType } from './dialect.js';

type Table = CreateTableBuilder<string, string>;
/** A type of column: a SQL type, or `path` (a materialized path, byte-ordered on PostgreSQL). */
type ColumnType = 'text' | 'integer' | 'path';
/** One or more columns added to a table being created. */
export type Columns = (t: Table, dialect: DialectName) => Table;

function typeOf(type: ColumnType, dialect: DialectName) {
  return type === 'path' ? pathType(dialect) : type;
}

/** Columns of one type that may be null, in order. */
export function optional(type: ColumnType, ...names: string[]): Columns {
  return (t, dialect) => names.reduce((acc, name) => acc.addColumn(name, typeOf(type, dialect)), t);
}

/** Columns of one type that may not be null, in order. */
export function required(type: ColumnType, ...names: string[]): Columns {
  return (t, dialect) => names.reduce((acc, name) => acc.addColumn(name, typeOf(type, dialect), (c) => c.notNull()), t);
}

/** One column with its own constraints (a default, a unique key, a primary key). */
export function column(name: string, type: ColumnType, build: (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder) {
  return ((t, dialect) => t.addColumn(name, typeOf(type, dialect), build)) satisfies Columns;
}

/** A not-null column with a default value. */
export function withDefault(name: string, type: ColumnType, value: string | number): Columns {
  return column(name, type, (c) => c.notNull().defaultTo(value));
}

/** An integer column referencing `target` (`table.id`); not null unless `nullable`. */
export function ref(name: string, target: string, nullable?: 'nullable'): Columns {
  return column(name, 'integer', (c) => (nullable ? c.references(target) : c.notNull().references(target)));
}

/** The auto-increment primary key `id`. */
export const id: Columns = (t, dialect) => t.addColumn('id', idType(dialect), (c) => c.primaryKey());

/** The columns every org-owned table starts with: id, tenant, the owning organization and its path. */
export const scopedKeys: Columns = (t, dialect) =>
  [id, required('integer', 'tenant_id'), ref('org_id', 'orgs.id'), required('path', 'org_path')].reduce(
    (acc, add) => add(acc, dialect),
    t,
  );

/** Creation, update and soft-delete times, the last columns of most tables. */
export const stamps: Columns = (t, dialect) =>
  optional('text', 'deleted_at')(required('text', 'created_at', 'updated_at')(t, dialect), dialect);

/** Encrypted, hashed and masked columns of one personal number (see platform/crypto.ts). */
export function guarded(name: string): Columns {
  return optional('text', `${name}_enc`, `${name}_hash`, `${name}_masked`);
}

/** Creates a table from its column groups, in order; `more` adds table constraints. */
export async function createTable(
  db: Kysely<any>,
  dialect: DialectName,
  name: string,
  columns: Columns[],
  more: (t: Table) => Table = (t) => t,
): Promise<void> {
  await more(columns.reduce((t, add) => add(t, dialect), db.schema.createTable(name) as Table)).execute();
}

/** Options of an index: unique, and/or partial over the rows where a column is null. */
interface IndexOptions {
  unique?: boolean;
  whereNull?: string;
}

/** Creates the index `name` on `table`'s columns. */
export async function createIndex(
  db: Kysely<any>,
  name: string,
  table: string,
  columns: string[],
  opts: IndexOptions = {},
): Promise<void> {
  let b = db.schema.createIndex(name).on(table).columns(columns);
  if (opts.unique) b = b.unique();
  if (opts.whereNull) b = b.where(sql.ref(opts.whereNull) as Expression<any>, 'is', null);
  await b.execute();
}
