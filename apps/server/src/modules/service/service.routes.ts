/** Service-work routes: the rules in force and the figures of serving residents. Thin: the services hold the rules. */
import { SERVICE_RULE_DEFAULTS } from '@dangjian/contracts';
import { Type } from '@sinclair/typebox';
import { actorOf, type RouteModule } from '../../platform/http.js';
import * as rules from './service.rules.js';

const RuleValues = Type.Object(Object.fromEntries(Object.keys(SERVICE_RULE_DEFAULTS).map((k) => [k, Type.Integer()])));
const RulesInForce = Type.Object({ rules: RuleValues, defaults: RuleValues, overridden: Type.Array(Type.String()) });
const RulesPatch = Type.Partial(Type.Object(Object.fromEntries(Object.keys(SERVICE_RULE_DEFAULTS).map((k) => [k, Type.Union([Type.Null(), Type.Integer({ minimum: 0, maximum: 1000 })])]))), { additionalProperties: false });

export const serviceRoutes: RouteModule = (app, ctx) => {
  const tags = ['service'];
  app.get('/api/service-rules', { schema: { tags, summary: '为民服务规则 Service rules in force', response: { 200: RulesInForce } } }, async (req) => rules.rulesInForce(ctx, actorOf(req)));
  app.patch('/api/service-rules', { schema: { tags, summary: '县级调整为民服务规则（null 恢复默认）County values of the rules', body: RulesPatch, response: { 200: RulesInForce } }, config: { auditAction: 'service_rule.set' } }, async (req) =>
    rules.setRules(ctx, actorOf(req), req.body as never),
  );
};
