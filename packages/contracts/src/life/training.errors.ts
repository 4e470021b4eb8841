/** The error codes of the training module (area life), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the training module. */
export const TRAINING_ERRORS = {
  'training.wrong_state': {
    zh: '培训班当前状态下不能进行此操作',
    en: 'Not possible in the present state of the class',
  },
  'training.plan_locked': {
    zh: '课程计划已提交或已审核，不能再修改',
    en: 'The course plan is submitted or approved: it cannot change',
  },
  'training.plan_empty': { zh: '请先编排至少一节课程', en: 'Plan at least one session first' },
  'training.date_range': {
    zh: '日期须在培训班开班和结业日期之间，结业日期不能早于开班日期',
    en: 'Dates lie within the class, and the end is not before the start',
  },
  'training.not_open': {
    zh: '课程计划审核通过后才能记录出勤',
    en: 'Attendance is recorded once the plan is approved',
  },
  'training.session_future': {
    zh: '该节课程尚未举行，不能记录出勤',
    en: 'This session is not held yet',
  },
  'training.not_attendee': {
    zh: '所选党员不是本班学员，请先加入学员名单',
    en: 'Not an attendee of this class: add the member first',
  },
  'training.closed': { zh: '培训班已结业，不能再修改', en: 'The class is finished: it cannot change' },
} as const satisfies Record<string, Labelled>;
