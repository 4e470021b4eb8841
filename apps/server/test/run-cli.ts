/** Runs the `dangjian` command line in a child process for tests, as an operator would, on a county it can seed. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { createCtx } from '../src/platform/context.js';
import { loadVault } from '../src/platform/crypto.js';
import * as orgs from '../src/areas/core/orgs/orgs.service.js';
import * as members from '../src/areas/core/members/members.service.js';
import { insertCounty } from './harness.js';

const BIN = path.resolve(import.meta.dirname, '../bin/dangjian.mjs');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with exactly the given settings on top of the environment (no inherited database or key). */
export function runCli(settings: Record<string, string | undefined>, args: string[]): Promise<CliResult> {
  // A small service history (2%) keeps `demo` quick in tests; the full county is the bench's.
  const env: NodeJS.ProcessEnv = { DJ_DEMO_RESIDENTS_SCALE: '0.02', ...process.env, LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  delete env.DJ_SECRET_KEY;
  delete env.DJ_NEW_PASSWORD;
  Object.assign(env, settings);
  return new Promise((resolve, reject) => {
    // Asynchronous, so that the test worker keeps answering its runner while a command runs.
    const p = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout!.on('data', (d) => (stdout += d));
    p.stderr!.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => p.kill('SIGKILL'), 100_000);
    p.once('error', reject);
    p.once('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** What a member is created from, but for the org (the seeded village). */
type Person = Omit<Parameters<typeof members.create>[2], 'orgId'>;

/**
 * Writes a small county through the services (audited, with the settings' key) into the database the settings name:
 * a county, a township, a village and these people in it. Answers the county's id.
 */
export async function seedCounty(
  settings: { DATA_DIR: string; DATABASE_URL?: string; DJ_SECRET_KEY?: string },
  people: Person[],
): Promise<number> {
  const config = loadConfig(settings);
  const database = openDatabase({ dataDir: settings.DATA_DIR, databaseUrl: settings.DATABASE_URL ?? null });
  const vault = loadVault({ dataDir: settings.DATA_DIR, secretKey: settings.DJ_SECRET_KEY ?? null });
  const ctx = createCtx(database, vault, config);
  try {
    const { id: county, system } = await insertCounty(ctx.db, '测试县委', new Date().toISOString());
    const town = await orgs.create(ctx, system, {
      parentId: county,
      name: '东乡镇党委',
      type: 'committee',
      field: 'rural',
    });
    const village = await orgs.create(ctx, system, { parentId: town.id, name: '东村党支部', type: 'branch' });
    for (const p of people) await members.create(ctx, system, { ...p, orgId: village.id });
    return county;
  } finally {
    await database.close();
  }
}

/** Adds a county administrator through the CLI (`user add`), as an operator would; answers the CLI's result. */
export function addCountyAdmin(
  settings: Record<string, string | undefined>,
  county: number,
  username: string,
  password: string,
): Promise<CliResult> {
  return runCli(settings, [
    'user',
    'add',
    username,
    '--role',
    'county_admin',
    '--org',
    String(county),
    '--password',
    password,
  ]);
}
