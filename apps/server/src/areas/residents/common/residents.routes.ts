/** Service-work routes: the rules in force and the figures of serving residents. Thin: the services hold the rules. */
import {
  RESIDENTS_RULE_DEFAULTS,
  ResidentsStats,
  ResidentsStatsQuery,
  VillageList,
  VillageQuery,
} from '@dangjian/contracts';
import { Type } from '@sinclair/typebox';
import { actorOf, localeOf, sendXlsx, type RouteModule } from '../../../platform/http.js';
import { routesOf } from '../../../platform/router.js';
import * as rules from './residents.rules.js';
import * as figures from './residents.figures.js';
import * as places from './villages.js';

const RuleValues = Type.Object(
  Object.fromEntries(Object.keys(RESIDENTS_RULE_DEFAULTS).map((k) => [k, Type.Integer()])),
);
const RulesInForce = Type.Object({ rules: RuleValues, defaults: RuleValues, overridden: Type.Array(Type.String()) });
// Integers only: with type coercion on, a `null | integer` union would read 0 as null. Reset is its own route.
const RulesPatch = Type.Partial(
  Type.Object(
    Object.fromEntries(
      Object.keys(RESIDENTS_RULE_DEFAULTS).map((k) => [k, Type.Integer({ minimum: 0, maximum: 1000 })]),
    ),
  ),
  { additionalProperties: false },
);
const RuleKeyParams = Type.Object({
  rule: Type.Union(Object.keys(RESIDENTS_RULE_DEFAULTS).map((k) => Type.Literal(k))),
});

export const residentsRoutes: RouteModule = (app, ctx) => {
  const r = routesOf(app, { tags: ['residents'] });
  r.get(
    '/api/service-rules',
    { can: 'residents.read', summary: '为民服务规则 Service rules in force', response: RulesInForce },
    (req) => rules.rulesInForce(ctx, actorOf(req)),
  );
  const set = { can: 'residents.rules', audit: 'residents_rule.set', response: RulesInForce } as const;
  r.patch(
    '/api/service-rules',
    { ...set, summary: '县级调整为民服务规则 County values of the rules', body: RulesPatch },
    (req) => rules.setRules(ctx, actorOf(req), req.body as never),
  );
  r.delete(
    '/api/service-rules/:rule',
    { ...set, summary: '恢复国家默认值 Drop the county value of a rule', params: RuleKeyParams },
    (req) => rules.setRules(ctx, actorOf(req), { [req.params.rule]: null } as never),
  );
  r.get(
    '/api/villages',
    {
      can: 'residents.read',
      summary: '村（社区）列表 Villages and communities of the scope, by township',
      query: VillageQuery,
      response: VillageList,
    },
    (req) => places.villages(ctx, actorOf(req), req.query.org),
  );
  r.get(
    '/api/stats/service',
    {
      can: 'residents.read',
      summary: '为民服务统计 Figures of serving residents for a subtree and period',
      query: ResidentsStatsQuery,
      response: ResidentsStats,
    },
    (req) => figures.residentsStats(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/stats/service/export',
    { can: 'residents.read', summary: '为民服务统计导出 Figures as Excel', query: ResidentsStatsQuery },
    async (req, reply) => {
      const { buffer, filename } = await figures.residentsStatsXlsx(ctx, actorOf(req), req.query, localeOf(req));
      return sendXlsx(reply, buffer, filename);
    },
  );
};
