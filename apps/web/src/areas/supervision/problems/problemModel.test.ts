import { describe, expect, it } from 'vitest';
import { PROBLEM_FLOW } from '@dangjian/contracts';
import { moveCall, PROBLEM_EVENT_KINDS, sourcePagePath } from './problemModel';

describe('problem moves on the API', () => {
  it('names each move by its route, the follow-up check by one route that holds or reopens', () => {
    expect(moveCall(7, 'assign', { responsibleName: '王', dueOn: '2026-12-31', note: '补齐' })).toEqual([
      '/api/problems/7/assign',
      { responsibleName: '王', dueOn: '2026-12-31', note: '补齐' },
    ]);
    expect(moveCall(7, 'followUp', { result: '巩固' })).toEqual([
      '/api/problems/7/follow-up',
      { result: '巩固', holds: true },
    ]);
    expect(moveCall(7, 'reopen', { result: '反弹', dueOn: '2027-01-31' })).toEqual([
      '/api/problems/7/follow-up',
      { result: '反弹', dueOn: '2027-01-31', holds: false },
    ]);
  });
  it('keeps a note written on a move whose body has none after that move’s own text', () => {
    expect(moveCall(3, 'claim', { claimNote: '已整改', note: '附照片' })).toEqual([
      '/api/problems/3/claim',
      { claimNote: '已整改\n附照片' },
    ]);
    expect(moveCall(3, 'reject', { reason: '记录仍缺' })).toEqual(['/api/problems/3/reject', { reason: '记录仍缺' }]);
  });
  it('names every move of the flow on the timeline in words', () => {
    for (const a of Object.values(PROBLEM_FLOW.actions)) expect(PROBLEM_EVENT_KINDS[a.event]).toEqual(a.label);
  });
});

describe("a problem's source page", () => {
  it('is the console path, without the area', () => {
    expect(sourcePagePath('/supervision/inspections/3')).toBe('/inspections/3');
    expect(sourcePagePath('/people/development/9')).toBe('/development/9');
    expect(sourcePagePath('/inspections/3')).toBe('/inspections/3');
    expect(sourcePagePath(null)).toBeNull();
  });
});
