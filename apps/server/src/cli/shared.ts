/** What every command shares: the usage error, flag parsing, opening the database, the CLI's actor. */
import type { Config } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { systemActor, type Actor } from '../platform/actor.js';
import { createCtx, type Ctx } from '../platform/context.js';
import { loadVault } from '../platform/crypto.js';
import { findCliOrg } from './cli.repository.js';

export class UsageError extends Error {}

export function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (v == null || v.startsWith('--')) throw new UsageError(`--${name} needs a value`);
  return v;
}

export async function open(config: Config, opts: { migrate?: boolean } = { migrate: true }): Promise<Ctx> {
  const database = openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  const vault = loadVault({
    dataDir: config.dataDir,
    secretKey: config.secretKey,
    previousKeys: process.env.DJ_PREVIOUS_SECRET_KEYS,
  });
  const ctx = createCtx(database, vault, config);
  if (opts.migrate) await migrate(database, (l) => console.log(l));
  return ctx;
}

/** The CLI's actor: the whole county that holds `--org` (default: the first county). */
export async function cliActor(ctx: Ctx, orgId?: number): Promise<Actor> {
  const org = await findCliOrg(ctx.db, orgId);
  if (!org)
    throw new UsageError(
      orgId ? `organization ${orgId} not found` : 'the database has no organizations yet (run demo or create one)',
    );
  const root = `/${org.org_path.split('/')[1]}/`;
  const actor = systemActor(org.tenant_id, root, org.tenant_id);
  return { ...actor, username: 'cli', orgPath: orgId ? org.org_path : root, orgId: org.id };
}
