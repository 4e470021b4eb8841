/** What the pledges module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** Audit actions of the pledges module. */
export const PLEDGES_AUDIT_ACTIONS = {
  'pledge.create': l('起草承诺', 'Draft a pledge'),
  'pledge.update': l('修改承诺', 'Change a pledge'),
  'pledge.submit': l('定诺（提交承诺）', 'Submit a pledge'),
  'pledge.approve': l('审诺通过', 'Approve a pledge'),
  'pledge.return': l('退回承诺', 'Return a pledge'),
  'pledge.publish': l('晒诺（公开承诺）', 'Publish a pledge'),
  'pledge.report': l('提交践诺情况', 'Report the fulfilment'),
  'pledge.accept': l('验收践诺', 'Accept the fulfilment'),
  'pledge.reject': l('退回践诺情况', 'Send the fulfilment back'),
  'pledge.close': l('结束评诺', 'Close the evaluation'),
  'pledge.progress': l('记录践诺进展', 'Record progress'),
  'pledge.evaluate': l('评诺', 'Evaluate a pledge'),
  'pledge.photo_add': l('上传践诺照片', 'Upload a photo'),
  'pledge.delete': l('删除承诺（可恢复）', 'Delete a pledge'),
  'pledge.restore': l('恢复承诺', 'Restore a pledge'),
  'pledge.export': l('导出承诺', 'Export pledges'),
} as const satisfies Record<string, Labelled>;

/** Entity types of the pledges module's audit records. */
export const PLEDGES_AUDIT_ENTITIES = {
  pledge: l('承诺', 'Pledge'),
} as const satisfies Record<string, Labelled>;
