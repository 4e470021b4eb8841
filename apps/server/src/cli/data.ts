/** `dangjian migrate`, `dangjian demo`, `dangjian import|export members FILE.xlsx`. */
import fs from 'node:fs';
import { exportRoster, importRoster } from '../areas/core/members/members.excel.js';
import type { Config } from '../config.js';
import { migrate } from '../db/migrate.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoScale, loadDemo } from '../demo/load.js';
import { PROVINCE_COUNTIES } from '../demo/province.js';
import { loadProvince } from '../demo/provinceLoad.js';
import { cliActor, flag, open, UsageError } from './shared.js';

export async function migrateCommand(config: Config) {
  const ctx = await open(config, { migrate: false });
  const applied = await migrate(ctx.database, (l) => console.log(l));
  await ctx.database.close();
  console.log(applied.length ? `applied ${applied.length} migrations` : 'the database is up to date');
}

export async function demoCommand(config: Config, args: string[]) {
  const scale = (flag(args, 'scale') ?? 'county') as DemoScale;
  if (!['county', 'prefecture', 'province'].includes(scale))
    throw new UsageError('--scale must be county, prefecture or province');
  const seed = flag(args, 'seed') ? Number(flag(args, 'seed')) : undefined;
  if (seed !== undefined && !Number.isInteger(seed)) throw new UsageError('--seed must be an integer');
  const counties = flag(args, 'counties') ? Number(flag(args, 'counties')) : undefined;
  const { min, max } = PROVINCE_COUNTIES;
  if (
    counties !== undefined &&
    (scale !== 'province' || !Number.isInteger(counties) || counties < min || counties > max)
  )
    throw new UsageError(`--counties (${min}..${max}) goes with --scale province`);
  if (scale === 'province' && !config.databaseUrl)
    throw new UsageError(
      '省级演示数据只能装入 PostgreSQL，请设置 DATABASE_URL (the province demo loads into PostgreSQL only: set DATABASE_URL)',
    );
  const ctx = await open(config);
  const t = Date.now();
  const log = (l: string) => console.log(l);
  if (scale === 'province') await loadProvince(ctx, { seed, counties, log });
  else await loadDemo(ctx, { scale, seed, log });
  await ctx.database.close();
  console.log(
    `demo loaded in ${((Date.now() - t) / 1000).toFixed(1)} s. ` +
      `Accounts ${DEMO_ACCOUNTS.map((a) => a.username).join(', ')}; password ${DEMO_PASSWORD}`,
  );
}

export async function rosterCommand(config: Config, command: 'import' | 'export', args: string[]) {
  const [what, file] = args;
  if (what !== 'members' || !file) throw new UsageError(`${command} members FILE.xlsx [--org ID]`);
  const ctx = await open(config);
  try {
    const orgId = flag(args, 'org') ? Number(flag(args, 'org')) : undefined;
    const actor = await cliActor(ctx, orgId);
    if (command === 'import') {
      if (!fs.existsSync(file)) throw new UsageError(`no such file: ${file}`);
      console.log(`checking ${file} …`);
      const report = await importRoster(ctx, actor, fs.readFileSync(file), {
        dryRun: args.includes('--dry-run'),
      });
      for (const e of report.errors.slice(0, 200))
        console.error(`row ${e.row}${e.field ? ` (${e.field})` : ''}: ${e.message} [${e.code}]`);
      if (report.errors.length > 200) console.error(`… and ${report.errors.length - 200} more`);
      if (!report.ok) throw new UsageError(`${report.errors.length} errors in ${report.total} rows; nothing imported`);
      console.log(
        args.includes('--dry-run')
          ? `${report.valid} rows valid (dry run, nothing imported)`
          : `imported ${report.imported} members`,
      );
    } else {
      const { buffer, count } = await exportRoster(ctx, actor, { org: orgId });
      fs.writeFileSync(file, buffer);
      console.log(`exported ${count} members to ${file} (numbers masked)`);
    }
  } finally {
    await ctx.database.close();
  }
}
