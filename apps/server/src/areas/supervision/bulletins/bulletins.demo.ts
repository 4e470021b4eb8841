/**
 * The demo's bulletins, generated from the demo county's records at demo time (this module runs last of the
 * supervision contributors, so every figure it reads is loaded): four quarterly bulletins issued by the county
 * for the last four completed quarters (numbered as issued, about ten days after each quarter), a monthly
 * briefing of the last month by three townships (two issued, one left a draft). PDFs render on first request.
 */
import { addDays, BULLETIN_SECTION_KEYS, chinaToday, quarterOf, quarterRange } from '@dangjian/contracts';
import type { Ctx } from '../../../platform/context.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import type { DemoContributor, LoadedCounty } from '../../../demo/load.js';
import type { Random } from '../../../demo/random.js';
import { computeContent } from './bulletins.compute.js';
import type { SubtreeOrg } from './bulletins.model.js';
import { type BulletinPeriod, defaultTitle, periodOfKey } from './bulletins.period.js';
import * as repo from './bulletins.repository.js';

const FOREWORD = '为全面掌握基层党建工作推进情况，压实各级党组织书记抓基层党建责任，现将本期基层党建工作情况通报如下。';
const CONCLUSION =
  '各级党组织要对照通报反映的问题，逐条建立整改台账，明确责任人和完成时限，确保问题按期整改销号；' +
  '对进度滞后的党组织，上级党委将进行约谈提醒。';

/** The last `n` completed quarters before a day, oldest first. */
function lastQuarters(today: string, n: number): string[] {
  const out: string[] = [];
  let day = addDays(quarterRange(quarterOf(today)).from, -1);
  while (out.length < n) {
    const q = quarterOf(day);
    out.unshift(q);
    day = addDays(quarterRange(q).from, -1);
  }
  return out;
}

async function insert(
  ctx: Ctx,
  root: SubtreeOrg,
  issuer: SubtreeOrg,
  period: BulletinPeriod,
  kind: 'quarterly' | 'briefing',
  issueOn: string | null,
): Promise<void> {
  const content = await computeContent(ctx, root, period);
  const now = ctx.clock().toISOString();
  const issuedAt = issueOn ? `${addDays(issueOn, -1)}T01:30:00.000Z` : null;
  const year = issueOn ? Number(issueOn.slice(0, 4)) : null;
  await ctx.db.transaction().execute(async (trx) => {
    const seq = year ? await repo.nextNumber(trx, root.tenant_id, issuer.id, year) : null;
    await repo.insertBulletin(trx, {
      tenant_id: root.tenant_id,
      org_id: root.id,
      org_path: root.org_path,
      issuer_org_id: issuer.id,
      issuer_path: issuer.org_path,
      issuer_name: issuer.name,
      kind,
      status: issueOn ? 'issued' : 'draft',
      title: defaultTitle(root.name, period, kind),
      period_label: period.label,
      period_from: period.from,
      period_to: period.to,
      period: period.period,
      foreword: FOREWORD,
      conclusion: CONCLUSION,
      section_order: JSON.stringify(BULLETIN_SECTION_KEYS),
      content: JSON.stringify(content),
      year,
      seq,
      number_label: year && seq ? `${year}年第${seq}期` : null,
      issued_at: issuedAt,
      issued_by_name: issueOn ? `${issuer.name}管理员` : null,
      issued_by: null,
      withdrawn_at: null,
      withdraw_reason: null,
      withdrawn_by_name: null,
      pdf_file: null,
      created_by: null,
      created_at: issuedAt ?? now,
      updated_at: issuedAt ?? now,
      deleted_at: null,
    });
  });
}

async function load(ctx: Ctx, c: LoadedCounty, rng0: Random, log: (line: string) => void): Promise<void> {
  const rng = rng0.fork(1306);
  const started = Date.now();
  const orgs = await repo.orgsOfTenant(ctx.db, c.tenantId);
  const county = orgs.find((o) => o.parent_id == null);
  if (!county) return;
  const today = chinaToday(ctx.clock());
  for (const q of lastQuarters(today, 4)) {
    const p = periodOfKey(q)!;
    const issueOn = addDays(p.to, 10) < today ? addDays(p.to, 10) : today;
    await insert(ctx, county, county, p, 'quarterly', issueOn);
  }
  const townships = rng.shuffle(orgs.filter((o) => o.parent_id === county.id)).slice(0, 3);
  const lastMonth = addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
  for (const [k, t] of townships.entries()) {
    const p = periodOfKey(lastMonth)!;
    const issueOn = k < 2 ? (addDays(p.to, 5) < today ? addDays(p.to, 5) : today) : null;
    await insert(ctx, t, t, p, 'briefing', issueOn);
  }
  await bumpVersion(ctx.db, c.tenantId, 'bulletins');
  log(`bulletins: 4 quarterly, ${townships.length} township briefings (${Date.now() - started} ms)`);
}

/** The bulletins module's part of the demo. */
export const bulletinsContributor: DemoContributor = { name: 'bulletins', load };
