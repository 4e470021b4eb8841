/** Member record rules as data: ages, probation, and the columns of the Excel roster. */

/** Youngest age at which a person may join the Party (党章 第一条). */
export const MIN_JOIN_AGE = 18;

/** Probation lasts one year from joining (党章 第七条). */
export const PROBATION_YEARS = 1;

/** Largest page a list answers. */
export const MAX_PAGE_SIZE = 500;

/** Columns of the import template and export, in order: key, Chinese header, whether required. */
export const ROSTER_COLUMNS = [
  { key: 'name', header: '姓名', required: true, width: 10 },
  { key: 'gender', header: '性别', required: true, width: 6 },
  { key: 'idNumber', header: '身份证号码', required: true, width: 22 },
  { key: 'orgId', header: '所在党组织编号', required: false, width: 14 },
  { key: 'orgName', header: '所在党组织', required: false, width: 28 },
  { key: 'joinedAt', header: '入党时间', required: true, width: 12 },
  { key: 'fullMemberAt', header: '转正时间', required: false, width: 12 },
  { key: 'status', header: '党员状态', required: false, width: 10 },
  { key: 'phone', header: '手机号码', required: false, width: 14 },
  { key: 'ethnicity', header: '民族', required: false, width: 8 },
  { key: 'education', header: '学历', required: false, width: 14 },
  { key: 'category', header: '人员类别', required: false, width: 18 },
] as const;

export type RosterKey = (typeof ROSTER_COLUMNS)[number]['key'];
