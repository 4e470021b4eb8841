/** What a client sees of households and residents: guarded numbers masked, tags parsed. */
import { type HouseholdT, POOR_TAGS, type ResidentT } from '@dangjian/contracts';
import type * as repo from './households.repository.js';
import { orgRefOf, stampsOf } from '../../../platform/stamps.js';

/** Whether a set of tags makes a household poor (困难户). */
export function isPoorTags(tags: readonly string[]): boolean {
  return tags.some((t) => (POOR_TAGS as readonly string[]).includes(t));
}

/** Tags stored as JSON text, parsed defensively. */
export function parseTags(raw: string): HouseholdT['tags'] {
  try {
    const v = JSON.parse(raw);
    return Array.isArray(v) ? (v as HouseholdT['tags']) : [];
  } catch {
    return [];
  }
}

/** The JSON a client sees of a household: numbers masked. */
export function present(row: repo.HouseholdRow, cadres: { memberId: number; name: string }[] = []): HouseholdT {
  return {
    ...orgRefOf(row),
    address: row.address,
    headName: row.head_name,
    phone: row.phone_masked,
    tags: parseTags(row.tags),
    isPoor: Boolean(Number(row.is_poor)),
    people: Number(row.people),
    groupId: row.group_name != null ? row.group_id : null,
    groupName: row.group_name,
    cadres,
    note: row.note,
    ...stampsOf(row),
  };
}

/** The JSON a client sees of a resident: numbers masked. */
export function presentResident(r: repo.ResidentRow): ResidentT {
  return {
    id: r.id,
    householdId: r.household_id,
    name: r.name,
    relation: r.relation as ResidentT['relation'],
    gender: r.gender,
    birthDate: r.birth_date,
    idNumber: r.id_number_masked,
    phone: r.phone_masked,
  };
}
