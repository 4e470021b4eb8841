import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Vault } from './crypto.js';

describe('the vault', () => {
  const vault = new Vault(crypto.randomBytes(32));

  it('round-trips Chinese text, and two encryptions of one value differ', () => {
    const a = vault.encrypt('520102199001011234 张三');
    const b = vault.encrypt('520102199001011234 张三');
    expect(a).not.toBe(b);
    expect(vault.decrypt(a)).toBe('520102199001011234 张三');
    expect(vault.decrypt(b)).toBe('520102199001011234 张三');
  });

  it('never repeats an IV across refills of the pool (1,000 values, 256 IVs a fill)', () => {
    const ivs = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const raw = Buffer.from(vault.encrypt('13800000000').split('.')[1], 'base64url');
      ivs.add(raw.subarray(0, 16).toString('hex'));
    }
    expect(ivs.size).toBe(1000);
  });

  it('refuses an altered ciphertext and an unknown key', () => {
    const token = vault.encrypt('13800000000');
    const raw = Buffer.from(token.split('.')[1], 'base64url');
    raw[20] ^= 1;
    expect(() => vault.decrypt(`${token.split('.')[0]}.${raw.toString('base64url')}`)).toThrow(/integrity/);
    expect(() => new Vault(crypto.randomBytes(32)).decrypt(token)).toThrow(/unknown/);
  });
});
