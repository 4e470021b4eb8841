/** `dangjian user add|reset-password|unlock USERNAME …` and `dangjian rekey`. */
import { ROLES, type Role } from '@dangjian/contracts';
import { assertPasswordPolicy } from '../areas/core/auth/auth.service.js';
import type { Config } from '../config.js';
import type { Actor } from '../platform/actor.js';
import { hashPassword } from '../platform/crypto.js';
import { writeAuditAlone } from '../platform/data/audit.js';
import {
  clearLoginAttempts,
  findLiveOrg,
  findUserByName,
  insertCliUser,
  membersNotOnKey,
  resetUserPassword,
  updateMemberNumbers,
} from './cli.repository.js';
import { addRegionUser } from './region.js';
import { cliActor, flag, open, UsageError } from './shared.js';

export async function userCommand(config: Config, args: string[]) {
  const [sub, username] = args;
  if (!sub || !username) throw new UsageError('user add|reset-password|unlock USERNAME …');
  const ctx = await open(config);
  // Asked for only where an account of a county is written: a region account needs no county in the database.
  const cliOf = async (): Promise<Actor> => ({ ...(await cliActor(ctx)), username: 'cli' });
  try {
    if (sub === 'add') {
      const role = flag(args, 'role') as Role | undefined;
      if (!role || !(role in ROLES)) throw new UsageError(`--role must be one of ${Object.keys(ROLES).join(', ')}`);
      if (role === 'region_admin' || flag(args, 'region')) return await addRegionUser(ctx, username, role, args);
      const orgId = Number(flag(args, 'org'));
      const password = flag(args, 'password') ?? process.env.DJ_NEW_PASSWORD;
      if (!password) throw new UsageError('--password (or DJ_NEW_PASSWORD) is required');
      assertPasswordPolicy(ctx, password);
      const org = await findLiveOrg(ctx.db, orgId);
      if (!org) throw new UsageError(`--org ${orgId}: no such organization`);
      const memberId = flag(args, 'member') ? Number(flag(args, 'member')) : null;
      if (role === 'member' && !memberId) throw new UsageError('a member account needs --member ID');
      const taken = await findUserByName(ctx.db, username);
      if (taken) throw new UsageError(`user ${username} already exists`);
      const id = await insertCliUser(ctx.db, {
        tenantId: org.tenant_id,
        username,
        displayName: flag(args, 'name') ?? username,
        passwordHash: await hashPassword(password),
        role,
        orgId: org.id,
        orgPath: org.org_path,
        memberId,
      });
      await writeAuditAlone(ctx, await cliOf(), {
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
      const user = await findUserByName(ctx.db, username);
      if (!user) throw new UsageError(`no user ${username}`);
      const hash = await hashPassword(password);
      await resetUserPassword(ctx.db, user.id, username, hash);
      await writeAuditAlone(ctx, await cliOf(), {
        action: 'user.reset_password',
        entityType: 'user',
        entityId: user.id,
        detail: 'cli',
      });
      console.log(`password of ${username} reset; its sessions ended`);
    } else if (sub === 'unlock') {
      const user = await findUserByName(ctx.db, username);
      if (!user) throw new UsageError(`no user ${username}`);
      await clearLoginAttempts(ctx.db, username);
      await writeAuditAlone(ctx, await cliOf(), {
        action: 'user.unlock',
        entityType: 'user',
        entityId: user.id,
        detail: 'cli',
      });
      console.log(`${username} unlocked`);
    } else {
      throw new UsageError(`unknown: user ${sub}`);
    }
  } finally {
    await ctx.database.close();
  }
}

/** Re-encrypts the personal numbers with the current key, a thousand members at a time. */
export async function rekey(config: Config) {
  const ctx = await open(config);
  let done = 0;
  for (;;) {
    const rows = await membersNotOnKey(ctx.db, ctx.vault.keyId);
    if (!rows.length) break;
    await updateMemberNumbers(
      ctx.db,
      rows.map((r) => {
        const idNumber = ctx.vault.decrypt(r.id_number_enc);
        const phone = r.phone_enc ? ctx.vault.decrypt(r.phone_enc) : null;
        return {
          id: r.id,
          id_number_enc: ctx.vault.encrypt(idNumber),
          id_number_hash: ctx.vault.lookupHash(idNumber),
          phone_enc: phone ? ctx.vault.encrypt(phone) : null,
          phone_hash: phone ? ctx.vault.lookupHash(phone) : null,
        };
      }),
    );
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
