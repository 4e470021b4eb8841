/** Rules routes: every rule set of the platform, read and changed the same way (`platform/rules.ts`). */
import { RuleSetList, RuleSetView, RulesPatch, RulesYearQuery, RuleYear } from '@dangjian/contracts';
import { Type } from '@sinclair/typebox';
import { actorOf, type RouteModule } from '../../../platform/http.js';
import { routesOf } from '../../../platform/router.js';
import { changeRules, chinaYear, listRuleSets, ruleSets, viewRuleSet } from '../../../platform/rules.js';

const ResetQuery = Type.Object({
  year: Type.Optional(RuleYear),
  reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
});

/** A union of string literals (the registered names: OpenAPI lists them, and a stray path is a 400). */
const oneOf = (names: string[]) => Type.Union(names.map((n) => Type.Literal(n)));

export const rulesRoutes: RouteModule = (app, ctx) => {
  const tags = ['rules'];
  // Every module's rule set is registered when its routes were imported, before the app is built.
  const sets = ruleSets();
  const RuleSetParams = Type.Object({ set: oneOf(sets.map((d) => d.name)) });
  const RuleKeyParams = Type.Object({
    set: oneOf(sets.map((d) => d.name)),
    key: oneOf([...new Set(sets.flatMap((d) => Object.keys(d.keys)))]),
  });
  const yearOr = (year: number | undefined) => year ?? chinaYear(ctx.clock());
  // Reading: every signed-in role, each rule set filtered by who may read it; changing: the set's own capability,
  // checked again per set by the service (a county may hold one and not the other).
  const CHANGE = ['meetings.rules', 'residents.rules'] as const;
  const r = routesOf(app, { tags });
  // Whoever reads one of the rule sets (not the auditor nor the security admin: business data); each set's own
  // reader is checked again by the service.
  const read = ['self.party', 'residents.read'] as const;
  r.get(
    '/api/rules',
    { can: read, summary: '规则一览 Every rule set the caller may read', response: RuleSetList },
    (req) => listRuleSets(actorOf(req)),
  );
  r.get(
    '/api/rules/:set',
    {
      can: read,
      summary: '某年现行规则 The rules in force for a year, with defaults, overrides and schema',
      params: RuleSetParams,
      query: RulesYearQuery,
      response: RuleSetView,
    },
    (req) => viewRuleSet(ctx, actorOf(req), req.params.set, yearOr(req.query.year)),
  );
  const change = { can: CHANGE, audit: 'rules.set', response: RuleSetView } as const;
  r.patch(
    '/api/rules/:set',
    {
      ...change,
      summary: '县级调整规则（自某年起） County values from a year on, with the reason',
      params: RuleSetParams,
      body: RulesPatch,
    },
    async (req) => {
      const actor = actorOf(req);
      const { year, values, reason } = req.body;
      await changeRules(ctx, actor, req.params.set, year, { values }, reason);
      return viewRuleSet(ctx, actor, req.params.set, year);
    },
  );
  r.delete(
    '/api/rules/:set/:key',
    {
      ...change,
      summary: '恢复默认值（自某年起） A rule back to its default from a year on',
      params: RuleKeyParams,
      query: ResetQuery,
    },
    async (req) => {
      const actor = actorOf(req);
      const year = yearOr(req.query.year);
      await changeRules(ctx, actor, req.params.set, year, { reset: [req.params.key] }, req.query.reason ?? null);
      return viewRuleSet(ctx, actor, req.params.set, year);
    },
  );
};
