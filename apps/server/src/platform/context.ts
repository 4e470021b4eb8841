/** What every service receives: the database, the vault, the settings and a clock (replaceable in tests). */
import type { Config } from '../config.js';
import type { Database, DialectName } from '../db/database.js';
import type { Vault } from './crypto.js';

export interface Ctx {
  database: Database;
  /** The query builder: only repositories and platform/data use it for queries; services open transactions. */
  db: Database['db'];
  dialect: DialectName;
  vault: Vault;
  config: Config;
  clock: () => Date;
}

/** Builds the service context. */
export function createCtx(database: Database, vault: Vault, config: Config, clock: () => Date = () => new Date()): Ctx {
  return { database, db: database.db, dialect: database.dialect, vault, config, clock };
}
