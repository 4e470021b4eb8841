/** The command line `dangjian`: serve, migrate, demo, import, export, backup, restore, user, audit verify, rekey. */
import { CHINA_TIME_ZONE, chinaToday } from '@dangjian/contracts';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROLES, type Role } from '@dangjian/contracts';
import { loadConfig, type Config } from './config.js';
import { openDatabase } from './db/database.js';
import { migrate } from './db/migrate.js';
import { createCtx, type Ctx } from './platform/context.js';
import { loadVault, hashPassword } from './platform/crypto.js';
import { systemActor, type Actor } from './platform/actor.js';
import { verifyAudit, writeAuditAlone } from './platform/data/audit.js';
import { DomainError } from './platform/errors.js';
import { errorMessage } from '@dangjian/contracts';
import { buildApp } from './app.js';
import { dailyJobs } from './areas/index.js';
import { loadDemo } from './demo/load.js';
import { assertPasswordPolicy } from './areas/core/auth/auth.service.js';
import { exportRoster, importRoster } from './areas/core/members/members.excel.js';
import { runReminders } from './areas/life/meetings/meetings.reminders.js';
import { releaseExpiredClaims } from './areas/residents/wishes/wishes.service.js';
import { escalateOverdue } from './areas/residents/requests/requests.escalation.js';
import { compliance, stats as meetingStats } from './areas/life/meetings/meetings.figures.js';
import { residentsStats } from './areas/residents/common/residents.figures.js';
import { overview } from './areas/core/stats/stats.service.js';
import { Cron } from 'croner';

const USAGE = `dangjian <command>

  serve                              migrate, load the demo county into an empty database, serve HTTP
  migrate                            apply pending migrations
  demo [--scale county|prefecture] [--seed N]
                                     load the demo data into an empty database
  import members FILE.xlsx [--org ID] [--dry-run]
  export members FILE.xlsx [--org ID]
  backup FILE                        online backup (SQLite) or pg_dump (PostgreSQL)
  restore FILE                       restore a backup (stop the server first)
  user add USERNAME --role ROLE --org ID [--name NAME] [--member ID] --password PASSWORD
  user reset-password USERNAME --password PASSWORD   (to be changed at the next sign-in)
  user unlock USERNAME
  audit verify                       check the audit chain; exits 1 when broken
  jobs run reminders [--date YYYY-MM-DD]
                                     run the daily reminders now (idempotent)
  jobs run wishes                    release wish claims past their deadline now (idempotent)
  jobs run escalations               move overdue requests to the level above now (idempotent)
  rekey                              re-encrypt personal numbers with the current key (after rotation)

Settings come from the environment: PORT, HOST, DATA_DIR, DATABASE_URL, DJ_SECRET_KEY (see README).`;

class UsageError extends Error {}

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (v == null || v.startsWith('--')) throw new UsageError(`--${name} needs a value`);
  return v;
}

async function open(config: Config, opts: { migrate?: boolean } = { migrate: true }): Promise<Ctx> {
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
async function cliActor(ctx: Ctx, orgId?: number): Promise<Actor> {
  let q = ctx.db.selectFrom('orgs').select(['id', 'tenant_id', 'org_path']).where('deleted_at', 'is', null);
  q = orgId ? q.where('id', '=', orgId) : q.where('parent_id', 'is', null).orderBy('id');
  const org = await q.executeTakeFirst();
  if (!org)
    throw new UsageError(
      orgId ? `organization ${orgId} not found` : 'the database has no organizations yet (run demo or create one)',
    );
  const root = `/${org.org_path.split('/')[1]}/`;
  const actor = systemActor(org.tenant_id, root, org.tenant_id);
  return { ...actor, username: 'cli', orgPath: orgId ? org.org_path : root, orgId: org.id };
}

async function serve(config: Config) {
  const started = Date.now();
  const ctx = await open(config);
  if (process.env.DJ_DEMO !== 'off' && !(await ctx.db.selectFrom('orgs').select('id').limit(1).executeTakeFirst())) {
    console.log('empty database: loading the demo county …');
    await loadDemo(ctx, { log: (l) => console.log(l) });
  }
  const app = await buildApp(ctx, { logger: config.logLevel !== 'silent' });
  const close = async () => {
    await app.close();
    await ctx.database.close();
    process.exit(0);
  };
  process.once('SIGTERM', close);
  process.once('SIGINT', close);
  // Under the supervisor (bin/supervise.mjs): if it dies, so does this server, rather than live on unwatched.
  if (process.env.DJ_SUPERVISED === '1' && process.send) process.once('disconnect', close);
  await app.listen({ port: config.port, host: config.host });
  void warmUp(ctx);
  if (config.jobs) {
    // Daily at 07:00 China time, and once at start so a server that was down catches up (the job is idempotent).
    // The jobs of every module manifest, one after another; one failing does not stop the others.
    const job = async () => {
      const at = { now: new Date(), today: chinaToday() };
      for (const daily of dailyJobs())
        await daily.run(ctx, at).catch((err) => console.error(`${daily.name} failed:`, err));
    };
    new Cron('0 7 * * *', { timezone: CHINA_TIME_ZONE, protect: true }, job);
    void job();
  }
  console.log(
    `党建工作平台 listening on http://${config.host}:${config.port} (${ctx.dialect}, ready in ${Date.now() - started} ms)`,
  );
}

/** Computes each county's home figures once after start, so the first visitor does not wait for them. */
async function warmUp(ctx: Ctx): Promise<void> {
  try {
    const day = chinaToday();
    const roots = await ctx.db
      .selectFrom('orgs')
      .select(['id', 'tenant_id', 'org_path'])
      .where('parent_id', 'is', null)
      .where('deleted_at', 'is', null)
      .execute();
    for (const r of roots) {
      const actor = systemActor(r.tenant_id, r.org_path, r.id);
      await overview(ctx, actor);
      await compliance(ctx, actor, { period: day.slice(0, 7) });
      await meetingStats(ctx, actor, { period: day.slice(0, 4) });
      await residentsStats(ctx, actor, {});
    }
  } catch (err) {
    console.error('warm-up failed:', err);
  }
}

async function backup(config: Config, file: string) {
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
    `backup written to ${target}. Keep DATA_DIR/secret.key (or DJ_SECRET_KEY) safe as well: the personal numbers cannot be read without it.`,
  );
}

async function restore(config: Config, file: string) {
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

async function userCommand(config: Config, args: string[]) {
  const [sub, username] = args;
  if (!sub || !username) throw new UsageError('user add|reset-password|unlock USERNAME …');
  const ctx = await open(config);
  const cli: Actor = { ...(await cliActor(ctx)), username: 'cli' };
  try {
    if (sub === 'add') {
      const role = flag(args, 'role') as Role | undefined;
      if (!role || !(role in ROLES)) throw new UsageError(`--role must be one of ${Object.keys(ROLES).join(', ')}`);
      const orgId = Number(flag(args, 'org'));
      const password = flag(args, 'password') ?? process.env.DJ_NEW_PASSWORD;
      if (!password) throw new UsageError('--password (or DJ_NEW_PASSWORD) is required');
      assertPasswordPolicy(ctx, password);
      const org = await ctx.db
        .selectFrom('orgs')
        .selectAll()
        .where('id', '=', orgId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (!org) throw new UsageError(`--org ${orgId}: no such organization`);
      const memberId = flag(args, 'member') ? Number(flag(args, 'member')) : null;
      if (role === 'member' && !memberId) throw new UsageError('a member account needs --member ID');
      const now = new Date().toISOString();
      const taken = await ctx.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
      if (taken) throw new UsageError(`user ${username} already exists`);
      const { id } = await ctx.db
        .insertInto('users')
        .values({
          tenant_id: org.tenant_id,
          username,
          display_name: flag(args, 'name') ?? username,
          password_hash: await hashPassword(password),
          role,
          org_id: org.id,
          org_path: org.org_path,
          member_id: memberId,
          status: 'active',
          locale: 'zh-CN',
          last_login_at: null,
          password_changed_at: now,
          created_at: now,
          updated_at: now,
          deleted_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeAuditAlone(ctx, cli, {
        action: 'user.create',
        entityType: 'user',
        entityId: id,
        detail: `cli: ${role} on org ${orgId}`,
      });
      console.log(`user ${username} created (id ${id})`);
    } else if (sub === 'reset-password') {
      const password = flag(args, 'password') ?? process.env.DJ_NEW_PASSWORD;
      if (!password) throw new UsageError('--password (or DJ_NEW_PASSWORD) is required');
      assertPasswordPolicy(ctx, password);
      const user = await ctx.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
      if (!user) throw new UsageError(`no user ${username}`);
      const hash = await hashPassword(password);
      await ctx.db.transaction().execute(async (trx) => {
        const now = new Date().toISOString();
        // The operator hands the password over; its holder must replace it at the next sign-in (the operator never keeps it).
        await trx
          .updateTable('users')
          .set({ password_hash: hash, password_changed_at: now, updated_at: now, must_change_password: 1 })
          .where('id', '=', user.id)
          .execute();
        await trx
          .updateTable('sessions')
          .set({ ended_at: now })
          .where('user_id', '=', user.id)
          .where('ended_at', 'is', null)
          .execute();
        await trx.deleteFrom('login_attempts').where('username', '=', username).execute();
      });
      await writeAuditAlone(ctx, cli, {
        action: 'user.reset_password',
        entityType: 'user',
        entityId: user.id,
        detail: 'cli',
      });
      console.log(`password of ${username} reset; its sessions ended`);
    } else if (sub === 'unlock') {
      const user = await ctx.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
      if (!user) throw new UsageError(`no user ${username}`);
      await ctx.db.deleteFrom('login_attempts').where('username', '=', username).execute();
      await writeAuditAlone(ctx, cli, { action: 'user.unlock', entityType: 'user', entityId: user.id, detail: 'cli' });
      console.log(`${username} unlocked`);
    } else {
      throw new UsageError(`unknown: user ${sub}`);
    }
  } finally {
    await ctx.database.close();
  }
}

async function rekey(config: Config) {
  const ctx = await open(config);
  let done = 0;
  for (;;) {
    const rows = await ctx.db
      .selectFrom('members')
      .select(['id', 'id_number_enc', 'phone_enc'])
      .where('id_number_enc', 'not like', `${ctx.vault.keyId}.%`)
      .limit(1000)
      .execute();
    if (!rows.length) break;
    await ctx.db.transaction().execute(async (trx) => {
      for (const r of rows) {
        const idNumber = ctx.vault.decrypt(r.id_number_enc);
        const phone = r.phone_enc ? ctx.vault.decrypt(r.phone_enc) : null;
        await trx
          .updateTable('members')
          .set({
            id_number_enc: ctx.vault.encrypt(idNumber),
            id_number_hash: ctx.vault.lookupHash(idNumber),
            phone_enc: phone ? ctx.vault.encrypt(phone) : null,
            phone_hash: phone ? ctx.vault.lookupHash(phone) : null,
          })
          .where('id', '=', r.id)
          .execute();
      }
    });
    done += rows.length;
    console.log(`re-encrypted ${done}`);
  }
  await writeAuditAlone(ctx, null, {
    action: 'crypto.rekey',
    actorName: 'cli',
    detail: `${done} members re-encrypted with key ${ctx.vault.keyId}`,
  });
  await ctx.database.close();
  console.log(`rekey done: ${done} records now use key ${ctx.vault.keyId}`);
}

/** Runs one command; exits non-zero with a clear message on failure. */
export async function runCli(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  let config: Config;
  try {
    config = loadConfig();
    switch (command) {
      case 'serve':
        return await serve(config);
      case 'migrate': {
        const ctx = await open(config, { migrate: false });
        const applied = await migrate(ctx.database, (l) => console.log(l));
        await ctx.database.close();
        console.log(applied.length ? `applied ${applied.length} migrations` : 'the database is up to date');
        return;
      }
      case 'demo': {
        const scale = (flag(args, 'scale') ?? 'county') as 'county' | 'prefecture';
        if (!['county', 'prefecture'].includes(scale)) throw new UsageError('--scale must be county or prefecture');
        const seed = flag(args, 'seed') ? Number(flag(args, 'seed')) : undefined;
        if (seed !== undefined && !Number.isInteger(seed)) throw new UsageError('--seed must be an integer');
        const ctx = await open(config);
        const t = Date.now();
        await loadDemo(ctx, { scale, seed, log: (l) => console.log(l) });
        await ctx.database.close();
        console.log(
          `demo loaded in ${((Date.now() - t) / 1000).toFixed(1)} s. Accounts demo-county, demo-township, demo-branch, demo-member, demo-auditor, demo-security; password Dangjian@2026`,
        );
        return;
      }
      case 'import':
      case 'export': {
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
            if (!report.ok)
              throw new UsageError(`${report.errors.length} errors in ${report.total} rows; nothing imported`);
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
        return;
      }
      case 'backup':
      case 'restore': {
        if (!args[0]) throw new UsageError(`${command} FILE`);
        return command === 'backup' ? await backup(config, args[0]) : await restore(config, args[0]);
      }
      case 'user':
        return await userCommand(config, args);
      case 'audit': {
        if (args[0] !== 'verify') throw new UsageError('audit verify');
        const ctx = await open(config);
        const r = await verifyAudit(ctx, (n) => n % 50_000 === 0 && n > 0 && console.log(`checked ${n}`));
        await ctx.database.close();
        if (r.ok) console.log(`audit chain intact: ${r.checked} records`);
        else {
          console.error(
            `audit chain BROKEN at record ${r.firstBroken!.id}: ${r.firstBroken!.reason} (${r.checked} records intact before it)`,
          );
          process.exitCode = 1;
        }
        return;
      }
      case 'jobs': {
        if (args[0] === 'run' && args[1] === 'wishes') {
          const ctx = await open(config);
          const r = await releaseExpiredClaims(ctx);
          await ctx.database.close();
          console.log(`wishes: ${r.released} claims past their deadline released`);
          return;
        }
        if (args[0] === 'run' && args[1] === 'escalations') {
          const ctx = await open(config);
          const r = await escalateOverdue(ctx, new Date());
          await ctx.database.close();
          console.log(`escalations: ${r.escalated} overdue requests moved up, ${r.notified} notifications`);
          return;
        }
        if (args[0] !== 'run' || args[1] !== 'reminders')
          throw new UsageError('jobs run reminders [--date YYYY-MM-DD]');
        const day = flag(args, 'date') ?? chinaToday();
        if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new UsageError('--date must be YYYY-MM-DD');
        const ctx = await open(config);
        const r = await runReminders(ctx, day);
        await ctx.database.close();
        console.log(
          `reminders for ${day}: ${r.created} new (${r.fixedDay} before the fixed day, ${r.periodClosing} period closing, ${r.birthdays} political birthdays), ${r.webhookSent} sent to the webhook`,
        );
        return;
      }
      case 'rekey':
        return await rekey(config);
      case undefined:
      case 'help':
      case '--help':
        console.log(USAGE);
        return;
      default:
        throw new UsageError(`unknown command "${command}"\n\n${USAGE}`);
    }
  } catch (err) {
    if (err instanceof DomainError)
      console.error(`error: ${errorMessage(err.code)} / ${errorMessage(err.code, 'en')} [${err.code}]`);
    else console.error(`error: ${(err as Error).message}`);
    process.exit(1);
  }
}
