/**
 * 国密 primitives from Node's OpenSSL: SM4-CTR + HMAC-SM3 for personal numbers, SM3 for the audit chain, scrypt for
 * passwords.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const IV_BYTES = 16;
const MAC_BYTES = 32;

// IVs come from a pool filled by the CSPRNG 256 at a time: one `randomBytes` call per value cost as much as the
// SM4 and HMAC-SM3 work together when a county's members are encrypted (the demo load, an import of thousands).
const IV_POOL = Buffer.alloc(IV_BYTES * 256);
let ivOffset = IV_POOL.length;

/** A fresh random IV, copied out of the pool so that no two ciphertexts share one. */
function nextIv(): Buffer {
  if (ivOffset === IV_POOL.length) {
    crypto.randomFillSync(IV_POOL);
    ivOffset = 0;
  }
  const iv = Buffer.from(IV_POOL.subarray(ivOffset, ivOffset + IV_BYTES));
  ivOffset += IV_BYTES;
  return iv;
}

interface KeySet {
  id: string;
  enc: Buffer;
  mac: Buffer;
  lookup: Buffer;
}

function derive(master: Buffer): KeySet {
  const sub = (label: string) => crypto.createHmac('sm3', master).update(label).digest();
  return {
    id: crypto.createHash('sm3').update(master).digest('hex').slice(0, 8),
    enc: sub('dangjian/sm4-ctr').subarray(0, 16),
    mac: sub('dangjian/hmac-sm3'),
    lookup: sub('dangjian/lookup'),
  };
}

/** Encrypts and looks up personal numbers with the current key; decrypts with any known key (rotation). */
export class Vault {
  private readonly current: KeySet;
  private readonly byId = new Map<string, KeySet>();

  constructor(
    private readonly master: Buffer,
    private readonly previous: Buffer[] = [],
  ) {
    if (master.length !== 32) throw new Error('the secret key must be 32 bytes');
    this.current = derive(master);
    for (const k of [this.current, ...previous.map(derive)]) this.byId.set(k.id, k);
  }

  /**
   * The keys, for a worker thread of this same process to build its own Vault (`new Vault(...keys)`): a thread has
   * no access to this one's memory. Never logged, stored or sent anywhere else.
   */
  forWorkerThread(): [Buffer, Buffer[]] {
    return [this.master, this.previous];
  }

  /** The id of the key new ciphertexts are written with. */
  get keyId(): string {
    return this.current.id;
  }

  /** `keyId.base64url(iv | ciphertext | mac)`, encrypt-then-MAC. */
  encrypt(plain: string): string {
    const iv = nextIv();
    const cipher = crypto.createCipheriv('sm4-ctr', this.current.enc, iv);
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const mac = crypto.createHmac('sm3', this.current.mac).update(iv).update(ct).digest();
    return `${this.current.id}.${Buffer.concat([iv, ct, mac]).toString('base64url')}`;
  }

  /** Decrypts a value written by `encrypt`; throws when it was altered or the key is unknown. */
  decrypt(token: string): string {
    const dot = token.indexOf('.');
    const keys = this.byId.get(token.slice(0, dot));
    if (!keys) throw new Error('unknown encryption key id');
    const raw = Buffer.from(token.slice(dot + 1), 'base64url');
    const iv = raw.subarray(0, IV_BYTES);
    const ct = raw.subarray(IV_BYTES, raw.length - MAC_BYTES);
    const mac = raw.subarray(raw.length - MAC_BYTES);
    const expected = crypto.createHmac('sm3', keys.mac).update(iv).update(ct).digest();
    if (!crypto.timingSafeEqual(mac, expected)) throw new Error('ciphertext integrity check failed');
    const decipher = crypto.createDecipheriv('sm4-ctr', keys.enc, iv);
    return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
  }

  /** Keyed hash for exact lookup of a normalized value without decrypting. */
  lookupHash(value: string): string {
    return crypto.createHmac('sm3', this.current.lookup).update(value).digest('hex');
  }

  /** Whether a ciphertext was written with an older key (to be re-encrypted by `rekey`). */
  isStale(token: string): boolean {
    return !token.startsWith(`${this.current.id}.`);
  }
}

/** Loads the master key: DJ_SECRET_KEY, else DATA_DIR/secret.key, created on first use with mode 0600. */
export function loadVault(opts: {
  dataDir: string;
  secretKey: string | null;
  previousKeys?: string | undefined;
}): Vault {
  let master: Buffer;
  if (opts.secretKey) {
    master = Buffer.from(opts.secretKey, 'hex');
  } else {
    const file = path.join(opts.dataDir, 'secret.key');
    if (!fs.existsSync(file)) {
      fs.mkdirSync(opts.dataDir, { recursive: true });
      fs.writeFileSync(file, crypto.randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    }
    master = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  }
  const previous = (opts.previousKeys ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((hex) => Buffer.from(hex, 'hex'));
  return new Vault(master, previous);
}

/** SM3 digest in hex. */
export function sm3(data: string | Buffer): string {
  return crypto.createHash('sm3').update(data).digest('hex');
}

/** A random token of `bytes` bytes, base64url. */
export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 };

/** Hashes a password with scrypt and a random salt: `scrypt$N$r$p$salt$hash`. */
export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const hash = await scryptAsync(password, salt, SCRYPT.N, SCRYPT.r, SCRYPT.p);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

/** Checks a password against a stored hash in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scryptAsync(
    password,
    Buffer.from(salt, 'base64url'),
    Number(n),
    Number(r),
    Number(p),
    expected.length,
  );
  return crypto.timingSafeEqual(actual, expected);
}

function scryptAsync(
  password: string,
  salt: Buffer,
  N: number,
  r: number,
  p: number,
  keylen = SCRYPT.keylen,
): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    crypto.scrypt(password.normalize('NFKC'), salt, keylen, { N, r, p, maxmem: 64 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** A valid hash of a random password, checked against unknown users so their answer takes as long. */
export const DUMMY_HASH_PROMISE = hashPassword(randomToken(12));
