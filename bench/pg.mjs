// A private PostgreSQL server for the province bench: initdb as `postgres` (initdb refuses root) in a folder of its
// own, on 127.0.0.1 and a free port, with the settings of a bulk load (no fsync: the data is thrown away after).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './lib.mjs';

/** The path of a PostgreSQL program of the newest installed server version. */
export function pgBin(name) {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return name;
  for (const v of fs.readdirSync(base).sort((a, b) => Number(b) - Number(a))) {
    const p = path.join(base, v, 'bin', name);
    if (fs.existsSync(p)) return p;
  }
  return name;
}

/** Initializes and starts a throw-away cluster; `stop()` stops it and removes its folder. */
export async function startPg({ sharedBuffers = '2GB', keep = false } = {}) {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(process.env.BENCH_PG_DIR ?? os.tmpdir(), 'dj-bench-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (cmd, args) => {
    const [bin, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
    const r = spawnSync(bin, argv, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  };
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  fs.chmodSync(dir, 0o700);
  const data = path.join(dir, 'data');
  run(pgBin('initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const settings = [
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`,
    '-c fsync=off -c synchronous_commit=off -c full_page_writes=off',
    `-c shared_buffers=${sharedBuffers} -c maintenance_work_mem=1GB -c work_mem=32MB`,
    '-c max_wal_size=16GB -c checkpoint_timeout=30min -c wal_level=minimal -c max_wal_senders=0',
  ].join(' ');
  run(pgBin('pg_ctl'), ['-D', data, '-l', path.join(dir, 'log'), '-w', '-t', '120', '-o', settings, 'start']);
  return {
    dir,
    url: (db = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${db}`,
    stop() {
      try {
        run(pgBin('pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        if (!keep) fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
