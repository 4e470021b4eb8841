/**
 * Places are places (issue 15): a village or a community is a place with its party organization(s). The
 * village-level organization (and a township's committee) gets the place's name, `orgs.place_name`, filled from
 * today's names with the party suffix stripped (大岭村党总支 → 大岭村, 城关镇党委 → 城关镇). The rules are
 * written out here, not imported, so that this migration stays what it was when the code moves on.
 */
import type { Migration } from './index.js';

const PLACE_TYPES = ['branch', 'general_branch', 'joint_branch', 'committee'];
const PLACE_FIELDS = ['rural', 'community'];
const PARTY_SUFFIX =
  /(第[一二三四五六七八九十]+党支部|联合党支部|党总支部|党总支|党支部|党工委|党委|总支部|支部委员会|支部)$/;

interface OrgRow {
  id: number;
  parent_id: number | null;
  depth: number;
  name: string;
  type: string;
  field: string | null;
}

const isPlace = (o: OrgRow) =>
  PLACE_TYPES.includes(o.type) && o.field != null && PLACE_FIELDS.includes(o.field) && o.depth >= 2;
const isTownship = (o: OrgRow) =>
  o.type === 'committee' && o.depth === 1 && o.field != null && PLACE_FIELDS.includes(o.field);
const placeName = (name: string) => name.trim().replace(PARTY_SUFFIX, '').trim() || name.trim();

export const places013: Migration = {
  name: '013_places',
  async up(db) {
    await db.schema.alterTable('orgs').addColumn('place_name', 'text').execute();
    const rows = (await db
      .selectFrom('orgs')
      .select(['id', 'parent_id', 'depth', 'name', 'type', 'field'])
      .execute()) as OrgRow[];
    const byId = new Map(rows.map((o) => [o.id, o]));
    for (const o of rows) {
      const parent = o.parent_id != null ? byId.get(o.parent_id) : undefined;
      const villageLevel = isPlace(o) && !(parent && isPlace(parent));
      if (!villageLevel && !isTownship(o)) continue;
      await db
        .updateTable('orgs')
        .set({ place_name: placeName(o.name) })
        .where('id', '=', o.id)
        .execute();
    }
  },
};
