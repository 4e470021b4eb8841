/** The rules of service work in force for a county: national defaults overridden by the county's own values. */
import { RESIDENTS_RULE_DEFAULTS, type ResidentsRuleKey, type ResidentsRules } from '@dangjian/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import { writeAudit } from '../../../platform/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { bumpVersion } from '../../../platform/versions.js';

type Q = Kysely<DB> | Transaction<DB>;

/** Pairs of rules where the first must not exceed the second. */
const ORDERED: [ResidentsRuleKey, ResidentsRuleKey][] = [
  ['groupSizeMin', 'groupSizeMax'],
  ['groupPoorMin', 'groupPoorMax'],
  ['pairingLoadMin', 'pairingLoadMax'],
  ['groupPoorMax', 'groupSizeMax'],
];

/** The rules in force for a tenant (defaults where the county set nothing). */
export async function residentsRules(db: Q, tenantId: number): Promise<ResidentsRules> {
  const rows = await db
    .selectFrom('residents_rule_overrides')
    .select(['rule', 'value'])
    .where('tenant_id', '=', tenantId)
    .execute();
  const rules: ResidentsRules = { ...RESIDENTS_RULE_DEFAULTS };
  for (const r of rows) if (r.rule in rules) rules[r.rule as ResidentsRuleKey] = Number(JSON.parse(r.value));
  return rules;
}

/** The rules in force with, for each, whether the county overrides the default. */
export async function rulesInForce(
  ctx: Ctx,
  actor: Actor,
): Promise<{ rules: ResidentsRules; defaults: ResidentsRules; overridden: ResidentsRuleKey[] }> {
  requireCapability(actor, 'residents.read');
  const rules = await residentsRules(ctx.db, actor.tenantId!);
  const overridden = (Object.keys(RESIDENTS_RULE_DEFAULTS) as ResidentsRuleKey[]).filter(
    (k) => rules[k] !== RESIDENTS_RULE_DEFAULTS[k],
  );
  return { rules, defaults: { ...RESIDENTS_RULE_DEFAULTS }, overridden };
}

/** Sets county values for some rules; `null` drops a rule back to the national default. */
export async function setRules(ctx: Ctx, actor: Actor, patch: Partial<Record<ResidentsRuleKey, number | null>>) {
  requireCapability(actor, 'residents.rules');
  const tenantId = actor.tenantId!;
  const before = await residentsRules(ctx.db, tenantId);
  const after: ResidentsRules = { ...before };
  for (const [k, v] of Object.entries(patch) as [ResidentsRuleKey, number | null][]) {
    if (!(k in RESIDENTS_RULE_DEFAULTS)) throw new DomainError('residents.bad_rule', { rule: k });
    if (v != null && (!Number.isInteger(v) || v < 0 || v > 1000))
      throw new DomainError('residents.bad_rule', { rule: k });
    after[k] = v ?? RESIDENTS_RULE_DEFAULTS[k];
  }
  for (const [a, b] of ORDERED)
    if (after[a] > after[b]) throw new DomainError('residents.bad_rule', { rule: a, mustNotExceed: b });
  const now = ctx.clock().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    for (const [k, v] of Object.entries(patch) as [ResidentsRuleKey, number | null][]) {
      if (v == null || v === RESIDENTS_RULE_DEFAULTS[k])
        await trx
          .deleteFrom('residents_rule_overrides')
          .where('tenant_id', '=', tenantId)
          .where('rule', '=', k)
          .execute();
      else
        await trx
          .insertInto('residents_rule_overrides')
          .values({
            tenant_id: tenantId,
            rule: k,
            value: JSON.stringify(v),
            updated_at: now,
            updated_by: actor.userId || null,
          })
          .onConflict((oc) =>
            oc
              .columns(['tenant_id', 'rule'])
              .doUpdateSet({ value: JSON.stringify(v), updated_at: now, updated_by: actor.userId || null }),
          )
          .execute();
    }
    await bumpVersion(trx, tenantId, 'residents');
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    for (const k of Object.keys(patch) as ResidentsRuleKey[])
      if (before[k] !== after[k]) changes[k] = { before: before[k], after: after[k] };
    await writeAudit(ctx, trx, actor, {
      action: 'residents_rule.set',
      entityType: 'residents_rules',
      entityId: tenantId,
      changes,
    });
  });
  return rulesInForce(ctx, actor);
}
