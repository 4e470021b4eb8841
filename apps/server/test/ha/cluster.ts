/**
 * A throw-away PostgreSQL high-availability cluster on 127.0.0.1 for the failover test: one etcd, two Patroni nodes
 * (a primary and a synchronous standby) and haproxy in front, sending the read-write port to whichever node Patroni's
 * REST API calls `/primary`. Everything lives in one private folder and runs as `postgres` when the test is root.
 * The configs follow deploy/ha/ with test timings; YAML is a superset of JSON, so Patroni reads them as JSON.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from '../pg-server.js';

const asRoot = process.getuid?.() === 0;

/** The newest PostgreSQL binaries folder, or null. */
export function pgBinDir(): string | null {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return null;
  for (const v of fs.readdirSync(base).sort((a, b) => Number(b) - Number(a))) {
    const dir = path.join(base, v, 'bin');
    if (fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_rewind'))) return dir;
  }
  return null;
}

/** The first of these paths that exists, or null. */
function which(...candidates: string[]): string | null {
  return candidates.find((c) => fs.existsSync(c)) ?? null;
}

export const TOOLS = {
  patroni: () => which('/usr/bin/patroni', '/usr/local/bin/patroni'),
  etcd: () => which('/usr/bin/etcd', '/usr/local/bin/etcd'),
  haproxy: () => which('/usr/sbin/haproxy', '/usr/bin/haproxy', '/usr/local/sbin/haproxy'),
  pgbouncer: () => which('/usr/sbin/pgbouncer', '/usr/bin/pgbouncer', '/usr/local/bin/pgbouncer'),
};

/** Why these tools cannot run here ('' when they can): the names of the missing ones. */
export function missingTools(...names: (keyof typeof TOOLS | 'postgresql')[]): string {
  const missing = names.filter((n) => (n === 'postgresql' ? !pgBinDir() : !TOOLS[n]()));
  if (asRoot && spawnSync('id', ['postgres']).status !== 0) missing.push('postgresql' as never);
  return missing.length ? `not installed here: ${missing.join(', ')} (apt-get install ${missing.join(' ')})` : '';
}

/** A private folder owned by the user the servers run as. */
export function privateDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  if (asRoot) spawnSync('chown', ['postgres:postgres', dir]);
  fs.chmodSync(dir, 0o700);
  return dir;
}

/** A long-running process in its own process group, its output kept in a log file. */
export interface Proc {
  name: string;
  child: ChildProcess;
  log: string;
}

/** Starts `cmd` (as `postgres` when root) in its own process group, writing its output to `<dir>/<name>.log`. */
export function startProc(dir: string, name: string, cmd: string, args: string[]): Proc {
  const log = path.join(dir, `${name}.log`);
  const out = fs.openSync(log, 'a');
  const [c, a] = asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  const child = spawn(c, a, { cwd: dir, detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  child.on('error', () => {});
  return { name, child, log };
}

/** Signals a process group; quiet when it is already gone. */
export function signalGroup(p: Proc, signal: NodeJS.Signals): void {
  try {
    if (p.child.pid) process.kill(-p.child.pid, signal);
  } catch {
    /* already gone */
  }
}

/** Resolves when the process has exited, or after `ms`; answers whether it exited. */
export function exited(p: Proc, ms: number): Promise<boolean> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(false), ms);
    p.child.once('exit', () => {
      clearTimeout(t);
      resolve(true);
    });
  });
}

/** The last lines of a log, for a failure message. */
export function tail(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Polls `fn` until it answers a truthy value or `ms` pass; throws `what` then. */
export async function waitFor<T>(what: string, ms: number, fn: () => Promise<T | null | undefined | false>) {
  const deadline = Date.now() + ms;
  let last: unknown = null;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? `: ${last}` : ''}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export interface Node {
  name: string;
  pgPort: number;
  restPort: number;
  dataDir: string;
  patroni: Proc;
}

export interface Member {
  name: string;
  role: string;
  state: string;
  timeline?: number;
}

export interface Cluster {
  dir: string;
  nodes: Node[];
  /** The haproxy port that always leads to the primary. */
  rwPort: number;
  /** A URL of a database on the read-write port. */
  url(db: string): string;
  /** A URL of a database on one node directly, bypassing haproxy. */
  nodeUrl(node: Node, db: string): string;
  /** The members as Patroni's REST API reports them. */
  members(): Promise<Member[]>;
  /** Waits until there is a running leader and a streaming synchronous standby; answers the leader's node. */
  healthy(ms: number): Promise<Node>;
  /** The pid in a node's postmaster.pid (the postmaster Patroni started). */
  postmasterPid(node: Node): number;
  /** The tails of every log, for a failure message. */
  logs(): string;
  stop(): Promise<void>;
}

const SUPERUSER = { username: 'postgres', password: 'ha-test-superuser' };
const REPLICATION = { username: 'replicator', password: 'ha-test-replication' };

/** Patroni's settings for one node: deploy/ha/patroni-node1.yml with the test's folders, ports and timings. */
function patroniConfig(dir: string, node: Omit<Node, 'patroni'>, etcdPort: number, bin: string) {
  return {
    scope: 'dj-ha-test',
    namespace: '/dangjian/',
    name: node.name,
    log: { level: 'INFO' },
    restapi: { listen: `127.0.0.1:${node.restPort}`, connect_address: `127.0.0.1:${node.restPort}` },
    etcd3: { hosts: [`127.0.0.1:${etcdPort}`] },
    bootstrap: {
      dcs: {
        // Short timings so that a failover fits the test's 30 s (production: ttl 30, loop_wait 10).
        ttl: 10,
        loop_wait: 1,
        retry_timeout: 4,
        maximum_lag_on_failover: 1_048_576,
        primary_start_timeout: 0,
        synchronous_mode: true,
        postgresql: {
          use_pg_rewind: true,
          use_slots: true,
          parameters: {
            wal_level: 'replica',
            hot_standby: 'on',
            wal_log_hints: 'on',
            max_connections: 100,
            max_wal_senders: 5,
            max_replication_slots: 5,
            wal_keep_size: '64MB',
          },
        },
      },
      initdb: [{ encoding: 'UTF8' }, { locale: 'C.UTF-8' }, 'no-sync'],
      pg_hba: [
        'local all all trust',
        `host replication ${REPLICATION.username} 127.0.0.1/32 md5`,
        'host all all 127.0.0.1/32 md5',
      ],
    },
    postgresql: {
      listen: `127.0.0.1:${node.pgPort}`,
      connect_address: `127.0.0.1:${node.pgPort}`,
      data_dir: node.dataDir,
      bin_dir: bin,
      pgpass: path.join(dir, `${node.name}.pgpass`),
      // The clone starts at once rather than after a spread checkpoint.
      basebackup: { checkpoint: 'fast' },
      authentication: { superuser: SUPERUSER, replication: REPLICATION, rewind: SUPERUSER },
      parameters: { unix_socket_directories: dir, fsync: 'off', full_page_writes: 'on' },
    },
    tags: { nofailover: false, noloadbalance: false, clonefrom: false, nosync: false },
  };
}

/** haproxy in front of the nodes: the read-write port goes to the node whose REST API answers 200 on /primary. */
function haproxyConfig(rwPort: number, nodes: Omit<Node, 'patroni'>[]): string {
  return [
    'global',
    '  maxconn 400',
    'defaults',
    '  mode tcp',
    '  retries 2',
    '  timeout connect 2s',
    '  timeout client 30m',
    '  timeout server 30m',
    '  timeout check 2s',
    'listen primary',
    `  bind 127.0.0.1:${rwPort}`,
    '  option httpchk GET /primary',
    '  http-check expect status 200',
    '  default-server inter 1s fall 2 rise 1 on-marked-down shutdown-sessions',
    ...nodes.map((n) => `  server ${n.name} 127.0.0.1:${n.pgPort} maxconn 100 check port ${n.restPort}`),
    '',
  ].join('\n');
}

/** Starts etcd, two Patroni nodes and haproxy; resolves once the cluster has a primary and a synchronous standby. */
export async function startCluster(): Promise<Cluster> {
  const bin = pgBinDir()!;
  const dir = privateDir('dj-ha-');
  const procs: Proc[] = [];
  const [etcdPort, peerPort, rwPort] = [await freePort(), await freePort(), await freePort()];
  const nodes: Node[] = [];
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    if (asRoot) spawnSync('chown', ['postgres:postgres', file]);
    return file;
  };
  const cluster: Cluster = {
    dir,
    nodes,
    rwPort,
    url: (db) => `postgres://${SUPERUSER.username}:${SUPERUSER.password}@127.0.0.1:${rwPort}/${db}`,
    nodeUrl: (n, db) => `postgres://${SUPERUSER.username}:${SUPERUSER.password}@127.0.0.1:${n.pgPort}/${db}`,
    members: async () => {
      for (const n of nodes) {
        try {
          const r = await fetch(`http://127.0.0.1:${n.restPort}/cluster`, { signal: AbortSignal.timeout(2000) });
          if (r.ok) return ((await r.json()) as { members: Member[] }).members;
        } catch {
          /* that node's API is down: ask the other */
        }
      }
      return [];
    },
    healthy: (ms) =>
      waitFor('a running leader and a streaming synchronous standby', ms, async () => {
        const m = await cluster.members();
        const leader = m.find((x) => x.role === 'leader' && x.state === 'running');
        const sync = m.find((x) => x.role === 'sync_standby' && ['streaming', 'running'].includes(x.state));
        if (!leader || !sync) return null;
        // haproxy must agree before the test writes through it.
        const c = new pg.Client({ connectionString: cluster.url('postgres'), connectionTimeoutMillis: 2000 });
        await c.connect();
        try {
          const r = await c.query('select pg_is_in_recovery() as standby');
          if (r.rows[0].standby) return null;
        } finally {
          await c.end();
        }
        return nodes.find((n) => n.name === leader.name);
      }),
    postmasterPid: (n) => Number(fs.readFileSync(path.join(n.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]),
    logs: () => procs.map((p) => `--- ${p.name} ---\n${tail(p.log)}`).join('\n'),
    stop: async () => {
      // Patroni stops its PostgreSQL on SIGTERM; whatever remains is killed, the postmasters by their pid files.
      const patronis = procs.filter((p) => p.name.startsWith('patroni'));
      for (const p of patronis) signalGroup(p, 'SIGTERM');
      await Promise.all(patronis.map((p) => exited(p, 15_000)));
      for (const p of procs) signalGroup(p, 'SIGKILL');
      for (const n of nodes) {
        try {
          process.kill(cluster.postmasterPid(n), 'SIGKILL');
        } catch {
          /* not running */
        }
      }
      await Promise.all(procs.map((p) => exited(p, 5_000)));
      process.off('exit', killAll);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  // A test runner that dies leaves no servers behind.
  const killAll = () => {
    for (const p of procs) signalGroup(p, 'SIGKILL');
  };
  process.on('exit', killAll);
  try {
    const etcdDir = path.join(dir, 'etcd');
    procs.push(
      startProc(dir, 'etcd', TOOLS.etcd()!, [
        '--name=etcd1',
        `--data-dir=${etcdDir}`,
        `--listen-client-urls=http://127.0.0.1:${etcdPort}`,
        `--advertise-client-urls=http://127.0.0.1:${etcdPort}`,
        `--listen-peer-urls=http://127.0.0.1:${peerPort}`,
        `--initial-advertise-peer-urls=http://127.0.0.1:${peerPort}`,
        `--initial-cluster=etcd1=http://127.0.0.1:${peerPort}`,
        '--initial-cluster-state=new',
      ]),
    );
    const t0 = Date.now();
    const phase = (what: string) => console.log(`[ha] ${what} after ${Date.now() - t0} ms`);
    await waitFor('etcd', 30_000, async () => (await fetch(`http://127.0.0.1:${etcdPort}/health`)).ok);
    phase('etcd up');
    for (const name of ['node1', 'node2']) {
      const n = { name, pgPort: await freePort(), restPort: await freePort(), dataDir: path.join(dir, name) };
      const file = write(`${name}.yml`, JSON.stringify(patroniConfig(dir, n, etcdPort, bin), null, 2));
      const patroni = startProc(dir, `patroni-${name}`, TOOLS.patroni()!, [file]);
      procs.push(patroni);
      nodes.push({ ...n, patroni });
      // node1 bootstraps the cluster; node2 then clones it.
      if (name === 'node1')
        await waitFor('node1 to bootstrap', 60_000, async () =>
          (await cluster.members()).some((m) => m.role === 'leader' && m.state === 'running'),
        );
      phase(`${name} started`);
    }
    procs.push(
      startProc(dir, 'haproxy', TOOLS.haproxy()!, ['-db', '-f', write('haproxy.cfg', haproxyConfig(rwPort, nodes))]),
    );
    await cluster.healthy(90_000);
    phase('synchronous standby streaming');
    return cluster;
  } catch (err) {
    const logs = cluster.logs();
    await cluster.stop();
    throw new Error(`${(err as Error).message}\n${logs}`);
  }
}
