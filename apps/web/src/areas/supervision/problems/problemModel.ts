/** Problems on the client: the answer types from the contracts, the categories from the server, the words of moves. */
import { useQuery } from '@tanstack/react-query';
import { type Labelled, PROBLEM_FLOW } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useLocale } from '../../../app/i18n';

export type {
  ProblemItemT as ProblemItem,
  ProblemDetailT as ProblemDetail,
  ProblemNoticeT as ProblemNotice,
  ProblemMeasureT as ProblemMeasure,
} from '@dangjian/contracts';
import type { ProblemCategoryT, ProblemStatus } from '@dangjian/contracts';

/** The colour of each state's tag: open ones warm, closed green. */
export const STATUS_COLORS: Record<ProblemStatus, string | undefined> = {
  found: 'orange',
  assigned: 'blue',
  rectifying: 'geekblue',
  claimed: 'purple',
  closed: 'green',
};

/** The timeline's words: each move's event named by the move's label. */
export const PROBLEM_EVENT_KINDS: Record<string, Labelled> = Object.fromEntries(
  Object.values(PROBLEM_FLOW.actions).map((a) => [a.event, a.label]),
);

/** The path of each move on the API (`sendBack` is `send-back`). */
export const movePath = (move: string) => move.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The problem categories the county keeps (data, not code): options for a select and a name for a key. */
export function useCategories() {
  const { locale } = useLocale();
  const q = useQuery({
    queryKey: ['problem-categories'],
    queryFn: ({ signal }) => api.get<{ items: ProblemCategoryT[] }>('/api/problems/categories', undefined, signal),
    staleTime: 300_000,
  });
  const items = q.data?.items ?? [];
  const word = (c: ProblemCategoryT) => (locale === 'en' ? c.en : c.zh);
  return {
    items,
    /** The categories offered for a new record (those still active). */
    options: items.filter((c) => c.active).map((c) => ({ value: c.key, label: word(c) })),
    /** Every category, inactive ones too (a filter finds old records by them). */
    all: items.map((c) => ({ value: c.key, label: word(c) })),
    /** The category's name in words; empty until the list has come (never the bare code). */
    name: (key: string | null | undefined) => {
      const c = items.find((x) => x.key === key);
      return c ? word(c) : '';
    },
  };
}

/**
 * The console's page of a problem's source record. The console's paths carry no area (`/inspections/3`, not
 * `/supervision/inspections/3`): a path given with its area is read without it.
 */
export function sourcePagePath(path: string | null | undefined): string | null {
  if (!path) return null;
  return path.replace(/^\/(supervision|people|residents|life|core)(?=\/)/, '');
}

/** The field of a move's body that holds its text, for the moves whose body has no `note` of its own. */
const TEXT_OF: Record<string, string> = { claim: 'claimNote', reject: 'reason', followUp: 'result', reopen: 'result' };

/**
 * A move's call on the API: its path and body. The follow-up check is one route (`holds` or reopens); a note
 * written on a move whose body has no note goes after that move's own text, so that nothing written is lost.
 */
export function moveCall(id: number, move: string, input: Record<string, unknown>): [string, Record<string, unknown>] {
  const { note, ...rest } = input;
  const field = TEXT_OF[move];
  const body = field
    ? { ...rest, ...(note ? { [field]: `${String(rest[field] ?? '')}\n${String(note)}`.trim() } : {}) }
    : input;
  if (move === 'followUp' || move === 'reopen')
    return [`/api/problems/${id}/follow-up`, { ...body, holds: move === 'followUp' }];
  return [`/api/problems/${id}/${movePath(move)}`, body];
}
