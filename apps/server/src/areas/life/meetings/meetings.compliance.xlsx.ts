/** The compliance table as an Excel sheet: the same rows as the screen, and the rate. */
import type ExcelJS from 'exceljs';
import { COMPLIANCE_STATUSES, MEETING_KIND_LABELS, label, periodText } from '@dangjian/contracts';
import type { ComplianceItem } from './meetings.compliance.js';
import { addSheet } from '../../../platform/sheets.js';

/** Fills a workbook with a compliance answer (zh or en headers). */
export function fillCompliance(
  wb: ExcelJS.Workbook,
  c: {
    items: (ComplianceItem & { orgName: string })[];
    summary: { rate: number };
    period: { from: string; to: string };
  },
  locale: 'zh-CN' | 'en',
  args: { period: string },
): void {
  const ws = addSheet(wb, `组织生活落实情况 ${periodText(args.period)}`, [
    [locale === 'en' ? 'Organization' : '党组织', 'org', 30],
    [locale === 'en' ? 'Kind' : '类型', 'kind', 16],
    [locale === 'en' ? 'Required' : '应开', 'required', 8],
    [locale === 'en' ? 'Held' : '已开', 'held', 8],
    [locale === 'en' ? 'Status' : '状态', 'status', 10],
    [locale === 'en' ? 'Due by' : '截止日期', 'dueBy', 12],
  ]);
  for (const i of c.items)
    ws.addRow({
      org: i.orgName,
      kind: label(MEETING_KIND_LABELS, i.kind, locale),
      required: i.required,
      held: i.held,
      status: label(COMPLIANCE_STATUSES, i.status, locale),
      dueBy: i.dueBy ?? '',
    });
  ws.addRow({});
  const pct = `${(c.summary.rate * 100).toFixed(1)}%`;
  ws.addRow({ org: locale === 'en' ? `Rate ${pct}` : `落实率 ${pct}`, kind: `${c.period.from} – ${c.period.to}` });
}
