/** Table types of the mobility module (area people): members away (流动党员) and out of contact (失联). */
import type { Scoped, Stamped } from './platform.js';

/**
 * One absence of a member: opened when it leaves (`flowing`) or is found out of contact (`out_of_contact`),
 * closed by its return (`returned`). The member's state is that of its open row; none open means local.
 */
export interface MemberMobilityTable extends Scoped, Stamped {
  member_id: number;
  status: string;
  /** The day it left or was lost (YYYY-MM-DD). */
  since: string;
  destination: string | null;
  unit: string | null;
  flow_org_name: string | null;
  contact_member_id: number | null;
  expected_return: string | null;
  lost_on: string | null;
  returned_on: string | null;
  note: string | null;
  created_by: number | null;
}

/** The mobility module's tables, by name. */
export interface MobilityTables {
  member_mobility: MemberMobilityTable;
}
