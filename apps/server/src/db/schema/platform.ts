/** Table types the platform shares: notifications, jobs, data versions, timelines, outbox, rules; common columns. */
import type { Generated } from 'kysely';

export interface Scoped {
  id: Generated<number>;
  tenant_id: number;
  org_id: number;
  org_path: string;
}

export interface Stamped {
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface NotificationsTable {
  id: Generated<number>;
  tenant_id: number | null;
  user_id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  dedupe_key: string;
  created_at: string;
  read_at: string | null;
  sent_at: string | null;
}

export interface JobRunsTable {
  id: Generated<number>;
  job: string;
  run_key: string;
  started_at: string;
  finished_at: string | null;
  result: string | null;
}

/** A rate limit's counter: hits of `key` since `window_start` (ISO time). */
export interface RateCountersTable {
  key: string;
  hits: number;
  window_start: string;
}

/** A value (e.g. a phone number's hash) a rate-limit key (an address) used, last at `seen_at`. */
export interface RateValuesTable {
  key: string;
  value: string;
  seen_at: string;
}

export interface DataVersionsTable {
  tenant_id: number;
  domain: string;
  version: number;
}

/** Timeline entries of requests, wishes and errands. */
/** One move of a record of any module (`platform/data/timeline.ts`); `data` is JSON (e.g. org moves). */
export interface TimelineEventsTable {
  id: Generated<number>;
  tenant_id: number;
  entity_type: string;
  entity_id: number;
  org_path: string;
  action: string;
  from_state: string | null;
  to_state: string | null;
  actor_id: number | null;
  actor_name: string | null;
  note: string | null;
  data: string | null;
  at: string;
}

export interface MessageOutboxTable {
  id: Generated<number>;
  channel: string;
  to_masked: string;
  to_hash: string;
  body: string;
  created_at: string;
  sent_at: string | null;
}

/** A county's value of one rule of a rule set from a year on (`platform/rules.ts`). */
export interface RuleOverridesTable {
  id: Generated<number>;
  tenant_id: number;
  rule_set: string;
  key: string;
  year: number;
  /** JSON of the value; null: back to the default from this year. */
  value: string | null;
  reason: string | null;
  updated_at: string;
  updated_by: number | null;
}
