/** The error codes of the posts module (area people), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the posts module. */
export const POSTS_ERRORS = {
  'posts.not_own_member': {
    zh: '只能安排本党组织的党员上岗',
    en: 'Only a member of the post’s own organization may hold it',
  },
  'posts.already_held': { zh: '该党员已在此岗位上', en: 'This member already holds this post' },
  'posts.full': { zh: '该岗位人数已满', en: 'This post is full' },
  'posts.ended': { zh: '该党员已离岗', en: 'This member has already left the post' },
  'posts.date_range': {
    zh: '日期不能晚于今天，离岗日期不能早于上岗日期',
    en: 'The day is not after today, nor the end before the start',
  },
  'posts.has_holders': {
    zh: '岗位上还有党员，请先安排离岗再删除',
    en: 'Members still hold this post: end their holding first',
  },
} as const satisfies Record<string, Labelled>;
