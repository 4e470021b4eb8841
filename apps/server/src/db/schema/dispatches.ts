/** Table types of the dispatches module (area people): dispatched cadres, the organizations served, days present. */
import type { Generated } from 'kysely';

/** A dispatched cadre (派驻), on the path of the first organization served. */
export interface DispatchesTable {
  id: Generated<number>;
  tenant_id: number;
  org_id: number;
  org_path: string;
  kind: string;
  person_name: string;
  sending_unit: string;
  unit_level: string;
  started_on: string;
  status: string;
  team_role: string | null;
  post: string | null;
  ends_on: string | null;
  ended_on: string | null;
  note: string | null;
  team_id: number | null;
  replaces_id: number | null;
  phone_enc: string | null;
  phone_hash: string | null;
  phone_masked: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** One organization a dispatch serves, on that organization's path. */
export interface DispatchOrgsTable {
  id: Generated<number>;
  tenant_id: number;
  org_id: number;
  org_path: string;
  dispatch_id: number;
  deleted_at: string | null;
}

/** Days present in the village in one month, entered by the township. */
export interface DispatchPresenceTable {
  id: Generated<number>;
  tenant_id: number;
  org_id: number;
  org_path: string;
  dispatch_id: number;
  month: string;
  days: number;
  note: string | null;
  recorded_by: number | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** The dispatches module's tables, by name. */
export interface DispatchesTables {
  dispatches: DispatchesTable;
  dispatch_orgs: DispatchOrgsTable;
  dispatch_presence: DispatchPresenceTable;
}
