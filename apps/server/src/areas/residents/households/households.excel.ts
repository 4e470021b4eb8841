/**
 * Excel of households, one row per resident: the import template, the all-or-nothing import with a
 * row-by-row report, and the masked export.
 */
import {
  HOUSEHOLD_TAGS,
  RESIDENT_RELATIONS,
  errorMessage,
  label,
  type HouseholdListQueryT,
  type ImportReportT,
} from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import { writeAuditAlone, type AuditEntry } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { sm3 } from '../../../platform/crypto.js';
import { DomainError } from '../../../platform/errors.js';
import { labelKey, xlsxBuffer } from '../../../platform/excel.js';
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
import { guardIdNumber, guardPhone } from '../../../platform/personal.js';
import { maskPersonalText } from '../../../platform/personalText.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { isVillage } from '../common/places.js';
import { isPoorTags, parseTags } from './households.present.js';
import * as repo from './households.repository.js';
import { toFilter } from './households.service.js';

/** The columns of the sheet, in order. */
const COLUMNS = [
  { key: 'org', header: '村(社区)组织', required: true, width: 24 },
  { key: 'address', header: '地址', required: true, width: 30 },
  { key: 'head', header: '户主', required: true, width: 12 },
  { key: 'relation', header: '与户主关系', required: true, width: 12 },
  { key: 'name', header: '姓名', required: true, width: 12 },
  { key: 'idNumber', header: '身份证号', required: false, width: 22 },
  { key: 'phone', header: '手机号', required: false, width: 16 },
  { key: 'tags', header: '标签', required: false, width: 24 },
] as const;
type ColumnKey = (typeof COLUMNS)[number]['key'];
/** Tags in one cell are separated by 、 (commas and spaces are accepted too). */
const TAG_SEPARATOR = /[、,，;；\s]+/;

type GuardedId = ReturnType<typeof guardIdNumber>;
type GuardedPhone = { phone_enc: string | null; phone_hash: string | null; phone_masked: string | null };

/** The villages and communities in scope, named by their place (大岭村), with their organization's name. */
async function villageOrgsInScope(ctx: Ctx, actor: Actor) {
  return (await repo.orgsInScope(ctx.db, actor))
    .filter((o) => isVillage(o))
    .map((o) => ({ ...o, name: o.place_name ?? o.name, orgName: o.name }));
}

/** The import template: the columns, a note, the villages and communities in scope, and the allowed labels. */
export async function template(ctx: Ctx, actor: Actor): Promise<Buffer> {
  requireCapability(actor, 'residents.import');
  const { wb, ws } = await newBook('住户', COLUMNS, { starRequired: true });
  ws.getCell('A1').note =
    '每位家庭成员一行；同一组织、地址、户主的行为一户；村（社区）填名称或编号（见“组织编号”）；标签用“、”分隔，含脱贫户、监测户、低保户、五保户之一即为困难户';
  addOrgSheet(wb, await villageOrgsInScope(ctx, actor));
  const lists = wb.addWorksheet('可选值');
  lists.getColumn(1).width = 14;
  lists.getColumn(2).width = 14;
  lists.getColumn(1).values = ['与户主关系', ...Object.values(RESIDENT_RELATIONS).map((l) => l.zh)];
  lists.getColumn(2).values = ['标签', ...Object.values(HOUSEHOLD_TAGS).map((l) => l.zh)];
  return await xlsxBuffer(wb);
}

interface GoodRow {
  row: number;
  name: string;
  relation: string;
  id: GuardedId;
  phone: GuardedPhone;
}
interface NewHousehold {
  org: Awaited<ReturnType<typeof villageOrgsInScope>>[number];
  address: string;
  head: string;
  tags: Set<string>;
  phone: GuardedPhone | null;
  residents: GoodRow[];
}

/**
 * Imports households: every row is checked (organization in scope, relation, ID and phone numbers,
 * tags, duplicates within the file and against the records); if any row fails nothing is written
 * and the report lists each failure. Rows of an existing live household (same village, address and
 * head) add residents to it.
 */
export async function importHouseholds(
  ctx: Ctx,
  actor: Actor,
  file: Buffer,
  opts: ImportOptions,
): Promise<ImportReportT> {
  requireCapability(actor, 'residents.import');
  const job = { kind: 'households', dryRun: opts.dryRun, badFile: 'residents.import_bad_file' } as const;
  return runImport(ctx, actor, job, file, (rows, progress) =>
    checkHouseholds({ ctx, actor, file, rows, progress, opts }),
  );
}

/** Checks the rows of a households sheet and, unless a dry run or any row fails, writes them in one transaction. */
async function checkHouseholds(run: ImportRun): Promise<ImportReportT> {
  const { ctx, actor, file, rows, progress, opts } = run;
  const locale = opts.locale ?? 'zh-CN';
  const colOf = columnsOf(rows, COLUMNS, 'residents.import_bad_file');

  const orgs = await villageOrgsInScope(ctx, actor);
  const { byId: orgById, byName: orgsByName } = orgIndex(orgs);
  // A file may still name the party organization (大岭村党总支) instead of the village (大岭村).
  for (const o of orgs) if (o.orgName !== o.name && !orgsByName.has(o.orgName)) orgsByName.set(o.orgName, [o]);
  // Checking many rows takes seconds of CPU: other requests are answered in between.
  const pause = loopYielder();
  // The file's ID numbers already registered, looked up by the file's numbers, not the county's.
  const inFile = await idHashesInColumn(ctx, rows, colOf.get('idNumber'), pause);
  const existing = await repo.idHashesAmong(ctx.db, actor.tenantId!, inFile, pause);
  const seen = new Set<string>();
  const households = new Map<string, NewHousehold>();

  const errors: ImportReportT['errors'] = [];
  let total = 0;
  let valid = 0;
  const err = (row: number, field: string | null, code: string) =>
    errors.push({ row, field, code, message: errorMessage(code, locale) });

  for (const r of rows) {
    await pause();
    const rowNumber = r.number;
    if (rowNumber === 1) continue;
    const raw = (k: ColumnKey) => (colOf.has(k) ? (r.cells[colOf.get(k)!] ?? '') : '');
    // Free text (address, names) has typed phone and ID numbers masked; the number columns are guarded.
    const cell = (k: ColumnKey) => (k === 'idNumber' || k === 'phone' ? raw(k) : maskPersonalText(raw(k)));
    if (COLUMNS.every((c) => !cell(c.key))) continue;
    total++;
    const before = errors.length;
    const orgCell = cell('org');
    let org: (typeof orgs)[number] | undefined;
    if (/^\d+$/.test(orgCell)) org = orgById.get(Number(orgCell));
    else if (orgCell) {
      const matches = orgsByName.get(orgCell) ?? [];
      org = matches.length === 1 ? matches[0] : undefined;
    }
    if (!org) err(rowNumber, 'org', 'not_found');
    for (const k of ['address', 'head', 'name'] as const) if (!cell(k)) err(rowNumber, k, 'validation');
    const relation = labelKey(RESIDENT_RELATIONS, cell('relation'));
    if (!relation) err(rowNumber, 'relation', 'validation');
    const tags: string[] = [];
    for (const t of cell('tags').split(TAG_SEPARATOR).filter(Boolean)) {
      const k = labelKey(HOUSEHOLD_TAGS, t);
      if (k) tags.push(k);
      else err(rowNumber, 'tags', 'validation');
    }
    let id: GuardedId | null = null;
    let phone: GuardedPhone | null = null;
    try {
      id = guardIdNumber(ctx, cell('idNumber'));
    } catch (e) {
      err(rowNumber, 'idNumber', e instanceof DomainError ? e.code : 'validation');
    }
    try {
      phone = guardPhone(ctx, cell('phone'), 'phone') as GuardedPhone;
    } catch (e) {
      err(rowNumber, 'phone', e instanceof DomainError ? e.code : 'validation');
    }
    if (id?.id_number_hash) {
      if (existing.has(id.id_number_hash) || seen.has(id.id_number_hash))
        err(rowNumber, 'idNumber', 'residents.id_number_taken');
      seen.add(id.id_number_hash);
    }
    if (errors.length > before) continue;
    valid++;
    const key = `${org!.id}|${cell('address')}|${cell('head')}`;
    let h = households.get(key);
    if (!h)
      households.set(
        key,
        (h = { org: org!, address: cell('address'), head: cell('head'), tags: new Set(), phone: null, residents: [] }),
      );
    for (const t of tags) h.tags.add(t);
    if (relation === 'head' && phone?.phone_hash) h.phone = phone;
    h.residents.push({ row: rowNumber, name: cell('name'), relation: relation!, id: id!, phone: phone! });
  }

  const report: ImportReportT = { ok: errors.length === 0 && total > 0, total, valid, imported: 0, errors };
  if (total === 0)
    report.errors.push({ row: 0, field: null, code: 'validation', message: errorMessage('validation', locale) });
  if (!report.ok || opts.dryRun) return report;

  progress.phase('writing');
  const now = ctx.clock().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const audit: AuditEntry[] = [
      {
        action: 'household.import',
        entityType: 'household_import',
        detail: `${total} rows, ${households.size} households; file sm3 ${sm3(file).slice(0, 16)}`,
      },
    ];
    for (const h of households.values()) {
      // Other requests are answered between households (those needing the database wait for the commit on SQLite).
      await pause();
      const found = await repo.findHousehold(trx, {
        tenantId: h.org.tenant_id,
        orgId: h.org.id,
        address: h.address,
        head: h.head,
      });
      let householdId: number;
      if (found) {
        householdId = found.id;
        const tags = [...new Set([...parseTags(found.tags), ...h.tags])];
        await repo.updateHousehold(trx, householdId, {
          tags: JSON.stringify(tags),
          is_poor: isPoorTags(tags) ? 1 : 0,
          updated_at: now,
        });
        audit.push({
          action: 'household.update',
          entityType: 'household',
          entityId: householdId,
          detail: 'import',
          changes: { tags: { before: parseTags(found.tags), after: tags } },
        });
      } else {
        const tags = [...h.tags];
        const phone = h.phone ?? { phone_enc: null, phone_hash: null, phone_masked: null };
        householdId = await repo.insertHousehold(trx, {
          tenant_id: h.org.tenant_id,
          org_id: h.org.id,
          org_path: h.org.org_path,
          address: h.address,
          head_name: h.head,
          tags: JSON.stringify(tags),
          is_poor: isPoorTags(tags) ? 1 : 0,
          people: 0,
          group_id: null,
          note: null,
          ...phone,
          created_at: now,
          updated_at: now,
          deleted_at: null,
        });
        audit.push({
          action: 'household.create',
          entityType: 'household',
          entityId: householdId,
          detail: `import rows ${h.residents.map((r) => r.row).join(',')}`,
          changes: {
            orgId: { before: null, after: h.org.id },
            address: { before: null, after: h.address },
            headName: { before: null, after: h.head },
            tags: { before: null, after: tags },
          },
        });
      }
      const inserted = await repo.insertResidents(
        trx,
        h.residents.map((r) => ({
          tenant_id: h.org.tenant_id,
          org_id: h.org.id,
          org_path: h.org.org_path,
          household_id: householdId,
          name: r.name,
          relation: r.relation,
          ...r.id,
          ...r.phone,
          created_at: now,
          updated_at: now,
          deleted_at: null,
        })),
      );
      inserted.forEach((id, i) => {
        const r = h.residents[i];
        audit.push({
          action: 'resident.create',
          entityType: 'resident',
          entityId: id,
          detail: `import row ${r.row}`,
          changes: {
            householdId: { before: null, after: householdId },
            name: { before: null, after: r.name },
            idNumber: { before: null, after: r.id.id_number_masked },
            phone: { before: null, after: r.phone.phone_masked },
          },
        });
      });
      await repo.recountPeople(trx, householdId, now);
    }
    await bumpVersion(trx, actor.tenantId!, 'residents');
    await bumpVersion(trx, actor.tenantId!, 'households');
    await writeAuditInSteps(ctx, trx, actor, audit, pause);
  });
  report.imported = valid;
  return report;
}

/** The filtered households as an Excel file, one row per resident, numbers masked, within the scope. */
export async function exportHouseholds(
  ctx: Ctx,
  actor: Actor,
  query: HouseholdListQueryT,
  locale: 'zh-CN' | 'en' = 'zh-CN',
): Promise<{ buffer: Buffer; count: number }> {
  requireCapability(actor, 'residents.read');
  const filter = await toFilter(ctx, actor, query);
  const { wb, ws } = await newBook('住户', COLUMNS);
  let count = 0;
  const sep = locale === 'en' ? ', ' : '、';
  for await (const rows of repo.iterateHouseholds(ctx.db, actor, filter)) {
    const residents = await repo.residentsOf(
      ctx.db,
      rows.map((r) => r.id),
    );
    for (const h of rows) {
      count++;
      const base = {
        org: h.org_name,
        address: h.address,
        head: h.head_name,
        tags: parseTags(h.tags)
          .map((t) => label(HOUSEHOLD_TAGS, t, locale))
          .join(sep),
      };
      const list = residents.get(h.id) ?? [];
      if (!list.length) ws.addRow({ ...base, phone: h.phone_masked ?? '' });
      for (const r of list)
        ws.addRow({
          ...base,
          relation: label(RESIDENT_RELATIONS, r.relation, locale),
          name: r.name,
          idNumber: r.id_number_masked ?? '',
          phone: r.phone_masked ?? '',
        });
    }
  }
  const detail = `${count} households; filter ${JSON.stringify(query)}`;
  await writeAuditAlone(ctx, actor, { action: 'household.export', entityType: 'household', detail });
  return { buffer: await xlsxBuffer(wb), count };
}
