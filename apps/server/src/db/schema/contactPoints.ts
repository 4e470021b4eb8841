/** Table types of the contactPoints module (area people): leaders, their points, visits and issues. */
import type { Generated } from 'kysely';

/** A county leader who holds contact points (on the county's path). */
export interface ContactLeadersTable {
  id: Generated<number>;
  tenant_id: number;
  org_id: number;
  org_path: string;
  name: string;
  post: string;
  user_id: number | null;
  sort_order: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** An organization a leader guides or takes on (包抓), on that organization's path. */
export interface ContactPointsTable {
  id: Generated<number>;
  tenant_id: number;
  org_id: number;
  org_path: string;
  leader_id: number;
  kind: string;
  since: string;
  weak_org_id: number | null;
  note: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** A visit of a leader to a contact point. */
export interface ContactVisitsTable {
  id: Generated<number>;
  tenant_id: number;
  org_id: number;
  org_path: string;
  point_id: number;
  visited_on: string;
  content: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** An issue a visit found; open until solved. */
export interface ContactIssuesTable {
  id: Generated<number>;
  tenant_id: number;
  org_id: number;
  org_path: string;
  visit_id: number;
  point_id: number;
  text: string;
  state: string;
  solved_on: string | null;
  solution: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** The contactPoints module's tables, by name. */
export interface ContactPointsTables {
  contact_leaders: ContactLeadersTable;
  contact_points: ContactPointsTable;
  contact_visits: ContactVisitsTable;
  contact_issues: ContactIssuesTable;
}
