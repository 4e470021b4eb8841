/**
 * The time rules of the 25 steps, pure: from a candidate's recorded steps and the rules in force, when each step
 * opens, when it is due and past when it closes; which step comes next; and whether a step may be recorded on a
 * day (the refusal names the rule and the day it opens or closed). No clock, no database: the tests drive it.
 */
import {
  addDays,
  addMonths,
  addWorkingDays,
  DEVELOPMENT_STEP_KEYS,
  DEVELOPMENT_STEPS,
  type DevelopmentRules,
  type DevelopmentStage,
  type DevelopmentStepKey,
  type ErrorCode,
  type NextStepState,
  type RuleSpan,
  type StepTiming,
} from '@dangjian/contracts';

/** What the rules need of a candidate: its stage, the end of its probation, its steps' days (latest of each). */
export interface TimedCandidate {
  stage: DevelopmentStage;
  probationEnd: string | null;
  done: Partial<Record<DevelopmentStepKey, string>>;
}

/** The days a step's rules give: opens (earliest), due (latest without a reason), closes (latest at all). */
export interface StepWindow {
  step: DevelopmentStepKey;
  opensOn: string | null;
  dueOn: string | null;
  closesOn: string | null;
  /** The rule behind each day, for the refusal's details. */
  opensBy: string | null;
  dueBy: string | null;
  closesBy: string | null;
}

/**
 * The day a span after `from` reaches. Days and months count calendar time (a month clamps at the month's end);
 * working days count the holiday calendar's working days from `from` itself: the window ends on the n-th.
 */
export function spanEnd(from: string, n: number, unit: RuleSpan['unit']): string {
  if (unit === 'days') return addDays(from, n);
  if (unit === 'months') return addMonths(from, n);
  return addWorkingDays(addDays(from, -1), n);
}

function base(c: TimedCandidate, t: StepTiming): string | null {
  if (t.from === 'probation_end') return c.probationEnd;
  return c.done[t.from] ?? (t.fallback ? (c.done[t.fallback] ?? null) : null);
}

/** The window of a step for a candidate under the rules (null days where no rule or its start is not there). */
export function windowOf(step: DevelopmentStepKey, c: TimedCandidate, rules: DevelopmentRules): StepWindow {
  const w: StepWindow = {
    step,
    opensOn: null,
    dueOn: null,
    closesOn: null,
    opensBy: null,
    dueBy: null,
    closesBy: null,
  };
  for (const t of DEVELOPMENT_STEPS[step].timing) {
    const from = base(c, t);
    if (!from) continue;
    if (t.notBefore && (!w.opensOn || from > w.opensOn)) {
      w.opensOn = from;
      w.opensBy = t.from;
    }
    if (t.min) {
      const end = spanEnd(from, rules[t.min.rule], t.min.unit);
      // A minimum of working days is served once its last day has passed; days and months reach their day.
      const opens = t.min.unit === 'working_days' ? addDays(end, 1) : end;
      if (!w.opensOn || opens > w.opensOn) {
        w.opensOn = opens;
        w.opensBy = t.min.rule;
      }
    }
    if (t.max) {
      const due = spanEnd(from, rules[t.max.rule], t.max.unit);
      if (!w.dueOn || due < w.dueOn) {
        w.dueOn = due;
        w.dueBy = t.max.rule;
      }
    }
    if (t.hardMax) {
      const closes = spanEnd(from, rules[t.hardMax.rule], t.hardMax.unit);
      if (!w.closesOn || closes < w.closesOn) {
        w.closesOn = closes;
        w.closesBy = t.hardMax.rule;
      }
    }
  }
  return w;
}

/** Steps of the catalogue not yet recorded whose earlier steps are (a repeated step stays available). */
export function availableSteps(c: TimedCandidate): DevelopmentStepKey[] {
  return DEVELOPMENT_STEP_KEYS.filter((k) => {
    const s = DEVELOPMENT_STEPS[k];
    if (s.stage !== c.stage) return false;
    if (c.done[k] && !s.repeats) return false;
    return s.after.every((a) => c.done[a]);
  });
}

/**
 * The step a candidate answers next: the first step of its stage, in catalogue order, not yet recorded (a
 * repeated step counts once recorded); null for a candidacy that has ended.
 */
export function nextStepOf(c: TimedCandidate): DevelopmentStepKey | null {
  for (const k of DEVELOPMENT_STEP_KEYS) {
    const s = DEVELOPMENT_STEPS[k];
    if (s.stage === c.stage && !c.done[k]) return k;
  }
  return null;
}

/** Where a step's window stands on a day (due soon: within `warnDays` of its due day). */
export function stateOn(w: Pick<StepWindow, 'opensOn' | 'dueOn'>, today: string, warnDays: number): NextStepState {
  if (w.dueOn && today > w.dueOn) return 'overdue';
  if (w.opensOn && today < w.opensOn) return 'not_yet';
  if (w.dueOn && addDays(today, warnDays) >= w.dueOn) return 'due_soon';
  return 'open';
}

/** A refusal of a step: its code and the details naming the rule and its day. */
export interface StepRefusal {
  code: ErrorCode;
  details: Record<string, unknown>;
}

/**
 * Whether a step may be recorded on `date`: its stage, its earlier steps, not before the latest of them, and its
 * time rules. Past the due day it goes through only with a written reason (`override`), never past the closing day
 * nor before the opening day. Null: it may.
 */
export function checkStep(
  step: DevelopmentStepKey,
  date: string,
  c: TimedCandidate,
  rules: DevelopmentRules,
  override: boolean,
): StepRefusal | null {
  const s = DEVELOPMENT_STEPS[step];
  if (s.stage !== c.stage) return { code: 'development.wrong_stage', details: { step, stage: c.stage } };
  if (c.done[step] && !s.repeats) return { code: 'development.already_done', details: { step } };
  const missing = s.after.filter((a) => !c.done[a]);
  if (missing.length) return { code: 'development.out_of_order', details: { step, missing } };
  const previous = s.after.map((a) => c.done[a]!).sort();
  const latest = previous[previous.length - 1];
  if (latest && date < latest)
    return { code: 'development.date_before_previous', details: { step, previous: latest, field: 'date' } };
  const w = windowOf(step, c, rules);
  if (w.opensOn && date < w.opensOn)
    return { code: 'development.too_early', details: { step, rule: w.opensBy, opensOn: w.opensOn, field: 'date' } };
  if (w.closesOn && date > w.closesOn)
    return {
      code: 'development.beyond_limit',
      details: { step, rule: w.closesBy, closedOn: w.closesOn, field: 'date' },
    };
  if (w.dueOn && date > w.dueOn && !override)
    return {
      code: 'development.too_late',
      details: { step, rule: w.dueBy, dueOn: w.dueOn, field: 'overrideReason' },
    };
  return null;
}

/** Whether recording a step on `date` needs the written reason (it is past its due day). */
export function isLate(step: DevelopmentStepKey, date: string, c: TimedCandidate, rules: DevelopmentRules): boolean {
  const w = windowOf(step, c, rules);
  return w.dueOn != null && date > w.dueOn;
}

/** The end of probation: the approval day plus the probation and any extension. */
export function probationEndOf(admittedOn: string, rules: DevelopmentRules, extendedMonths: number): string {
  return addMonths(admittedOn, rules.probationMonths + extendedMonths);
}
