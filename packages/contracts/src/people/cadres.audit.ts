/** What the cadres module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** Audit actions of the cadres module. */
export const CADRES_AUDIT_ACTIONS = {
  'cadres.create': l('新增村“两委”成员', 'Add a committee person'),
  'cadres.update': l('修改村“两委”成员', 'Change a committee person'),
  'cadres.delete': l('删除村“两委”成员（可恢复）', 'Delete a committee person'),
  'cadres.restore': l('恢复村“两委”成员', 'Restore a committee person'),
  'cadres.export': l('导出村“两委”成员', 'Export the committee people'),
  'cadre_post.create': l('新增任职', 'Add a post'),
  'cadre_post.update': l('修改任职（离任）', 'Change or end a post'),
  'cadre_post.delete': l('删除任职（可恢复）', 'Delete a post'),
  'cadre_post.restore': l('恢复任职', 'Restore a post'),
  'cadres.elections_export': l('导出换届分析', 'Export the election analytics'),
  'cadre_filing.create': l('书记报县备案', 'File a secretary'),
  'cadre_filing.file': l('书记报县备案', 'File a secretary'),
  'cadre_filing.acknowledge': l('确认书记备案', 'Acknowledge a filing'),
  'cadre_filing.return': l('退回书记备案', 'Return a filing'),
  'cadre_filing.refile': l('重新报备', 'File again'),
  'cadre_filing.delete': l('删除书记备案（可恢复）', 'Delete a filing'),
  'cadre_filing.restore': l('恢复书记备案', 'Restore a filing'),
  'cadre_review.create': l('提请人选联审', 'Open a joint review'),
  'cadre_review.open': l('提请人选联审', 'Open a joint review'),
  'cadre_review.clear': l('联审单位无异议', 'A unit clears'),
  'cadre_review.stop': l('联审单位否决', 'A unit stops'),
  'cadre_review.delete': l('删除人选联审（可恢复）', 'Delete a review'),
  'cadre_review.restore': l('恢复人选联审', 'Restore a review'),
} as const satisfies Record<string, Labelled>;

/** Entity types of the cadres module's audit records. */
export const CADRES_AUDIT_ENTITIES = {
  cadre: l('村“两委”成员', 'Committee person'),
  cadre_post: l('任职', 'Post'),
  cadre_filing: l('书记备案', "Secretary's filing"),
  cadre_review: l('人选联审', 'Joint review'),
} as const satisfies Record<string, Labelled>;
