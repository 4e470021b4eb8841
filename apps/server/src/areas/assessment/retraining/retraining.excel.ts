/** The list of retraining files as Excel: the same filters as the list, one row per file (no ID, no phone). */
import {
  CADRE_POSTS,
  label,
  RETRAINING_DECIDERS,
  RETRAINING_STATUSES,
  type RetrainingListQueryT,
  SUSPENSION_REASONS,
} from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { writeAuditAlone } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { xlsxBuffer } from '../../../platform/excel.js';
import { newBook } from '../../../platform/sheets.js';
import { list } from './retraining.service.js';

const PAGE = 500;

/** The files matching the list's filters as a workbook. */
export async function exportFiles(
  ctx: Ctx,
  actor: Actor,
  query: RetrainingListQueryT,
  locale: 'zh-CN' | 'en' = 'zh-CN',
): Promise<{ buffer: Buffer; count: number }> {
  const en = locale === 'en';
  const h = (zh: string, e: string) => (en ? e : zh);
  const { wb, ws } = await newBook(en ? 'Retraining' : '淬火整训', [
    [h('姓名', 'Cadre'), 'name', 12],
    [h('职务', 'Post'), 'post', 20],
    [h('党组织', 'Organization'), 'org', 26],
    [h('所属乡镇', 'Township'), 'township', 16],
    [h('状态', 'Status'), 'status', 16],
    [h('停职原因', 'Reasons'), 'reasons', 30],
    [h('停职日期', 'Suspended on'), 'suspendedOn', 12],
    [h('停职决定', 'Suspended by'), 'suspendedBy', 14],
    [h('应决定日期', 'Due on'), 'dueOn', 12],
    [h('整训课时', 'Hours'), 'hours', 10],
    [h('测试成绩', 'Score'), 'score', 10],
    [h('决定日期', 'Decided on'), 'decidedOn', 12],
    [h('决定机关', 'Decided by'), 'decidedBy', 20],
    [h('决定理由', 'Reason'), 'decisionReason', 30],
  ]);
  let count = 0;
  for (let page = 1; ; page++) {
    const { items } = await list(ctx, actor, { ...query, page, pageSize: PAGE });
    for (const r of items) {
      count++;
      ws.addRow({
        name: r.cadreName,
        post: r.postText || label(CADRE_POSTS, r.post, locale),
        org: r.orgName,
        township: r.townshipName ?? '',
        status: label(RETRAINING_STATUSES, r.status, locale),
        reasons: r.reasons.map((k) => label(SUSPENSION_REASONS, k, locale)).join(en ? '; ' : '；'),
        suspendedOn: r.suspendedOn,
        suspendedBy: label(RETRAINING_DECIDERS, r.suspendedBy, locale),
        dueOn: r.dueOn,
        hours: r.hoursAttended,
        score: r.testScore ?? '',
        decidedOn: r.decidedOn ?? '',
        decidedBy: r.decidedBy ?? '',
        decisionReason: r.decisionReason ?? '',
      });
    }
    if (items.length < PAGE) break;
  }
  const detail = `${count} files; filter ${JSON.stringify(query)}`;
  await writeAuditAlone(ctx, actor, { action: 'retraining.export', entityType: 'retraining', detail });
  return { buffer: await xlsxBuffer(wb), count };
}
