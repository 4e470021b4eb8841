/**
 * Door-to-door visits (走访, 进家门解百姓难): a cadre's visit to a household of the scope, its photos, an
 * optional request raised on the spot, and the quotas of the rules — every village each quarter, each
 * township cadre some days and households a week.
 */
import type { VisitCreateT, VisitListQueryT, VisitPatchT, VisitQuotasT, VisitT } from '@dangjian/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { likeContains, subtreeRange } from '../../../db/dialect.js';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability, scopeRange } from '../../../platform/actor.js';
import { diff, writeAudit } from '../../../platform/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { bumpVersion, cached } from '../../../platform/versions.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { residentsRules } from '../common/residents.rules.js';
import {
  isPlaceOrg,
  listResidentsPhotos,
  readResidentsPhoto,
  storeResidentsPhoto,
} from '../common/residents.shared.js';
import { insertRequest } from '../requests/requests.service.js';
import * as membersRepo from '../../core/members/members.repository.js';
import * as householdsRepo from '../households/households.repository.js';
import { chinaDay, isoWeekOf, isoWeekRange, quarterOf, quarterRange } from '../requests/requests.time.js';

type Q = Kysely<DB> | Transaction<DB>;

function today(ctx: Ctx): string {
  return chinaDay(ctx.clock());
}

/** A visit row in scope (404 otherwise). */
async function getVisitRow(db: Q, actor: Actor, id: number, opts: { includeDeleted?: boolean } = {}) {
  const [lo, hi] = scopeRange(actor);
  let q = db
    .selectFrom('visits')
    .selectAll()
    .where('id', '=', id)
    .where('tenant_id', '=', actor.tenantId!)
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi);
  if (!opts.includeDeleted) q = q.where('deleted_at', 'is', null);
  const row = await q.executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/** The API items of some visit rows: household, visitor and org names and photo counts, for the page only. */
async function toItems(
  db: Q,
  rows: {
    id: number;
    org_id: number;
    household_id: number;
    visitor_member_id: number;
    visited_on: string;
    found: string;
    promised: string | null;
    request_id: number | null;
    created_at: string;
    updated_at: string;
    deleted_at: string | null;
  }[],
): Promise<VisitT[]> {
  if (!rows.length) return [];
  const hh = await db
    .selectFrom('households')
    .select(['id', 'head_name', 'address'])
    .where('id', 'in', [...new Set(rows.map((r) => r.household_id))])
    .execute();
  const mm = await db
    .selectFrom('members')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(rows.map((r) => r.visitor_member_id))])
    .execute();
  const oo = await db
    .selectFrom('orgs')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(rows.map((r) => r.org_id))])
    .execute();
  const pp = await db
    .selectFrom('residents_photos')
    .select(['entity_id', (e) => e.fn.countAll<number>().as('n')])
    .where('entity_type', '=', 'visit')
    .where(
      'entity_id',
      'in',
      rows.map((r) => r.id),
    )
    .where('deleted_at', 'is', null)
    .groupBy('entity_id')
    .execute();
  const h = new Map(hh.map((x) => [x.id, x]));
  const m = new Map(mm.map((x) => [x.id, x.name]));
  const o = new Map(oo.map((x) => [x.id, x.name]));
  const p = new Map(pp.map((x) => [x.entity_id, Number(x.n)]));
  return rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    orgName: o.get(r.org_id) ?? '',
    householdId: r.household_id,
    householdHead: h.get(r.household_id)?.head_name ?? '',
    householdAddress: h.get(r.household_id)?.address ?? '',
    visitorMemberId: r.visitor_member_id,
    visitorName: m.get(r.visitor_member_id) ?? '',
    visitedOn: r.visited_on,
    found: r.found,
    promised: r.promised,
    requestId: r.request_id,
    photos: p.get(r.id) ?? 0,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  }));
}

/** Visits of a subtree, newest first. */
export async function list(
  ctx: Ctx,
  actor: Actor,
  query: VisitListQueryT,
): Promise<{ items: VisitT[]; total: number }> {
  requireCapability(actor, 'residents.read');
  const [lo, hi] = query.org
    ? subtreeRange((await orgsRepo.getOrg(ctx.db, actor, query.org)).org_path)
    : scopeRange(actor);
  let q = ctx.db
    .selectFrom('visits as v')
    .where('v.tenant_id', '=', actor.tenantId!)
    .where('v.org_path', '>=', lo)
    .where('v.org_path', '<', hi);
  q = query.deleted ? q.where('v.deleted_at', 'is not', null) : q.where('v.deleted_at', 'is', null);
  if (query.from) q = q.where('v.visited_on', '>=', query.from);
  if (query.to) q = q.where('v.visited_on', '<=', query.to);
  if (query.visitor) q = q.where('v.visitor_member_id', '=', query.visitor);
  const text = query.q?.trim();
  if (text) {
    q = q.where((e) =>
      e.or([
        likeContains('v.found', text),
        e.exists(
          e
            .selectFrom('households as h')
            .select('h.id')
            .whereRef('h.id', '=', 'v.household_id')
            .where((h) => h.or([likeContains('h.head_name', text), likeContains('h.address', text)])),
        ),
      ]),
    );
  }
  const count = async () =>
    Number((await q.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const total = await cached(
    ctx.db,
    actor.tenantId!,
    'residents',
    `visits.count|${lo}|${hi}|${JSON.stringify({ ...query, page: undefined, pageSize: undefined, org: undefined })}`,
    count,
  );
  if (!total) return { items: [], total };
  const pageSize = query.pageSize ?? 20;
  const rows = await q
    .select([
      'v.id',
      'v.org_id',
      'v.household_id',
      'v.visitor_member_id',
      'v.visited_on',
      'v.found',
      'v.promised',
      'v.request_id',
      'v.created_at',
      'v.updated_at',
      'v.deleted_at',
    ])
    .orderBy('v.visited_on', 'desc')
    .orderBy('v.id', 'desc')
    .limit(pageSize)
    .offset(((query.page ?? 1) - 1) * pageSize)
    .execute();
  return { items: await toItems(ctx.db, rows), total };
}

/** One visit with its photos' links. */
export async function get(
  ctx: Ctx,
  actor: Actor,
  id: number,
): Promise<VisitT & { photoList: { id: number; mime: string; bytes: number; url: string }[] }> {
  requireCapability(actor, 'residents.read');
  const row = await getVisitRow(ctx.db, actor, id, { includeDeleted: true });
  const [item] = await toItems(ctx.db, [row]);
  const photos = await listResidentsPhotos(ctx.db, 'visit', id);
  return {
    ...item!,
    photoList: photos.map((p) => ({ id: p.id, mime: p.mime, bytes: p.bytes, url: `/api/visits/${id}/photos/${p.id}` })),
  };
}

/** Records a visit by a cadre serving the household (`requireServingMember`) to a household of the scope; a request raised there is accepted by the household's organization (channel outreach). */
export async function create(ctx: Ctx, actor: Actor, input: VisitCreateT) {
  requireCapability(actor, 'residents.write');
  const h = await householdsRepo.requireHouseholdInScope(ctx.db, actor, input.householdId);
  const visitor = await membersRepo.requireServingMember(ctx.db, actor, input.visitorMemberId, h.org_path);
  if (input.visitedOn > today(ctx)) throw new DomainError('residents.in_future');
  const id = await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    let requestId: number | null = null;
    if (input.request) {
      requestId = await insertRequest(
        ctx,
        trx,
        actor,
        { id: h.org_id, tenant_id: h.tenant_id, org_path: h.org_path },
        {
          channel: 'outreach',
          category: input.request.category,
          level: input.request.level,
          description: input.request.description,
          result: input.request.result ?? null,
          householdId: h.id,
          residentName: h.head_name,
          phone: { phone_enc: h.phone_enc, phone_hash: h.phone_hash, phone_masked: h.phone_masked },
          ownerMemberId: visitor!.id,
          ownerName: visitor!.name,
        },
      );
    }
    const { id } = await trx
      .insertInto('visits')
      .values({
        tenant_id: h.tenant_id,
        org_id: h.org_id,
        org_path: h.org_path,
        household_id: h.id,
        visitor_member_id: visitor!.id,
        visited_on: input.visitedOn,
        found: input.found.trim(),
        promised: input.promised?.trim() || null,
        request_id: requestId,
        created_by: actor.userId || null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await bumpVersion(trx, h.tenant_id, 'residents');
    await bumpVersion(trx, h.tenant_id, 'visits');
    await writeAudit(ctx, trx, actor, {
      action: 'visit.create',
      entityType: 'visit',
      entityId: id,
      changes: diff(null, { householdId: h.id, visitorMemberId: visitor!.id, visitedOn: input.visitedOn, requestId }),
    });
    return id;
  });
  return get(ctx, actor, id);
}

/** Edits a visit (date, visitor, what was found and promised). */
export async function update(ctx: Ctx, actor: Actor, id: number, patch: VisitPatchT) {
  requireCapability(actor, 'residents.write');
  const row = await getVisitRow(ctx.db, actor, id);
  if (patch.visitedOn && patch.visitedOn > today(ctx)) throw new DomainError('residents.in_future');
  const visitor =
    patch.visitorMemberId != null
      ? await membersRepo.requireServingMember(ctx.db, actor, patch.visitorMemberId, row.org_path)
      : null;
  const set: Record<string, unknown> = {};
  if (visitor) set.visitor_member_id = visitor.id;
  if (patch.visitedOn) set.visited_on = patch.visitedOn;
  if (patch.found) set.found = patch.found.trim();
  if (patch.promised !== undefined) set.promised = patch.promised?.trim() || null;
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('visits')
      .set({ ...set, updated_at: ctx.clock().toISOString() })
      .where('id', '=', id)
      .execute();
    await bumpVersion(trx, row.tenant_id, 'residents');
    await bumpVersion(trx, row.tenant_id, 'visits');
    const before = {
      visitorMemberId: row.visitor_member_id,
      visitedOn: row.visited_on,
      found: row.found,
      promised: row.promised,
    };
    const after = {
      visitorMemberId: visitor?.id ?? row.visitor_member_id,
      visitedOn: patch.visitedOn ?? row.visited_on,
      found: (set.found as string) ?? row.found,
      promised: patch.promised !== undefined ? (set.promised as string | null) : row.promised,
    };
    await writeAudit(ctx, trx, actor, {
      action: 'visit.update',
      entityType: 'visit',
      entityId: id,
      changes: diff(before, after),
    });
  });
  return get(ctx, actor, id);
}

/** Soft-deletes (or restores) a visit. */
export async function setDeleted(ctx: Ctx, actor: Actor, id: number, deleted: boolean) {
  requireCapability(actor, 'residents.write');
  const row = await getVisitRow(ctx.db, actor, id, { includeDeleted: true });
  if (Boolean(row.deleted_at) === deleted) {
    if (deleted) throw notFound();
    return get(ctx, actor, id);
  }
  const now = ctx.clock().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('visits')
      .set({ deleted_at: deleted ? now : null, updated_at: now })
      .where('id', '=', id)
      .execute();
    await bumpVersion(trx, row.tenant_id, 'residents');
    await bumpVersion(trx, row.tenant_id, 'visits');
    await writeAudit(ctx, trx, actor, {
      action: deleted ? 'visit.delete' : 'visit.restore',
      entityType: 'visit',
      entityId: id,
      changes: { deletedAt: { before: row.deleted_at, after: deleted ? now : null } },
    });
  });
  return get(ctx, actor, id);
}

/** Adds a photo to a visit (type by content, EXIF stripped). */
export async function addPhoto(ctx: Ctx, actor: Actor, id: number, file: Buffer) {
  requireCapability(actor, 'residents.write');
  const row = await getVisitRow(ctx.db, actor, id);
  return ctx.db.transaction().execute(async (trx) => {
    const p = await storeResidentsPhoto(ctx, trx, row.tenant_id, 'visit', id, file);
    await writeAudit(ctx, trx, actor, {
      action: 'visit.photo_add',
      entityType: 'visit',
      entityId: id,
      detail: `photo ${p.id} sm3 ${p.hash.slice(0, 16)}`,
    });
    return { id: p.id, mime: p.mime, bytes: p.bytes, url: `/api/visits/${id}/photos/${p.id}` };
  });
}

/** A visit photo's bytes, for anyone who may read the visit. */
export async function photo(ctx: Ctx, actor: Actor, id: number, photoId: number) {
  requireCapability(actor, 'residents.read');
  await getVisitRow(ctx.db, actor, id, { includeDeleted: true });
  return readResidentsPhoto(ctx, 'visit', id, photoId);
}

/** The county's township committees: depth-1 committees of the rural or community field (not the county's working committees). */
function isTownship(o: { depth: number; type: string; field: string | null }): boolean {
  return o.depth === 1 && o.type === 'committee' && (o.field === 'rural' || o.field === 'community');
}

/**
 * Visit quotas of a subtree.
 * - A village is a live organization at depth 2 (directly under a township committee) whose field is
 *   rural or community: a village's (or community's) branch or general branch. A visit counts for the
 *   village whose subtree holds the visited household (households of a general branch's sub-branches count
 *   for the village). Short: fewer visits in the quarter than villageVisitsPerQuarter.
 * - A township cadre is a live member of a township committee itself (its office staff) or of an
 *   organization of the organ field below a township; the county's own organs (under the county's working
 *   committees) are not township cadres. A cadre's visits anywhere in the county count. Short: fewer
 *   distinct visit days than cadreVisitDaysPerWeek, or fewer distinct households than
 *   cadreVisitHouseholdsPerWeek, in the ISO week (Monday to Sunday, China dates).
 */
export async function quotas(
  ctx: Ctx,
  actor: Actor,
  query: { org?: number; week?: string; quarter?: string },
): Promise<VisitQuotasT> {
  requireCapability(actor, 'residents.read');
  const tenantId = actor.tenantId!;
  const [lo, hi] = query.org
    ? subtreeRange((await orgsRepo.getOrg(ctx.db, actor, query.org)).org_path)
    : scopeRange(actor);
  const day = today(ctx);
  const w = query.week ? isoWeekRange(query.week) : isoWeekOf(day);
  const qr = quarterRange(query.quarter ?? quarterOf(day));
  const rules = await residentsRules(ctx.db, tenantId);

  // Organizations of the scope plus the townships above it (a township's own scope needs no more).
  const orgs = await ctx.db
    .selectFrom('orgs')
    .select(['id', 'parent_id', 'org_path', 'depth', 'type', 'field', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .where('deleted_at', 'is', null)
    .execute();
  const townshipIds = new Set(
    (
      await ctx.db
        .selectFrom('orgs')
        .select(['id', 'depth', 'type', 'field'])
        .where('tenant_id', '=', tenantId)
        .where('depth', '=', 1)
        .where('deleted_at', 'is', null)
        .execute()
    )
      .filter(isTownship)
      .map((o) => o.id),
  );
  const segment = (path: string, i: number) => Number(path.split('/')[i + 1]);

  // The top place organization of each village (the shared definition), directly under a township.
  const villages = orgs.filter(
    (o) => o.depth === 2 && isPlaceOrg(o) && o.parent_id != null && townshipIds.has(o.parent_id),
  );
  const visitsByOrg = await ctx.db
    .selectFrom('visits')
    .select(['org_path', (e) => e.fn.countAll<number>().as('n')])
    .where('tenant_id', '=', tenantId)
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .where('visited_on', '>=', qr.from)
    .where('visited_on', '<=', qr.to)
    .where('deleted_at', 'is', null)
    .groupBy('org_path')
    .execute();
  const perVillage = new Map<number, number>();
  for (const v of visitsByOrg) {
    const villageId = segment(v.org_path, 2);
    if (Number.isFinite(villageId)) perVillage.set(villageId, (perVillage.get(villageId) ?? 0) + Number(v.n));
  }
  const villagesShort = villages
    .map((v) => ({ orgId: v.id, orgName: v.name, visits: perVillage.get(v.id) ?? 0, path: v.org_path }))
    .filter((v) => v.visits < rules.villageVisitsPerQuarter)
    .sort((a, b) => (a.path < b.path ? -1 : 1))
    .map(({ path: _p, ...v }) => v);

  const cadreOrgs = new Map(
    orgs
      .filter((o) =>
        isTownship(o) ? true : o.field === 'organ' && o.depth >= 2 && townshipIds.has(segment(o.org_path, 1)),
      )
      .map((o) => [o.id, o.name]),
  );
  const cadreMembers = cadreOrgs.size
    ? await ctx.db
        .selectFrom('members')
        .select(['id', 'name', 'org_id', 'name_pinyin'])
        .where('tenant_id', '=', tenantId)
        .where('org_id', 'in', [...cadreOrgs.keys()])
        .where('deleted_at', 'is', null)
        .orderBy('name_pinyin')
        .execute()
    : [];
  const perCadre = new Map<number, { days: number; households: number }>();
  for (let i = 0; i < cadreMembers.length; i += 500) {
    const ids = cadreMembers.slice(i, i + 500).map((m) => m.id);
    const rows = await ctx.db
      .selectFrom('visits')
      .select([
        'visitor_member_id',
        (e) => e.fn.count<number>('visited_on').distinct().as('days'),
        (e) => e.fn.count<number>('household_id').distinct().as('households'),
      ])
      .where('tenant_id', '=', tenantId)
      .where('visitor_member_id', 'in', ids)
      .where('visited_on', '>=', w.from)
      .where('visited_on', '<=', w.to)
      .where('deleted_at', 'is', null)
      .groupBy('visitor_member_id')
      .execute();
    for (const r of rows) perCadre.set(r.visitor_member_id, { days: Number(r.days), households: Number(r.households) });
  }
  const cadresShort = cadreMembers
    .map((m) => ({
      memberId: m.id,
      name: m.name,
      orgName: cadreOrgs.get(m.org_id) ?? '',
      ...(perCadre.get(m.id) ?? { days: 0, households: 0 }),
    }))
    .filter((c) => c.days < rules.cadreVisitDaysPerWeek || c.households < rules.cadreVisitHouseholdsPerWeek);

  return {
    quarter: qr.quarter,
    quarterFrom: qr.from,
    quarterTo: qr.to,
    villages: villages.length,
    villagesVisited: villages.filter((v) => (perVillage.get(v.id) ?? 0) > 0).length,
    villagesShort,
    week: w.week,
    weekFrom: w.from,
    weekTo: w.to,
    cadres: cadreMembers.length,
    cadresShort,
    rules: {
      villageVisitsPerQuarter: rules.villageVisitsPerQuarter,
      cadreVisitDaysPerWeek: rules.cadreVisitDaysPerWeek,
      cadreVisitHouseholdsPerWeek: rules.cadreVisitHouseholdsPerWeek,
    },
  };
}
