/**
 * Routes declare who may call them. `defineRoute` registers a route with its capability; one app hook checks it
 * before any handler runs (so a route cannot forget it), and OpenAPI shows it as `x-capability` on every operation.
 */
import type {
  ContextConfigDefault,
  FastifyContextConfig,
  FastifySchema,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
  RouteOptions,
} from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { type Capability, ROLE_CAPABILITIES } from '@dangjian/contracts';
import type { Actor } from './actor.js';
import { DomainError } from './errors.js';
import type { App } from './http.js';

/**
 * Who may call a route: a capability, a list meaning any one of them, `'public'` (no session at all) or
 * `'signed_in'` (any signed-in role: one's own account, notifications, one's own pages).
 */
export type RouteCapability = Capability | readonly Capability[] | 'public' | 'signed_in';

/** The HTTP methods the API uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

type Options<S extends FastifySchema> = RouteOptions<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  RouteGenericInterface,
  ContextConfigDefault,
  S,
  TypeBoxTypeProvider
>;

/** Route config a declaration may still set by hand (the capability and the audit action have their own fields). */
export type RouteConfig = Omit<FastifyContextConfig, 'capability' | 'auditAction'>;

/** One route: what `defineRoute` takes. The request and reply are typed from `schema` (TypeBox). */
export interface RouteSpec<S extends FastifySchema> extends Pick<Options<S>, 'handler' | 'onRequest' | 'preHandler'> {
  method: HttpMethod;
  url: string;
  /** Who may call it; checked before the handler, shown as `x-capability` in OpenAPI. */
  capability: RouteCapability;
  /** Audit action written when a write fails (a successful write audits itself in the service). */
  audit?: string;
  schema: S;
  config?: RouteConfig;
}

/** The `x-capability` value of a declaration: a string, or an array for "any of". */
export function capabilityLabel(capability: RouteCapability): string | Capability[] {
  return typeof capability === 'string' ? capability : [...capability];
}

/** The audit actions routes declared (the check that every action the server writes has its label reads it). */
export const ROUTE_AUDIT_ACTIONS = new Set<string>();

/** Registers a route with its declared capability (and its failed-write audit action). */
export function defineRoute<S extends FastifySchema>(app: App, spec: RouteSpec<S>): void {
  const { capability, audit, config, schema, ...rest } = spec;
  if (audit) ROUTE_AUDIT_ACTIONS.add(audit);
  const annotated = {
    ...schema,
    'x-capability': capabilityLabel(capability),
    // A public operation needs no session cookie or CSRF header: say so rather than inherit the global security.
    ...(capability === 'public' ? { security: [] } : {}),
  } as S;
  app.route({
    ...rest,
    schema: annotated,
    config: { ...config, capability, ...(audit ? { auditAction: audit } : {}) },
  } as Options<S>);
}

/** Whether a signed-in actor may call a route declared with this capability (`'public'` routes never ask). */
export function capabilityAllows(actor: Actor, capability: RouteCapability): boolean {
  if (capability === 'public' || capability === 'signed_in') return true;
  const held = ROLE_CAPABILITIES[actor.role];
  if (typeof capability === 'string') return held.includes(capability as Capability);
  return capability.some((c) => held.includes(c));
}

/** Throws 403 `forbidden` (details: the capability, `a|b` for any-of) unless the actor may call the route. */
export function requireRouteCapability(actor: Actor, capability: RouteCapability): void {
  if (capabilityAllows(actor, capability)) return;
  const named = typeof capability === 'string' ? capability : capability.join('|');
  throw new DomainError('forbidden', { capability: named });
}

/**
 * Refuses, when the app starts, an `/api` route registered without a capability (a plain `app.get`): every
 * route goes through `defineRoute`. Call before any route is added.
 */
export function requireDeclaredCapabilities(app: App): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    if (route.config?.capability === undefined)
      throw new Error(`${route.method} ${route.url}: declare its capability with defineRoute`);
  });
}
