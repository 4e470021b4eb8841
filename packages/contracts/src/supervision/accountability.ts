/**
 * The accountability module's contracts (area supervision): accountability (问责) — reminders, inquiries,
 * admonitions, interviews, public criticism and punishments of an organization or a person, each linked to the
 * problem, the development mark (约谈) or the inspection it came from. Read by the county and townships only: the
 * names of persons are personal data and appear on no public or branch page.
 */
import { type Static, Type } from '@sinclair/typebox';
import type { Labelled } from '../core/enums.js';
import { labelled } from '../core/fieldLabels.js';
import { Body, Id, KeyOf, ListOf, MAX_ID, Nullable, Paging, Stamps } from '../core/schemas.js';

export const ACCOUNTABILITY_MODULE = 'accountability' as const;

const l = (zh: string, en: string): Labelled => ({ zh, en });
/** A calendar date named in words. */
const Day = (zh: string, en: string) =>
  Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date', examples: ['2026-06-15'], ...labelled(zh, en) });
/** A record id named in words. */
const Ref = (zh: string, en: string) => Type.Integer({ minimum: 1, maximum: MAX_ID, ...labelled(zh, en) });
/** An enum named in words. */
function Named<T extends Record<string, Labelled>>(map: T, zh: string, en: string) {
  return Type.Union(
    Object.keys(map).map((k) => Type.Literal(k)),
    labelled(zh, en),
  ) as unknown as ReturnType<typeof KeyOf<T>>;
}

/** Kinds of accountability, lightest first. */
export const ACCOUNTABILITY_KINDS = {
  reminder: l('提醒', 'Reminder'),
  inquiry: l('函询', 'Written inquiry'),
  admonition: l('诫勉', 'Admonition'),
  interview: l('约谈', 'Interview'),
  public_criticism: l('通报批评', 'Public criticism'),
  punishment: l('处分', 'Punishment'),
} as const satisfies Record<string, Labelled>;
export type AccountabilityKind = keyof typeof ACCOUNTABILITY_KINDS;

/** Whom a record holds to account: an organization (a unit) or a person. */
export const ACCOUNTABILITY_TARGETS = {
  org: l('单位', 'Organization'),
  person: l('个人', 'Person'),
} as const satisfies Record<string, Labelled>;
export type AccountabilityTarget = keyof typeof ACCOUNTABILITY_TARGETS;

/** What a record came from. */
export const ACCOUNTABILITY_LINKS = {
  problem: l('整改问题', 'Problem'),
  mark: l('发展党员督查标记（约谈书记）', 'Development supervision mark'),
  inspection: l('督查检查', 'Inspection'),
} as const satisfies Record<string, Labelled>;
export type AccountabilityLink = keyof typeof ACCOUNTABILITY_LINKS;

/** Files (scanned decisions, JPEG/PNG) one record may carry. */
export const ACCOUNTABILITY_FILES_MAX = 9;

/** A file of a record (a scanned decision or notice). */
export const AccountabilityFile = Type.Object({
  id: Type.Integer(),
  mime: Type.String(),
  bytes: Type.Integer(),
  url: Type.String(),
});

/** A record as the county or a township sees it. */
export const AccountabilityItem = Type.Object({
  id: Type.Integer(),
  orgId: Type.Integer({ description: 'the organization it counts under' }),
  orgName: Type.String(),
  kind: KeyOf(ACCOUNTABILITY_KINDS),
  subKind: Nullable(Type.String({ description: 'of a punishment: 警告, 严重警告 …' })),
  targetKind: KeyOf(ACCOUNTABILITY_TARGETS),
  targetOrgId: Nullable(Type.Integer()),
  targetOrgName: Nullable(Type.String()),
  memberId: Nullable(Type.Integer()),
  personName: Nullable(Type.String()),
  personPost: Nullable(Type.String()),
  problemId: Nullable(Type.Integer()),
  markId: Nullable(Type.Integer()),
  inspectionId: Nullable(Type.Integer()),
  inspectionTitle: Nullable(Type.String()),
  reason: Type.String(),
  decidedOn: Type.String(),
  decidedByOrgId: Type.Integer(),
  decidedByName: Type.String(),
  files: Type.Array(AccountabilityFile),
  ...Stamps,
});
export type AccountabilityItemT = Static<typeof AccountabilityItem>;
export const AccountabilityList = ListOf(AccountabilityItem);

export const AccountabilityListQuery = Type.Object({
  org: Type.Optional(Id()),
  q: Type.Optional(Type.String({ maxLength: 40 })),
  kind: Type.Optional(KeyOf(ACCOUNTABILITY_KINDS)),
  target: Type.Optional(Named(ACCOUNTABILITY_TARGETS, '问责对象', 'Target')),
  problemId: Type.Optional(Ref('关联整改问题', 'Problem')),
  inspectionId: Type.Optional(Ref('关联督查检查', 'Inspection')),
  from: Type.Optional(Day('开始日期', 'From')),
  to: Type.Optional(Day('截止日期', 'To')),
  deleted: Type.Optional(Type.Boolean()),
  ...Paging,
});
export type AccountabilityListQueryT = Static<typeof AccountabilityListQuery>;

const Fields = {
  subKind: Type.Optional(Nullable(Type.String({ maxLength: 40, ...labelled('处分种类', 'Kind of punishment') }))),
  targetOrgId: Type.Optional(Nullable(Ref('被问责单位', 'Organization held to account'))),
  memberId: Type.Optional(Nullable(Id())),
  personName: Type.Optional(Nullable(Type.String({ maxLength: 40, ...labelled('被问责人姓名', 'Name') }))),
  personPost: Type.Optional(Nullable(Type.String({ maxLength: 60, ...labelled('职务', 'Post') }))),
  orgId: Type.Optional(Nullable(Id())),
  problemId: Type.Optional(Nullable(Ref('关联整改问题', 'Problem'))),
  markId: Type.Optional(Nullable(Ref('关联发展党员督查标记', 'Development mark'))),
  inspectionId: Type.Optional(Nullable(Ref('关联督查检查', 'Inspection'))),
  decidedByOrgId: Type.Optional(Nullable(Ref('问责单位', 'Decided by'))),
};

/**
 * A new record. An organization as target: `targetOrgId`. A person: a member (`memberId`) or a name and post
 * (`personName`, `personPost`), counted under `orgId` (the member's organization by default). A punishment names
 * its kind (`subKind`). Decided by the caller's organization unless `decidedByOrgId` names one above the target.
 */
export const AccountabilityCreate = Body({
  kind: KeyOf(ACCOUNTABILITY_KINDS),
  targetKind: Named(ACCOUNTABILITY_TARGETS, '问责对象', 'Target'),
  reason: Type.String({ minLength: 1, maxLength: 1000, ...labelled('问责事由', 'Reason') }),
  decidedOn: Day('问责日期', 'Decided on'),
  ...Fields,
});
export type AccountabilityCreateT = Static<typeof AccountabilityCreate>;

/** A change of a record (its kind of target stays). */
export const AccountabilityUpdate = Body({
  kind: Type.Optional(KeyOf(ACCOUNTABILITY_KINDS)),
  reason: Type.Optional(Type.String({ minLength: 1, maxLength: 1000, ...labelled('问责事由', 'Reason') })),
  decidedOn: Type.Optional(Day('问责日期', 'Decided on')),
  ...Fields,
});
export type AccountabilityUpdateT = Static<typeof AccountabilityUpdate>;

/** The figure's parameters: a subtree (the caller's own by default) and a span of days. */
export const AccountabilitySummaryQuery = Type.Object({
  org: Type.Optional(Id()),
  from: Day('统计开始日期', 'From'),
  to: Day('统计截止日期', 'To'),
});
export type AccountabilitySummaryQueryT = Static<typeof AccountabilitySummaryQuery>;
const Counts = {
  records: Type.Integer(),
  units: Type.Integer({ description: 'records against organizations' }),
  persons: Type.Integer({ description: 'records against persons' }),
};
/** 问责情况: by kind (units and persons), and per organization right below the subtree's root. */
export const AccountabilitySummary = Type.Object({
  orgId: Type.Integer(),
  orgName: Type.String(),
  from: Type.String(),
  to: Type.String(),
  total: Type.Object(Counts),
  byKind: Type.Array(Type.Object({ kind: KeyOf(ACCOUNTABILITY_KINDS), ...Counts })),
  rows: Type.Array(
    Type.Object({
      orgId: Type.Integer(),
      orgName: Type.String(),
      ...Counts,
      byKind: Type.Record(Type.String(), Type.Integer(), { description: 'records by kind' }),
    }),
  ),
});
export type AccountabilitySummaryT = Static<typeof AccountabilitySummary>;
