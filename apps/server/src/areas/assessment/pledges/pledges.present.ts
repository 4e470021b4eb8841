/** How pledge rows read in answers: camelCase, ratings counted, a resident's or a public name masked. */
import type { PledgeDetailT, PledgeItemT } from '@dangjian/contracts';
import type { EvaluationRow, PledgeRow, ProgressRow } from './pledges.repository.js';

/** A name as public pages show it: the surname and a star (王*). */
export function maskName(name: string | null): string | null {
  if (!name) return name;
  return `${[...name][0]}*`;
}

/** Rating counts with the three keys always present. */
export function countsOf(c: Record<string, number> | undefined): PledgeItemT['ratings'] {
  return { satisfied: c?.satisfied ?? 0, fair: c?.fair ?? 0, dissatisfied: c?.dissatisfied ?? 0 };
}

/** A pledge's row as a list item. */
export function presentPledge(r: PledgeRow, counts: Record<string, number> | undefined): PledgeItemT {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    kind: r.kind as PledgeItemT['kind'],
    memberId: r.member_id,
    memberName: r.member_name,
    year: r.year,
    category: r.category as PledgeItemT['category'],
    title: r.title,
    content: r.content,
    dueOn: r.due_on,
    status: r.status as PledgeItemT['status'],
    returnReason: r.return_reason,
    fulfilment: r.fulfilment,
    problemsSolved: r.problems_solved,
    problemsText: r.problems_text,
    fulfilledOn: r.fulfilled_on,
    ratings: countsOf(counts),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  };
}

/** A progress entry. */
export function presentProgress(p: ProgressRow): PledgeDetailT['progress'][number] {
  return {
    id: p.id,
    kind: p.kind === 'fulfilment' ? 'fulfilment' : 'progress',
    text: p.text,
    reportedOn: p.reported_on,
    authorName: p.author_name,
  };
}

/** An evaluation: a resident's name is never kept, a member's is shown to the console. */
export function presentEvaluation(e: EvaluationRow): PledgeDetailT['evaluations'][number] {
  return {
    id: e.id,
    evaluator: e.evaluator as 'member' | 'resident',
    evaluatorName: e.evaluator === 'resident' ? null : e.evaluator_name,
    rating: e.rating as PledgeDetailT['evaluations'][number]['rating'],
    comment: e.comment,
    createdAt: e.created_at,
  };
}
