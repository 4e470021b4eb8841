/**
 * The commitment card and the feedback card (承诺卡, 反馈卡) of a request: self-contained printable
 * HTML (A5), every value escaped, personal numbers only masked.
 */
import { REQUEST_CATEGORIES, REQUEST_CHANNELS, REQUEST_LEVELS, SATISFACTION } from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import * as repo from './requests.repository.js';
import { chinaDay } from './requests.time.js';
import { scrub } from '../../../platform/personal.js';

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(v: unknown): string {
  return String(v ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

const label = (map: Record<string, { zh: string }>, k: string | null) => (k && map[k] ? map[k]!.zh : '');

function dateZh(iso: string | null): string {
  if (!iso) return '';
  const d = chinaDay(iso);
  return `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
}

/** The card of a request the actor may read, as a complete HTML page. */
export async function card(ctx: Ctx, actor: Actor, id: number, type: 'commitment' | 'feedback'): Promise<string> {
  requireCapability(actor, 'residents.read');
  const r = await repo.getRequest(ctx.db, actor, id);
  const names = await repo.orgNames(ctx.db, [r.org_id, r.origin_org_id]);
  const title = type === 'commitment' ? '为民服务承诺卡' : '为民服务反馈卡';
  const row = (k: string, v: string, cls = '') =>
    `<tr><th>${escapeHtml(k)}</th><td class="${cls}">${escapeHtml(v)}</td></tr>`;
  const rows = [
    row('受理单位', names.get(r.origin_org_id) ?? ''),
    ...(r.org_id !== r.origin_org_id ? [row('承办单位', names.get(r.org_id) ?? '')] : []),
    row('受理编号', `No.${String(r.id).padStart(8, '0')}`),
    row('受理日期', dateZh(r.accepted_at)),
    row('受理渠道', label(REQUEST_CHANNELS, r.channel)),
    row('诉求类别', label(REQUEST_CATEGORIES, r.category)),
    row('群众姓名', r.resident_name ?? '（匿名）'),
    row('联系电话', r.phone_masked ?? ''),
    row('诉求内容', scrub(r.description), 'long'),
    row('办理方式', label(REQUEST_LEVELS, r.level)),
    row('承办人', r.owner_name ?? ''),
    ...(r.department ? [row('承办部门', r.department)] : []),
  ];
  if (type === 'commitment') {
    rows.push(row('承诺办结时限', r.due_at ? `${dateZh(r.due_at)}前` : r.level === 'on_the_spot' ? '当场办结' : ''));
  } else {
    rows.push(row('办理结果', scrub(r.result), 'long'), row('办结日期', dateZh(r.closed_at)));
    const ticks = Object.entries(SATISFACTION)
      .map(([k, v]) => `<span class="tick">${r.rating === k ? '☑' : '☐'} ${escapeHtml(v.zh)}</span>`)
      .join('');
    rows.push(`<tr><th>群众评价</th><td>${ticks}</td></tr>`);
  }
  const pledge =
    type === 'commitment'
      ? '我们郑重承诺：对您反映的诉求，将在承诺时限内办结并反馈办理结果。如逾期未办结，将逐级上报督办。'
      : '请您对本次诉求的办理结果作出评价。评价为“不满意”的，我们将重新办理。';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
@page { size: A5; margin: 12mm; }
body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; color: #000; margin: 0 auto; max-width: 148mm; }
h1 { text-align: center; color: #c00; font-size: 20pt; letter-spacing: 4pt; margin: 4mm 0 2mm; }
.sub { text-align: center; font-size: 10pt; margin-bottom: 4mm; }
table { width: 100%; border-collapse: collapse; font-size: 11pt; }
th, td { border: 1px solid #333; padding: 2mm 3mm; vertical-align: top; }
th { width: 28mm; text-align: center; font-weight: normal; background: #f6f6f6; }
td.long { height: 18mm; white-space: pre-wrap; }
.tick { margin-right: 6mm; }
.pledge { font-size: 10pt; margin-top: 4mm; line-height: 1.6; }
.sign { margin-top: 8mm; display: flex; justify-content: space-between; font-size: 10.5pt; }
@media print { .noprint { display: none; } }
</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<div class="sub">${escapeHtml(names.get(r.origin_org_id) ?? '')}</div>
<table>${rows.join('')}</table>
<p class="pledge">${escapeHtml(pledge)}</p>
<div class="sign"><span>${type === 'commitment' ? '承办人签字：' : '群众签字：'}__________</span><span>（盖章）　　年　　月　　日</span></div>
</body></html>`;
}
