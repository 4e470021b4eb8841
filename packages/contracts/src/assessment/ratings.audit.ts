/** What the ratings module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** Audit actions of the ratings module. */
export const RATINGS_AUDIT_ACTIONS = {
  'rating_scheme.create': l('新建考评方案', 'Create a rating scheme'),
  'rating_scheme.copy': l('由模板新建考评方案', 'Copy a template into a scheme'),
  'rating_scheme.update': l('修改考评方案', 'Change a rating scheme'),
  'rating_scheme.publish': l('发布考评方案', 'Publish a rating scheme'),
  'rating_scheme.version': l('另建考评方案新版本', 'Make a new version of a scheme'),
  'rating_scheme.delete': l('删除考评方案（可恢复）', 'Delete a rating scheme'),
  'rating_scheme.restore': l('恢复考评方案', 'Restore a rating scheme'),
  'rating_target.set': l('设定星级评定多年目标', 'Set the multi-year target'),
  'rating.create': l('启动星级评定（考核）', 'Start a rating'),
  'rating.compute': l('批量计算星级', 'Compute the stars of a subtree'),
  'rating.save_self': l('保存自评', 'Save the self-scores'),
  'rating.self_score': l('提交自评', 'Submit the self-score'),
  'rating.score': l('考评打分', 'Score a rating'),
  'rating.publish': l('公示评定结果', 'Publish a result'),
  'rating.object': l('对评定结果提出异议', 'Lodge an objection'),
  'rating.answer': l('答复异议', 'Answer an objection'),
  'rating.finalize': l('确定评定结果', 'Make a result final'),
  'rating.delete': l('删除评定结果（可恢复）', 'Delete a result'),
  'rating.restore': l('恢复评定结果', 'Restore a result'),
  'rating.export': l('导出星级评定结果', 'Export the results'),
} as const satisfies Record<string, Labelled>;

/** Entity types of the ratings module's audit records. */
export const RATINGS_AUDIT_ENTITIES = {
  rating_scheme: l('考评方案', 'Rating scheme'),
  rating: l('星级评定（考核）结果', 'Rating'),
  rating_target: l('星级评定目标', 'Rating target'),
} as const satisfies Record<string, Labelled>;
