import { describe, expect, it } from 'vitest';
import { fieldOfCode } from './formErrors';
import { chinaDateTime, oldestFirst } from './Timeline';
import { offeredMoves, withoutBlanks } from './WorkflowActionBar';

describe('workflow action bar', () => {
  const moves = {
    accept: { label: { zh: '受理', en: 'Accept' } },
    close: { label: { zh: '办结', en: 'Close' }, required: ['note'] },
    rate: { label: { zh: '评价', en: 'Rate' }, required: ['satisfaction'] },
  };
  it('offers only the moves the server allows, known to the flow, in the flow order', () => {
    expect(offeredMoves(['rate', 'accept', 'delete'], moves)).toEqual(['accept', 'rate']);
    expect(offeredMoves(['rate', 'accept'], moves, ['rate'])).toEqual(['accept']);
    expect(offeredMoves([], moves)).toEqual([]);
    expect(offeredMoves(undefined, moves)).toEqual([]);
  });
  it('sends no blank field', () => {
    expect(withoutBlanks({ note: '  ', ownerId: 3, x: null, y: undefined, z: 'ok' })).toEqual({ ownerId: 3, z: 'ok' });
  });
});

describe('timeline', () => {
  it('shows instants in China time wherever the browser is', () => {
    expect(chinaDateTime('2026-01-31T16:30:00Z')).toBe('2026-02-01 00:30');
    expect(chinaDateTime('2026-06-01T01:05:00.000Z')).toBe('2026-06-01 09:05');
    expect(chinaDateTime(null)).toBe('');
    expect(chinaDateTime('not a date')).toBe('not a date');
  });
  it('puts the oldest event first, same instants by id', () => {
    const ev = [
      { id: 3, at: '2026-01-02T00:00:00Z' },
      { id: 2, at: '2026-01-01T00:00:00Z' },
      { id: 1, at: '2026-01-02T00:00:00Z' },
    ];
    expect(oldestFirst(ev).map((e) => e.id)).toEqual([2, 1, 3]);
  });
});

describe('form errors', () => {
  it('maps a code to its field: the form own map first, then the shared one', () => {
    expect(fieldOfCode('members.invalid_id_number')).toBe('idNumber');
    expect(fieldOfCode('members.invalid_id_number', { 'members.invalid_id_number': 'id' })).toBe('id');
    expect(fieldOfCode('things.unknown')).toBeUndefined();
  });
});
