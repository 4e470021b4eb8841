/**
 * Compliance of organizational life: for each org × kind, what the rules require in a period, what was held, and a
 * status.
 */
import type { OrgType } from '@dangjian/contracts';
import { KIND_APPLIES_TO, MEETING_KINDS, type FrequencyRules, type MeetingKind } from './meetings.rules.js';
import { fixedDayOf, unitOf, unitsIn, type Span } from './meetings.periods.js';

export type ComplianceStatus = 'done' | 'due_soon' | 'behind';

export interface ComplianceItem {
  orgId: number;
  kind: MeetingKind;
  required: number;
  held: number;
  status: ComplianceStatus;
  /** Last day by which the next missing meeting is due (null when done). */
  dueBy: string | null;
}

export interface ComplianceOrg {
  id: number;
  type: string;
  memberCount: number;
}

/**
 * Meetings counted per org, kind and cadence unit key ('2026-11', '2026-Q4', '2026'); for per-member kinds, distinct
 * members.
 */
export type HeldCounts = Map<string, number>;

/** The key of a held count. */
export function heldKey(orgId: number, kind: MeetingKind, unitKey: string): string {
  return `${orgId}|${kind}|${unitKey}`;
}

/**
 * Computes every item of a period. A unit that has not begun by `today` requires nothing yet; a unit
 * whose deadline has passed without its meetings makes the item `behind`; one still open makes it
 * `due_soon` — shown before the deadline, not after.
 */
export function computeCompliance(input: {
  today: string;
  span: Span;
  rules: FrequencyRules;
  orgs: ComplianceOrg[];
  held: HeldCounts;
}): {
  items: ComplianceItem[];
  summary: { rate: number; required: number; held: number; done: number; dueSoon: number; behind: number };
} {
  const items: ComplianceItem[] = [];
  for (const kind of MEETING_KINDS) {
    const rule = input.rules[kind];
    if (!rule) continue;
    const periodUnits = unitsIn(input.span, rule.every);
    // A rule coarser than the period (a yearly rule viewed by month) is judged over its whole unit.
    const units = periodUnits.length ? periodUnits : [unitOf(input.span.from, rule.every)];
    const started = units.filter((u) => u.from <= input.today);
    if (!started.length) continue;
    for (const org of input.orgs) {
      if (!KIND_APPLIES_TO[kind].includes(org.type as OrgType)) continue;
      const perUnit = rule.min * (rule.perMember ? org.memberCount : 1);
      if (perUnit <= 0) continue;
      let required = 0;
      let held = 0;
      let behind = false;
      let dueBy: string | null = null;
      for (const u of started) {
        const got = Math.min(input.held.get(heldKey(org.id, kind, u.key)) ?? 0, perUnit);
        required += perUnit;
        held += got;
        if (got < perUnit) {
          const deadline = rule.fixedDay && rule.every === 'month' ? fixedDayOf(u.key, rule.fixedDay) : u.to;
          if (deadline < input.today) behind = true;
          else dueBy ??= deadline;
          if (behind) dueBy = null;
        }
      }
      items.push({
        orgId: org.id,
        kind,
        required,
        held,
        status: held >= required ? 'done' : behind ? 'behind' : 'due_soon',
        dueBy: held >= required ? null : dueBy,
      });
    }
  }
  const required = items.reduce((a, i) => a + i.required, 0);
  const held = items.reduce((a, i) => a + i.held, 0);
  return {
    items,
    summary: {
      rate: required ? Math.round((held / required) * 10_000) / 10_000 : 1,
      required,
      held,
      done: items.filter((i) => i.status === 'done').length,
      dueSoon: items.filter((i) => i.status === 'due_soon').length,
      behind: items.filter((i) => i.status === 'behind').length,
    },
  };
}

/** The span to load meetings for: the period widened to whole units of every rule's cadence. */
export function loadSpan(span: Span, rules: FrequencyRules): Span {
  let from = span.from;
  let to = span.to;
  for (const kind of MEETING_KINDS) {
    const r = rules[kind];
    if (!r) continue;
    const a = unitOf(span.from, r.every);
    const b = unitOf(span.to, r.every);
    if (a.from < from) from = a.from;
    if (b.to > to) to = b.to;
  }
  return { from, to };
}
