/** Enumerations shared by the server and the web app, each value with its zh-CN and English label. */

export interface Labelled {
  zh: string;
  en: string;
}

/** A capability as a module declares it: its zh/en label and the roles that hold it. */
export interface CapabilityDef extends Labelled {
  roles: readonly (
    | 'county_admin'
    | 'township_admin'
    | 'branch_secretary'
    | 'member'
    | 'auditor'
    | 'security_admin'
    | 'region_admin'
  )[];
}

type CapabilityRoles = CapabilityDef['roles'];
/** The roles that manage business data of their subtree (county, township, branch). */
export const STAFF_ROLES = ['county_admin', 'township_admin', 'branch_secretary'] as const satisfies CapabilityRoles;
/** The business roles: the staff and the members. */
export const PARTY_ROLES = [...STAFF_ROLES, 'member'] as const satisfies CapabilityRoles;

/** A capability as one line of a module's table: what it lets its holder do (zh/en) and who holds it. */
export function capability(zh: string, en: string, roles: CapabilityRoles): CapabilityDef {
  return { zh, en, roles };
}

function labels<K extends string>(map: Record<K, Labelled>) {
  return map;
}

/** Organization types (党组织类型). */
export const ORG_TYPES = labels({
  committee: { zh: '党委', en: 'Party committee' },
  general_branch: { zh: '党总支', en: 'General branch' },
  branch: { zh: '党支部', en: 'Branch' },
  joint_branch: { zh: '联合党支部', en: 'Joint branch' },
  group: { zh: '党小组', en: 'Party group' },
});
export type OrgType = keyof typeof ORG_TYPES;

/** Organization fields (领域). */
export const ORG_FIELDS = labels({
  rural: { zh: '农村', en: 'Rural' },
  community: { zh: '社区', en: 'Community' },
  organ: { zh: '机关', en: 'Government organ' },
  institution: { zh: '事业单位', en: 'Public institution' },
  state_enterprise: { zh: '国有企业', en: 'State enterprise' },
  private_enterprise: { zh: '非公企业', en: 'Private enterprise' },
  social_org: { zh: '社会组织', en: 'Social organization' },
  industry_chain: { zh: '产业链', en: 'Industry chain' },
});
export type OrgField = keyof typeof ORG_FIELDS;

/** Member status (正式/预备). */
export const MEMBER_STATUSES = labels({
  full: { zh: '正式党员', en: 'Full member' },
  probationary: { zh: '预备党员', en: 'Probationary member' },
});
export type MemberStatus = keyof typeof MEMBER_STATUSES;

/** Sex as stated by the ID number. */
export const GENDERS = labels({
  male: { zh: '男', en: 'Male' },
  female: { zh: '女', en: 'Female' },
});
export type Gender = keyof typeof GENDERS;

/** Highest education (学历). */
export const EDUCATIONS = labels({
  primary: { zh: '小学及以下', en: 'Primary or less' },
  junior: { zh: '初中', en: 'Junior middle school' },
  senior: { zh: '高中、中专', en: 'Senior middle / vocational' },
  college: { zh: '大专', en: 'College' },
  bachelor: { zh: '大学本科', en: "Bachelor's" },
  postgraduate: { zh: '研究生', en: 'Postgraduate' },
});
export type Education = keyof typeof EDUCATIONS;

/** Occupation category (人员类别). */
export const MEMBER_CATEGORIES = labels({
  farmer: { zh: '农牧渔民', en: 'Farmer' },
  worker: { zh: '工人', en: 'Worker' },
  civil_servant: { zh: '党政机关工作人员', en: 'Civil servant' },
  institution_staff: { zh: '事业单位人员', en: 'Public institution staff' },
  enterprise_staff: { zh: '企业管理和专业技术人员', en: 'Enterprise staff' },
  student: { zh: '学生', en: 'Student' },
  retired: { zh: '离退休人员', en: 'Retired' },
  other: { zh: '其他', en: 'Other' },
});
export type MemberCategory = keyof typeof MEMBER_CATEGORIES;

/** Ethnic groups most common in the demo counties; any other is `other`. */
export const ETHNICITIES = labels({
  han: { zh: '汉族', en: 'Han' },
  tujia: { zh: '土家族', en: 'Tujia' },
  miao: { zh: '苗族', en: 'Miao' },
  bai: { zh: '白族', en: 'Bai' },
  hui: { zh: '回族', en: 'Hui' },
  dong: { zh: '侗族', en: 'Dong' },
  yao: { zh: '瑶族', en: 'Yao' },
  other: { zh: '其他民族', en: 'Other' },
});
export type Ethnicity = keyof typeof ETHNICITIES;

/** Age bands used by filters and statistics. */
export const AGE_BANDS = labels({
  lt30: { zh: '30岁以下', en: 'Under 30' },
  '30_39': { zh: '30–39岁', en: '30–39' },
  '40_49': { zh: '40–49岁', en: '40–49' },
  '50_59': { zh: '50–59岁', en: '50–59' },
  '60_69': { zh: '60–69岁', en: '60–69' },
  gte70: { zh: '70岁及以上', en: '70 and over' },
});
export type AgeBand = keyof typeof AGE_BANDS;

/** Age band limits in whole years: [min inclusive, max exclusive]. */
export const AGE_BAND_LIMITS: Record<AgeBand, [number, number]> = {
  lt30: [0, 30],
  '30_39': [30, 40],
  '40_49': [40, 50],
  '50_59': [50, 60],
  '60_69': [60, 70],
  gte70: [70, 200],
};

/** Election status of an organization's committee term (换届). */
export const ELECTION_STATUSES = labels({
  none: { zh: '未设届期', en: 'No term set' },
  ok: { zh: '届期内', en: 'In term' },
  due: { zh: '即将换届', en: 'Election due' },
  overdue: { zh: '逾期未换届', en: 'Election overdue' },
});
export type ElectionStatus = keyof typeof ELECTION_STATUSES;

/** Label of an enum value in a locale, falling back to the raw value. */
export function label(
  map: Record<string, Labelled>,
  value: string | null | undefined,
  locale: 'zh-CN' | 'en' = 'zh-CN',
): string {
  if (value == null) return '';
  const l = map[value];
  return l ? (locale === 'en' ? l.en : l.zh) : value;
}
