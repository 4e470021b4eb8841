/** The command line `dangjian`: serve, migrate, demo, import, export, backup, restore, user, audit verify, rekey. */
import { errorMessage } from '@dangjian/contracts';
import { backup, restore } from './cli/backup.js';
import { demoCommand, migrateCommand, rosterCommand } from './cli/data.js';
import { auditCommand, jobsCommand, rollupsCommand } from './cli/jobs.js';
import { REGION_USAGE, regionCommand } from './cli/region.js';
import { serve, withWorkers } from './cli/serve.js';
import { UsageError } from './cli/shared.js';
import { rekey, userCommand } from './cli/user.js';
import { loadConfig, type Config } from './config.js';
import { SQLITE_BUSY_TIMEOUT_MS } from './db/database.js';
import { DomainError } from './platform/errors.js';

const USAGE = `dangjian <command>

  serve [--workers N|auto]           migrate, load the demo county into an empty database, serve HTTP
                                     (N processes on one port: PostgreSQL only; also DJ_WORKERS)
  migrate                            apply pending migrations
  demo [--scale county|prefecture|province] [--counties N] [--seed N]
                                     load the demo data into an empty database
  import members FILE.xlsx [--org ID] [--dry-run]
  export members FILE.xlsx [--org ID]
  backup FILE                        online backup (SQLite) or pg_dump (PostgreSQL)
  restore FILE                       restore a backup (stop the server first)
  user add USERNAME --role ROLE --org ID [--name NAME] [--member ID] --password PASSWORD
  user add USERNAME --role region_admin --region CODE [--name NAME] --password PASSWORD
  user reset-password USERNAME --password PASSWORD   (to be changed at the next sign-in)
  user unlock USERNAME
${REGION_USAGE}
  audit verify                       check the audit chain; exits 1 when broken
  jobs run reminders [--date YYYY-MM-DD]
                                     run the daily reminders now (idempotent)
  jobs run wishes                    release wish claims past their deadline now (idempotent)
  jobs run escalations               move overdue requests to the level above now (idempotent)
  rollups refresh                    recompute every county's rollups (region dashboards) now
  rekey                              re-encrypt personal numbers with the current key (after rotation)

Settings come from the environment: PORT, HOST, DATA_DIR, DATABASE_URL, DJ_SECRET_KEY (see README).`;

/** Runs one command; exits non-zero with a clear message on failure. */
export async function runCli(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  let config: Config;
  try {
    config = loadConfig();
    switch (command) {
      case 'serve':
        return await serve(withWorkers(config, args));
      case 'migrate':
        return await migrateCommand(config);
      case 'demo':
        return await demoCommand(config, args);
      case 'import':
      case 'export':
        return await rosterCommand(config, command, args);
      case 'backup':
      case 'restore': {
        if (!args[0]) throw new UsageError(`${command} FILE`);
        return command === 'backup' ? await backup(config, args[0]) : await restore(config, args[0]);
      }
      case 'user':
        return await userCommand(config, args);
      case 'region':
        return await regionCommand(config, args);
      case 'audit':
        return await auditCommand(config, args);
      case 'jobs':
        return await jobsCommand(config, args);
      case 'rollups':
        return await rollupsCommand(config, args);
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
    else if ((err as { code?: string }).code === 'SQLITE_BUSY') {
      // Another process (a running server, a load) held SQLite's write lock past the time the connection waits.
      const s = SQLITE_BUSY_TIMEOUT_MS / 1000;
      console.error(
        `错误：数据库正由另一个进程写入，等待 ${s} 秒后仍未轮到，请稍后重试 / ` +
          `error: the database is locked by another process (waited ${s} s); try again later`,
      );
    } else console.error(`error: ${(err as Error).message}`);
    process.exit(1);
  }
}
