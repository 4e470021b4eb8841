/** What the selections module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** Audit actions of the selections module. */
export const SELECTIONS_AUDIT_ACTIONS = {
  'selection.create': l('发布评选', 'Announce a selection'),
  'selection.open_vote': l('结束推荐、开始投票', 'Open the vote'),
  'selection.publicize': l('确定当选人并公示', 'Name the winners and publicize'),
  'selection.publish': l('公布评选结果', 'Publish the winners'),
  'selection.delete': l('删除评选（可恢复）', 'Delete a selection'),
  'selection.restore': l('恢复评选', 'Restore a selection'),
  'selection.nominate': l('推荐评选人选', 'Nominate'),
  'selection.review': l('审核推荐人选', 'Review a nomination'),
  'selection.vote': l('评选投票', 'Cast a ballot'),
  'selection.count': l('查看计票结果', 'Read the count'),
} as const satisfies Record<string, Labelled>;

/** Entity types of the selections module's audit records. */
export const SELECTIONS_AUDIT_ENTITIES = {
  selection: l('评选表彰', 'Selection'),
  selection_nomination: l('评选推荐人选', 'Nomination'),
} as const satisfies Record<string, Labelled>;
