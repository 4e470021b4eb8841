/** The record stamps every answer ends with, named as the API names them. */

/** A stored row's creation, update and soft-delete times. */
export interface StampedRow<C, U, D> {
  created_at: C;
  updated_at: U;
  deleted_at: D;
}

/** `createdAt`, `updatedAt` and `deletedAt` of a row (spread last into an answer). */
export function stampsOf<C, U, D>(r: StampedRow<C, U, D>): { createdAt: C; updatedAt: U; deletedAt: D } {
  return { createdAt: r.created_at, updatedAt: r.updated_at, deletedAt: r.deleted_at };
}

/** `id`, `orgId` and `orgName` of a row of an organization (spread first into an answer). */
export function orgRefOf(r: { id: number; org_id: number; org_name: string }): {
  id: number;
  orgId: number;
  orgName: string;
} {
  return { id: r.id, orgId: r.org_id, orgName: r.org_name };
}

/** The columns that place a new row in an organization: its tenant, the organization and its path. */
export function placedIn(org: { tenant_id: number; id: number; org_path: string }): {
  tenant_id: number;
  org_id: number;
  org_path: string;
} {
  return { tenant_id: org.tenant_id, org_id: org.id, org_path: org.org_path };
}
