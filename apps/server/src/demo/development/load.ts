/**
 * The demo's member development: every member of the roster who joined in the last two years has the candidacy
 * that admitted it (its steps ending in the approval on its joining day, then probation and, a year on, its
 * conversion), and behind them the pipeline of applicants, activists and development targets at the roster's
 * own yearly rate, a few of them stalled with a step overdue, a few refused or lapsed. Deterministic (seeded),
 * written in bulk inside one transaction.
 */
import {
  addDays,
  chinaToday,
  DEVELOPMENT_RULE_DEFAULTS,
  DEVELOPMENT_STEPS,
  type DevelopmentStage,
  type DevelopmentStepKey,
  daysBetween,
  makeIdNumber,
  maskIdNumber,
  maskPhone,
} from '@dangjian/contracts';
import type { Insertable, Transaction } from 'kysely';
import { nextColumns } from '../../areas/people/development/development.service.js';
import { probationEndOf } from '../../areas/people/development/development.time.js';
import type { DB } from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import { bumpVersion } from '../../platform/data/versions.js';
import type { DemoContributor, LoadedCounty } from '../load.js';
import { personName } from '../names.js';
import type { Random } from '../random.js';
import { cut, type Dated, probation, shift, toApproval } from './plan.js';

type Candidate = Omit<Insertable<DB['development_candidates']>, 'id'>;
type Step = Omit<Insertable<DB['development_steps']>, 'id' | 'candidate_id'>;
type Event = Omit<Insertable<DB['timeline_events']>, 'id' | 'entity_id'>;
const BATCH = 200;
const RULES = { ...DEVELOPMENT_RULE_DEFAULTS };
const EVENT_OF: Partial<Record<DevelopmentStepKey, [string, DevelopmentStage]>> = {
  application: ['applied', 'applicant'],
  activist_decision: ['made_activist', 'activist'],
  target_decision: ['made_target', 'target'],
  approval: ['admitted', 'probationary'],
  conversion_approval: ['converted', 'full'],
};

interface Person {
  name: string;
  gender: 'male' | 'female';
  idNumber: string;
  phone: string;
  birthDate: string;
  education: string | null;
  category: string | null;
  ethnicity: string | null;
}

interface Planned {
  orgKey: string;
  person: Person;
  steps: Dated[];
  memberId: number | null;
  closed: { stage: 'refused' | 'lapsed'; on: string; reason: string } | null;
}

/** The stage a candidate's recorded steps put it in. */
function stageOf(steps: Dated[]): DevelopmentStage {
  let stage: DevelopmentStage = 'applicant';
  for (const [s] of steps) stage = DEVELOPMENT_STEPS[s].moveTo ?? stage;
  return stage;
}

/** The rows of one candidate: its own, its steps and its timeline (the org's people as contacts and introducers). */
function rowsOf(
  ctx: Ctx,
  c: LoadedCounty,
  p: Planned,
  people: { id: number; name: string; full: boolean }[],
  rng: Random,
) {
  const now = ctx.clock().toISOString();
  const stage = p.closed?.stage ?? stageOf(p.steps);
  const done: Partial<Record<DevelopmentStepKey, string>> = {};
  for (const [s, d] of p.steps) done[s] = d;
  const admitted = done.approval ?? null;
  const probationEnd = admitted ? probationEndOf(admitted, RULES, 0) : null;
  const openStage = p.closed ? stage : stageOf(p.steps);
  const next = p.closed
    ? { next_step: null, next_opens_on: null, next_due_on: null }
    : nextColumns({ stage: openStage, probationEnd, done }, RULES);
  const pick = (n: number, full: boolean) =>
    rng
      .sample(
        people.filter((m) => !full || m.full),
        n,
      )
      .map((m) => ({ memberId: m.id, name: m.name }));
  const contacts = pick(rng.int(1, 2), false);
  const introducers = pick(2, true);
  const talker = rng.pick(people).name;
  const orgId = c.orgIds.get(p.orgKey)!;
  const orgPath = c.orgPaths.get(p.orgKey)!;
  const last = p.steps[p.steps.length - 1]![1];
  const candidate: Candidate = {
    tenant_id: c.tenantId,
    org_id: orgId,
    org_path: orgPath,
    name: p.person.name,
    gender: p.person.gender,
    id_number_enc: ctx.vault.encrypt(p.person.idNumber),
    id_number_hash: ctx.vault.lookupHash(p.person.idNumber),
    id_number_masked: maskIdNumber(p.person.idNumber),
    phone_enc: ctx.vault.encrypt(p.person.phone),
    phone_hash: ctx.vault.lookupHash(p.person.phone),
    phone_masked: maskPhone(p.person.phone),
    birth_date: p.person.birthDate,
    ethnicity: p.person.ethnicity,
    education: p.person.education,
    category: p.person.category,
    status: stage,
    stage_since: p.closed?.on ?? last,
    applied_on: done.application!,
    activist_on: done.activist_decision ?? null,
    target_on: done.target_decision ?? null,
    admitted_on: admitted,
    probation_end: probationEnd,
    converted_on: done.conversion_approval ?? null,
    closed_on: p.closed?.on ?? null,
    close_reason: p.closed?.reason ?? null,
    contacts: done.contacts_assigned ? JSON.stringify(contacts) : '[]',
    introducers: done.introducers_assigned ? JSON.stringify(introducers) : '[]',
    talker_name: done.talk ? talker : null,
    plan_year: Number((done.target_decision ?? done.application!).slice(0, 4)),
    member_id: p.memberId,
    ...next,
    created_by: null,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
  const vote = { entitled: 0, presentVoting: 0, yes: 0, no: 0, abstain: 0, quorumMet: true, passed: true };
  const voters = Math.max(3, people.filter((m) => m.full).length);
  const steps: Step[] = p.steps.map(([s, d]) => {
    const def = DEVELOPMENT_STEPS[s];
    const needs = def.needs ?? [];
    const present = Math.max(Math.floor(voters / 2) + 1, voters - rng.int(0, 3));
    const who = needs.includes('contacts') ? contacts : needs.includes('introducers') ? introducers : [];
    return {
      tenant_id: c.tenantId,
      step: s,
      step_no: def.no,
      done_on: d,
      people: JSON.stringify(needs.includes('talker') ? [{ memberId: null, name: talker }] : who),
      vote: needs.includes('vote')
        ? JSON.stringify({
            ...vote,
            entitled: voters,
            presentVoting: present,
            yes: present - (present > 4 ? 1 : 0),
            no: present > 4 ? 1 : 0,
          })
        : null,
      training_days: needs.includes('training') ? rng.pick([3, 4, 5]) : null,
      training_hours: needs.includes('training') ? rng.pick([24, 28, 32]) : null,
      months: null,
      materials: JSON.stringify(def.materials),
      meeting_id: null,
      note: null,
      override_reason: null,
      recorded_by: null,
      recorded_by_name: null,
      created_at: `${d}T02:00:00.000Z`,
    };
  });
  const events: Event[] = [];
  let from: DevelopmentStage | null = null;
  for (const [s, d] of p.steps) {
    const move = EVENT_OF[s];
    const to: DevelopmentStage = move ? move[1] : (from ?? 'applicant');
    events.push({
      tenant_id: c.tenantId,
      entity_type: 'development_candidate',
      org_path: orgPath,
      action: move ? move[0] : 'step',
      from_state: from,
      to_state: to,
      actor_id: null,
      actor_name: null,
      note: `${DEVELOPMENT_STEPS[s].label.zh} · ${d}`,
      data: JSON.stringify({ step: s, date: d }),
      at: `${d}T02:00:00.000Z`,
    });
    from = to;
  }
  if (p.closed)
    events.push({
      tenant_id: c.tenantId,
      entity_type: 'development_candidate',
      org_path: orgPath,
      action: p.closed.stage,
      from_state: from,
      to_state: p.closed.stage,
      actor_id: null,
      actor_name: null,
      note: p.closed.reason,
      data: JSON.stringify({ date: p.closed.on }),
      at: `${p.closed.on}T02:00:00.000Z`,
    });
  return { candidate, steps, events };
}

const REFUSALS = ['政治审查未通过', '本人主动撤回入党申请', '考察期间表现不符合要求', '支部大会表决未通过'];
const STALLS: DevelopmentStepKey[] = ['talk', 'activist_review', 'committee_talk'];
const LAPSES = ['外出务工，暂停培养', '工作调动，转至新单位继续培养', '长期联系不上本人'];

/** Plans a county's candidates: the admitted ones from the roster, the pipeline behind them by the same rate. */
function plan(c: LoadedCounty, rng: Random, today: string): Planned[] {
  const out: Planned[] = [];
  const recent = c.county.members.filter((m) => daysBetween(m.joinedAt, today) < 730 && m.joinedAt <= today);
  for (const m of recent) {
    const r = rng.fork(c.memberIds.get(m.key)!);
    const path = toApproval(r, addDays(m.joinedAt, -700));
    const approval = path[path.length - 1]![1];
    const after = probation(r, m.joinedAt, m.fullMemberAt ?? undefined).filter(
      // A member still probationary on the roster has not been voted on yet.
      ([s]) => m.status === 'full' || (s !== 'conversion_vote' && s !== 'conversion_approval'),
    );
    const steps = [...shift(path, daysBetween(approval, m.joinedAt)), ...after];
    out.push({
      orgKey: m.orgKey,
      person: m,
      steps: cut(steps, today),
      memberId: c.memberIds.get(m.key)!,
      closed: null,
    });
  }
  // The pipeline: as many applications a year as the roster admits, over the last two and a half years.
  const perYear = Math.max(12, recent.filter((m) => daysBetween(m.joinedAt, today) < 365).length);
  const sources = c.county.members.filter((m) => m.status === 'full');
  const total = Math.round(perYear * 2.5);
  for (let i = 0; i < total; i++) {
    const r = rng.fork(1_000_000 + i);
    const applied = addDays(today, -r.int(0, 912));
    const path = toApproval(r, applied).slice(0, -1);
    let steps = cut(path, today);
    // Reaching the approval is admission: those are the roster's own, above.
    if (steps.length === path.length) continue;
    let closed: Planned['closed'] = null;
    const roll = r.next();
    if (roll < 0.05) {
      // Stalled before a step with a deadline (the talk, a review, the higher committee's talk): often overdue.
      const at = steps.findIndex(([s]) => s === r.pick(STALLS));
      if (at > 0) steps = steps.slice(0, at);
    } else if (roll < 0.08 && steps.length > 2) steps = steps.slice(0, r.int(2, steps.length - 1));
    else if (roll < 0.13 && steps.length > 1) {
      steps = steps.slice(0, r.int(1, steps.length - 1));
      const on = addDays(steps[steps.length - 1]![1], r.int(10, 60));
      if (on <= today) {
        const refuse = r.chance(0.55);
        closed = { stage: refuse ? 'refused' : 'lapsed', on, reason: r.pick(refuse ? REFUSALS : LAPSES) };
      }
    }
    const host = r.pick(sources);
    const gender = r.chance(0.45) ? 'female' : 'male';
    const birthYear = Number(today.slice(0, 4)) - r.int(20, 40);
    const birthDate = `${birthYear}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
    out.push({
      orgKey: host.orgKey,
      person: {
        name: personName(r, gender, birthYear),
        gender,
        idNumber: makeIdNumber(c.county.regionCode, birthDate, 500 + (i % 499), gender),
        phone: `15${String(r.int(100_000_000, 999_999_999))}`,
        birthDate,
        education: r.pick(['senior', 'college', 'bachelor', 'bachelor', 'postgraduate']),
        category: r.pick(['farmer', 'worker', 'enterprise_staff', 'institution_staff', 'student', 'other']),
        ethnicity: host.ethnicity,
      },
      steps,
      memberId: null,
      closed,
    });
  }
  return out;
}

async function write(trx: Transaction<DB>, rows: ReturnType<typeof rowsOf>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const chunk = rows.slice(i, i + BATCH);
    const ids = await trx
      .insertInto('development_candidates')
      .values(chunk.map((r) => r.candidate))
      .returning('id')
      .execute();
    const steps = chunk.flatMap((r, j) => r.steps.map((s) => ({ ...s, candidate_id: ids[j]!.id })));
    for (let k = 0; k < steps.length; k += 1000)
      await trx
        .insertInto('development_steps')
        .values(steps.slice(k, k + 1000))
        .execute();
    const events = chunk.flatMap((r, j) => r.events.map((e) => ({ ...e, entity_id: ids[j]!.id })));
    for (let k = 0; k < events.length; k += 1000)
      await trx
        .insertInto('timeline_events')
        .values(events.slice(k, k + 1000))
        .execute();
  }
}

/** Loads a county's candidates; see the file comment. */
async function loadDevelopment(ctx: Ctx, c: LoadedCounty, rng: Random, log: (line: string) => void): Promise<void> {
  const today = chinaToday(ctx.clock());
  const planned = plan(c, rng, today);
  const byOrg = new Map<string, { id: number; name: string; full: boolean }[]>();
  for (const m of c.county.members) {
    const list = byOrg.get(m.orgKey) ?? [];
    list.push({ id: c.memberIds.get(m.key)!, name: m.name, full: m.status === 'full' });
    byOrg.set(m.orgKey, list);
  }
  const rows = planned.map((p, i) => rowsOf(ctx, c, p, byOrg.get(p.orgKey) ?? [], rng.fork(2_000_000 + i)));
  await ctx.db.transaction().execute(async (trx) => {
    await write(trx, rows);
    await bumpVersion(trx, c.tenantId, 'development');
  });
  const count = (s: string) => rows.filter((r) => r.candidate.status === s).length;
  const overdue = rows.filter((r) => r.candidate.next_due_on != null && r.candidate.next_due_on < today).length;
  log(
    `  发展党员 development：${rows.length} 人（申请 ${count('applicant')}，积极分子 ${count('activist')}，` +
      `发展对象 ${count('target')}，预备党员 ${count('probationary')}，近一年转正 ${count('full')}，` +
      `不予发展 ${count('refused')}，中止 ${count('lapsed')}）；逾期 overdue ${overdue}`,
  );
}

/** The development module's part of the demo. */
export const developmentContributor: DemoContributor = {
  name: 'development',
  load: loadDevelopment,
};
