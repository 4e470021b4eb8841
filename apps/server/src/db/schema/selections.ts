/** Table types of the selections module (area assessment): selections of the best (十佳村干部, 十杰百优). */
import type { Generated } from 'kysely';

interface Scoped {
  id: Generated<number>;
  tenant_id: number;
  org_id: number;
  org_path: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** A selection; `categories` JSON text. */
export interface SelectionsTable extends Scoped {
  year: number;
  places: number;
  quota_per_org: number;
  max_choices: number;
  publicize_days: number;
  title: string;
  kind: string;
  status: string;
  nominate_from: string;
  nominate_to: string;
  vote_from: string;
  vote_to: string;
  categories: string | null;
  rules: string | null;
  publicized_on: string | null;
  published_on: string | null;
  winner_reason: string | null;
  created_by: number | null;
}

/** A nomination, on the nominating organization's path. */
export interface SelectionNominationsTable extends Scoped {
  selection_id: number;
  member_id: number;
  member_name: string;
  deeds: string;
  status: string;
  category: string | null;
  evidence: string | null;
  review_reason: string | null;
  winner_reason: string | null;
  winner: Generated<number>;
  created_by: number | null;
}

/** One voter's ballot; `choices` JSON text of nomination ids. */
export interface SelectionBallotsTable extends Scoped {
  selection_id: number;
  voter_user_id: number;
  choices: string;
  cast_at: string;
}

/** The selections module's tables, by name. */
export interface SelectionsTables {
  selections: SelectionsTable;
  selection_nominations: SelectionNominationsTable;
  selection_ballots: SelectionBallotsTable;
}
