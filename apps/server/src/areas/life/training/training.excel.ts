/** Exports of training: the classes as the list filters them, and the members short of their hours. */
import {
  label,
  TRAINING_KINDS,
  TRAINING_STATUSES,
  type TrainingClassListQueryT,
  type TrainingHoursQueryT,
} from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { writeAuditAlone } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { xlsxBuffer } from '../../../platform/excel.js';
import { newBook } from '../../../platform/sheets.js';
import { hours } from './training.hours.js';
import { list } from './training.service.js';

const PAGE = 500;
const yuan = (fen: number) => Math.round(fen) / 100;

/** The classes matching the list's filters as a workbook (money in yuan). */
export async function exportClasses(
  ctx: Ctx,
  actor: Actor,
  query: TrainingClassListQueryT,
  locale: 'zh-CN' | 'en' = 'zh-CN',
): Promise<{ buffer: Buffer; count: number }> {
  const en = locale === 'en';
  const h = (zh: string, e: string) => (en ? e : zh);
  const { wb, ws } = await newBook(en ? 'Classes' : '培训班', [
    [h('培训班名称', 'Title'), 'title', 34],
    [h('举办单位', 'Organizer'), 'org', 22],
    [h('培训类别', 'Kind'), 'kind', 22],
    [h('状态', 'Status'), 'status', 12],
    [h('开班日期', 'Starts on'), 'startOn', 12],
    [h('结业日期', 'Ends on'), 'endOn', 12],
    [h('培训地点', 'Place'), 'place', 20],
    [h('课程（节）', 'Sessions'), 'sessions', 10],
    [h('计划学时', 'Planned hours'), 'hours', 10],
    [h('学员', 'Attendees'), 'attendees', 10],
    [h('参训人次', 'Person-times'), 'personTimes', 10],
    [h('合格', 'Passed'), 'passed', 8],
    [h('经费预算（元）', 'Budget (yuan)'), 'budget', 14],
    [h('实际支出（元）', 'Spent (yuan)'), 'spent', 14],
  ]);
  let count = 0;
  for (let page = 1; ; page++) {
    const { items } = await list(ctx, actor, { ...query, page, pageSize: PAGE });
    for (const r of items) {
      count++;
      ws.addRow({
        title: r.title,
        org: r.orgName,
        kind: label(TRAINING_KINDS, r.kind, locale),
        status: label(TRAINING_STATUSES, r.status, locale),
        startOn: r.startOn,
        endOn: r.endOn,
        place: r.place,
        sessions: r.sessions,
        hours: r.plannedHours,
        attendees: r.attendees,
        personTimes: r.personTimes,
        passed: r.passed,
        budget: yuan(r.budgetFen),
        spent: yuan(r.spentFen),
      });
    }
    if (items.length < PAGE) break;
  }
  const detail = `${count} classes; filter ${JSON.stringify(query)}`;
  await writeAuditAlone(ctx, actor, { action: 'training.export', entityType: 'training_class', detail });
  return { buffer: await xlsxBuffer(wb), count };
}

/** The members short of their hours of a year (the short list) as a workbook. */
export async function exportShort(
  ctx: Ctx,
  actor: Actor,
  query: TrainingHoursQueryT,
  locale: 'zh-CN' | 'en' = 'zh-CN',
): Promise<{ buffer: Buffer; count: number }> {
  const en = locale === 'en';
  const h = (zh: string, e: string) => (en ? e : zh);
  const { wb, ws } = await newBook(en ? 'Short of hours' : '学时不足', [
    [h('姓名', 'Name'), 'name', 12],
    [h('党组织', 'Organization'), 'org', 28],
    [h('培训班学时', 'Class hours'), 'classHours', 12],
    [h('组织生活学时', 'Meeting hours'), 'meetingHours', 12],
    [h('合计学时', 'Hours'), 'hours', 10],
    [h('应修学时', 'Required'), 'required', 10],
    [h('差额', 'Missing'), 'missing', 10],
  ]);
  const all = await hours(ctx, actor, { ...query, short: true, page: 1, pageSize: 1_000_000 });
  for (const r of all.items)
    ws.addRow({
      name: r.name,
      org: r.orgName,
      classHours: r.classHours,
      meetingHours: r.meetingHours,
      hours: r.hours,
      required: r.required,
      missing: Math.round((r.required - r.hours) * 10) / 10,
    });
  const detail = `${all.items.length} members short of hours in ${all.year}; filter ${JSON.stringify(query)}`;
  await writeAuditAlone(ctx, actor, { action: 'training.export', entityType: 'training_class', detail });
  return { buffer: await xlsxBuffer(wb), count: all.items.length };
}
