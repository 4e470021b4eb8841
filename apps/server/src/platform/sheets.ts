/**
 * Building the sheets of an export or an import template: a worksheet declared by its columns with a bold
 * header row, and the organizations of an import template.
 */
import type ExcelJS from 'exceljs';
import { loadExcel } from './excel.js';

/** A column as `[header, key, width]`: one line of a sheet's declaration. */
export type Col = readonly [header: string, key: string, width: number];

/** A column of a template or an export whose header may be marked required. */
export interface SheetColumn {
  header: string;
  key: string;
  width: number;
  required?: boolean;
}

/** Adds a worksheet with its columns and a bold header row; `starRequired` marks required headers `*`. */
export function addSheet(
  wb: ExcelJS.Workbook,
  name: string,
  columns: readonly (Col | SheetColumn)[],
  opts: { starRequired?: boolean } = {},
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.columns = columns.map((c) => {
    if (Array.isArray(c)) return { header: c[0], key: c[1], width: c[2] };
    const { header, key, width, required } = c as SheetColumn;
    return { header: opts.starRequired && required ? `${header}*` : header, key, width };
  });
  ws.getRow(1).font = { bold: true };
  return ws;
}

/** A new workbook with its first sheet (see `addSheet`). */
export async function newBook(
  name: string,
  columns: readonly (Col | SheetColumn)[],
  opts: { starRequired?: boolean } = {},
): Promise<{ wb: ExcelJS.Workbook; ws: ExcelJS.Worksheet }> {
  const wb = new (await loadExcel()).Workbook();
  return { wb, ws: addSheet(wb, name, columns, opts) };
}

/** The 组织编号 sheet of an import template: the organizations a row may name, by number and name. */
export function addOrgSheet(wb: ExcelJS.Workbook, orgs: readonly { id: number; name: string }[]): void {
  const ws = wb.addWorksheet('组织编号');
  ws.columns = [
    { header: '组织编号', key: 'id', width: 10 },
    { header: '组织名称', key: 'name', width: 36 },
  ];
  for (const o of orgs) ws.addRow({ id: o.id, name: o.name });
}

/** Organizations of an import by number and by name (a name may repeat across townships). */
export function orgIndex<O extends { id: number; name: string }>(orgs: readonly O[]) {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const byName = new Map<string, O[]>();
  for (const o of orgs) byName.set(o.name, [...(byName.get(o.name) ?? []), o]);
  return { byId, byName };
}
