/** The region overview as a workbook: the unit and its children with every figure, and the unit's months. */
import { MEETING_KIND_LABELS, REGION_UNIT_KINDS, type RegionOverviewT, type RegionUnitT } from '@dangjian/contracts';
import { xlsxBuffer } from '../../../platform/excel.js';
import { addSheet, newBook, type Col } from '../../../platform/sheets.js';
import { MEETING_KINDS } from '../../life/meetings/meetings.rules.js';

const COLUMNS: Col[] = [
  ['单位 Unit', 'name', 24],
  ['类别 Kind', 'kind', 12],
  ['党员 Members', 'members', 10],
  ['正式党员 Full', 'formal', 10],
  ['预备党员 Probationary', 'probationary', 10],
  ['女党员 Women', 'female', 10],
  ['少数民族 Minorities', 'minority', 10],
  ['35岁以下 Under 35', 'under35', 10],
  ['大专及以上 College+', 'college', 10],
  ['本年发展 Joined this year', 'joined', 10],
  ['党组织 Organizations', 'orgs', 10],
  ['党委 Committees', 'committees', 10],
  ['党总支 General branches', 'generalBranches', 10],
  ['党支部 Branches', 'branches', 10],
  ['组织生活次数 Meetings held', 'held', 10],
  ...MEETING_KINDS.map((k): Col => [`${MEETING_KIND_LABELS[k].zh} ${MEETING_KIND_LABELS[k].en}`, `held_${k}`, 10]),
  ['应开展 Due', 'due', 10],
  ['已落实 Met', 'met', 10],
  ['落实率 Compliance', 'complianceRate', 10],
  ['户数 Households', 'households', 10],
  ['群众诉求 Requests', 'requests', 10],
  ['已办结 Resolved', 'resolved', 10],
  ['办结率 Resolved rate', 'resolvedRate', 10],
  ['微心愿 Wishes', 'wishes', 10],
  ['已实现 Fulfilled', 'fulfilled', 10],
];

function rowOf(u: RegionUnitT) {
  const f = u.figures;
  return {
    name: u.name,
    kind: REGION_UNIT_KINDS[u.kind as keyof typeof REGION_UNIT_KINDS].zh,
    members: f.members.total,
    formal: f.members.formal,
    probationary: f.members.probationary,
    female: f.members.female,
    minority: f.members.minority,
    under35: f.members.under35,
    college: f.members.college,
    joined: f.members.joinedThisYear,
    orgs: f.orgs.total,
    committees: f.orgs.committees,
    generalBranches: f.orgs.generalBranches,
    branches: f.orgs.branches,
    held: f.meetings.held,
    ...Object.fromEntries(MEETING_KINDS.map((k) => [`held_${k}`, f.meetings.byKind[k] ?? 0])),
    due: f.meetings.due,
    met: f.meetings.met,
    complianceRate: f.meetings.complianceRate,
    households: f.residents.households,
    requests: f.residents.requests,
    resolved: f.residents.requestsResolved,
    resolvedRate: f.residents.resolvedRate,
    wishes: f.residents.wishes,
    fulfilled: f.residents.wishesFulfilled,
  };
}

/** The workbook of an overview: sheet 区域概览 (the unit, then its children) and sheet 月度 (the unit's months). */
export async function overviewBook(o: RegionOverviewT): Promise<Buffer> {
  const { wb, ws } = await newBook('区域概览', COLUMNS);
  ws.addRow(rowOf(o.unit)).font = { bold: true };
  for (const c of o.children) ws.addRow(rowOf(c));
  for (const key of ['complianceRate', 'resolvedRate']) ws.getColumn(key).numFmt = '0.00%';
  ws.addRow({});
  ws.addRow({ name: `数据截至 As of ${o.asOf ?? '—'}；未汇总的县 Counties pending: ${o.pending}` });
  const months = addSheet(wb, '月度 Months', [
    ['月份 Month', 'month', 10],
    ['组织生活次数 Meetings held', 'meetingsHeld', 12],
    ['群众诉求 Requests', 'requests', 12],
    ['已办结 Resolved', 'requestsResolved', 12],
    ['发展党员 Joined', 'joined', 12],
  ]);
  for (const m of o.months) months.addRow(m);
  return xlsxBuffer(wb);
}
