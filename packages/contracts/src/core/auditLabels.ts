/**
 * The audit trail in words: every action code and entity type the server writes, with its zh/en label (each module
 * declares its own in its contracts; `modules.ts` gathers them), the names of the fields a change lists, and the
 * lookups the audit search uses to turn a word (登录) into the codes it means.
 */
import { ERRAND_FLOW, WISH_FLOW } from '../residents/wishes.js';
import { REQUEST_FLOW } from '../residents/requests.js';
import { MODULE_AUDIT_ACTIONS, MODULE_AUDIT_ENTITIES } from '../modules.js';
import type { Labelled } from './enums.js';
import type { FlowSpec } from './workflow.js';

/** The flows whose moves are audited as `<entityType>.<move>` (the workflow kit writes them). */
export const AUDITED_FLOWS: readonly FlowSpec[] = [REQUEST_FLOW, WISH_FLOW, ERRAND_FLOW];

/** A flow's moves in words, for a move no module line names: 「办结」 of 民情诉求 reads 民情诉求办结. */
function flowActions(): Record<string, Labelled> {
  const out: Record<string, Labelled> = {};
  for (const f of AUDITED_FLOWS)
    for (const [move, spec] of Object.entries(f.actions))
      out[`${f.entityType}.${move}`] = {
        zh: `${f.label.zh}${spec.label.zh}`,
        en: `${spec.label.en} (${f.label.en.toLowerCase()})`,
      };
  return out;
}

/** Every audit action code with its label (module lines win over the flows' derived names). */
export const AUDIT_ACTIONS: Readonly<Record<string, Labelled>> = { ...flowActions(), ...MODULE_AUDIT_ACTIONS };

/** Every audit entity type with its label. */
export const AUDIT_ENTITIES: Readonly<Record<string, Labelled>> = MODULE_AUDIT_ENTITIES;

/** The actor of what no person did (daily jobs, the demo load, the command line). */
export const SYSTEM_ACTOR: Labelled = { zh: '系统', en: 'System' };

/** Who an audit record's actor is, in words. */
export const AUDIT_ACTOR_KINDS = {
  user: { zh: '账号', en: 'Account' },
  system: SYSTEM_ACTOR,
  resident: { zh: '群众', en: 'Resident' },
  anonymous: { zh: '未登录', en: 'Not signed in' },
} as const satisfies Record<string, Labelled>;

/** How the audit chain can be broken, in words (the chain check's first break). */
export const AUDIT_CHAIN_BREAKS = {
  missing: { zh: '记录缺失', en: 'a record is missing' },
  link: { zh: '与上一条记录的链接断开', en: 'the link to the previous record is broken' },
  content: { zh: '记录内容被修改', en: 'the record was changed' },
  removed: { zh: '末尾的记录被删除', en: 'records at the end were removed' },
} as const satisfies Record<string, Labelled>;

/** An action code in words; a code no module declares (an old record) reads as "other action", never the code. */
export function auditActionLabel(code: string): Labelled {
  return AUDIT_ACTIONS[code] ?? { zh: '其他操作', en: 'Other action' };
}

/** An entity type in words (unknown: "record"). */
export function auditEntityLabel(type: string): Labelled {
  return AUDIT_ENTITIES[type] ?? { zh: '记录', en: 'Record' };
}

const has = (l: Labelled, word: string) => l.zh.includes(word) || l.en.toLowerCase().includes(word.toLowerCase());

/** The action codes a searched word means: its label (zh or en) or its code contains the word. */
export function auditActionsMatching(word: string): string[] {
  const w = word.trim();
  if (!w) return [];
  return Object.entries(AUDIT_ACTIONS)
    .filter(([code, l]) => has(l, w) || code.includes(w.toLowerCase()))
    .map(([code]) => code);
}

/** The entity types a searched word means (by label or code). */
export function auditEntitiesMatching(word: string): string[] {
  const w = word.trim();
  if (!w) return [];
  return Object.entries(AUDIT_ENTITIES)
    .filter(([code, l]) => has(l, w) || code === w.toLowerCase())
    .map(([code]) => code);
}

const f = (zh: string, en: string): Labelled => ({ zh, en });

/** The fields an audit record's changes name (the API's field names), in words. */
export const AUDIT_FIELDS: Readonly<Record<string, Labelled>> = {
  name: f('名称/姓名', 'Name'),
  displayName: f('显示名称', 'Display name'),
  username: f('用户名', 'User name'),
  role: f('角色', 'Role'),
  status: f('状态', 'Status'),
  locale: f('界面语言', 'Language'),
  password: f('密码', 'Password'),
  previousRole: f('原角色', 'Previous role'),
  orgId: f('所属组织', 'Organization'),
  parentId: f('上级组织', 'Parent organization'),
  type: f('类型', 'Type'),
  field: f('领域', 'Field'),
  code: f('编码', 'Code'),
  level: f('层级', 'Level'),
  termStart: f('任期开始', 'Term start'),
  termEnd: f('任期届满', 'Term end'),
  secretaryMemberId: f('书记', 'Secretary'),
  gender: f('性别', 'Gender'),
  ethnicity: f('民族', 'Ethnicity'),
  birthDate: f('出生日期', 'Birth date'),
  education: f('学历', 'Education'),
  idNumber: f('身份证号', 'ID number'),
  phone: f('联系电话', 'Phone'),
  category: f('人员类别', 'Category'),
  joinedAt: f('入党日期', 'Joined'),
  fullMemberAt: f('转正日期', 'Full member since'),
  memberId: f('党员', 'Member'),
  kind: f('类别', 'Kind'),
  topic: f('主题', 'Topic'),
  title: f('标题', 'Title'),
  heldOn: f('日期', 'Date'),
  startTime: f('开始时间', 'Start time'),
  endTime: f('结束时间', 'End time'),
  place: f('地点', 'Place'),
  hostName: f('主持人', 'Host'),
  recorderName: f('记录人', 'Recorder'),
  lecturerMemberId: f('授课人', 'Lecturer'),
  lecturerRole: f('授课人身份', "Lecturer's role"),
  attendance: f('出席情况', 'Attendance'),
  minutes: f('会议记录', 'Minutes'),
  decisions: f('决议事项', 'Decisions'),
  motions: f('议题', 'Motions'),
  reviews: f('评议', 'Reviews'),
  comments: f('意见', 'Comments'),
  yes: f('赞成', 'For'),
  no: f('反对', 'Against'),
  abstain: f('弃权', 'Abstain'),
  year: f('年度', 'Year'),
  period: f('期间', 'Period'),
  rule: f('规则', 'Rule'),
  values: f('规则取值', 'Values'),
  address: f('住址', 'Address'),
  area: f('片区', 'Area'),
  headName: f('户主', 'Head of household'),
  relation: f('与户主关系', 'Relation'),
  residents: f('家庭成员', 'Residents'),
  households: f('住户数', 'Households'),
  householdId: f('住户', 'Household'),
  householdIds: f('住户', 'Households'),
  leaderKind: f('组长身份', "Leader's kind"),
  leaderMemberId: f('组长', 'Leader'),
  leaderName: f('组长姓名', "Leader's name"),
  leaderPhone: f('组长电话', "Leader's phone"),
  cadreMemberId: f('结对干部', 'Cadre'),
  startedOn: f('开始日期', 'Started on'),
  endedOn: f('结束日期', 'Ended on'),
  visitorMemberId: f('走访人', 'Visitor'),
  visitedOn: f('走访日期', 'Visited on'),
  requestId: f('关联诉求', 'Request'),
  requestNo: f('受理编号', 'Acceptance number'),
  note: f('备注', 'Note'),
  description: f('内容', 'Description'),
  channel: f('受理渠道', 'Channel'),
  residentName: f('群众姓名', "Resident's name"),
  ownerMemberId: f('承办人', 'Owner'),
  ownerName: f('承办人姓名', "Owner's name"),
  acceptedAt: f('受理时间', 'Accepted at'),
  dueAt: f('办理期限', 'Due'),
  result: f('办理结果', 'Result'),
  rating: f('满意度', 'Rating'),
  reason: f('原因', 'Reason'),
  satisfied: f('满意', 'Satisfied'),
  fairlySatisfied: f('基本满意', 'Fairly satisfied'),
  dissatisfied: f('不满意', 'Dissatisfied'),
  evaluatorName: f('评议人', 'Evaluator'),
  grade: f('等次', 'Grade'),
  promised: f('承诺事项', 'Promised'),
  tags: f('标签', 'Tags'),
  postedVia: f('发布途径', 'Posted via'),
  cardNo: f('证件号', 'Card number'),
  deletedAt: f('删除时间', 'Deleted at'),
  committee: f('委员会', 'Committee'),
  found: f('发现', 'Found'),
  request: f('诉求', 'Request'),
  id: f('记录编号', 'Record number'),
  isPoor: f('困难户', 'In hardship'),
  people: f('人数', 'People'),
  groupId: f('联户小组', 'Household group'),
  members: f('成员', 'Members'),
  cadres: f('结对干部', 'Cadres'),
  mustChangePassword: f('须修改密码', 'Must change password'),
};

/** A changed field's name in words; an unnamed one reads "other field", never its path. */
export function auditFieldLabel(field: string): Labelled {
  return AUDIT_FIELDS[field] ?? { zh: '其他字段', en: 'Other field' };
}
