/** The signed-in caller and its scope: the subtree of its organization. */
import type { Capability, Role } from '@dangjian/contracts';
import { ROLE_CAPABILITIES } from '@dangjian/contracts';
import { subtreeRange } from '../db/dialect.js';
import { DomainError } from './errors.js';

export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  tenantId: number | null;
  orgId: number | null;
  /** Materialized path of the actor's organization, e.g. `/1/17/`; its subtree is the scope. */
  orgPath: string | null;
  memberId: number | null;
  /** The province or prefecture of a region account (no tenant, no organization), and its path `/1/3/`. */
  regionId?: number | null;
  regionPath?: string | null;
  locale: string;
  ip: string | null;
}

/** Actor for command-line work (import, demo): the whole of one county. */
export function systemActor(tenantId: number, orgPath: string, orgId: number): Actor {
  return {
    userId: 0,
    username: 'system',
    displayName: '系统',
    role: 'county_admin',
    tenantId,
    orgId,
    orgPath,
    memberId: null,
    locale: 'zh-CN',
    ip: null,
  };
}

/** Throws 403 unless the actor's role holds the capability. */
export function requireCapability(actor: Actor, capability: Capability): void {
  if (!ROLE_CAPABILITIES[actor.role].includes(capability)) throw new DomainError('forbidden', { capability });
}

/** Throws 403 unless the actor's role holds at least one of the capabilities (staff or member access to a thing). */
export function requireAnyCapability(actor: Actor, ...capabilities: Capability[]): void {
  if (!capabilities.some((c) => ROLE_CAPABILITIES[actor.role].includes(c)))
    throw new DomainError('forbidden', { capability: capabilities.join('|') });
}

/** Whether a path lies inside the actor's subtree (and tenant). */
export function inScope(actor: Actor, tenantId: number, orgPath: string): boolean {
  return actor.orgPath != null && actor.tenantId === tenantId && orgPath.startsWith(actor.orgPath);
}

/** The [lo, hi) path range of the actor's scope; throws 403 for an actor without one. */
export function scopeRange(actor: Actor): [string, string] {
  if (!actor.orgPath || actor.tenantId == null) throw new DomainError('forbidden');
  return subtreeRange(actor.orgPath);
}
