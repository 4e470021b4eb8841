/**
 * The demo's party dues: a dues profile for every member (farmers most, at the 0.5 元 default; employees and retirees
 * with an income base), twelve months of bills under the national rules, payments for most of them — in the month,
 * cash in the villages, transfers and online payments elsewhere — some arrears, back payments approved or awaiting
 * the township's review, a few members flagged by the six-month rule (one with its reason recorded) and a few
 * exemptions. Written in batches inside one transaction; about 240,000 bills for the demo county.
 */
import { chinaDay, type DuesCategory, type DuesPaymentMethod } from '@dangjian/contracts';
import type { Ctx } from '../platform/context.js';
import { billStatus, duesFen, NATIONAL_VERSION, prevMonth } from '../areas/people/dues/dues.money.js';
import type { DemoContributor, LoadedCounty } from './load.js';
import type { Random } from './random.js';
import { Bulk, type Row, SCOPED_COLUMNS, STAMP_COLUMNS } from './bulk.js';

const MONTHS = 12;
/** The dues tables, written with their secondary indexes dropped and built once at the end. */
const DUES_TABLES = ['dues_profiles', 'dues_bills', 'dues_payments', 'dues_payment_bills'];
const PROFILE_COLUMNS = [
  'tenant_id',
  'member_id',
  'category',
  'income_fen',
  'fixed_fen',
  'exempt',
  'exempt_reason',
  'arrears_reason',
  'arrears_reason_at',
  'updated_by',
  'created_at',
  'updated_at',
];
const BILL_COLUMNS = [...SCOPED_COLUMNS, 'member_id', 'month', 'category', 'base_fen', 'amount_fen']
  .concat(['rule_version', 'paid_fen', 'status'])
  .concat(STAMP_COLUMNS);
const PAYMENT_COLUMNS = [...SCOPED_COLUMNS, 'member_id', 'paid_on', 'amount_fen', 'method', 'status', 'reference']
  .concat(['note', 'back_payment', 'recorded_by', 'reviewed_by', 'reviewed_at', 'review_note'])
  .concat(STAMP_COLUMNS);

interface Profile {
  memberId: number;
  orgId: number;
  orgPath: string;
  joinedAt: string;
  category: DuesCategory;
  incomeFen: number | null;
  exempt: boolean;
}

/** Fen between two amounts in 元, with its cents. */
const incomeBetween = (rng: Random, lo: number, hi: number) => rng.int(lo, hi) * 100 + rng.int(0, 99);

function profileOf(rng: Random, memberCategory: string): { category: DuesCategory; incomeFen: number | null } {
  const employed = (lo: number, hi: number) => ({
    category: 'employed' as const,
    incomeFen: incomeBetween(rng, lo, hi),
  });
  switch (memberCategory) {
    case 'farmer':
      return rng.chance(0.04)
        ? { category: 'subsistence', incomeFen: null }
        : rng.chance(0.02)
          ? { category: 'unemployed', incomeFen: null }
          : { category: 'farmer', incomeFen: null };
    case 'student':
      return { category: 'student', incomeFen: null };
    case 'retired':
      return { category: 'retired', incomeFen: incomeBetween(rng, 2200, 8600) };
    case 'worker':
      return rng.chance(0.04) ? { category: 'unemployed', incomeFen: null } : employed(2400, 7200);
    case 'civil_servant':
    case 'institution_staff':
      return employed(3800, 12500);
    case 'enterprise_staff':
      return employed(3200, 16800);
    default:
      return rng.weighted<{ category: DuesCategory; incomeFen: number | null }>([
        [{ category: 'farmer', incomeFen: null }, 5],
        [{ category: 'unemployed', incomeFen: null }, 2],
        [{ category: 'subsistence', incomeFen: null }, 1],
        [employed(2000, 6200), 2],
      ]);
  }
}

/** How a member pays over the window. */
type Habit = 'regular' | 'late' | 'arrears' | 'flagged' | 'explained';

async function loadDues(ctx: Ctx, c: LoadedCounty, rng: Random, log: (line: string) => void): Promise<void> {
  const started = Date.now();
  const now = ctx.clock().toISOString();
  const today = chinaDay(ctx.clock());
  const current = today.slice(0, 7);
  const months = Array.from({ length: MONTHS }, (_, i) => prevMonth(current, MONTHS - 1 - i));
  const day = Number(today.slice(8, 10));
  const profiles: Profile[] = [];
  const habits = new Map<number, Habit>();
  for (const m of c.county.members) {
    const r = rng.fork(profiles.length);
    const memberId = c.memberIds.get(m.key)!;
    const p = profileOf(r, m.category);
    const habit: Habit = r.weighted<Habit>([
      ['regular', 880],
      ['late', 80],
      ['arrears', 30],
      ['flagged', 4],
      ['explained', 1],
    ]);
    habits.set(memberId, habit);
    const exempt = p.category === 'subsistence' && r.chance(0.05);
    profiles.push({
      memberId,
      orgId: c.orgIds.get(m.orgKey)!,
      orgPath: c.orgPaths.get(m.orgKey)!,
      joinedAt: m.joinedAt,
      ...p,
      exempt,
    });
  }

  const bulk = new Bulk(ctx);
  let counts = { bills: 0, payments: 0, pending: 0, unpaid: 0 };
  await bulk.withoutIndexes(DUES_TABLES, async () => {
    const explained = (id: number) => habits.get(id) === 'explained';
    await bulk.insert(
      'dues_profiles',
      PROFILE_COLUMNS,
      profiles.map((p) => [
        c.tenantId,
        p.memberId,
        p.category,
        p.incomeFen,
        null,
        p.exempt ? 1 : 0,
        p.exempt ? '家庭生活困难，经支部党员大会讨论、报上级党委批准免交' : null,
        explained(p.memberId) ? '长期在外务工，已电话联系，承诺返乡后补交' : null,
        explained(p.memberId) ? now : null,
        null,
        now,
        now,
      ]),
    );
    counts = await writeMonths(bulk, c, rng, { profiles, habits, months, current, day, now });
  });
  await bulk.fixSequences(DUES_TABLES);
  // Fresh statistics so that the planner takes the scope index of the bills.
  if (ctx.database.sqlite)
    ctx.database.sqlite.exec('pragma analysis_limit = 1000; analyze dues_bills; analyze dues_payments');
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  log(
    `  党费 dues：${profiles.length} 份党费档案 profiles，${counts.bills} 笔账单 bills，` +
      `${counts.payments} 笔缴纳 payments（${counts.pending} 笔补交待审核 awaiting review），` +
      `${counts.unpaid} 笔未缴 unpaid；${seconds} 秒 s`,
  );
}

interface Plan {
  profiles: Profile[];
  habits: Map<number, Habit>;
  months: string[];
  current: string;
  day: number;
  now: string;
}

interface BillPlan {
  memberId: number;
  month: string;
  amountFen: number;
  paidFen: number;
  exempt: boolean;
  profile: Profile;
}
interface PaymentPlan {
  profile: Profile;
  paidOn: string;
  method: DuesPaymentMethod;
  reference: string | null;
  status: 'recorded' | 'pending' | 'approved';
  back: boolean;
  bills: BillPlan[];
}

const dayOf = (month: string, d: number) => `${month}-${String(d).padStart(2, '0')}`;

/** Plans every bill and payment of the window, then writes bills, payments and their parts in batches. */
async function writeMonths(bulk: Bulk, c: LoadedCounty, rng: Random, plan: Plan) {
  const { months, current, day, now } = plan;
  const bills: BillPlan[] = [];
  const payments: PaymentPlan[] = [];
  const scales = NATIONAL_VERSION.scales;
  for (const p of plan.profiles) {
    const r = rng.fork(p.memberId);
    const habit = plan.habits.get(p.memberId)!;
    const mine = months
      .filter((m) => p.joinedAt <= `${m}-31`)
      .map((month) => {
        const amountFen = p.exempt ? 0 : duesFen(scales[p.category], p.incomeFen, null);
        return { memberId: p.memberId, month, amountFen, paidFen: 0, exempt: p.exempt, profile: p };
      });
    bills.push(...mine);
    if (p.exempt) continue;
    const cash = p.category === 'farmer' || p.category === 'subsistence' || p.category === 'unemployed';
    const method = (): DuesPaymentMethod =>
      cash
        ? r.chance(0.9)
          ? 'cash'
          : 'online'
        : r.weighted([
            ['transfer', 5],
            ['online', 4],
            ['cash', 1],
          ] as const);
    const pay = (billsPaid: BillPlan[], paidOn: string, back: boolean, status: PaymentPlan['status']) => {
      const m = method();
      const reference =
        m === 'cash' ? null : `${m === 'online' ? 'WX' : 'YH'}${paidOn.replaceAll('-', '')}${r.int(100000, 999999)}`;
      for (const b of billsPaid) if (status !== 'pending') b.paidFen = b.amountFen;
      payments.push({ profile: p, paidOn, method: m, reference, status, back, bills: billsPaid });
    };
    // The flagged pay nothing from seven to nine months back; the others follow their habit.
    const silentFrom = habit === 'flagged' || habit === 'explained' ? prevMonth(current, r.int(6, 9)) : null;
    const late: BillPlan[] = [];
    for (const b of mine) {
      if (silentFrom && b.month >= silentFrom) continue;
      if (b.month === current) {
        if (r.chance(Math.min(0.85, day / 18)))
          pay([b], dayOf(b.month, r.int(1, Math.min(day, 10))), false, 'recorded');
        continue;
      }
      const skip = (habit === 'late' && r.chance(0.25)) || (habit === 'arrears' && r.chance(0.3));
      if (!skip) pay([b], dayOf(b.month, r.int(1, 10)), false, 'recorded');
      else if (habit === 'late') late.push(b);
    }
    // Late payers catch up in a later month (15th–25th), one back payment per month: approved, or still
    // awaiting review when recent.
    const catchUp = new Map<string, BillPlan[]>();
    for (const b of late) {
      const to = months[Math.min(months.indexOf(b.month) + r.int(1, 3), months.length - 1)]!;
      catchUp.set(to, [...(catchUp.get(to) ?? []), b]);
    }
    for (const [to, owed] of catchUp) {
      const paidDay = r.int(15, 25);
      if (to === current && paidDay > day) continue;
      const recent = months.indexOf(to) >= months.length - 2;
      pay(owed, dayOf(to, paidDay), true, recent && r.chance(0.6) ? 'pending' : 'approved');
    }
  }

  // Explicit ids: the payments' parts name their bills and payments without reading anything back.
  let nextBill = await bulk.nextId('dues_bills');
  const billId = new Map<BillPlan, number>();
  await bulk.insert(
    'dues_bills',
    BILL_COLUMNS,
    bills.map((b) => {
      billId.set(b, nextBill);
      const p = b.profile;
      const base = NATIONAL_VERSION.scales[p.category].kind === 'rate' ? p.incomeFen : null;
      const status = billStatus(b.amountFen, b.paidFen, b.exempt);
      return [nextBill++, c.tenantId, p.orgId, p.orgPath, b.memberId, b.month, p.category, base, b.amountFen].concat([
        NATIONAL_VERSION.version,
        b.paidFen,
        status,
        now,
        now,
        null,
      ]);
    }),
  );
  let nextPayment = await bulk.nextId('dues_payments');
  const items: Row[] = [];
  await bulk.insert(
    'dues_payments',
    PAYMENT_COLUMNS,
    payments.map((p) => {
      const id = nextPayment++;
      for (const b of p.bills) items.push([id, billId.get(b)!, b.amountFen]);
      const amount = p.bills.reduce((s, b) => s + b.amountFen, 0);
      const reviewed = p.status === 'approved' ? `${p.paidOn}T08:00:00.000Z` : null;
      const { orgId, orgPath, memberId } = p.profile;
      return [id, c.tenantId, orgId, orgPath, memberId, p.paidOn, amount, p.method, p.status, p.reference, null].concat(
        [p.back ? 1 : 0, null, null, reviewed, null, `${p.paidOn}T02:00:00.000Z`, now, null],
      );
    }),
  );
  await bulk.insert('dues_payment_bills', ['payment_id', 'bill_id', 'amount_fen'], items);
  return {
    bills: bills.length,
    payments: payments.length,
    pending: payments.filter((p) => p.status === 'pending').length,
    unpaid: bills.filter((b) => !b.exempt && b.paidFen < b.amountFen).length,
  };
}

/** The dues module's part of the demo. */
export const duesContributor: DemoContributor = {
  name: 'dues',
  load: loadDues,
};
