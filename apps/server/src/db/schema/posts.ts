/** Table types of the posts module (area people): posts for members and who holds them. */
import type { Scoped, Stamped } from './platform.js';

/** A post an organization defines (设岗): name, kind, duties, capacity. */
export interface MemberPostsTable extends Scoped, Stamped {
  name: string;
  kind: string;
  duties: string;
  capacity: number | null;
  created_by: number | null;
}

/** A member holding a post from a day; `ended_on` set (with a reason) when it leaves the post. */
export interface MemberPostHoldersTable extends Scoped, Stamped {
  post_id: number;
  member_id: number;
  started_on: string;
  ended_on: string | null;
  end_reason: string | null;
  created_by: number | null;
}

/** The posts module's tables, by name. */
export interface PostsTables {
  member_posts: MemberPostsTable;
  member_post_holders: MemberPostHoldersTable;
}
