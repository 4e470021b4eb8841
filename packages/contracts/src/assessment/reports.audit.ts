/** What the reports module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** Audit actions of the reports module. */
export const REPORTS_AUDIT_ACTIONS = {
  'report_round.create': l('组织书记述职评议', 'Open a reporting round'),
  'report_round.close': l('结束书记述职评议', 'Close a reporting round'),
  'report.update': l('修改述职报告', 'Change a report'),
  'report.submit': l('提交述职报告', 'Submit a report'),
  'report.return': l('退回述职报告', 'Return a report'),
  'report.grade': l('评定述职等次', 'Grade a report'),
  'report.publish': l('公布述职评议结果', 'Publish a report’s result'),
  'report.committee_grade': l('录入上级党委评价和群众评议票', "Enter the committee's grade and residents' ballots"),
  'report.panel_grade': l('党员代表评议', 'A panel member grades'),
  'report.followup': l('约谈评定为“差”的书记', 'Follow-up talk'),
  'report.export': l('导出述职评议结果', 'Export the results'),
} as const satisfies Record<string, Labelled>;

/** Entity types of the reports module's audit records. */
export const REPORTS_AUDIT_ENTITIES = {
  report_round: l('书记述职评议', 'Reporting round'),
  report: l('书记述职报告', 'Annual report of a secretary'),
} as const satisfies Record<string, Labelled>;
