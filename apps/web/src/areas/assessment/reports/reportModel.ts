/** Annual reports on the client: the answer types from the contracts, the timeline's words and the grade colours. */
import { type Labelled, REPORT_FLOW } from '@dangjian/contracts';

export type {
  ReportDetailT as ReportDetail,
  ReportItemT as ReportItem,
  ReportsSummaryT as ReportsSummary,
  RoundDetailT as RoundDetail,
  RoundItemT as RoundItem,
  RoundSheetT as RoundSheet,
} from '@dangjian/contracts';

/** The timeline's words: each move's event by the move's label, and the follow-up talk. */
export const REPORT_EVENT_KINDS: Record<string, Labelled> = {
  ...Object.fromEntries(Object.values(REPORT_FLOW.actions).map((a) => [a.event, a.label])),
  followup: { zh: '约谈', en: 'Follow-up talk' },
};

/** The tag colour of a grade. */
export const GRADE_COLOR: Record<string, string> = { good: 'green', fair_good: 'blue', average: 'gold', poor: 'red' };
/** The tag colour of a report's state. */
export const REPORT_STATUS_COLOR: Record<string, string> = {
  draft: 'default',
  submitted: 'orange',
  graded: 'blue',
  published: 'green',
};

/** The years a filter offers: this year and the five before. */
export const YEARS = Array.from({ length: 6 }, (_, i) => String(new Date().getFullYear() - i));
