/** Excel roster: the import template, the all-or-nothing import with a row-by-row report, and the masked export. */
import {
  EDUCATIONS,
  ETHNICITIES,
  GENDERS,
  MEMBER_CATEGORIES,
  MEMBER_STATUSES,
  errorMessage,
  label,
  type ImportReportT,
  type Labelled,
  type MemberListQueryT,
} from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import { writeAuditAlone, type AuditEntry } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { sm3 } from '../../../platform/crypto.js';
import { xlsxBuffer } from '../../../platform/excel.js';
import { addOrgSheet, newBook, orgIndex } from '../../../platform/sheets.js';
import {
  idHashesInColumn,
  runImport,
  writeAuditInSteps,
  type ImportOptions,
  type ImportRun,
  columnsOf,
} from '../../../platform/imports.js';
import { loopYielder } from '../../../platform/yielder.js';
import * as repo from './members.repository.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { ROSTER_COLUMNS, type RosterKey } from './members.rules.js';
import { memberColumns, toFilter, validateMember, type CleanMember } from './members.service.js';
import { MEMBER_HOLDING_TYPES } from '../orgs/orgs.rules.js';
import { today } from '../orgs/orgs.service.js';
import type { OrgType } from '@dangjian/contracts';

const ENUM_COLUMNS: Partial<Record<RosterKey, Record<string, Labelled>>> = {
  gender: GENDERS,
  status: MEMBER_STATUSES,
  ethnicity: ETHNICITIES,
  education: EDUCATIONS,
  category: MEMBER_CATEGORIES,
};

/** Reads an enum cell given as the Chinese label, the English label or the code. */
function enumValue(map: Record<string, Labelled>, raw: string): string | null | undefined {
  if (!raw) return null;
  const s = raw.trim();
  for (const [k, l] of Object.entries(map))
    if (k === s || l.zh === s || l.en.toLowerCase() === s.toLowerCase()) return k;
  if (map === ETHNICITIES && s.endsWith('族')) return 'other';
  return undefined;
}

/** Normalizes a typed date (2021-7-1, 2021/07/01, 2021.07.01, 20210701) to YYYY-MM-DD. */
function normalizeDate(s: string): string {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : s;
}

/** The import template: the roster columns, an example row and a sheet of the organizations in scope. */
export async function template(ctx: Ctx, actor: Actor): Promise<Buffer> {
  requireCapability(actor, 'members.import');
  const { wb, ws } = await newBook('党员名册', ROSTER_COLUMNS, { starRequired: true });
  ws.getCell('A1').note = '带 * 的列必填；所在党组织编号与名称至少填一项（见“组织编号”工作表）；日期格式 YYYY-MM-DD';
  const holding = (await repo.orgsInScope(ctx.db, actor)).filter((r) =>
    MEMBER_HOLDING_TYPES.includes(r.type as OrgType),
  );
  addOrgSheet(wb, holding);
  const lists = wb.addWorksheet('可选值');
  Object.entries(ENUM_COLUMNS).forEach(([key, map], i) => {
    const col = lists.getColumn(i + 1);
    col.width = 22;
    col.values = [ROSTER_COLUMNS.find((c) => c.key === key)!.header, ...Object.values(map!).map((l) => l.zh)];
  });
  return await xlsxBuffer(wb);
}

/**
 * Imports a roster: every row is checked (ID, dates, org in scope, duplicates within the file and
 * against the records); if any row fails nothing is written and the report lists each failure.
 */
export async function importRoster(ctx: Ctx, actor: Actor, file: Buffer, opts: ImportOptions): Promise<ImportReportT> {
  requireCapability(actor, 'members.import');
  const job = { kind: 'members', dryRun: opts.dryRun, badFile: 'members.import_bad_file' } as const;
  return runImport(ctx, actor, job, file, (rows, progress) => checkRoster({ ctx, actor, file, rows, progress, opts }));
}

/** Checks the rows of a roster and, unless a dry run or any row fails, writes them in one transaction. */
async function checkRoster(run: ImportRun): Promise<ImportReportT> {
  const { ctx, actor, file, rows, progress, opts } = run;
  const locale = opts.locale ?? 'zh-CN';
  const colOf = columnsOf(rows, ROSTER_COLUMNS, 'members.import_bad_file');

  const day = today(ctx);
  const orgRows = await repo.orgsInScope(ctx.db, actor);
  const { byId: orgById, byName: orgsByName } = orgIndex(orgRows);
  // Checking 50,000 rows takes seconds of CPU: other requests are answered in between.
  const pause = loopYielder();
  // The file's ID numbers already on the roster, looked up by the file's numbers, not the county's.
  const inFile = await idHashesInColumn(ctx, rows, colOf.get('idNumber'), pause);
  const existing = await repo.idHashesAmong(ctx.db, actor.tenantId!, inFile, pause);
  const seen = new Map<string, number>();

  const errors: ImportReportT['errors'] = [];
  const good: { row: number; org: (typeof orgRows)[number]; value: CleanMember }[] = [];
  let total = 0;
  const err = (row: number, field: string | null, code: string) =>
    errors.push({ row, field, code, message: errorMessage(code, locale) });

  for (const r of rows) {
    await pause();
    const rowNumber = r.number;
    if (rowNumber === 1) continue;
    const cell = (k: RosterKey) => (colOf.has(k) ? (r.cells[colOf.get(k)!] ?? '') : '');
    if (ROSTER_COLUMNS.every((c) => !cell(c.key))) continue;
    total++;
    const rowErrors = errors.length;
    const enums: Record<string, string | null> = {};
    for (const [k, map] of Object.entries(ENUM_COLUMNS)) {
      const v = enumValue(map!, cell(k as RosterKey));
      if (v === undefined) err(rowNumber, k, 'validation');
      else enums[k] = v;
    }
    let org: (typeof orgRows)[number] | undefined;
    const orgId = Number(cell('orgId'));
    if (cell('orgId')) org = orgById.get(orgId);
    else if (cell('orgName')) {
      const matches = orgsByName.get(cell('orgName')) ?? [];
      org = matches.length === 1 ? matches[0] : undefined;
    }
    if (!org) err(rowNumber, 'orgId', 'not_found');
    else if (!MEMBER_HOLDING_TYPES.includes(org.type as OrgType)) err(rowNumber, 'orgId', 'members.org_not_branch');
    if (!cell('name')) err(rowNumber, 'name', 'validation');
    if (errors.length > rowErrors) continue;
    const { value, errors: fieldErrors } = validateMember(
      {
        name: cell('name'),
        idNumber: cell('idNumber'),
        gender: enums.gender ?? '',
        joinedAt: normalizeDate(cell('joinedAt')),
        fullMemberAt: cell('fullMemberAt') ? normalizeDate(cell('fullMemberAt')) : null,
        status: (enums.status ?? undefined) as CleanMember['status'] | undefined,
        phone: cell('phone') || null,
        ethnicity: enums.ethnicity as never,
        education: enums.education as never,
        category: enums.category as never,
      },
      day,
    );
    for (const fe of fieldErrors) err(rowNumber, fe.field, fe.code);
    if (!value) continue;
    const hash = ctx.vault.lookupHash(value.idNumber);
    if (existing.has(hash) || seen.has(hash)) {
      err(rowNumber, 'idNumber', 'members.id_number_taken');
      continue;
    }
    seen.set(hash, rowNumber);
    good.push({ row: rowNumber, org: org!, value });
  }

  const report: ImportReportT = {
    ok: errors.length === 0 && total > 0,
    total,
    valid: good.length,
    imported: 0,
    errors,
  };
  if (total === 0)
    report.errors.push({ row: 0, field: null, code: 'validation', message: errorMessage('validation', locale) });
  if (!report.ok || opts.dryRun) return report;

  progress.phase('writing');
  const now = ctx.clock().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const ids: number[] = [];
    // Small batches keep each step short; the audit entries go in batches too (the chain continues across them).
    const BATCH = 50;
    for (let i = 0; i < good.length; i += BATCH) {
      // Other requests are answered between batches (those needing the database wait for the commit on SQLite).
      await pause();
      const chunk = good.slice(i, i + BATCH).map((g) => ({
        ...memberColumns(ctx, g.value),
        tenant_id: g.org.tenant_id,
        org_id: g.org.id,
        org_path: g.org.org_path,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      }));
      ids.push(...(await repo.insertMembers(trx, chunk)));
    }
    await bumpVersion(trx, actor.tenantId!, 'roster');
    const audit: AuditEntry[] = [
      {
        action: 'member.import',
        entityType: 'member_import',
        detail: `${ids.length} rows; file sm3 ${sm3(file).slice(0, 16)}`,
      },
      ...ids.map((id, i) => ({
        action: 'member.create',
        entityType: 'member',
        entityId: id,
        detail: `import row ${good[i].row}`,
        changes: { name: { before: null, after: good[i].value.name }, orgId: { before: null, after: good[i].org.id } },
      })),
    ];
    await writeAuditInSteps(ctx, trx, actor, audit, pause);
  });
  report.imported = good.length;
  return report;
}

/** The filtered member list as an Excel file, numbers masked, within the scope. */
export async function exportRoster(
  ctx: Ctx,
  actor: Actor,
  query: MemberListQueryT,
  locale: 'zh-CN' | 'en' = 'zh-CN',
): Promise<{ buffer: Buffer; count: number }> {
  requireCapability(actor, 'members.export');
  const day = today(ctx);
  const filter = await toFilter(ctx, actor, query, day);
  const { wb, ws } = await newBook('党员名册', ROSTER_COLUMNS);
  let count = 0;
  for await (const rows of repo.iterateMembers(ctx.db, actor, filter)) {
    for (const r of rows) {
      count++;
      ws.addRow({
        name: r.name,
        gender: label(GENDERS, r.gender, locale),
        idNumber: r.id_number_masked,
        orgId: r.org_id,
        orgName: r.org_name,
        joinedAt: r.joined_at,
        fullMemberAt: r.full_member_at ?? '',
        status: label(MEMBER_STATUSES, r.status, locale),
        phone: r.phone_masked ?? '',
        ethnicity: label(ETHNICITIES, r.ethnicity, locale),
        education: label(EDUCATIONS, r.education, locale),
        category: label(MEMBER_CATEGORIES, r.category, locale),
      });
    }
  }
  const detail = `${count} rows; filter ${JSON.stringify(query)}`;
  await writeAuditAlone(ctx, actor, { action: 'member.export', entityType: 'member', detail });
  return { buffer: await xlsxBuffer(wb), count };
}
