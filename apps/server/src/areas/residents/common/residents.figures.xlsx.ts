/** The residents' figures as an Excel workbook: a summary sheet, the children of the subtree, and the months. */
import type ExcelJS from 'exceljs';
import {
  REQUEST_CATEGORIES,
  REQUEST_CHANNELS,
  REQUEST_LEVELS,
  SATISFACTION,
  label,
  type ResidentsStats,
} from '@dangjian/contracts';
import { addSheet } from '../../../platform/sheets.js';

/** Fills a workbook with the figures (zh or en headers). */
export function fillResidentsStats(wb: ExcelJS.Workbook, s: ResidentsStats, locale: 'zh-CN' | 'en'): void {
  const en = locale === 'en';
  const t = (zh: string, e: string) => (en ? e : zh);
  const pct = (r: number) => `${(r * 100).toFixed(1)}%`;
  const sum = addSheet(wb, t('为民服务统计', 'Service figures'), [
    [t('指标', 'Figure'), 'k', 28],
    [t('数值', 'Value'), 'v', 16],
  ]);
  const rows: [string, string | number][] = [
    [t('党组织', 'Organization'), s.org.name],
    [t('统计期间', 'Period'), `${s.period.from} – ${s.period.to}`],
    [t('受理诉求', 'Requests accepted'), s.requests.accepted],
    [t('已办结', 'Closed'), s.requests.closed],
    [t('办理中', 'Open'), s.requests.open],
    [t('超期未办结', 'Overdue'), s.requests.overdue],
    ...Object.entries(s.requests.byLevel).map(([k, v]) => [label(REQUEST_LEVELS, k, locale), v] as [string, number]),
    ...Object.entries(s.requests.byChannel).map(
      ([k, v]) => [label(REQUEST_CHANNELS, k, locale), v] as [string, number],
    ),
    ...Object.entries(s.requests.byCategory).map(
      ([k, v]) => [label(REQUEST_CATEGORIES, k, locale), v] as [string, number],
    ),
    [t('平均办结天数', 'Average days to close'), s.requests.avgCloseDays],
    [t('按时办结率', 'Closed on time'), pct(s.requests.closedOnTimeRate)],
    ...Object.entries(s.requests.ratings).map(([k, v]) => [label(SATISFACTION, k, locale), v] as [string, number]),
    [t('满意率', 'Satisfaction'), pct(s.requests.satisfactionRate)],
    [t('收集微心愿', 'Wishes collected'), s.wishes.collected],
    [t('已认领', 'Claimed'), s.wishes.claimed],
    [t('已实现', 'Fulfilled'), s.wishes.fulfilled],
    [t('群众已确认', 'Confirmed'), s.wishes.confirmed],
    [t('党员代办', 'Errands taken'), s.errands.taken],
    [t('代办完成', 'Errands done'), s.errands.done],
    [t('联户组', 'Household groups'), s.groups.groups],
    [t('联系户数', 'Households in groups'), s.groups.households],
    [t('总户数', 'Households'), s.groups.householdsTotal],
    [t('联系人数', 'People in groups'), s.groups.people],
    [t('联户覆盖率', 'Group coverage'), pct(s.groups.coverageRate)],
    [t('困难户', 'Poor households'), s.pairing.poorHouseholds],
    [t('已结对', 'Paired'), s.pairing.paired],
    [t('结对干部', 'Cadres'), s.pairing.cadres],
    [t('结对覆盖率', 'Pairing coverage'), pct(s.pairing.coverageRate)],
    [t('走访次数', 'Visits'), s.visits.visits],
    [t('走访户数', 'Households visited'), s.visits.households],
    [t('走访村（社区）', 'Villages visited'), `${s.visits.villagesVisited} / ${s.visits.villages}`],
  ];
  for (const [k, v] of rows) sum.addRow({ k, v });
  const by = addSheet(wb, t('下级组织', 'Organizations'), [
    [t('党组织', 'Organization'), 'orgName', 30],
    [t('受理', 'Accepted'), 'accepted', 10],
    [t('办结', 'Closed'), 'closed', 10],
    [t('超期', 'Overdue'), 'overdue', 8],
    [t('满意率', 'Satisfaction'), 'sat', 10],
    [t('微心愿', 'Wishes'), 'wishes', 8],
    [t('已实现', 'Fulfilled'), 'wishesDone', 8],
    [t('代办', 'Errands'), 'errands', 8],
    [t('联户覆盖率', 'Group coverage'), 'cov', 12],
  ]);
  for (const o of s.byOrg) by.addRow({ ...o, sat: pct(o.satisfactionRate), cov: pct(o.coverageRate) });
  const mon = addSheet(wb, t('按月', 'Months'), [
    [t('月份', 'Month'), 'month', 10],
    [t('受理', 'Accepted'), 'accepted', 10],
    [t('办结', 'Closed'), 'closed', 10],
  ]);
  for (const m of s.monthly) mon.addRow(m);
}
