/** The answers' serializer writes what the schema declares, enums and nullable values as plain types. */
import { describe, expect, it } from 'vitest';
import { Type } from '@sinclair/typebox';
import { Nullable, KeyOf } from '@dangjian/contracts';
import { forWriting, serializerCompiler } from './serialize.js';

const Row = Type.Object({
  id: Type.Integer(),
  gender: KeyOf({ male: 1, female: 1 }),
  education: Nullable(KeyOf({ college: 1, master: 1 })),
  phone: Nullable(Type.String()),
  org: Nullable(Type.Object({ id: Type.Integer() })),
});

describe('the answers serializer', () => {
  it('turns unions of plain values into types and keeps unions of objects', () => {
    const s = forWriting(Row) as { properties: Record<string, { type?: unknown; anyOf?: unknown }> };
    expect(s.properties.gender.type).toBe('string');
    expect(s.properties.education.type).toEqual(['null', 'string']);
    expect(s.properties.phone.type).toEqual(['null', 'string']);
    expect(s.properties.org.anyOf).toHaveLength(2);
  });

  it('writes the same JSON as before for declared fields and drops the undeclared ones', () => {
    const write = serializerCompiler({ schema: Row });
    const row = { id: 7, gender: 'female', education: null, phone: '138****0000', org: { id: 3 }, secret: 'x' };
    expect(JSON.parse(write(row))).toEqual({
      id: 7,
      gender: 'female',
      education: null,
      phone: '138****0000',
      org: { id: 3 },
    });
    expect(JSON.parse(write({ ...row, education: 'master', org: null }))).toMatchObject({
      education: 'master',
      org: null,
    });
  });
});
