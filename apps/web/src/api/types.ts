/** Types of the API answers, derived from the shared TypeBox schemas (no hand-written copies). */
import type { Static, TSchema } from '@sinclair/typebox';
import type { AuditVerify, ListOf, RoleGrantDecision as RoleGrantDecisionSchema } from '@dangjian/contracts';

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
  OrgTreeLevelT as OrgTreeLevel,
  MemberRevealedT as MemberRevealed,
  PasswordResetT as PasswordReset,
  UserWithOneTimePasswordT as UserWithOneTimePassword,
  RoleGrantT as RoleGrant,
} from '@dangjian/contracts';

/** A page of a list answer (`ListOf(schema)` in the contracts) with rows of type T. */
export type ListAnswer<T> = Omit<Static<ReturnType<typeof ListOf<TSchema>>>, 'items'> & { items: T[] };

/** The former name of ListAnswer, kept for pages not yet moved onto the list component. */
export type ListPage<T> = ListAnswer<T>;

/** The answer of a grant's approval (with the one-time password of a new account) or rejection. */
export type RoleGrantDecision = Static<typeof RoleGrantDecisionSchema>;

/** The answer of the audit chain check. */
export type AuditVerifyResult = Static<typeof AuditVerify>;
