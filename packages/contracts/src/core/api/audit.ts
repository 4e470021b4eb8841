/** Schemas of the audit trail and the home figures. */
import { Type, type Static } from '@sinclair/typebox';
import { ELECTION_STATUSES } from '../enums.js';
import { AUDIT_ACTOR_KINDS, AUDIT_CHAIN_BREAKS } from '../auditLabels.js';
import { KeyOf, DateString, Nullable, Id, Paging } from '../schemas.js';

export const AuditRecord = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actorId: Nullable(Type.Integer()),
  actorName: Nullable(Type.String()),
  /** Who acted: an account, the system (a job, the demo load, the command line), a resident, or a name typed at
   * a sign-in that failed. */
  actorKind: KeyOf(AUDIT_ACTOR_KINDS),
  /** The account's display name (a person's name, 审计员…), when the actor is an account that still exists. */
  actorDisplayName: Nullable(Type.String()),
  role: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  action: Type.String(),
  entityType: Nullable(Type.String()),
  entityId: Nullable(Type.String()),
  /** The record's own name (a member's name, an organization, a meeting's topic, a wish's title), when it exists. */
  entityName: Nullable(Type.String()),
  changes: Nullable(Type.Record(Type.String(), Type.Object({ before: Type.Unknown(), after: Type.Unknown() }))),
  success: Type.Boolean(),
  detail: Nullable(Type.String()),
  /** In one record's answer: the names of the records its changes point at, by `<field>:<id>` (`orgId:17` → 东村党支部). */
  valueNames: Type.Optional(Type.Record(Type.String(), Type.String())),
});
export type AuditRecordT = Static<typeof AuditRecord>;
/** A day or an instant (the audit trail's bounds): `YYYY-MM-DD` or an ISO-8601 timestamp, both real. */
const DayOrInstant = (description: string) =>
  Type.Union([DateString(), Type.String({ format: 'date-time', maxLength: 40 })], { description });
export const AuditQuery = Type.Object({
  from: Type.Optional(DayOrInstant('on or after')),
  to: Type.Optional(DayOrInstant('on or before (a day: the whole day)')),
  /** Words: an action (登录), a kind of record (党员), a person's name; matched through the labels, not codes. */
  q: Type.Optional(Type.String({ maxLength: 64 })),
  actor: Type.Optional(Type.String({ maxLength: 64 })),
  action: Type.Optional(Type.String({ maxLength: 64 })),
  entityType: Type.Optional(Type.String({ maxLength: 64 })),
  entityId: Type.Optional(Type.String({ maxLength: 64 })),
  success: Type.Optional(Type.Boolean()),
  ...Paging,
});
export const AuditVerify = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  firstBroken: Nullable(Type.Object({ id: Type.Integer(), kind: KeyOf(AUDIT_CHAIN_BREAKS), reason: Type.String() })),
});

// ---- stats ----
const KeyCount = Type.Array(Type.Object({ key: Type.String(), count: Type.Integer() }));
export const StatsOverview = Type.Object({
  orgs: Type.Object({ total: Type.Integer(), byType: KeyCount, byField: KeyCount }),
  members: Type.Object({
    total: Type.Integer(),
    byStatus: KeyCount,
    byGender: KeyCount,
    byAgeBand: KeyCount,
    byEducation: KeyCount,
    byCategory: KeyCount,
    byEthnicity: KeyCount,
    byJoinYear: Type.Array(Type.Object({ year: Type.Integer(), count: Type.Integer() })),
  }),
  elections: Type.Object({
    due: Type.Integer(),
    overdue: Type.Integer(),
    items: Type.Array(
      Type.Object({
        id: Type.Integer(),
        name: Type.String(),
        termEnd: Type.String(),
        electionDueAt: Type.String(),
        status: KeyOf(ELECTION_STATUSES),
      }),
    ),
  }),
});
export type StatsOverviewT = Static<typeof StatsOverview>;
export const OrgScopeQuery = Type.Object({ org: Type.Optional(Id()) });
