/** Meeting routes: records, sign-in, photos, rules, compliance and figures. Thin: the services hold the rules. */
import { chinaYear, periodText } from '@dangjian/contracts';
import {
  Id,
  CheckinBody,
  CheckinOpen,
  CheckinOpenBody,
  CheckinResult,
  Compliance,
  ComplianceQuery,
  IdParams,
  Meeting,
  MeetingCreate,
  MeetingList,
  MeetingListQuery,
  MeetingPatch,
  MeetingStats,
  MeetingStatsQuery,
  Ok,
  RuleOverrideBody,
  RulesInForce,
  MEETING_KIND_LABELS,
  KeyOf,
} from '@dangjian/contracts';
import { Type } from '@sinclair/typebox';
import { actorOf, localeOf, sendXlsx, type RouteModule } from '../../../platform/http.js';
import { crudRoutes, photoRoutes } from '../../../platform/crud.js';
import { ok, routesOf, sendWorkbook } from '../../../platform/router.js';
import * as meetings from './meetings.service.js';
import * as figures from './meetings.figures.js';
import type { MeetingKind } from './meetings.rules.js';

/** The origin the caller reached us at (behind a proxy, with DJ_TRUST_PROXY, the forwarded one). */
function originOf(req: { protocol: string; host: string }): string {
  return `${req.protocol}://${req.host}`;
}

const serialized = new WeakMap<object, string>();

/** JSON of a (cached, never mutated) figure, computed once per object. */
function jsonOnce(value: object): string {
  let s = serialized.get(value);
  if (s === undefined) serialized.set(value, (s = JSON.stringify(value)));
  return s;
}

/** A year the rules and the yearbook speak of. */
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });

export const meetingsRoutes: RouteModule = (app, ctx) => {
  const r = routesOf(app, { tags: ['meetings'] });
  crudRoutes(r, ctx, meetings, {
    url: '/api/meetings',
    read: 'meetings.read',
    write: 'meetings.write',
    audit: 'meeting',
    item: Meeting,
    list: { summary: '会议记录查询 Meetings of a subtree', query: MeetingListQuery, response: MeetingList },
    create: { summary: '录入会议 Record a meeting', body: MeetingCreate },
    patch: { summary: '修改会议（出席、表决、评议）Edit a meeting', body: MeetingPatch },
    remove: '删除会议（可恢复）Soft delete',
    restore: '恢复会议 Restore',
  });
  r.get('/api/meetings/mine', { can: 'self.party', summary: '我的会议 Meetings I am expected at (phone)' }, (req) =>
    meetings.mine(ctx, actorOf(req)),
  );
  r.get(
    '/api/meetings/yearbook',
    {
      can: 'meetings.read',
      summary: "组织生活纪实导出 A branch's year of organizational life (xlsx)",
      query: Type.Object({ org: Id(), year: Year }),
    },
    async (req, reply) => {
      const { buffer, orgName } = await figures.yearbook(ctx, actorOf(req), req.query.org, req.query.year);
      return sendXlsx(reply, buffer, `${orgName}-${req.query.year}年组织生活纪实.xlsx`);
    },
  );
  r.post(
    '/api/meetings/checkin',
    {
      can: 'meetings.checkin',
      audit: 'meeting.checkin',
      summary: '党员扫码/输码签到 Member signs in with the code',
      body: CheckinBody,
      response: CheckinResult,
    },
    (req) => meetings.checkin(ctx, actorOf(req), req.body.code),
  );
  r.get(
    '/api/meetings/:id',
    { can: 'meetings.read', summary: '会议详情 Meeting in full', params: IdParams, response: Meeting },
    (req) => meetings.get(ctx, actorOf(req), req.params.id, originOf(req)),
  );
  const write = { can: 'meetings.write', params: IdParams } as const;
  r.post(
    '/api/meetings/:id/checkin/open',
    {
      ...write,
      audit: 'meeting.checkin_open',
      summary: '开启签到（二维码与6位签到码）Open sign-in',
      body: Type.Optional(CheckinOpenBody),
      response: CheckinOpen,
    },
    (req) => meetings.openCheckin(ctx, actorOf(req), req.params.id, req.body ?? {}, originOf(req)),
  );
  r.post(
    '/api/meetings/:id/checkin/close',
    { ...write, audit: 'meeting.checkin_close', summary: '结束签到 Close sign-in', response: Ok },
    (req) => ok(meetings.closeCheckin(ctx, actorOf(req), req.params.id)),
  );
  photoRoutes(r, ctx, meetings, {
    url: '/api/meetings',
    read: 'meetings.read',
    write: 'meetings.write',
    audit: 'meeting',
    upload: '上传会议照片（JPEG/PNG，去除EXIF）Upload a photo',
    get: '会议照片 Photo',
    remove: '删除照片 Remove a photo',
  });

  r.get(
    '/api/meeting-rules',
    {
      can: 'self.party',
      summary: '现行组织生活制度 Rules in force',
      query: Type.Object({ year: Type.Optional(Year) }),
      response: RulesInForce,
    },
    (req) => figures.rulesInForce(ctx, actorOf(req), req.query.year ?? chinaYear(ctx.clock())),
  );
  r.put(
    '/api/meeting-rules/:year/:kind',
    {
      can: 'meetings.rules',
      audit: 'meeting_rule.set',
      summary: '县级调整某年某类会议要求 County override for a year',
      params: Type.Object({ year: Year, kind: KeyOf(MEETING_KIND_LABELS) }),
      body: RuleOverrideBody,
      response: RulesInForce,
    },
    (req) =>
      figures.setRule(ctx, actorOf(req), req.params.year, req.params.kind as MeetingKind, req.body.rule as never),
  );

  const can = 'meetings.read';
  r.get(
    '/api/compliance/meetings',
    {
      can,
      summary: '组织生活落实情况 Compliance of a subtree in a period',
      query: ComplianceQuery,
      response: Compliance,
    },
    async (req, reply) => {
      const body = await figures.compliance(ctx, actorOf(req), req.query as never);
      // The county's table is large; a cached figure is serialized once, not on every request.
      return reply
        .type('application/json; charset=utf-8')
        .serializer((b: unknown) => b as string)
        .send(jsonOnce(body) as never);
    },
  );
  r.get(
    '/api/compliance/meetings/export',
    { can, summary: '落实情况导出 Compliance as Excel', query: ComplianceQuery },
    (req, reply) =>
      sendWorkbook(
        reply,
        figures.complianceXlsx(ctx, actorOf(req), req.query as never, localeOf(req)),
        `组织生活落实情况-${periodText(req.query.period)}.xlsx`,
      ),
  );
  r.get(
    '/api/stats/meetings',
    { can, summary: '组织生活统计 Meetings, attendance, lectures', query: MeetingStatsQuery, response: MeetingStats },
    (req) => figures.stats(ctx, actorOf(req), req.query),
  );
};
