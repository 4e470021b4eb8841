/** Organization rules as data: which type may sit under which, term lengths and the election window. */
import { addMonths } from '@dangjian/contracts';
import type { OrgField, OrgType } from '@dangjian/contracts';

/** Types each type may have as children (中国共产党基层组织选举工作条例 and 支部工作条例). */
export const CHILD_TYPES: Record<OrgType, readonly OrgType[]> = {
  committee: ['committee', 'general_branch', 'branch', 'joint_branch'],
  general_branch: ['branch', 'joint_branch', 'group'],
  branch: ['group'],
  joint_branch: ['group'],
  group: [],
};

/** Years of a committee's term: villages and communities 5, every other field 3. */
export const TERM_YEARS: Partial<Record<OrgField, number>> & { default: number } = {
  rural: 5,
  community: 5,
  default: 3,
};

/** Months before the end of a term from which its election is shown as due. */
export const ELECTION_DUE_MONTHS = 6;

/** Org types that hold members directly (a party group is a subdivision of a branch's members). */
export const MEMBER_HOLDING_TYPES: readonly OrgType[] = ['committee', 'general_branch', 'branch', 'joint_branch'];

/** Party committees (党委) serve five years, like villages and communities (党章 第三十条). */
export const COMMITTEE_TERM_YEARS = 5;

/** Term length in years of an organization. */
export function termYears(field: string | null, type?: string): number {
  if (type === 'committee') return COMMITTEE_TERM_YEARS;
  return (field && TERM_YEARS[field as OrgField]) || TERM_YEARS.default;
}

/** Months are added on China dates (contracts' chinaTime). */
export { addMonths };

/** The election status of a term on a day: none, ok, due (within the window) or overdue. */
export function electionStatus(
  termEnd: string | null,
  today: string,
): { status: 'none' | 'ok' | 'due' | 'overdue'; dueAt: string | null } {
  if (!termEnd) return { status: 'none', dueAt: null };
  const dueAt = addMonths(termEnd, -ELECTION_DUE_MONTHS);
  if (termEnd < today) return { status: 'overdue', dueAt };
  if (dueAt <= today) return { status: 'due', dueAt };
  return { status: 'ok', dueAt };
}
