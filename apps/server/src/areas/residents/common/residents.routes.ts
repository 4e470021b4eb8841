/** Service-work routes: the rules in force and the figures of serving residents. Thin: the services hold the rules. */
import { RESIDENTS_RULE_DEFAULTS, ResidentsStats, ResidentsStatsQuery } from '@dangjian/contracts';
import { Type } from '@sinclair/typebox';
import { actorOf, localeOf, sendXlsx, type RouteModule } from '../../../platform/http.js';
import { defineRoute } from '../../../platform/routes.js';
import * as rules from './residents.rules.js';
import * as figures from './residents.figures.js';

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
  const tags = ['residents'];
  defineRoute(app, {
    method: 'GET',
    url: '/api/service-rules',
    capability: 'residents.read',
    schema: { tags, summary: '为民服务规则 Service rules in force', response: { 200: RulesInForce } },
    handler: async (req) => rules.rulesInForce(ctx, actorOf(req)),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/api/service-rules',
    capability: 'residents.rules',
    audit: 'residents_rule.set',
    schema: {
      tags,
      summary: '县级调整为民服务规则 County values of the rules',
      body: RulesPatch,
      response: { 200: RulesInForce },
    },
    handler: async (req) => rules.setRules(ctx, actorOf(req), req.body as never),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/api/service-rules/:rule',
    capability: 'residents.rules',
    audit: 'residents_rule.set',
    schema: {
      tags,
      summary: '恢复国家默认值 Drop the county value of a rule',
      params: RuleKeyParams,
      response: { 200: RulesInForce },
    },
    handler: async (req) => rules.setRules(ctx, actorOf(req), { [req.params.rule]: null } as never),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/stats/service',
    capability: 'residents.read',
    schema: {
      tags,
      summary: '为民服务统计 Figures of serving residents for a subtree and period',
      querystring: ResidentsStatsQuery,
      response: { 200: ResidentsStats },
    },
    handler: async (req) => figures.residentsStats(ctx, actorOf(req), req.query),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/stats/service/export',
    capability: 'residents.read',
    schema: { tags, summary: '为民服务统计导出 Figures as Excel', querystring: ResidentsStatsQuery },
    handler: async (req, reply) => {
      const { buffer, filename } = await figures.residentsStatsXlsx(ctx, actorOf(req), req.query, localeOf(req));
      return sendXlsx(reply, buffer, filename);
    },
  });
};
