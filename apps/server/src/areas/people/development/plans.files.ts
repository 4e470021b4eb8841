/** The file check of the supervision (抽查档案): which of a recorded step's checklist materials are not checked off. */
import { DEVELOPMENT_STEPS, type DevelopmentStepKey } from '@dangjian/contracts';

/** The materials a recorded step's checklist asks for that its record (a JSON array of keys) lacks. */
export function missingMaterials(step: string, materials: string | null): string[] {
  const def = DEVELOPMENT_STEPS[step as DevelopmentStepKey];
  if (!def) return [];
  let have: unknown = [];
  try {
    have = JSON.parse(materials ?? '[]');
  } catch {
    // A record that is not a list checked off nothing: every material of its checklist is missing.
  }
  const held = new Set(Array.isArray(have) ? have.map(String) : []);
  return def.materials.filter((m) => !held.has(m));
}
