/** Every setting of the server, read from the environment and validated once. */
import os from 'node:os';
import path from 'node:path';

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | null;
  /** 64 hex characters (32 bytes) or null to use the key file under DATA_DIR. */
  secretKey: string | null;
  auth: {
    maxFailures: number;
    lockMinutes: number;
    idleMinutes: number;
    absoluteHours: number;
    loginRateMax: number;
    minPasswordLength: number;
    secureCookies: boolean;
  };
  /**
   * Limits of the routes anyone may call (the public wall, residents' sign-in). On PostgreSQL the counters live in the
   * database, so they hold across server processes; on SQLite (one process) in its memory.
   */
  limits: {
    /** Requests per minute one address may send to each public route that declares no limit of its own. */
    publicPerIpPerMinute: number;
    /** Requests per minute all addresses together may send to the public routes (a flood from many addresses). */
    publicGlobalPerMinute: number;
    /** Different phone numbers one address may ask a sign-in code for, per hour and per day. */
    codePhonesPerIpPerHour: number;
    codePhonesPerIpPerDay: number;
    /** Codes one phone number may be sent per hour (the service adds 60 s spacing and a daily cap). */
    codesPerPhonePerHour: number;
  };
  trustProxy: boolean;
  webDist: string;
  logLevel: string;
  uploadMaxBytes: number;
  /** Robot webhook of a WeCom or DingTalk group that receives reminders (null: in-app only). */
  webhook: { url: string; kind: 'wecom' | 'dingtalk' } | null;
  /** The address people reach the platform at (for links in QR codes); null: the request's own origin. */
  publicUrl: string | null;
  /** Whether `serve` schedules the daily jobs (reminders). */
  jobs: boolean;
  /** Seconds between two rounds of the rollups' incremental refresh (DJ_ROLLUP_SECONDS): the dashboards' lag. */
  rollupSeconds: number;
  /**
   * Each process computes the home figures of at most this many counties after it starts (DJ_WARM_COUNTIES): a
   * province's hundred counties would keep every process and the database busy for minutes at each start.
   */
  warmCounties: number;
  /** How many server processes `serve` forks behind its one port (DJ_WORKERS or `--workers`; PostgreSQL only). */
  workers: number;
  /** How residents' one-time sign-in codes leave: the local outbox (demo) or an SMS gateway's HTTP endpoint. */
  sms: { sender: 'outbox' | 'webhook'; webhookUrl: string | null };
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw == null || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer ≥ ${min}, got "${raw}"`);
  return n;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw == null || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new Error(`${name} must be true or false, got "${raw}"`);
}

function webhook(env: NodeJS.ProcessEnv): Config['webhook'] {
  const url = env.DJ_WEBHOOK_URL?.trim();
  if (!url) return null;
  if (!/^https?:\/\//.test(url)) throw new Error('DJ_WEBHOOK_URL must be an http(s) URL');
  const kind = (env.DJ_WEBHOOK_KIND || 'wecom').toLowerCase();
  if (kind !== 'wecom' && kind !== 'dingtalk') throw new Error('DJ_WEBHOOK_KIND must be wecom or dingtalk');
  return { url, kind };
}

function sms(env: NodeJS.ProcessEnv): Config['sms'] {
  const sender = (env.DJ_SMS_SENDER || 'outbox').toLowerCase();
  if (sender !== 'outbox' && sender !== 'webhook') throw new Error('DJ_SMS_SENDER must be outbox or webhook');
  const url = env.DJ_SMS_WEBHOOK_URL?.trim() || null;
  if (url && !/^https?:\/\//.test(url)) throw new Error('DJ_SMS_WEBHOOK_URL must be an http(s) URL');
  // Not the reminders' group robot: a code posted to a group chat would sign anyone in.
  if (sender === 'webhook' && !url) throw new Error('DJ_SMS_SENDER=webhook needs DJ_SMS_WEBHOOK_URL');
  return { sender, webhookUrl: url };
}

/** A number of workers: a positive integer, or `auto` for one per processor. */
export function workersOf(raw: string | undefined, name = 'DJ_WORKERS'): number {
  if (raw == null || raw === '') return 1;
  if (raw === 'auto') return os.availableParallelism();
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new Error(`${name} must be an integer 1–64 or auto, got "${raw}"`);
  return n;
}

/** Reads the configuration from an environment (process.env by default). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const repoRoot = path.resolve(import.meta.dirname, '../../..');
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl))
    throw new Error('DATABASE_URL must start with postgres://');
  const secretKey = env.DJ_SECRET_KEY?.trim() || null;
  if (secretKey && !/^[0-9a-fA-F]{64}$/.test(secretKey))
    throw new Error('DJ_SECRET_KEY must be 64 hex characters (32 bytes)');
  return {
    host: env.HOST || '127.0.0.1',
    port: int(env, 'PORT', 3000),
    dataDir: path.resolve(env.DATA_DIR || './data'),
    databaseUrl,
    secretKey,
    auth: {
      maxFailures: int(env, 'DJ_LOGIN_MAX_FAILURES', 5, 1),
      lockMinutes: int(env, 'DJ_LOCK_MINUTES', 10, 1),
      idleMinutes: int(env, 'DJ_IDLE_MINUTES', 30, 1),
      absoluteHours: int(env, 'DJ_ABSOLUTE_HOURS', 12, 1),
      loginRateMax: int(env, 'DJ_LOGIN_RATE_MAX', 20, 1),
      minPasswordLength: int(env, 'DJ_PASSWORD_MIN_LENGTH', 8, 8),
      secureCookies: bool(env, 'DJ_SECURE_COOKIES', false),
    },
    limits: {
      publicPerIpPerMinute: int(env, 'DJ_PUBLIC_RATE_MAX', 60, 1),
      publicGlobalPerMinute: int(env, 'DJ_PUBLIC_GLOBAL_RATE_MAX', 1200, 1),
      codePhonesPerIpPerHour: int(env, 'DJ_CODE_PHONES_PER_IP_HOUR', 3, 1),
      codePhonesPerIpPerDay: int(env, 'DJ_CODE_PHONES_PER_IP_DAY', 10, 1),
      codesPerPhonePerHour: int(env, 'DJ_CODES_PER_PHONE_HOUR', 5, 1),
    },
    trustProxy: bool(env, 'DJ_TRUST_PROXY', false),
    webDist: path.resolve(env.DJ_WEB_DIST || path.join(repoRoot, 'apps/web/dist')),
    logLevel: env.LOG_LEVEL || 'warn',
    uploadMaxBytes: int(env, 'DJ_UPLOAD_MAX_BYTES', 20 * 1024 * 1024, 1024),
    webhook: webhook(env),
    publicUrl: env.DJ_PUBLIC_URL?.trim().replace(/\/+$/, '') || null,
    jobs: bool(env, 'DJ_JOBS', true),
    rollupSeconds: int(env, 'DJ_ROLLUP_SECONDS', 60, 1),
    warmCounties: int(env, 'DJ_WARM_COUNTIES', 10, 0),
    workers: workersOf(env.DJ_WORKERS),
    sms: sms(env),
  };
}
