/**
 * Rules as data, once. A module declares a rule set (`defineRuleSet`): its keys with zh/en labels and a TypeBox
 * schema each (bounds, enums, nullable), the national defaults (from the contracts), constraints between keys, and
 * the capabilities that read and change it. A county's overrides live in one table (`rule_overrides`), keyed by
 * tenant, rule set, key and year.
 *
 * Years: an override applies to its year and every later year until a later override of the same key; a reset
 * (stored value null) brings the default back from its year. So a change made for a year never touches an earlier
 * year, and the figures of a past year keep the rules they were computed under.
 */
import type { TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { Capability, ErrorCode, Labelled, RuleSetViewT } from '@dangjian/contracts';
import { ROLE_CAPABILITIES } from '@dangjian/contracts';
import * as repo from './data/rules.repository.js';
import type { OverrideRow, RulesDb } from './data/rules.repository.js';
import type { Actor } from './actor.js';
import { requireCapability } from './actor.js';
import { writeAudit } from './data/audit.js';
import type { Ctx } from './context.js';
import { DomainError } from './errors.js';
import { bumpVersion, cached, type Domain } from './data/versions.js';

export type { RulesDb } from './data/rules.repository.js';

/** One rule set, as data. `V` maps each key to the type of its value. */
export interface RuleSetDef<V extends Record<string, unknown> = Record<string, unknown>> {
  name: string;
  label: Labelled;
  keys: { [K in keyof V & string]: { label: Labelled; schema: TSchema } };
  /** The national defaults (kept in the contracts). */
  defaults: V;
  /** Pairs [a, b]: in every year, a's value must not exceed b's. */
  ordered?: readonly (readonly [keyof V & string, keyof V & string])[];
  /** Any other check across keys: a refusal names the key, a code and details. */
  check?: (values: V) => { key: string; code: ErrorCode; details?: Record<string, unknown> } | null;
  /** Labels of the properties inside object values and of their enum values, and what null means (forms). */
  fieldLabels?: Record<string, Labelled>;
  enumLabels?: Record<string, Record<string, Labelled>>;
  nullLabel?: Labelled;
  /** Who may read the rules in force, and who may change them. */
  read: Capability;
  write: Capability;
  /** Version domains whose cached figures follow these rules: a change bumps them with the set's own. */
  affects: readonly Domain[];
}

const REGISTRY = new Map<string, RuleSetDef>();

/** Declares (and registers) a rule set; a module calls it once, in its `<module>.rules.ts`. */
export function defineRuleSet<V extends Record<string, unknown>>(def: RuleSetDef<V>): RuleSetDef<V> {
  REGISTRY.set(def.name, def as unknown as RuleSetDef);
  return def;
}

/** Every registered rule set. */
export function ruleSets(): RuleSetDef[] {
  return [...REGISTRY.values()];
}

/** The rule set of a name, or 404 `rules.unknown_set`. */
export function ruleSet(name: string): RuleSetDef {
  const def = REGISTRY.get(name);
  if (!def) throw new DomainError('rules.unknown_set', { set: name });
  return def;
}

const CST_MS = 8 * 3_600_000;

/** The year in China at a moment. */
export function chinaYear(at: Date): number {
  return new Date(at.getTime() + CST_MS).getUTCFullYear();
}

/** Every override of a set for a tenant, cached under the set's version (read through a transaction: uncached). */
async function overridesOf(db: RulesDb, tenantId: number, set: string): Promise<OverrideRow[]> {
  if (repo.inTransaction(db)) return repo.listOverrides(db, tenantId, set);
  return cached(db as Parameters<typeof cached>[0], tenantId, `rules:${set}`, 'overrides', () =>
    repo.listOverrides(db, tenantId, set),
  );
}

/** What a key's value in a year comes from: the override in force (null: the default, never overridden). */
function inForce(rows: readonly OverrideRow[], key: string, year: number): OverrideRow | null {
  let best: OverrideRow | null = null;
  for (const r of rows) if (r.key === key && r.year <= year && (!best || r.year > best.year)) best = r;
  return best;
}

/** The values of a set in a year over some overrides (pure). */
function resolve<V extends Record<string, unknown>>(def: RuleSetDef<V>, rows: readonly OverrideRow[], year: number) {
  const values = { ...def.defaults } as Record<string, unknown>;
  const from: Record<string, OverrideRow | null> = {};
  for (const key of Object.keys(def.keys)) {
    const o = inForce(rows, key, year);
    from[key] = o;
    if (o && !o.reset) values[key] = o.value;
  }
  return { values: values as V, from };
}

/** The values of a rule set in force for a tenant in a year (defaults where the county set nothing). */
export async function rulesAt<V extends Record<string, unknown>>(
  db: RulesDb,
  set: string,
  tenantId: number,
  year: number,
): Promise<V> {
  return (await rulesDetail<V>(db, set, tenantId, year)).values;
}

/** The values in force with, per key, the override they come from (null: the default). */
export async function rulesDetail<V extends Record<string, unknown>>(
  db: RulesDb,
  set: string,
  tenantId: number,
  year: number,
): Promise<{ values: V; from: Record<string, OverrideRow | null> }> {
  const def = ruleSet(set) as unknown as RuleSetDef<V>;
  return resolve(def, await overridesOf(db, tenantId, set), year);
}

function holds(actor: Actor, capability: Capability): boolean {
  return ROLE_CAPABILITIES[actor.role].includes(capability);
}

/** The rule sets the actor may read, with their names. */
export function listRuleSets(actor: Actor) {
  return {
    items: ruleSets()
      .filter((d) => holds(actor, d.read))
      .map((d) => ({ name: d.name, label: d.label, canEdit: holds(actor, d.write), keys: Object.keys(d.keys).length })),
  };
}

/** A rule set as the rules page shows it for a year: every key in force, its default, schema and history. */
export async function viewRuleSet(ctx: Ctx, actor: Actor, set: string, year: number): Promise<RuleSetViewT> {
  const def = ruleSet(set);
  requireCapability(actor, def.read);
  const rows = await overridesOf(ctx.db, actor.tenantId!, set);
  const { values, from } = resolve(def, rows, year);
  return {
    name: def.name,
    label: def.label,
    year,
    canEdit: holds(actor, def.write),
    keys: Object.entries(def.keys).map(([key, k]) => {
      const o = from[key];
      return {
        key,
        label: k.label,
        schema: k.schema,
        default: def.defaults[key],
        value: values[key],
        source: o && !o.reset ? ('county' as const) : ('default' as const),
        since: o?.year ?? null,
        reason: o?.reason ?? null,
      };
    }),
    ordered: (def.ordered ?? []).map(([a, b]) => [a, b] as [string, string]),
    fieldLabels: def.fieldLabels ?? {},
    enumLabels: def.enumLabels ?? {},
    nullLabel: def.nullLabel ?? null,
    history: [...rows]
      .sort((a, b) => b.year - a.year || b.updatedAt.localeCompare(a.updatedAt))
      .map((r) => ({ ...r, value: r.reset ? null : r.value })),
  };
}

/** A change of a rule set for a year: new values for some keys, and keys back to their default. */
export interface RulesChange {
  values?: Record<string, unknown>;
  reset?: string[];
}

/** Refuses a value its key's schema does not allow (type, bounds, enum), naming the key and the bounds. */
function checkValue(def: RuleSetDef, key: string, value: unknown): void {
  const k = Object.hasOwn(def.keys, key) ? (def.keys as Record<string, { schema: TSchema }>)[key] : undefined;
  if (!k) throw new DomainError('rules.unknown_key', { set: def.name, key });
  if (Value.Check(k.schema, value)) return;
  const errors = [...Value.Errors(k.schema, value)].slice(0, 5).map((e) => ({ path: e.path, message: e.message }));
  const { minimum, maximum } = k.schema as { minimum?: number; maximum?: number };
  throw new DomainError('rules.bad_value', { key, minimum, maximum, errors });
}

/** Refuses values that break an ordered pair or the set's own check. */
function checkSet(def: RuleSetDef, values: Record<string, unknown>, year: number): void {
  for (const [a, b] of def.ordered ?? [])
    if (Number(values[a]) > Number(values[b]))
      throw new DomainError('rules.order', { key: a, mustNotExceed: b, year, values: [values[a], values[b]] });
  const refusal = def.check?.(values);
  if (refusal) throw new DomainError(refusal.code, { key: refusal.key, year, ...refusal.details });
}

/**
 * Applies a change for a year (the write capability of the set): checks every value against its schema and the
 * constraints in that year and in every later year that the change reaches, then writes the overrides, bumps the
 * versions and leaves one audit record with the reason, in one transaction.
 */
export async function changeRules(
  ctx: Ctx,
  actor: Actor,
  set: string,
  year: number,
  change: RulesChange,
  reason: string | null,
): Promise<void> {
  const def = ruleSet(set);
  requireCapability(actor, def.write);
  const tenantId = actor.tenantId!;
  const values = change.values ?? {};
  for (const [key, value] of Object.entries(values)) checkValue(def, key, value);
  for (const key of change.reset ?? [])
    if (!Object.hasOwn(def.keys, key)) throw new DomainError('rules.unknown_key', { set: def.name, key });
  const now = ctx.clock().toISOString();
  const by = actor.userId || null;

  await ctx.db.transaction().execute(async (trx) => {
    const rows = await repo.listOverrides(trx, tenantId, set);
    // The rows after the change, to check the constraints before anything is written.
    const changed = new Set([...Object.keys(values), ...(change.reset ?? [])]);
    const after = rows.filter((r) => !(changed.has(r.key) && r.year === year));
    const writes: { key: string; value: string | null }[] = [];
    const deletes: string[] = [];
    const stamp = { reason, updatedAt: now, updatedBy: by };
    for (const [key, value] of Object.entries(values)) {
      after.push({ key, year, reset: false, value, ...stamp });
      writes.push({ key, value: JSON.stringify(value) });
    }
    for (const key of change.reset ?? []) {
      if (Object.hasOwn(values, key)) continue;
      // Back to the default from this year: a reset row only when an earlier override would carry forward.
      const carried = inForce(after, key, year);
      if (carried && !carried.reset) {
        after.push({ key, year, reset: true, value: undefined, ...stamp });
        writes.push({ key, value: null });
      } else if (rows.some((r) => r.key === key && r.year === year)) deletes.push(key);
    }
    if (!writes.length && !deletes.length) return;
    const years = new Set([year, ...after.filter((r) => r.year > year).map((r) => r.year)]);
    for (const y of years) checkSet(def, resolve(def, after, y).values, y);

    for (const w of writes)
      await repo.putOverride(trx, { tenantId, set, key: w.key, year, value: w.value, reason, at: now, by });
    for (const key of deletes) await repo.deleteOverride(trx, tenantId, set, key, year);
    await bumpVersion(trx, tenantId, `rules:${set}`);
    for (const d of def.affects) await bumpVersion(trx, tenantId, d);
    const before = resolve(def, rows, year).values;
    const now_ = resolve(def, after, year).values;
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    for (const key of changed) changes[key] = { before: before[key], after: now_[key] };
    await writeAudit(ctx, trx, actor, {
      action: 'rules.set',
      entityType: 'rules',
      entityId: `${set}/${year}`,
      changes,
      detail: reason,
    });
  });
}
