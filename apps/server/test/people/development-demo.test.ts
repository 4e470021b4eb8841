/** The demo's development paths keep every time rule of the catalogue, step after step, and are deterministic. */
import { DEVELOPMENT_RULE_DEFAULTS, DEVELOPMENT_STEPS, type DevelopmentStage } from '@dangjian/contracts';
import { describe, expect, it } from 'vitest';
import { checkStep, probationEndOf, type TimedCandidate } from '../../src/areas/people/development/development.time.js';
import { probation, shift, toApproval } from '../../src/demo/development/plan.js';
import { Random } from '../../src/demo/random.js';

const RULES = { ...DEVELOPMENT_RULE_DEFAULTS };

describe('the demo development paths', () => {
  it('record every step in order and within its time rules, from application to conversion', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const rng = new Random(seed);
      const applied = rng.date('2022-01-01', '2024-12-31');
      const path = toApproval(rng, applied);
      // Shifted as an admitted member's path is, onto its joining day.
      const moved = shift(path, seed % 7);
      const steps = [...moved, ...probation(rng, moved.at(-1)![1])];
      const c: TimedCandidate = { stage: 'applicant', probationEnd: null, done: {} };
      for (const [step, date] of steps) {
        if (step !== 'application')
          expect(checkStep(step, date, c, RULES, false), `${seed} ${step} ${date}`).toBeNull();
        c.done[step] = date;
        const to = DEVELOPMENT_STEPS[step].moveTo;
        if (to) c.stage = to as DevelopmentStage;
        if (step === 'approval') c.probationEnd = probationEndOf(date, RULES, 0);
      }
      expect(c.stage).toBe('full');
    }
  });

  it('is the same path for the same seed', () => {
    expect(toApproval(new Random(42), '2024-03-01')).toEqual(toApproval(new Random(42), '2024-03-01'));
  });
});
