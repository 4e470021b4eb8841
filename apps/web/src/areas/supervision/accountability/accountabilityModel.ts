/** Accountability on the client: the answer type from the contracts and the colour of each kind. */
import type { AccountabilityItemT, AccountabilityKind } from '@dangjian/contracts';

export type { AccountabilityItemT as AccountabilityItem } from '@dangjian/contracts';

/** The colour of each kind's tag, lightest to heaviest. */
export const KIND_COLORS: Record<AccountabilityKind, string> = {
  reminder: 'blue',
  inquiry: 'cyan',
  admonition: 'gold',
  interview: 'orange',
  public_criticism: 'volcano',
  punishment: 'red',
};

/** The target of a record in words: the organization, or the person with the post. */
export function targetOf(r: AccountabilityItemT): string {
  if (r.targetKind === 'org') return r.targetOrgName ?? '';
  return `${r.personName ?? ''}${r.personPost ? `（${r.personPost}）` : ''}`;
}
