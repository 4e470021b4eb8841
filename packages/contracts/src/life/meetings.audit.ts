/** What organizational life writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** Audit actions of meetings and their rule set. */
export const MEETINGS_AUDIT_ACTIONS = {
  'meeting.create': l('登记组织生活', 'Record a meeting'),
  'meeting.update': l('修改组织生活', 'Update a meeting'),
  'meeting.delete': l('删除组织生活', 'Delete a meeting'),
  'meeting.restore': l('恢复组织生活', 'Restore a meeting'),
  'meeting.checkin': l('会议签到', 'Sign in to a meeting'),
  'meeting.checkin_open': l('开启会议签到', 'Open sign-in'),
  'meeting.checkin_close': l('结束会议签到', 'Close sign-in'),
  'meeting.photo_add': l('上传会议照片', 'Add a meeting photo'),
  'meeting.photo_remove': l('删除会议照片', 'Remove a meeting photo'),
  'meeting_rule.set': l('修改组织生活规则', 'Change the meeting rules'),
} as const satisfies Record<string, Labelled>;

/** Entity types of organizational life's audit records. */
export const MEETINGS_AUDIT_ENTITIES = {
  meeting: l('组织生活', 'Meeting'),
  meeting_rule: l('组织生活规则', 'Meeting rule'),
} as const satisfies Record<string, Labelled>;
