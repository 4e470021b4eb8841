/**
 * The flow of a secretary's report (REPORT_FLOW in the contracts) on the server. Who sees a report: the caller's
 * subtree holds the reporting organization. Who may move it: the secretary of that organization submits its own
 * (a township admin does not submit a village's report); the committee that runs the round (its organization in
 * the caller's scope — a township never grades its own report to the county) returns, grades and publishes.
 */
import { REPORT_FLOW, type ReportAction } from '@dangjian/contracts';
import { inScope } from '../../../platform/actor.js';
import { defineFlow, type FlowActor, type Visibility } from '../../../platform/workflow.js';
import type { ReportRow } from './reports.repository.js';

/** A report's row as the flow reads it, with its round's organizer path. */
export type FlowRow = ReportRow & { round_org_path: string };

const seen = (who: FlowActor, r: FlowRow): Visibility =>
  who.kind === 'user' && inScope(who.actor, r.tenant_id, r.org_path) ? 'ok' : 'hidden';

const notOwn = (who: FlowActor, r: FlowRow) => who.kind !== 'user' || who.actor.orgId !== r.org_id;
const notOrganizer = (who: FlowActor, r: FlowRow) =>
  who.kind !== 'user' || !inScope(who.actor, r.tenant_id, r.round_org_path);

/** The report flow. */
export const reportFlow = defineFlow<FlowRow, ReportAction>({
  spec: REPORT_FLOW,
  table: 'reports',
  scope: seen,
  versions: () => ['reports'],
  refused: 'reports.wrong_state',
  moves: {
    submit: {
      notBy: notOwn,
      notByCode: 'reports.not_own',
      guard: (r) => ((r.content ?? '').trim().length >= 50 ? null : 'reports.content_required'),
      effect: (_r, i: { today: string }) => ({ set: { submitted_on: i.today } }),
    },
    return: {
      notBy: notOrganizer,
      notByCode: 'reports.not_organizer',
      effect: (_r, i: { note: string }) => ({ note: i.note.trim(), set: { submitted_on: null } }),
    },
    grade: {
      notBy: notOrganizer,
      notByCode: 'reports.not_organizer',
      guard: (r) => (r.committee_grade ? null : 'reports.committee_grade_required'),
      effect: (r, i: { today: string; score: number; grade: string; words: string }) => ({
        set: { graded_on: i.today, score_tenths: Math.round(i.score * 10), final_grade: i.grade },
        note: i.words,
        changes: { finalGrade: { before: r.final_grade, after: i.grade } },
      }),
    },
    publish: {
      notBy: notOrganizer,
      notByCode: 'reports.not_organizer',
      effect: (_r, i: { today: string }) => ({ set: { published_on: i.today } }),
    },
  },
});
