/** Table types of the projects module (area economy): "Party branch +" industry projects (党支部+). */
import type { Generated } from 'kysely';

/** A project led by a village's organization; models, partners (org ids) and cooperatives are JSON text. */
export interface ProjectsTable {
  id: Generated<number>;
  tenant_id: number;
  org_id: number;
  org_path: string;
  name: string;
  industry: string;
  models: string;
  partners: string;
  cooperatives: string;
  status: string;
  start_year: number;
  industry_text: string | null;
  stop_reason: string | null;
  note: string | null;
  stopped_year: number | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** One year of a project: funds by source (JSON text) and their sum, leveraged, households and income, in fen. */
export interface ProjectYearsTable {
  id: Generated<number>;
  tenant_id: number;
  org_id: number;
  org_path: string;
  project_id: number;
  year: number;
  funds: string;
  given_fen: number;
  leveraged_fen: number;
  households: number;
  households_poor: number;
  households_monitored: number;
  household_income_fen: number;
  collective_income_fen: number;
  note: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** The projects module's tables, by name. */
export interface ProjectsTables {
  projects: ProjectsTable;
  project_years: ProjectYearsTable;
}
