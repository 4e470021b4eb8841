/** The income classes at their thresholds (seed 004: 振兴 ≥ 200万, 富裕 ≥ 100万, 小康 ≥ 50万, below them 薄弱). */
import { describe, expect, it } from 'vitest';
import { INCOMES_RULE_DEFAULTS, incomeClassOf } from './incomes.js';

const WAN = 10_000 * 100;

describe('incomeClassOf', () => {
  it('gives the higher class at a threshold exactly and the lower one a fen below it', () => {
    const rules = { ...INCOMES_RULE_DEFAULTS };
    expect(incomeClassOf(200 * WAN, rules)).toBe('revitalized');
    expect(incomeClassOf(200 * WAN - 1, rules)).toBe('prosperous');
    expect(incomeClassOf(100 * WAN, rules)).toBe('prosperous');
    expect(incomeClassOf(100 * WAN - 1, rules)).toBe('comfortable');
    expect(incomeClassOf(50 * WAN, rules)).toBe('comfortable');
    expect(incomeClassOf(50 * WAN - 1, rules)).toBe('weak');
    expect(incomeClassOf(0, rules)).toBe('weak');
    expect(incomeClassOf(3700 * WAN, rules)).toBe('revitalized');
  });

  it('follows the rules it is given, not the defaults', () => {
    const rules = { revitalizedFen: 300 * WAN, prosperousFen: 150 * WAN, comfortableFen: 60 * WAN };
    expect(incomeClassOf(200 * WAN, rules)).toBe('prosperous');
    expect(incomeClassOf(55 * WAN, rules)).toBe('weak');
  });
});
