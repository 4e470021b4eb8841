/**
 * A bulletin as a file: the PDF (rendered once and stored for an issued or withdrawn bulletin, rendered on each
 * request for a draft) and the Excel workbook (a sheet of the bulletin's header, then one sheet per section with
 * its numbers and their sources, and its tables).
 */
import type { BulletinDetailT, BulletinSectionT } from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { loadExcel, xlsxBuffer } from '../../../platform/excel.js';
import { addSheet } from '../../../platform/sheets.js';
import { bulletinHtml, shown } from './bulletins.print.js';
import { readStoredPdf, renderPdf, storePdf } from './bulletins.pdf.js';
import * as repo from './bulletins.repository.js';
import { get, rowOf } from './bulletins.service.js';

/** The file name of a bulletin's download (its title, its number). */
export function fileName(b: BulletinDetailT, ext: 'pdf' | 'xlsx'): string {
  return `${b.title}${b.numberLabel ? `（${b.numberLabel}）` : ''}.${ext}`;
}

/** The PDF of a bulletin the caller may read. */
export async function pdf(ctx: Ctx, actor: Actor, id: number): Promise<{ buffer: Buffer; name: string }> {
  const row = await rowOf(ctx, actor, id);
  const b = await get(ctx, actor, id);
  const frozen = row.status !== 'draft';
  const file = `${row.tenant_id}-${row.id}-${row.status}.pdf`;
  if (frozen && row.pdf_file === file) {
    const stored = await readStoredPdf(ctx, file);
    if (stored) return { buffer: stored, name: fileName(b, 'pdf') };
  }
  const buffer = await renderPdf(bulletinHtml(b));
  if (frozen) {
    await storePdf(ctx, file, buffer);
    // Only the stored file's name changes: the bulletin's content and its stamps stay as issued.
    await repo.updateBulletin(ctx.db, row.id, { pdf_file: file });
  }
  return { buffer, name: fileName(b, 'pdf') };
}

function sectionSheet(wb: import('exceljs').Workbook, s: BulletinSectionT, k: number) {
  const name = `${k + 1}.${s.title.zh}`.slice(0, 31);
  const ws = addSheet(wb, name, [
    ['项目', 'label', 28],
    ['数值', 'value', 14],
    ['数据来源', 'source', 30],
    ['明细链接', 'link', 50],
  ]);
  ws.addRow({ label: s.text.zh });
  for (const f of s.figures)
    ws.addRow({
      label: f.label.zh,
      value: shown(f.value, f.unit),
      source: f.trace.figureName.zh,
      link: f.trace.link ?? '',
    });
  for (const t of s.tables) {
    if (!t.rows.length) continue;
    ws.addRow({});
    ws.addRow([t.title.zh]).font = { bold: true };
    ws.addRow(t.columns.map((c) => c.label.zh)).font = { bold: true };
    for (const r of t.rows) ws.addRow(t.columns.map((c) => shown(r.cells[c.key], c.unit)));
  }
}

/** The Excel workbook of a bulletin: the header, then one sheet per section. */
export async function xlsx(ctx: Ctx, actor: Actor, id: number): Promise<{ buffer: Buffer; name: string }> {
  const b = await get(ctx, actor, id);
  const wb = new (await loadExcel()).Workbook();
  const head = addSheet(wb, '通报', [
    ['项目', 'k', 16],
    ['内容', 'v', 60],
  ]);
  head.addRows([
    { k: '标题', v: b.title },
    { k: '期号', v: b.numberLabel ?? '草稿' },
    { k: '印发单位', v: b.issuerName },
    { k: '统计范围', v: b.content.orgName },
    { k: '统计期间', v: `${b.content.periodLabel}（${b.from}至${b.to}）` },
    { k: '印发时间', v: b.issuedAt ?? '' },
    { k: '撤回理由', v: b.withdrawReason ?? '' },
  ]);
  b.content.sections.forEach((s, k) => sectionSheet(wb, s, k));
  return { buffer: await xlsxBuffer(wb), name: fileName(b, 'xlsx') };
}
