/** The bodies the weak-organization tests send: a flagging, a plan, a check-up and an acceptance. */
import type { Client } from '../harness.js';

/** A flagging of `orgId` by the county. */
export const flagBody = (orgId: number, more: Record<string, unknown> = {}) => ({
  orgId,
  flaggedOn: '2026-03-10',
  reasons: ['disunited', 'economy'],
  reasonText: '班子成员长期不和，集体经济收入不足3万元',
  leaderName: '王县委',
  leaderPost: '县委常委、组织部部长',
  listed: true,
  ...more,
});

/** A plan with two measures. */
export const PLAN = {
  plan: '调整充实村“两委”班子，规范“三会一课”，发展村集体经济项目。',
  measures: [
    { content: '调整村党支部书记', dueOn: '2026-05-31' },
    { content: '建设村集体光伏项目', dueOn: '2026-09-30' },
  ],
};

/** A check-up of a month over the four topics; `problem` marks the economy finding to open a problem. */
export const checkupBody = (month: string, problem = false) => ({
  month,
  checkedBy: '王县委',
  items: [
    { topic: 'team', rating: 'fair', findings: '班子分工不明确' },
    { topic: 'members', rating: 'good' },
    { topic: 'governance', rating: 'fair', findings: '村务公开不及时' },
    { topic: 'economy', rating: 'poor', findings: '集体经济项目未落地', openProblem: problem },
  ],
});

/** An acceptance with a score and the panel's dissatisfied count. */
export const acceptanceBody = (score: number, panelDissatisfied: number, panelSize = 10) => ({
  acceptedOn: '2026-06-12',
  panelSize,
  panelDissatisfied,
  score,
  note: '验收组实地查看、查阅资料、群众测评',
});

/** Flags an organization as the county; answers the new file's id. */
export async function flag(county: Client, orgId: number, more: Record<string, unknown> = {}): Promise<number> {
  const res = await county.post('/api/weak-orgs', flagBody(orgId, more));
  if (res.statusCode !== 200) throw new Error(`flag ${orgId}: ${res.statusCode} ${res.body}`);
  return res.json().id;
}
