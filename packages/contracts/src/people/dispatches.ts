/**
 * The dispatches module's contracts (area people): dispatched cadres (派驻) — first secretaries, village work teams
 * (a leader and members), party-building instructors and science envoys: who is sent, from which unit, to which
 * organizations, for how long, their status and rotation, and the days present in the village recorded per month
 * by the township (a number entered with a note: no check-in, no location). Money is not kept here: the first
 * secretaries' work funds are records of the funds module.
 */
import { type Static, Type } from '@sinclair/typebox';
import type { Labelled } from '../core/enums.js';
import { labelled } from '../core/fieldLabels.js';
import { Body, Id, KeyOf, ListOf, MAX_ID, Nullable, Paging, Stamps, VERBATIM } from '../core/schemas.js';

export const DISPATCHES_MODULE = 'dispatches' as const;

const l = (zh: string, en: string): Labelled => ({ zh, en });
/** A calendar date named in words. */
const Day = (zh: string, en: string) =>
  Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date', examples: ['2026-06-15'], ...labelled(zh, en) });
/** An enum named in words. */
function Named<T extends Record<string, Labelled>>(map: T, zh: string, en: string) {
  return Type.Union(
    Object.keys(map).map((k) => Type.Literal(k)),
    labelled(zh, en),
  ) as unknown as ReturnType<typeof KeyOf<T>>;
}

/** The kinds of dispatched cadre (data: the lists, filters and figures read them from here). */
export const DISPATCH_KINDS = {
  first_secretary: l('第一书记', 'First secretary'),
  work_team: l('驻村工作队', 'Village work team'),
  instructor: l('党建指导员', 'Party-building instructor'),
  science_envoy: l('科技特派员', 'Science envoy'),
} as const satisfies Record<string, Labelled>;
export type DispatchKind = keyof typeof DISPATCH_KINDS;

/** A work team member's place in the team. */
export const DISPATCH_TEAM_ROLES = {
  leader: l('队长', 'Team leader'),
  member: l('队员', 'Team member'),
} as const satisfies Record<string, Labelled>;
export type DispatchTeamRole = keyof typeof DISPATCH_TEAM_ROLES;

/** The level of the sending unit. */
export const DISPATCH_UNIT_LEVELS = {
  province: l('省直', 'Province'),
  city: l('市直', 'City'),
  county: l('县直', 'County'),
} as const satisfies Record<string, Labelled>;
export type DispatchUnitLevel = keyof typeof DISPATCH_UNIT_LEVELS;

/** Where a dispatch stands. */
export const DISPATCH_STATUSES = {
  on_duty: l('在岗', 'On duty'),
  rotated: l('已轮换', 'Rotated'),
  expired: l('期满', 'Term ended'),
  recalled: l('召回', 'Recalled'),
} as const satisfies Record<string, Labelled>;
export type DispatchStatus = keyof typeof DISPATCH_STATUSES;

/** Organizations one dispatch may serve (a team or an envoy may serve several villages). */
export const DISPATCH_ORGS_MAX = 10;

/** The link to a village's first-secretary work funds (kept by the funds module: money is entered once). */
export function firstSecretaryFundsPath(orgId: number): string {
  return `/economy/funds?org=${orgId}&kind=first_secretary_work`;
}

/** Days present in a month, recorded by the township. */
export const DispatchPresence = Type.Object({
  month: Type.String({ description: 'YYYY-MM' }),
  days: Type.Integer(),
  note: Nullable(Type.String()),
  recordedAt: Type.String(),
});
export type DispatchPresenceT = Static<typeof DispatchPresence>;

/** A dispatch in a list. */
export const DispatchItem = Type.Object({
  id: Type.Integer(),
  kind: KeyOf(DISPATCH_KINDS),
  teamRole: Nullable(KeyOf(DISPATCH_TEAM_ROLES)),
  teamId: Nullable(Type.Integer({ description: "the team leader's dispatch of a work team member" })),
  teamName: Nullable(Type.String()),
  personName: Type.String(),
  post: Nullable(Type.String()),
  phone: Nullable(Type.String({ description: 'masked' })),
  sendingUnit: Type.String(),
  unitLevel: KeyOf(DISPATCH_UNIT_LEVELS),
  orgId: Type.Integer({ description: 'the first organization served: the dispatch lies on its path' }),
  orgName: Type.String(),
  townshipName: Nullable(Type.String()),
  orgs: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
  startedOn: Type.String(),
  endsOn: Nullable(Type.String()),
  endedOn: Nullable(Type.String()),
  status: KeyOf(DISPATCH_STATUSES),
  replacesId: Nullable(Type.Integer()),
  replacedById: Nullable(Type.Integer()),
  daysThisYear: Type.Integer({ description: 'days present recorded this year' }),
  note: Nullable(Type.String()),
  ...Stamps,
});
export type DispatchItemT = Static<typeof DispatchItem>;
export const DispatchList = ListOf(DispatchItem);

/** A dispatch with its presence, its team and its rotation history. */
export const DispatchDetail = Type.Composite([
  DispatchItem,
  Type.Object({
    presence: Type.Array(DispatchPresence),
    members: Type.Array(
      Type.Object({ id: Type.Integer(), personName: Type.String(), status: KeyOf(DISPATCH_STATUSES) }),
    ),
    history: Type.Array(
      Type.Object({
        id: Type.Integer(),
        personName: Type.String(),
        startedOn: Type.String(),
        endedOn: Nullable(Type.String()),
        status: KeyOf(DISPATCH_STATUSES),
      }),
      { description: 'the rotation chain, earliest first' },
    ),
    fundsPath: Nullable(Type.String({ description: "the village's first-secretary work funds (funds module)" })),
  }),
]);
export type DispatchDetailT = Static<typeof DispatchDetail>;

export const DispatchListQuery = Type.Object({
  org: Type.Optional(Id()),
  q: Type.Optional(Type.String({ maxLength: 40, ...labelled('姓名或派出单位', 'Name or unit') })),
  kind: Type.Optional(Named(DISPATCH_KINDS, '派驻类型', 'Kind')),
  status: Type.Optional(Named(DISPATCH_STATUSES, '在岗状态', 'Status')),
  unitLevel: Type.Optional(Named(DISPATCH_UNIT_LEVELS, '派出单位层级', 'Unit level')),
  teamId: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ID, ...labelled('工作队', 'Work team') })),
  teamRole: Type.Optional(Named(DISPATCH_TEAM_ROLES, '队内职务', 'Place in the team')),
  deleted: Type.Optional(Type.Boolean()),
  ...Paging,
});
export type DispatchListQueryT = Static<typeof DispatchListQuery>;

const Fields = {
  teamRole: Type.Optional(Nullable(Named(DISPATCH_TEAM_ROLES, '队内职务', 'Place in the team'))),
  teamId: Type.Optional(
    Nullable(Type.Integer({ minimum: 1, maximum: MAX_ID, ...labelled('所属工作队（队长）', 'Team (its leader)') })),
  ),
  post: Type.Optional(Nullable(Type.String({ maxLength: 60, ...labelled('原单位职务', 'Post at the unit') }))),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 20, ...VERBATIM, ...labelled('手机号', 'Phone') }))),
  endsOn: Type.Optional(Nullable(Day('派驻期满日期', 'Ends on'))),
  note: Type.Optional(Nullable(Type.String({ maxLength: 500, ...labelled('备注', 'Note') }))),
};

/**
 * A new dispatch. `orgIds`: the organizations served (the first is where it lies); a work team member names its
 * team (`teamId`, the leader's dispatch); `replacesId` names the dispatch this one takes over (rotation: the old one
 * ends the day before with status 轮换).
 */
export const DispatchCreate = Body({
  kind: Named(DISPATCH_KINDS, '派驻类型', 'Kind'),
  personName: Type.String({ minLength: 1, maxLength: 40, ...labelled('姓名', 'Name') }),
  sendingUnit: Type.String({ minLength: 1, maxLength: 80, ...labelled('派出单位', 'Sending unit') }),
  unitLevel: Named(DISPATCH_UNIT_LEVELS, '派出单位层级', 'Unit level'),
  orgIds: Type.Array(Type.Integer({ minimum: 1, maximum: MAX_ID }), {
    minItems: 1,
    maxItems: DISPATCH_ORGS_MAX,
    ...labelled('派驻村（社区）', 'Organizations served'),
  }),
  startedOn: Day('派驻日期', 'Started on'),
  replacesId: Type.Optional(
    Nullable(Type.Integer({ minimum: 1, maximum: MAX_ID, ...labelled('接替的派驻', 'Replaces') })),
  ),
  ...Fields,
});
export type DispatchCreateT = Static<typeof DispatchCreate>;

/** A change of a dispatch: its person, unit, organizations, dates and status (ending it or recalling). */
export const DispatchUpdate = Body({
  personName: Type.Optional(Type.String({ minLength: 1, maxLength: 40, ...labelled('姓名', 'Name') })),
  sendingUnit: Type.Optional(Type.String({ minLength: 1, maxLength: 80, ...labelled('派出单位', 'Sending unit') })),
  unitLevel: Type.Optional(Named(DISPATCH_UNIT_LEVELS, '派出单位层级', 'Unit level')),
  orgIds: Type.Optional(
    Type.Array(Type.Integer({ minimum: 1, maximum: MAX_ID }), {
      minItems: 1,
      maxItems: DISPATCH_ORGS_MAX,
      ...labelled('派驻村（社区）', 'Organizations served'),
    }),
  ),
  startedOn: Type.Optional(Day('派驻日期', 'Started on')),
  status: Type.Optional(Named(DISPATCH_STATUSES, '在岗状态', 'Status')),
  endedOn: Type.Optional(Nullable(Day('离岗日期', 'Ended on'))),
  ...Fields,
});
export type DispatchUpdateT = Static<typeof DispatchUpdate>;

/** Days present in one month (entered by the township: a number and a note). */
export const DispatchPresenceBody = Body({
  month: Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', examples: ['2026-06'], ...labelled('月份', 'Month') }),
  days: Type.Integer({ minimum: 0, maximum: 31, ...labelled('在村天数', 'Days present') }),
  note: Type.Optional(Nullable(Type.String({ maxLength: 200, ...labelled('说明', 'Note') }))),
});
export type DispatchPresenceBodyT = Static<typeof DispatchPresenceBody>;

/** The figure's parameters: a subtree (the caller's own by default) and a year. */
export const DispatchSummaryQuery = Type.Object({
  org: Type.Optional(Id()),
  year: Type.Integer({ minimum: 2000, maximum: 2100, ...labelled('年度', 'Year') }),
});
export type DispatchSummaryQueryT = Static<typeof DispatchSummaryQuery>;

const Counts = {
  people: Type.Integer({ description: 'persons on a dispatch during the year' }),
  teams: Type.Integer({ description: 'work teams (their leaders)' }),
  villages: Type.Integer({ description: 'organizations covered' }),
  avgDays: Type.Number({ description: 'average days present per recorded month' }),
};
/** 派驻干部情况: by kind, in total and for each organization right below the root. */
export const DispatchSummary = Type.Object({
  orgId: Type.Integer(),
  orgName: Type.String(),
  year: Type.Integer(),
  byKind: Type.Array(Type.Object({ kind: KeyOf(DISPATCH_KINDS), ...Counts })),
  rows: Type.Array(
    Type.Object({
      orgId: Type.Integer(),
      orgName: Type.String(),
      byKind: Type.Record(Type.String(), Type.Integer(), { description: 'people by kind' }),
      teams: Type.Integer(),
      villages: Type.Integer(),
      avgDays: Type.Number(),
    }),
  ),
});
export type DispatchSummaryT = Static<typeof DispatchSummary>;
