/**
 * The demo county's members away: about 3% of its members work elsewhere (广州, 深圳, 杭州 …) with a member of
 * their branch keeping contact, a handful are out of contact, and some came back in the last three years. Each
 * record gets its timeline (left, lost, regained, back) as a person would have recorded it.
 */
import { addDays, chinaDay } from '@dangjian/contracts';
import type { DemoContributor } from '../../../demo/load.js';
import { addTimelineBatch, type TimelineEntry } from '../../../platform/data/timeline.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import * as repo from './mobility.repository.js';

const CITIES = ['广州', '深圳', '杭州', '东莞', '佛山', '上海', '苏州', '宁波', '长沙', '厦门', '北京', '武汉'];
const UNITS = ['电子厂', '建筑公司', '物流公司', '餐饮店', '服装厂', '家政公司', '汽车配件厂', '快递站点'];
const FLOW_ORG = (city: string) => `${city}市流动党员党支部`;
const NOTES = ['每月通过微信联系', '按时线上参加支部学习', '已向流入地党组织报到', '春节期间返乡', null];

/** Shares of the live members: away now, out of contact now, away and back within three years. */
const SHARE = { flowing: 0.03, lost: 0.001, returned: 0.015 };

export const mobilityDemo: DemoContributor = {
  name: 'mobility',
  async load(ctx, c, rng, log) {
    const r = rng.fork(1811);
    const now = ctx.clock().toISOString();
    const today = chinaDay(now);
    const members = await repo.membersOfCounty(ctx.db, c.tenantId);
    const byOrg = new Map<number, number[]>();
    for (const m of members) byOrg.set(m.org_id, [...(byOrg.get(m.org_id) ?? []), m.id]);
    const rows: repo.NewMobilityRow[] = [];
    const moves: { kind: 'lost' | 'regained' | 'returned'; on: string; note: string }[][] = [];
    const tally = { flowing: 0, out_of_contact: 0, returned: 0 };
    for (const m of members) {
      const roll = r.next();
      const status =
        roll < SHARE.flowing
          ? 'flowing'
          : roll < SHARE.flowing + SHARE.lost
            ? 'out_of_contact'
            : roll < SHARE.flowing + SHARE.lost + SHARE.returned
              ? 'returned'
              : null;
      if (!status) continue;
      const since = addDays(today, -r.int(status === 'returned' ? 200 : 20, 3 * 365));
      if (since < m.joined_at) continue;
      const city = r.pick(CITIES);
      const others = (byOrg.get(m.org_id) ?? []).filter((id) => id !== m.id);
      const contact = others.length ? r.pick(others) : null;
      const steps: (typeof moves)[number] = [];
      let lostOn: string | null = null;
      let returnedOn: string | null = null;
      // Half of those out of contact were never reached after they left; the others lost contact while away.
      const neverReached = status === 'out_of_contact' && r.chance(0.5);
      if (neverReached) lostOn = since;
      else if (status === 'out_of_contact') {
        lostOn = addDays(since, r.int(30, Math.max(31, Math.min(600, -1 + daysSince(since, today)))));
        if (lostOn > today) lostOn = today;
        steps.push({ kind: 'lost', on: lostOn, note: `${lostOn}；电话停机，微信未回复` });
      } else if (status === 'returned') {
        returnedOn = addDays(since, r.int(60, Math.max(61, daysSince(since, today) - 1)));
        if (returnedOn > today) returnedOn = today;
        steps.push({ kind: 'returned', on: returnedOn, note: `${returnedOn}；返乡创业` });
      }
      rows.push({
        tenant_id: c.tenantId,
        org_id: m.org_id,
        org_path: m.org_path,
        member_id: m.id,
        status,
        since,
        destination: neverReached ? null : city,
        unit: r.chance(0.7) ? `${city}${r.pick(UNITS)}` : null,
        flow_org_name: r.chance(0.4) ? FLOW_ORG(city) : null,
        contact_member_id: contact,
        expected_return: status === 'flowing' && r.chance(0.5) ? addDays(today, r.int(30, 400)) : null,
        lost_on: lostOn,
        returned_on: returnedOn,
        note: r.pick(NOTES),
        created_by: null,
        created_at: `${since}T02:00:00.000Z`,
        updated_at: `${returnedOn ?? lostOn ?? since}T02:00:00.000Z`,
        deleted_at: null,
      });
      moves.push(steps);
      tally[status]++;
    }
    await ctx.db.transaction().execute(async (trx) => {
      const ids = await repo.insertRecords(trx, rows);
      const entries: { author: null; entry: TimelineEntry }[] = [];
      ids.forEach((id, i) => {
        const row = rows[i]!;
        const base = { tenantId: c.tenantId, entityType: 'mobility', entityId: id, orgPath: row.org_path };
        const first = row.status === 'out_of_contact' && !row.destination ? 'out_of_contact' : 'flowing';
        entries.push({
          author: null,
          entry: {
            ...base,
            action: first === 'flowing' ? 'departed' : 'lost',
            toState: first,
            note: [row.since, row.destination].filter(Boolean).join('；'),
            at: row.created_at,
          },
        });
        let from = first;
        for (const s of moves[i]!) {
          const to = s.kind === 'lost' ? 'out_of_contact' : s.kind === 'returned' ? 'returned' : 'flowing';
          if (to === from) continue;
          entries.push({
            author: null,
            entry: { ...base, action: s.kind, fromState: from, toState: to, note: s.note, at: `${s.on}T02:00:00.000Z` },
          });
          from = to;
        }
      });
      for (let i = 0; i < entries.length; i += 500) await addTimelineBatch(trx, entries.slice(i, i + 500));
      await bumpVersion(trx, c.tenantId, 'mobility');
    });
    log(
      `  流动党员 members away：外出 ${tally.flowing}，失联 ${tally.out_of_contact}，` +
        `已返回 ${tally.returned} (away, out of contact, back)`,
    );
  },
};

function daysSince(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}
