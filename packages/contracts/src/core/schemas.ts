/** TypeBox schemas of the API: they validate on the server, document OpenAPI and type the web client. */
import { Type, type TProperties, type TSchema } from '@sinclair/typebox';
import { AGE_BANDS } from './enums.js';
/** A string union schema of an enum map's keys. */
export function KeyOf<T extends Record<string, unknown>>(map: T, description?: string) {
  return Type.Union(
    Object.keys(map).map((k) => Type.Literal(k)),
    description ? { description } : {},
  ) as unknown as TSchema & { static: keyof T & string };
}

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
/**
 * A calendar date `YYYY-MM-DD`: the pattern fixes the shape and `format: 'date'` (ajv-formats, full mode) the
 * calendar, so `9999-99-99` and `2026-02-30` are a 400 `validation`. Every date parameter and body field uses it.
 */
export const DateString = (description?: string) =>
  Type.String({ pattern: DATE_PATTERN, format: 'date', description, examples: ['2021-07-01'] });
/** A value or null; null comes first so that type coercion of request data never turns null into 0 or ''. */
export const Nullable = <T extends TSchema>(s: T) => Type.Union([Type.Null(), s]);
/** The largest id: every id column is a 32-bit integer on PostgreSQL, so a bigger number can name nothing. */
export const MAX_ID = 2_147_483_647;
/** A row id in a path, query or body: a positive 32-bit integer. */
export const Id = (description?: string) =>
  Type.Integer({ minimum: 1, maximum: MAX_ID, ...(description ? { description } : {}) });
/** The largest page number a list accepts (beyond it there is nothing to show; `Infinity` is refused). */
export const MAX_PAGE = 1_000_000;
/**
 * Marks a string of a write body that the free-text guard leaves as typed: a structured personal number
 * guarded by its own field (encrypted, hashed, masked), or a secret. Every other string of every body has
 * its phone and ID numbers masked before a service sees it (see apps/server/src/platform/personalText.ts).
 */
export const VERBATIM = { 'x-verbatim': true } as const;

export const ErrorSchema = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), details: Type.Optional(Type.Unknown()) }),
});

/** Paging of every list: bounded integers (`page=Infinity`, `1e309`, `-1` are a 400 `validation`). */
export const Paging = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 20 })),
};

/**
 * The body of an upload route: one multipart part named `file`, read by the handler (not validated here,
 * hence `nullable`). Declared so that OpenAPI shows the route as `multipart/form-data`.
 */
export const MultipartFile = {
  content: {
    'multipart/form-data': {
      schema: { type: 'object', nullable: true, properties: { file: { type: 'string', format: 'binary' } } },
    },
  },
};

/** `{ items, total }` of a list. */
export function ListOf<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), total: Type.Integer() });
}

/** A write body: its fields and nothing else. */
export function Body<T extends TProperties>(fields: T) {
  return Type.Object(fields, { additionalProperties: false });
}

/** A required text field of a body: not blank, at most `max` characters. */
export const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

/** When a record was created and last changed, and when it was deleted (null while it lives). */
export const Stamps = { createdAt: Type.String(), updatedAt: Type.String(), deletedAt: Nullable(Type.String()) };

/** The keys every record of an organization starts with: its id, its organization's id and name. */
export const OrgRecord = { id: Type.Integer(), orgId: Type.Integer(), orgName: Type.String() };

/** The filters every list of org-owned records starts with: the subtree's root and a search text. */
export const ScopeFilter = {
  org: Type.Optional(Id()),
  q: Type.Optional(Type.String({ maxLength: 40 })),
};

/** The query of a list: the scope filter, the list's own filters, and paging. */
export function ListQuery<T extends TProperties>(filters: T) {
  return Type.Object({ ...ScopeFilter, ...filters, ...Paging });
}

export const IdParams = Type.Object({ id: Id() });
export const Ok = Type.Object({ ok: Type.Boolean() }, { additionalProperties: true });

export { AGE_BANDS };
