/** What the ratings tests share: a small scheme with known figures, meetings written straight in, and bodies. */
import type { TestEnv } from '../harness.js';

/**
 * A scheme whose stars are easy to count by hand: meetings held (10 points each, up to 4 → 40), a self-scored
 * indicator (30) and an assessor-scored one (30); stars at 0 / 40 / 60 / 80 / 90.
 */
export const SMALL_SCHEME = (year: number, name = `${year}年度测试星级评定`) => ({
  year,
  name,
  family: 'small',
  subject: 'org',
  mode: 'score',
  maxStars: 5,
  groups: [
    {
      key: 'g1',
      name: '组织生活',
      items: [
        {
          key: 'm',
          name: '“三会一课”按期开展',
          maxScore: 40,
          fill: 'record',
          source: 'meetings_held',
          mapping: { kind: 'linear', fromValue: 0, fromScore: 0, toValue: 4, toScore: 40 },
        },
        { key: 's', name: '制度健全', maxScore: 30, fill: 'self', evidence: '制度文本' },
        { key: 'a', name: '阵地规范', maxScore: 30, fill: 'assessor', evidence: '现场照片' },
      ],
    },
  ],
  thresholds: [
    { level: 1, minScore: 0 },
    { level: 2, minScore: 40 },
    { level: 3, minScore: 60 },
    { level: 4, minScore: 80 },
    { level: 5, minScore: 90 },
  ],
});

/** Writes meetings of an organization held on the given days; answers their ids. */
export async function meetingsOn(env: TestEnv, orgId: number, days: string[]): Promise<number[]> {
  const org = await env.ctx.db
    .selectFrom('orgs')
    .select(['tenant_id', 'org_path'])
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  const now = env.ctx.clock().toISOString();
  const ids: number[] = [];
  for (const day of days) {
    const r = await env.ctx.db
      .insertInto('meetings')
      .values({
        tenant_id: org.tenant_id,
        org_id: orgId,
        org_path: org.org_path,
        kind: 'branch_committee',
        topic: '支委会',
        held_on: day,
        start_time: '09:00',
        end_time: null,
        place: null,
        host_name: null,
        recorder_name: null,
        lecturer_member_id: null,
        lecturer_role: null,
        minutes: null,
        decisions: null,
        checkin_code: null,
        checkin_from: null,
        checkin_to: null,
        created_by: null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(r.id);
  }
  return ids;
}
