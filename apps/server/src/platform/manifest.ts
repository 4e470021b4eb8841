/**
 * The module manifest: everything a module brings to the server, in one object exported by the module's `index.ts`
 * and listed once in `areas/index.ts`. The app registers the routes of every manifest, the demo loader runs their
 * contributors, the move of an organization re-paths their tables and the server runs their daily jobs.
 */
import type { Capability } from '@dangjian/contracts';
import type { DB } from '../db/schema/index.js';
import type { DemoContributor } from '../demo/load.js';
import type { Ctx } from './context.js';
import type { RouteModule } from './http.js';
import type { Domain } from './data/versions.js';

/** The areas modules are grouped in (the same names on the server, in the contracts and in the web app). */
export type Area = 'core' | 'life' | 'residents' | 'people' | 'assessment' | 'supervision' | 'economy';

/** Tables whose rows belong to an organization of a tenant: they carry `tenant_id` and `org_path`. */
export type OrgScopedTable = {
  [K in keyof DB]: DB[K] extends { tenant_id: unknown; org_path: unknown } ? K : never;
}[keyof DB];

/** A version domain a module writes; families keyed by a period (`requests:2026-06`) are named `requests:*`. */
export type VersionDomain = Exclude<Domain, `requests:${string}`> | 'requests:*';

/** A job the server runs once a day (07:00 China time, and once at start); it must be idempotent. */
export interface DailyJob {
  /** Named in the log when it fails. */
  name: string;
  /** `now` is the run's instant, `today` its China day (YYYY-MM-DD). */
  run(ctx: Ctx, at: { now: Date; today: string }): Promise<unknown>;
}

/** What one module declares. (area, name) is unique; name is the module's folder. */
export interface ModuleManifest {
  name: string;
  area: Area;
  /** Its route registrations (each calls `defineRoute`, which declares every route's capability). */
  routes: readonly RouteModule[];
  /** Its tables whose `org_path` follows an organization when it moves (re-pathed in the move's transaction). */
  orgScopedTables?: readonly OrgScopedTable[];
  /** The version domains its writes bump (figures caching on them recompute). */
  versionDomains?: readonly VersionDomain[];
  /** The capabilities it defines (zh/en labels: `CAPABILITY_LABELS` in the contracts). */
  capabilities?: readonly Capability[];
  /** Its part of the demo county, run after organizations and members exist, in list order. */
  demo?: DemoContributor;
  /** Its daily jobs. */
  jobs?: readonly DailyJob[];
}
