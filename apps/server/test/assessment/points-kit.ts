/** Records for the points tests: one source record of each event type for a member, inserted directly. */
import { sql } from 'kysely';
import type { TestEnv } from '../harness.js';

/** The member's path and organization. */
async function memberRow(env: TestEnv, memberId: number) {
  return env.ctx.db
    .selectFrom('members')
    .select(['tenant_id', 'org_id', 'org_path'])
    .where('id', '=', memberId)
    .executeTakeFirstOrThrow();
}

/** Creates the pledges table with the agreed columns when the pledges module has not (yet) made it. */
export async function ensurePledges(env: TestEnv): Promise<void> {
  try {
    await sql`SELECT 1 FROM pledges WHERE 1 = 0`.execute(env.ctx.db);
  } catch {
    await sql`CREATE TABLE pledges (id INTEGER PRIMARY KEY, tenant_id INTEGER NOT NULL, org_id INTEGER NOT NULL,
      org_path TEXT NOT NULL, member_id INTEGER, kind TEXT NOT NULL, year INTEGER NOT NULL, status TEXT NOT NULL,
      category TEXT, title TEXT, content TEXT, due_on TEXT, fulfilled_on TEXT, created_at TEXT, updated_at TEXT,
      deleted_at TEXT)`.execute(env.ctx.db);
  }
}

let nextPledge = 9000;

/** One record of every event type for a member in June 2026; answers the ids by event. */
export async function seedEvents(env: TestEnv, memberId: number, day = '2026-06-10', dues = true) {
  const db = env.ctx.db;
  const m = await memberRow(env, memberId);
  const now = env.ctx.clock().toISOString();
  const base = {
    tenant_id: m.tenant_id,
    org_id: m.org_id,
    org_path: m.org_path,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
  const meeting = await db
    .insertInto('meetings')
    .values({
      ...base,
      kind: 'branch_assembly',
      topic: '学习党章',
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
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('meeting_attendance')
    .values({
      meeting_id: meeting.id,
      member_id: memberId,
      status: 'present',
      leave_reason: null,
      checked_in_at: null,
      method: null,
    })
    .execute();
  const wish = await db
    .insertInto('wishes')
    .values({
      ...base,
      kind: 'wish',
      title: '想要一台收音机',
      description: '老人独居',
      household_id: null,
      resident_name: '刘奶奶',
      posted_via: 'staff',
      status: 'confirmed',
      claimed_by_member_id: memberId,
      claimed_at: `${day}T01:00:00.000Z`,
      claim_due_at: null,
      fulfilled_at: `${day}T03:00:00.000Z`,
      fulfil_note: '已送到',
      confirmed_at: `${day}T05:00:00.000Z`,
      phone_enc: null,
      phone_hash: null,
      phone_masked: null,
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const errand = await db
    .insertInto('errands')
    .values({
      ...base,
      member_id: memberId,
      household_id: null,
      resident_name: '赵大爷',
      card_no: null,
      title: '代办医保',
      description: null,
      status: 'done',
      taken_at: `${day}T01:00:00.000Z`,
      done_at: `${day}T06:00:00.000Z`,
      result: '已办结',
      phone_enc: null,
      phone_hash: null,
      phone_masked: null,
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const household = await db
    .insertInto('households')
    .values({
      ...base,
      address: '东村1组',
      head_name: '钱户主',
      group_id: null,
      note: null,
      phone_enc: null,
      phone_hash: null,
      phone_masked: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('pairings')
    .values({
      ...base,
      household_id: household.id,
      cadre_member_id: memberId,
      started_on: '2026-01-01',
      ended_on: null,
    })
    .execute();
  const visit = await db
    .insertInto('visits')
    .values({
      ...base,
      household_id: household.id,
      visitor_member_id: memberId,
      visited_on: day,
      found: '生活正常',
      promised: null,
      request_id: null,
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const month = day.slice(0, 7);
  let bill = { id: 0 };
  if (dues) {
    bill = await db
      .insertInto('dues_bills')
      .values({
        ...base,
        member_id: memberId,
        month,
        category: 'farmer',
        base_fen: null,
        amount_fen: 20,
        rule_version: 1,
        paid_fen: 20,
        status: 'paid',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const pay = await db
      .insertInto('dues_payments')
      .values({
        ...base,
        member_id: memberId,
        paid_on: `${month}-05`,
        amount_fen: 20,
        method: 'cash',
        status: 'recorded',
        reference: null,
        note: null,
        back_payment: 0,
        recorded_by: null,
        reviewed_by: null,
        reviewed_at: null,
        review_note: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('dues_payment_bills')
      .values({ payment_id: pay.id, bill_id: bill.id, amount_fen: 20 })
      .execute();
  }
  await ensurePledges(env);
  const pledge = nextPledge++;
  await sql`INSERT INTO pledges (id, tenant_id, org_id, org_path, member_id, kind, year, status, category, title,
      content, due_on, fulfilled_on, created_at, updated_at, deleted_at) VALUES (${pledge}, ${m.tenant_id},
      ${m.org_id}, ${m.org_path}, ${memberId}, 'member', 2026, 'fulfilled', 'post', '岗位承诺', '按时完成', ${day},
      ${day}, ${now}, ${now}, NULL)`.execute(db);
  return { meeting: meeting.id, wish: wish.id, errand: errand.id, visit: visit.id, bill: bill.id, pledge };
}
