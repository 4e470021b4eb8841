/** What the posts module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** Audit actions of the posts module. */
export const POSTS_AUDIT_ACTIONS = {
  'post.create': l('设置党员岗位', 'Define a post'),
  'post.update': l('修改党员岗位', 'Change a post'),
  'post.delete': l('删除党员岗位（可恢复）', 'Delete a post'),
  'post.restore': l('恢复党员岗位', 'Restore a post'),
  'post.assign': l('安排党员上岗', 'Give a member a post'),
  'post.end': l('党员离岗', 'End a member’s post'),
} as const satisfies Record<string, Labelled>;

/** Entity types of the posts module's audit records. */
export const POSTS_AUDIT_ENTITIES = {
  post: l('党员岗位', 'Post for members'),
} as const satisfies Record<string, Labelled>;
