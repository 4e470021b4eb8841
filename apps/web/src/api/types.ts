/** Types of the API answers, derived from the shared TypeBox schemas. */
export type {
  MeT as Me,
  OrgNodeT as OrgNode,
  OrgT as Org,
  MemberT as Member,
  UserT as User,
  AuditRecordT as AuditRecord,
  StatsOverviewT as StatsOverview,
  ImportReportT as ImportReport,
  ImportQueueT as ImportQueue,
  MemberCreateT as MemberCreate,
  OrgCreateT as OrgCreate,
} from '@dangjian/contracts';

/** A page of a list answer. */
export interface ListPage<T> {
  items: T[];
  total: number;
}

/** The answer of the audit chain check. */
export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  firstBroken: { id: number; reason: string } | null;
}
