/** `dangjian backup FILE` and `dangjian restore FILE`. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import { verifyAudit } from '../platform/data/audit.js';
import { open, UsageError } from './shared.js';

export async function backup(config: Config, file: string) {
  const target = path.resolve(file);
  if (config.databaseUrl) {
    execFileSync('pg_dump', ['--format=custom', `--file=${target}`, config.databaseUrl], { stdio: 'inherit' });
  } else {
    const ctx = await open(config, { migrate: false });
    let last = 0;
    await ctx.database.sqlite!.backup(target, {
      progress: ({ totalPages, remainingPages }) => {
        const pct = Math.floor(((totalPages - remainingPages) / totalPages) * 100);
        if (pct >= last + 20) console.log(`backup ${(last = pct)}%`);
        return 200;
      },
    });
    await ctx.database.close();
  }
  console.log(
    `backup written to ${target}. Keep DATA_DIR/secret.key (or DJ_SECRET_KEY) safe as well: ` +
      'the personal numbers cannot be read without it.',
  );
}

export async function restore(config: Config, file: string) {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new UsageError(`no such file: ${source}`);
  if (config.databaseUrl) {
    execFileSync('pg_restore', ['--clean', '--if-exists', '--no-owner', `--dbname=${config.databaseUrl}`, source], {
      stdio: 'inherit',
    });
  } else {
    const { default: SQLite } = await import('better-sqlite3');
    const check = new SQLite(source, { readonly: true });
    const ok = check.pragma('integrity_check', { simple: true });
    check.close();
    if (ok !== 'ok') throw new UsageError(`the backup fails its integrity check: ${ok}`);
    fs.mkdirSync(config.dataDir, { recursive: true });
    const target = path.join(config.dataDir, 'dangjian.sqlite');
    for (const ext of ['-wal', '-shm']) fs.rmSync(target + ext, { force: true });
    fs.copyFileSync(source, target + '.restoring');
    fs.renameSync(target + '.restoring', target);
  }
  const ctx = await open(config);
  const v = await verifyAudit(ctx);
  await ctx.database.close();
  console.log(`restored from ${source}; audit chain ${v.ok ? 'intact' : 'BROKEN'} (${v.checked} records)`);
}
