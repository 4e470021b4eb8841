/**
 * The visits of an inspection and their findings: an organization added to the visit list (under the issuer),
 * a visit's date, checklist results and score, photos uploaded from the phone form, and a finding — which opens a
 * problem (`openProblem`, source `inspection`, `inspection_finding:<id>`) in the same transaction, so a refused
 * problem leaves no finding behind.
 */
import type {
  InspectionCheckT,
  InspectionFindingCreateT,
  InspectionFindingT,
  InspectionPhotoT,
  InspectionVisitCreateT,
  InspectionVisitT,
  InspectionVisitUpdateT,
} from '@dangjian/contracts';
import { INSPECTION_KINDS } from '@dangjian/contracts';
import { subtreeRange } from '../../../db/dialect.js';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import { diff, writeAudit } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { readStored } from '../../../platform/files.js';
import { storePhoto } from '../../../platform/data/photos.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { asUser } from '../../../platform/workflow.js';
import { openProblem } from '../problems/problems.service.js';
import * as repo from './inspections.repository.js';
import { fieldError, jsonArray, todayOf } from './inspections.service.js';
import { onIssuingSide } from './inspections.workflow.js';

const photoUrl = (inspectionId: number, photoId: number) => `/api/inspections/${inspectionId}/photos/${photoId}`;

/** Who found a problem: the team, in the words of its leader's name. */
function leaderOf(r: repo.InspectionRow): string {
  const leader = jsonArray<{ name: string; leader?: boolean }>(r.team).find((m) => m.leader);
  return leader ? `督查组（组长${leader.name}）` : '督查组';
}

/** The API visits of rows, with their findings, photos and the states of the problems opened. */
export async function presentVisits(
  ctx: Ctx,
  r: repo.InspectionRow,
  visits: repo.VisitRow[],
): Promise<InspectionVisitT[]> {
  const findings = await repo.findingsOf(
    ctx.db,
    visits.map((v) => v.id),
  );
  const photos = await repo.photosOf(
    ctx.db,
    'inspection_finding',
    findings.map((f) => f.id),
  );
  const states = await repo.problemStates(
    ctx.db,
    findings.map((f) => f.problem_id).filter((x): x is number => x != null),
  );
  const finding = (f: repo.FindingRow): InspectionFindingT => ({
    id: f.id,
    inspectionId: f.inspection_id,
    visitId: f.visit_id,
    orgId: f.org_id,
    orgName: f.org_name,
    text: f.text,
    category: f.category,
    severity: f.severity as InspectionFindingT['severity'],
    photos: photos
      .filter((p) => p.entity_id === f.id)
      .map((p) => ({ id: p.id, mime: p.mime, bytes: p.bytes, url: photoUrl(r.id, p.id) })),
    problemId: f.problem_id,
    problemStatus: f.problem_id == null ? null : (states.get(f.problem_id) ?? null),
    createdAt: f.created_at,
  });
  return visits.map((v) => ({
    id: v.id,
    inspectionId: v.inspection_id,
    orgId: v.org_id,
    orgName: v.org_name,
    visitedOn: v.visited_on,
    score: v.score,
    results: jsonArray<InspectionCheckT>(v.results),
    note: v.note,
    findings: findings.filter((f) => f.visit_id === v.id).map(finding),
  }));
}

/** The inspection as its issuing side acts on it: 404 when unseen, 403 for a visited organization. */
async function issued(ctx: Ctx, actor: Actor, id: number): Promise<repo.InspectionRow> {
  requireCapability(actor, 'inspections.write');
  const r = await repo.getInspection(ctx.db, actor, id);
  if (!onIssuingSide(asUser(actor), r)) throw new DomainError('inspections.visited_readonly', undefined, 403);
  return r;
}

/** Refuses a change to a completed or cancelled inspection. */
function open(r: repo.InspectionRow): void {
  if (r.status === 'completed' || r.status === 'cancelled') throw new DomainError('inspections.not_editable', {}, 409);
}

/** Refuses results and findings before the inspection has started. */
function running(r: repo.InspectionRow): void {
  open(r);
  if (r.status !== 'in_progress') throw new DomainError('inspections.not_running', {}, 409);
}

function checkVisitDate(r: repo.InspectionRow, day: string | null | undefined): void {
  if (day && (day < r.starts_on || day > r.ends_on)) throw fieldError('inspections.visit_date_outside', 'visitedOn');
}

async function visitAnswer(ctx: Ctx, r: repo.InspectionRow, visitId: number): Promise<InspectionVisitT> {
  const [v] = await presentVisits(ctx, r, [await repo.getVisit(ctx.db, r.id, visitId)]);
  return v!;
}

/** Adds an organization below the issuer to the visit list of a planned or running inspection. */
export async function addVisit(
  ctx: Ctx,
  actor: Actor,
  id: number,
  input: InspectionVisitCreateT,
): Promise<InspectionVisitT> {
  const r = await issued(ctx, actor, id);
  open(r);
  const [o] = await repo.orgsByIds(ctx.db, r.tenant_id, [input.orgId]);
  const [lo, hi] = subtreeRange(r.org_path);
  // Strictly below the issuer: an organization does not inspect itself.
  if (!o || o.org_path <= lo || o.org_path >= hi) throw fieldError('inspections.visit_outside', 'orgId');
  if (input.visitedOn) {
    if (r.status !== 'in_progress') throw new DomainError('inspections.not_running', {}, 409);
    checkVisitDate(r, input.visitedOn);
  }
  const visitId = await ctx.db.transaction().execute(async (trx) => {
    if (await repo.visitTaken(trx, id, o.id)) throw fieldError('inspections.visit_taken', 'orgId', 409);
    const now = ctx.clock().toISOString();
    const [visitId] = await repo.insertVisits(trx, [
      {
        tenant_id: r.tenant_id,
        org_id: o.id,
        org_path: o.org_path,
        inspection_id: id,
        visited_on: input.visitedOn ?? null,
        score: null,
        results: '[]',
        note: input.note?.trim() || null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      },
    ]);
    await writeAudit(ctx, trx, actor, {
      action: 'inspection_visit.create',
      entityType: 'inspection_visit',
      entityId: visitId!,
      changes: diff(null, { inspectionId: id, orgId: o.id, visitedOn: input.visitedOn ?? null }),
    });
    await bumpVersion(trx, r.tenant_id, 'inspections');
    return visitId!;
  });
  return visitAnswer(ctx, r, visitId);
}

/** Records a visit: its date, the result of each checklist topic, a score and a note. */
export async function updateVisit(
  ctx: Ctx,
  actor: Actor,
  id: number,
  visitId: number,
  input: InspectionVisitUpdateT,
): Promise<InspectionVisitT> {
  const r = await issued(ctx, actor, id);
  running(r);
  const v = await repo.getVisit(ctx.db, id, visitId);
  checkVisitDate(r, input.visitedOn);
  const set: repo.VisitChange = {};
  if (input.visitedOn !== undefined) set.visited_on = input.visitedOn;
  if (input.score !== undefined) set.score = input.score;
  if (input.note !== undefined) set.note = input.note?.trim() || null;
  if (input.results !== undefined) {
    const listed = new Set(jsonArray<string>(r.checklist));
    const seen = new Set<string>();
    for (const c of input.results) {
      if (!listed.has(c.topic)) throw fieldError('inspections.topic_not_listed', 'results');
      if (seen.has(c.topic)) throw fieldError('inspections.topic_twice', 'results');
      seen.add(c.topic);
    }
    set.results = JSON.stringify(
      input.results.map((c) => ({ topic: c.topic, result: c.result, note: c.note?.trim() || null })),
    );
  }
  const before = Object.fromEntries(Object.keys(set).map((k) => [k, (v as Record<string, unknown>)[k]]));
  const changes = diff(before, set as Record<string, unknown>);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateVisit(trx, visitId, { ...set, updated_at: ctx.clock().toISOString() });
    await writeAudit(ctx, trx, actor, {
      action: 'inspection_visit.update',
      entityType: 'inspection_visit',
      entityId: visitId,
      changes,
    });
    await bumpVersion(trx, r.tenant_id, 'inspections');
  });
  return visitAnswer(ctx, r, visitId);
}

/** Takes an organization off the visit list while nothing was found there. */
export async function removeVisit(ctx: Ctx, actor: Actor, id: number, visitId: number): Promise<void> {
  const r = await issued(ctx, actor, id);
  open(r);
  const v = await repo.getVisit(ctx.db, id, visitId);
  if ((await repo.findingsOf(ctx.db, [visitId])).length)
    throw new DomainError('inspections.visit_has_findings', {}, 409);
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    await repo.updateVisit(trx, visitId, { deleted_at: now, updated_at: now });
    await writeAudit(ctx, trx, actor, {
      action: 'inspection_visit.delete',
      entityType: 'inspection_visit',
      entityId: visitId,
      changes: { orgId: { before: v.org_id, after: null } },
    });
    await bumpVersion(trx, r.tenant_id, 'inspections');
  });
}

/** Stores a photo taken at a visit (JPEG/PNG, EXIF stripped), to be attached to a finding by its id. */
export async function addPhoto(
  ctx: Ctx,
  actor: Actor,
  id: number,
  visitId: number,
  file: Buffer,
): Promise<InspectionPhotoT> {
  const r = await issued(ctx, actor, id);
  running(r);
  await repo.getVisit(ctx.db, id, visitId);
  const p = await ctx.db.transaction().execute(async (trx) => {
    const p = await storePhoto(ctx, trx, r.tenant_id, 'inspection_visit', visitId, file);
    await writeAudit(ctx, trx, actor, {
      action: 'inspection_visit.photo_add',
      entityType: 'inspection_visit',
      entityId: visitId,
      detail: `photo ${p.id} (${p.mime}, ${p.bytes} bytes)`,
    });
    return p;
  });
  return { id: p.id, mime: p.mime, bytes: p.bytes, url: photoUrl(id, p.id) };
}

/** A photo of a visit or finding the caller sees (the visited side: its own visits'); 404 otherwise. */
export async function photo(
  ctx: Ctx,
  actor: Actor,
  id: number,
  photoId: number,
): Promise<{ mime: string; body: Buffer }> {
  requireCapability(actor, 'inspections.read');
  const r = await repo.getInspection(ctx.db, actor, id);
  const range = onIssuingSide(asUser(actor), r) ? undefined : subtreeRange(actor.orgPath!);
  const visits = await repo.visitsOf(ctx.db, id, range);
  const visitIds = visits.map((v) => v.id);
  const findingIds = (await repo.findingsOf(ctx.db, visitIds)).map((f) => f.id);
  const all = [
    ...(await repo.photosOf(ctx.db, 'inspection_visit', visitIds)),
    ...(await repo.photosOf(ctx.db, 'inspection_finding', findingIds)),
  ];
  if (!all.some((p) => p.id === photoId)) throw notFound();
  const stored = await repo.photoFile(ctx.db, photoId);
  return { mime: stored.mime, body: await readStored(ctx.config.dataDir, stored.file_hash) };
}

/**
 * Records a finding of a visit and opens its problem, in one transaction: the problem names the visited
 * organization, the category, the text and photos, and links back by `inspection_finding:<id>`.
 */
export async function addFinding(
  ctx: Ctx,
  actor: Actor,
  id: number,
  visitId: number,
  input: InspectionFindingCreateT,
): Promise<InspectionVisitT> {
  const r = await issued(ctx, actor, id);
  running(r);
  const v = await repo.getVisit(ctx.db, id, visitId);
  const text = input.text.trim();
  if (!text) throw fieldError('validation', 'text');
  const photoIds = [...new Set(input.photoIds ?? [])];
  const today = todayOf(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    const findingId = await repo.insertFinding(trx, {
      tenant_id: r.tenant_id,
      org_id: v.org_id,
      org_path: v.org_path,
      inspection_id: id,
      visit_id: visitId,
      text,
      category: input.category,
      severity: input.severity,
      problem_id: null,
      created_by: actor.userId || null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
    if ((await repo.attachPhotos(trx, visitId, findingId, photoIds)) !== photoIds.length)
      throw fieldError('inspections.photo_unknown', 'photoIds');
    const title = `${INSPECTION_KINDS[r.kind as keyof typeof INSPECTION_KINDS]?.zh ?? ''}发现：${text}`;
    const problem = await openProblem({ ...ctx, db: trx }, actor, {
      orgId: v.org_id,
      source: 'inspection',
      sourceRef: `inspection_finding:${findingId}`,
      category: input.category,
      title: title.length > 100 ? `${title.slice(0, 99)}…` : title,
      description: `${r.title}（${v.visited_on ?? r.starts_on}）：${text}`,
      photoIds,
      dueOn: input.dueOn ?? null,
      // A visit dated ahead (planned) counts as found today.
      foundOn: v.visited_on && v.visited_on < today ? v.visited_on : today,
      foundBy: leaderOf(r),
    });
    await repo.setFindingProblem(trx, findingId, problem.id);
    await writeAudit(ctx, trx, actor, {
      action: 'inspection_finding.create',
      entityType: 'inspection_finding',
      entityId: findingId,
      changes: diff(null, {
        visitId,
        orgId: v.org_id,
        category: input.category,
        severity: input.severity,
        text,
        problemId: problem.id,
      }),
    });
    await bumpVersion(trx, r.tenant_id, 'inspections');
  });
  return visitAnswer(ctx, r, visitId);
}
