/**
 * The transfers of the demo county over its last year: a few dozen, within the county (most received, some
 * under way, two past their letter's validity, one withdrawn, one sent back), letters to units outside (most
 * with their return slip) and from outside (most received, the newcomers on the roster), and a few applications
 * awaiting the township. Deterministic from the county's seed; the roster follows what was received.
 */
import { addDays, chinaToday, makeIdNumber } from '@dangjian/contracts';
import type { Ctx } from '../../../platform/context.js';
import { addTimelineBatch, type TimelineEntry } from '../../../platform/data/timeline.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { maskIdNumber } from '../../../platform/idcard.js';
import { memberColumns } from '../../core/members/members.service.js';
import * as membersRepo from '../../core/members/members.repository.js';
import type { DemoContributor, LoadedCounty } from '../../../demo/load.js';
import { personName } from '../../../demo/names.js';
import type { Random } from '../../../demo/random.js';
import * as repo from './transfers.repository.js';

/** Where an outside letter goes to or comes from (another province's units). */
const OUTSIDE = [
  ['浙江省杭州市西湖区北山街道党工委', '杭州市西湖区北山街道办事处'],
  ['江苏省苏州市工业园区娄葑街道党工委', '苏州市工业园区娄葑街道'],
  ['广东省深圳市南山区粤海街道党工委', '深圳市南山区粤海街道'],
  ['上海市浦东新区张江镇党委', '上海市浦东新区张江镇'],
  ['北京市海淀区中关村街道党工委', '北京市海淀区中关村街道'],
] as const;
const REASONS = ['工作调动', '外出务工', '随配偶迁居', '考入公务员', '升学', '退休返乡'];

type Plan = { kind: 'internal' | 'outgoing' | 'incoming'; status: string; overdue?: boolean; returned?: boolean };

/** The year's transfers by kind and outcome (a county of the demo's size sees about this many). */
const PLANS: Plan[] = [
  ...Array.from({ length: 14 }, () => ({ kind: 'internal', status: 'accepted' }) as Plan),
  ...Array.from({ length: 3 }, () => ({ kind: 'internal', status: 'issued' }) as Plan),
  { kind: 'internal', status: 'issued', overdue: true },
  { kind: 'internal', status: 'issued', overdue: true },
  { kind: 'internal', status: 'withdrawn' },
  { kind: 'internal', status: 'returned', returned: true },
  ...Array.from({ length: 3 }, () => ({ kind: 'internal', status: 'applied' }) as Plan),
  ...Array.from({ length: 6 }, () => ({ kind: 'outgoing', status: 'accepted' }) as Plan),
  { kind: 'outgoing', status: 'issued' },
  { kind: 'outgoing', status: 'applied' },
  ...Array.from({ length: 6 }, () => ({ kind: 'incoming', status: 'accepted' }) as Plan),
  { kind: 'incoming', status: 'issued' },
  { kind: 'incoming', status: 'issued' },
];

const at = (day: string, hour: number) => `${addDays(day, 0)}T${String(hour).padStart(2, '0')}:30:00.000Z`;

async function load(ctx: Ctx, c: LoadedCounty, rng0: Random, log: (line: string) => void): Promise<void> {
  const rng = rng0.fork(1101);
  const db = ctx.db;
  const today = chinaToday(ctx.clock());
  const branches = await repo.branchesOf(db, c.tenantId);
  const pool = rng.shuffle(await repo.demoCandidates(db, c.tenantId, 4000));
  if (!branches.length || pool.length < PLANS.length) return;
  const now = ctx.clock().toISOString();
  const events: { author: { id: null; name: string }; entry: TimelineEntry }[] = [];
  const event = (id: number, path: string, action: string, from: string | null, to: string, day: string, note = '') =>
    events.push({
      author: { id: null, name: '系统' },
      entry: {
        tenantId: c.tenantId,
        entityType: 'transfer',
        entityId: id,
        orgPath: path,
        action,
        fromState: from,
        toState: to,
        note: note || null,
        at: at(day, 1 + (events.length % 8)),
      },
    });
  let counts = { internal: 0, outgoing: 0, incoming: 0 };
  for (const [i, p] of PLANS.entries()) {
    // Recent ones are still under way; the received ones spread over the year.
    const applied =
      p.status === 'applied'
        ? addDays(today, -rng.int(1, 10))
        : p.overdue
          ? addDays(today, -rng.int(45, 70))
          : p.status === 'issued'
            ? addDays(today, -rng.int(3, 20))
            : addDays(today, -rng.int(20, 350));
    const issued = p.status === 'applied' ? null : addDays(applied, rng.int(1, 4));
    const validUntil = issued ? addDays(issued, p.overdue ? 30 : rng.pick([30, 30, 60, 90])) : null;
    const done = p.status === 'accepted' ? addDays(issued!, rng.int(2, 15)) : null;
    const duesPaidTo = applied.slice(0, 7);
    const letterNo = issued ? await repo.nextLetterNo(db, c.tenantId, Number(issued.slice(0, 4))) : null;
    const base = {
      tenant_id: c.tenantId,
      kind: p.kind,
      status: p.status,
      applied_on: applied,
      issued_on: issued,
      valid_until: validUntil,
      dues_paid_to: duesPaidTo,
      approved_at: issued ? at(issued, 2) : null,
      accepted_on: done,
      closed_at: done ? at(done, 3) : p.status === 'withdrawn' ? at(addDays(applied, 6), 3) : null,
      return_reason: p.returned ? '介绍信所列党费交纳月份与实际不符，请核实后重新开具' : null,
      created_at: at(applied, 1),
      updated_at: now,
      deleted_at: null,
    };
    let row: repo.NewTransfer;
    if (p.kind === 'incoming') {
      const gender = rng.chance(0.5) ? 'male' : 'female';
      const birth = rng.date('1975-01-01', '2000-12-31');
      const idNumber = makeIdNumber('330106', birth, 100 + i, gender);
      const org = rng.pick(branches);
      const [outName] = rng.pick(OUTSIDE);
      row = {
        ...base,
        org_id: org.id,
        org_path: org.org_path,
        name: personName(rng, gender, Number(birth.slice(0, 4))),
        gender,
        id_number_enc: ctx.vault.encrypt(idNumber),
        id_number_hash: ctx.vault.lookupHash(idNumber),
        id_number_masked: maskIdNumber(idNumber),
        joined_at: addDays(birth, 365 * 24 + rng.int(0, 900)),
        member_status: 'full',
        from_org_name: outName,
        to_org_id: org.id,
        to_path: org.org_path,
        to_org_name: org.name,
        letter_no: `浙转〔${issued!.slice(0, 4)}〕${rng.int(10, 300)}号`,
      };
    } else {
      const m = pool.pop()!;
      const full = (await repo.memberRow(db, c.tenantId, m.id))!;
      const to = p.kind === 'internal' ? rng.pick(branches.filter((b) => b.id !== m.org_id)) : null;
      const [outName, outAddress] = rng.pick(OUTSIDE);
      row = {
        ...base,
        org_id: m.org_id,
        org_path: m.org_path,
        member_id: m.id,
        name: full.name,
        gender: full.gender,
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
        to_org_id: to?.id ?? null,
        to_path: to?.org_path ?? null,
        to_org_name: to?.name ?? outName,
        to_address: to ? null : outAddress,
        reason: rng.pick(REASONS),
        letter_no: letterNo,
      };
    }
    const [id] = await repo.insertTransfers(db, [row]);
    counts = { ...counts, [p.kind]: counts[p.kind] + 1 };
    const path = row.org_path;
    if (p.kind === 'incoming') event(id!, path, 'registered', null, 'issued', issued!, row.letter_no ?? '');
    else {
      event(id!, path, 'applied', null, 'applied', applied);
      if (issued)
        event(id!, path, 'approved', 'applied', 'issued', issued, `${letterNo}（${issued} 至 ${validUntil}）`);
    }
    if (p.status === 'withdrawn') event(id!, path, 'withdrawn', 'applied', 'withdrawn', addDays(applied, 6));
    if (p.returned) event(id!, path, 'sent_back', 'issued', 'returned', addDays(issued!, 5), row.return_reason!);
    if (!done) continue;
    const ts = at(done, 3);
    if (p.kind === 'outgoing') {
      event(id!, path, 'receipt', 'issued', 'accepted', done, done);
      await repo.leaveRoster(db, row.member_id!, ts);
    } else if (p.kind === 'internal') {
      event(id!, path, 'accepted', 'issued', 'accepted', done);
      await repo.moveMemberRows(db, row.member_id!, { id: row.to_org_id!, org_path: row.to_path! }, ts);
    } else {
      event(id!, path, 'accepted', 'issued', 'accepted', done);
      const idNumber = ctx.vault.decrypt(row.id_number_enc!);
      const birth = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
      const cols = memberColumns(ctx, {
        name: row.name,
        gender: row.gender as 'male' | 'female',
        idNumber,
        phone: null,
        birthDate: birth,
        joinedAt: row.joined_at!,
        fullMemberAt: addDays(row.joined_at!, 366),
        status: 'full',
        ethnicity: 'han',
        education: null,
        category: null,
      });
      const org = { id: row.to_org_id!, org_path: row.to_path! };
      const [memberId] = await membersRepo.insertMembers(db, [
        {
          ...cols,
          tenant_id: c.tenantId,
          org_id: org.id,
          org_path: org.org_path,
          created_at: ts,
          updated_at: ts,
          deleted_at: null,
        },
      ]);
      await repo.updateTransfer(db, id!, { member_id: memberId! });
    }
  }
  await addTimelineBatch(db, events);
  await bumpVersion(db, c.tenantId, 'transfers');
  await bumpVersion(db, c.tenantId, 'roster');
  log(
    `  组织关系转接 transfers：系统内 ${counts.internal}，转出 ${counts.outgoing}，转入 ${counts.incoming}` +
      ` within ${counts.internal}, out ${counts.outgoing}, in ${counts.incoming}`,
  );
}

/** The transfers demo, run after the members exist. */
export const transfersContributor: DemoContributor = { name: 'transfers', load };
