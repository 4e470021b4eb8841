/**
 * Transfers in Excel, in the national system's columns (全国党员管理信息系统 组织关系转接), so a county can bridge
 * the two: the export of a list (ID numbers masked), the import template and the all-or-nothing import of letters
 * into and out of the county with a row-by-row report in words. An incoming row is a letter from outside
 * registered in a receiving organization of the caller's subtree; an outgoing row is a letter the national system
 * issued for a member of the subtree (recorded as issued, awaiting its return slip).
 */
import {
  errorMessage,
  GENDERS,
  type ImportReportT,
  label,
  TRANSFER_KINDS,
  TRANSFER_SHEET_COLUMNS,
  TRANSFER_STATUSES,
  type TransferListQueryT,
} from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import { type AuditEntry, writeAuditAlone } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { addTimelineBatch } from '../../../platform/data/timeline.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { labelKey, xlsxBuffer } from '../../../platform/excel.js';
import { maskIdNumber, normalizeIdNumber } from '../../../platform/idcard.js';
import {
  columnsOf,
  type ImportOptions,
  type ImportRun,
  idHashesInColumn,
  runImport,
  writeAuditInSteps,
} from '../../../platform/imports.js';
import { loopYielder } from '../../../platform/yielder.js';
import { newBook } from '../../../platform/sheets.js';
import { asUser, authorOf } from '../../../platform/workflow.js';
import * as membersRepo from '../../core/members/members.repository.js';
import { validateMember } from '../../core/members/members.service.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { MEMBER_HOLDING_TYPES } from '../../core/orgs/orgs.rules.js';
import * as repo from './transfers.repository.js';
import { todayOf, toFilter } from './transfers.service.js';
import { addMonths } from '@dangjian/contracts';
import { sideOf } from './transfers.workflow.js';

type Key = (typeof TRANSFER_SHEET_COLUMNS)[number]['key'];
const REQUIRED = new Set<Key>([
  'name',
  'gender',
  'idNumber',
  'fromOrg',
  'toOrg',
  'letterNo',
  'validUntil',
  'duesPaidTo',
  'kind',
  'date',
]);
const WIDTH: Partial<Record<Key, number>> = { idNumber: 22, fromOrg: 28, toOrg: 28, toAddress: 28, reason: 24 };
const COLUMNS = TRANSFER_SHEET_COLUMNS.map((c) => ({
  key: c.key,
  header: c.zh,
  required: REQUIRED.has(c.key),
  width: WIDTH[c.key] ?? 12,
}));
/** The short words of the national system's 转接类型 besides the kinds' labels. */
const KIND_WORDS: Record<string, string> = { 转入: 'incoming', 转出: 'outgoing', 系统内: 'internal' };

/** Normalizes a typed date (2026-7-1, 2026/07/01, 2026年7月1日, 20260701) to YYYY-MM-DD. */
function normalizeDate(s: string): string {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : s;
}

/** Normalizes a typed month (2026-5, 2026.05, 2026年5月, or a day in it) to YYYY-MM. */
function normalizeMonth(s: string): string {
  const m = /^(\d{4})[-/.年](\d{1,2})月?(?:[-/.](\d{1,2})日?)?$/.exec(s);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}` : s;
}

/** The list of a filter as an Excel file in the national system's columns (ID numbers masked). */
export async function exportTransfers(
  ctx: Ctx,
  actor: Actor,
  query: TransferListQueryT,
  locale: 'zh-CN' | 'en' = 'zh-CN',
): Promise<{ buffer: Buffer; count: number }> {
  requireCapability(actor, 'transfers.read');
  const today = todayOf(ctx);
  const underPath = await orgsRepo.underOrg(ctx.db, actor, query.org);
  const { wb, ws } = await newBook('组织关系转接', COLUMNS);
  const who = asUser(actor);
  let count = 0;
  for await (const rows of repo.iterateTransfers(ctx.db, actor, toFilter(query, underPath, today))) {
    for (const r of rows) {
      count++;
      const full = sideOf(who, r) !== 'in' || r.kind === 'incoming';
      ws.addRow({
        name: r.name,
        gender: label(GENDERS, r.gender, locale),
        idNumber: r.id_number_masked ?? '',
        fromOrg: r.from_org_name,
        toOrg: r.to_org_name,
        letterNo: r.letter_no ?? '',
        validUntil: r.valid_until ?? '',
        duesPaidTo: r.dues_paid_to ?? '',
        kind: label(TRANSFER_KINDS, r.kind, locale),
        status: label(TRANSFER_STATUSES, r.status, locale),
        date: r.accepted_on ?? r.issued_on ?? r.applied_on,
        joinedAt: full ? (r.joined_at ?? '') : '',
        toAddress: r.to_address ?? '',
        reason: full ? (r.reason ?? '') : '',
      });
    }
  }
  const detail = `${count} rows; filter ${JSON.stringify(query)}`;
  await writeAuditAlone(ctx, actor, { action: 'transfer.export', entityType: 'transfer', detail });
  return { buffer: await xlsxBuffer(wb), count };
}

/** The import template: the national system's columns (required ones starred) and an example of each kind. */
export async function template(ctx: Ctx, actor: Actor): Promise<Buffer> {
  requireCapability(actor, 'transfers.write');
  const { wb, ws } = await newBook('组织关系转接', COLUMNS, { starRequired: true });
  ws.getCell('A1').note =
    '转接类型填“转入”（从系统外转入本县，转入党组织填本县党组织名称，须填入党日期）或“转出”（本县党员转出到系统外）；' +
    '日期格式 YYYY-MM-DD，党费交至格式 YYYY-MM';
  const orgs = await membersRepo.orgsInScope(ctx.db, actor);
  const lists = wb.addWorksheet('本级党组织');
  lists.columns = [{ header: '党组织名称（转入时填写）', key: 'name', width: 36 }];
  for (const o of orgs) if (MEMBER_HOLDING_TYPES.includes(o.type as never)) lists.addRow({ name: o.name });
  return xlsxBuffer(wb);
}

/** Imports letters in and out of the county: every row checked; any failure writes nothing and reports each. */
export async function importTransfers(
  ctx: Ctx,
  actor: Actor,
  file: Buffer,
  opts: ImportOptions,
): Promise<ImportReportT> {
  requireCapability(actor, 'transfers.write');
  const job = { kind: 'transfers', dryRun: opts.dryRun, badFile: 'transfers.import_bad_file' } as const;
  return runImport(ctx, actor, job, file, (rows, progress) => check({ ctx, actor, file, rows, progress, opts }));
}

type NewRow = repo.NewTransfer & { sheetRow: number };

async function check(run: ImportRun): Promise<ImportReportT> {
  const { ctx, actor, rows, progress, opts } = run;
  const locale = opts.locale ?? 'zh-CN';
  const colOf = columnsOf(rows, COLUMNS, 'transfers.import_bad_file');
  const today = todayOf(ctx);
  const pause = loopYielder();
  const tenantId = actor.tenantId!;
  const orgs = (await membersRepo.orgsInScope(ctx.db, actor)).filter((o) =>
    MEMBER_HOLDING_TYPES.includes(o.type as never),
  );
  const hashes = await idHashesInColumn(ctx, rows, colOf.get('idNumber'), pause);
  const taken = await membersRepo.idHashesAmong(ctx.db, tenantId, hashes, pause);
  const members = new Map((await repo.membersByIdHash(ctx.db, actor, hashes)).map((m) => [m.id_number_hash, m]));
  const busy = await repo.membersWithOpenTransfer(
    ctx.db,
    [...members.values()].map((m) => m.id),
  );
  const letterCol = colOf.get('letterNo')!;
  const letters = await repo.lettersAmong(
    ctx.db,
    tenantId,
    rows
      .slice(1)
      .map((r) => (r.cells[letterCol] ?? '').trim())
      .filter(Boolean),
  );
  const errors: ImportReportT['errors'] = [];
  const err = (row: number, field: string | null, code: string) =>
    errors.push({ row, field, code, message: errorMessage(code, locale) });
  const good: NewRow[] = [];
  const seenLetters = new Set<string>();
  const seenIds = new Set<string>();
  const now = ctx.clock().toISOString();
  let total = 0;
  for (const r of rows) {
    await pause();
    if (r.number === 1) continue;
    const cell = (k: Key) => (colOf.has(k) ? (r.cells[colOf.get(k)!] ?? '').trim() : '');
    if (COLUMNS.every((c) => !cell(c.key))) continue;
    total++;
    const before = errors.length;
    const row = r.number;
    for (const c of COLUMNS) if (c.required && !cell(c.key)) err(row, c.key, 'workflow.field_required');
    if (errors.length > before) continue;
    const kind = KIND_WORDS[cell('kind')] ?? labelKey(TRANSFER_KINDS, cell('kind'));
    if (!kind) err(row, 'kind', 'validation');
    else if (kind === 'internal') err(row, 'kind', 'transfers.import_internal');
    const gender = labelKey(GENDERS, cell('gender'));
    if (!gender) err(row, 'gender', 'validation');
    const date = normalizeDate(cell('date'));
    const validUntil = normalizeDate(cell('validUntil'));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date > today) err(row, 'date', 'validation');
    else if (!/^\d{4}-\d{2}-\d{2}$/.test(validUntil) || validUntil < date || validUntil > addMonths(date, 3))
      err(row, 'validUntil', 'transfers.invalid_validity');
    const dues = normalizeMonth(cell('duesPaidTo'));
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(dues) || dues > today.slice(0, 7))
      err(row, 'duesPaidTo', 'transfers.invalid_dues_month');
    const letterNo = cell('letterNo');
    if (letters.has(letterNo) || seenLetters.has(letterNo)) err(row, 'letterNo', 'transfers.letter_taken');
    seenLetters.add(letterNo);
    const idNumber = normalizeIdNumber(cell('idNumber'));
    const hash = ctx.vault.lookupHash(idNumber);
    if (seenIds.has(hash)) err(row, 'idNumber', 'members.id_number_taken');
    seenIds.add(hash);
    if (errors.length > before) continue;
    const common = {
      tenant_id: tenantId,
      kind: kind!,
      status: 'issued',
      gender: gender!,
      letter_no: letterNo,
      issued_on: date,
      applied_on: date,
      valid_until: validUntil,
      dues_paid_to: dues,
      created_by: actor.userId || null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
      sheetRow: row,
    };
    if (kind === 'incoming') {
      const named = orgs.filter((o) => o.name === cell('toOrg'));
      if (named.length !== 1) {
        err(row, 'toOrg', 'not_found');
        continue;
      }
      const org = named[0]!;
      const { value, errors: fieldErrors } = validateMember(
        { name: cell('name'), idNumber, gender: gender!, joinedAt: normalizeDate(cell('joinedAt')) },
        today,
      );
      for (const fe of fieldErrors) err(row, fe.field, fe.code);
      if (!value) continue;
      if (taken.has(hash)) {
        err(row, 'idNumber', 'members.id_number_taken');
        continue;
      }
      good.push({
        ...common,
        org_id: org.id,
        org_path: org.org_path,
        name: value.name,
        id_number_enc: ctx.vault.encrypt(idNumber),
        id_number_hash: hash,
        id_number_masked: maskIdNumber(idNumber),
        joined_at: value.joinedAt,
        member_status: value.status,
        from_org_name: cell('fromOrg'),
        to_org_id: org.id,
        to_path: org.org_path,
        to_org_name: org.name,
      });
      continue;
    }
    const m = members.get(hash);
    if (!m) {
      err(row, 'idNumber', 'not_found');
      continue;
    }
    if (busy.has(m.id)) {
      err(row, 'idNumber', 'transfers.member_pending');
      continue;
    }
    const full = (await repo.memberRow(ctx.db, tenantId, m.id))!;
    good.push({
      ...common,
      org_id: m.org_id,
      org_path: m.org_path,
      member_id: m.id,
      name: full.name,
      id_number_enc: full.id_number_enc,
      id_number_hash: full.id_number_hash,
      id_number_masked: full.id_number_masked,
      phone_enc: full.phone_enc,
      phone_hash: full.phone_hash,
      phone_masked: full.phone_masked,
      joined_at: full.joined_at,
      member_status: full.status,
      from_org_id: m.org_id,
      from_org_name: m.org_name,
      to_org_name: cell('toOrg'),
      to_address: cell('toAddress') || null,
      reason: cell('reason') || null,
    });
  }
  const report: ImportReportT = {
    ok: errors.length === 0 && total > 0,
    total,
    valid: good.length,
    imported: 0,
    errors,
  };
  if (total === 0) err(0, null, 'validation');
  if (!report.ok || opts.dryRun) return report;
  progress.phase('writing');
  await write(ctx, actor, good, pause);
  report.imported = good.length;
  return report;
}

async function write(ctx: Ctx, actor: Actor, good: NewRow[], pause: () => Promise<void>): Promise<void> {
  const author = authorOf(asUser(actor));
  await ctx.db.transaction().execute(async (trx) => {
    const ids = await repo.insertTransfers(
      trx,
      good.map(({ sheetRow: _, ...row }) => row),
    );
    await addTimelineBatch(
      trx,
      good.map((g, i) => ({
        author,
        entry: {
          tenantId: g.tenant_id,
          entityType: 'transfer',
          entityId: ids[i]!,
          orgPath: g.org_path,
          action: g.kind === 'incoming' ? 'registered' : 'approved',
          toState: 'issued',
          note: `自Excel导入（第${g.sheetRow}行）`,
          at: g.created_at,
        },
      })),
    );
    await bumpVersion(trx, actor.tenantId!, 'transfers');
    const audit: AuditEntry[] = [
      { action: 'transfer.import', entityType: 'transfer', detail: `${ids.length} rows` },
      ...ids.map((id, i) => ({
        action: 'transfer.import',
        entityType: 'transfer',
        entityId: id,
        detail: `import row ${good[i]!.sheetRow}`,
        changes: {
          letterNo: { before: null, after: good[i]!.letter_no },
          kind: { before: null, after: good[i]!.kind },
        },
      })),
    ];
    await writeAuditInSteps(ctx, trx, actor, audit, pause);
  });
}
