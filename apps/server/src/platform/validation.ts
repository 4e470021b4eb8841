/**
 * A refused request in words: Ajv's errors (`/residents/0/name must NOT have more than 40 characters`) become one
 * line per field that names it as a person does ("家庭成员（第1项）姓名最多40个字符，现有45个") from the contracts'
 * field labels, with the field's path for the form to show it on. A JSON-schema path never reaches the message.
 */
import { FIELD_LABELS, LABEL_KEYWORD, type Labelled } from '@dangjian/contracts';

type Locale = 'zh-CN' | 'en';

/** One Ajv error, as Fastify hands it over. */
export interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** A field the request got wrong: its key, its path (for the form), its name in words and what is wrong. */
export interface FieldProblem {
  field: string;
  path: (string | number)[];
  label: string;
  message: string;
  keyword: string;
  /** Ajv's path, for programs (never shown). */
  instancePath: string;
}

type SchemaNode = {
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  allOf?: SchemaNode[];
  [LABEL_KEYWORD]?: Labelled;
};

/** Keywords that only say a union did not match: a branch's own error says more when there is one. */
const UNION_NOISE = new Set(['anyOf', 'oneOf', 'const', 'enum', 'type']);
/** The fields named in one message at most (the rest are in `fields`). */
const MAX_IN_MESSAGE = 3;

/** The validation refusal of a request part (`body`, `querystring`, `params`) in the caller's language. */
export function describeValidation(
  errors: AjvError[],
  schema: unknown,
  value: unknown,
  locale: Locale,
): { message: string; fields: FieldProblem[] } {
  const byPath = new Map<string, AjvError[]>();
  for (const e of errors) {
    const path = pathOf(e);
    const key = JSON.stringify(path);
    byPath.set(key, [...(byPath.get(key) ?? []), e]);
  }
  const fields: FieldProblem[] = [];
  for (const [key, list] of byPath) {
    const path = JSON.parse(key) as (string | number)[];
    const chosen = list.find((e) => !UNION_NOISE.has(e.keyword)) ?? pickUnion(list);
    const label = labelOf(schema as SchemaNode | undefined, path, locale);
    fields.push({
      field: String(path.filter((p) => typeof p === 'string').at(-1) ?? ''),
      path,
      label,
      message: sentence(chosen, label, valueAt(value, path), locale),
      keyword: chosen.keyword,
      instancePath: chosen.instancePath,
    });
  }
  // A nested refusal (a resident's name) is more telling than the whole list's, which Ajv also reports.
  const shown = fields.filter((f) => !fields.some((o) => o !== f && isPrefix(f.path, o.path)));
  const messages = [...new Set(shown.map((f) => f.message))];
  const more = messages.length > MAX_IN_MESSAGE;
  const sep = locale === 'en' ? '; ' : '；';
  const tail = more ? (locale === 'en' ? '; and more' : '等') : '';
  return { message: messages.slice(0, MAX_IN_MESSAGE).join(sep) + tail, fields: shown };
}

/** The path of the field an error concerns, a missing or unknown property included. */
function pathOf(e: AjvError): (string | number)[] {
  const parts = e.instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const extra = e.params.missingProperty ?? e.params.additionalProperty;
  return typeof extra === 'string' ? [...parts, extra] : parts;
}

/** Of the errors of a union alone: a value out of a list says so, otherwise the value's form is wrong. */
function pickUnion(list: AjvError[]): AjvError {
  return list.find((e) => e.keyword === 'const' || e.keyword === 'enum') ?? list[0]!;
}

/** Whether `a` is a strict prefix of `b`. */
function isPrefix(a: (string | number)[], b: (string | number)[]): boolean {
  return a.length < b.length && a.every((p, i) => p === b[i]);
}

/** The value at a path of the request part (to say how long a text is). */
function valueAt(value: unknown, path: (string | number)[]): unknown {
  let v = value;
  for (const p of path) v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[p] : undefined;
  return v;
}

/** The schema of a property (looking through a union such as Nullable, and an intersection). */
function propertyOf(node: SchemaNode | undefined, key: string): SchemaNode | undefined {
  if (!node) return undefined;
  if (node.properties?.[key]) return node.properties[key];
  for (const b of [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])]) {
    const found = propertyOf(b, key);
    if (found) return found;
  }
  return undefined;
}

/** The items of a list schema (through a union). */
function itemsOf(node: SchemaNode | undefined): SchemaNode | undefined {
  if (!node) return undefined;
  if (node.items) return node.items;
  for (const b of [...(node.anyOf ?? []), ...(node.oneOf ?? [])]) if (b.items) return b.items;
  return undefined;
}

/** A property's own label (on it or on a branch of its union). */
function ownLabel(node: SchemaNode | undefined): Labelled | undefined {
  if (!node) return undefined;
  return node[LABEL_KEYWORD] ?? [...(node.anyOf ?? []), ...(node.oneOf ?? [])].map(ownLabel).find(Boolean);
}

/** The name in words of a field by its path: 家庭成员（第1项）姓名 / Residents (#1) name. */
export function labelOf(schema: SchemaNode | undefined, path: (string | number)[], locale: Locale): string {
  const en = locale === 'en';
  let node = schema;
  let text = '';
  for (const p of path) {
    if (typeof p === 'number') {
      node = itemsOf(node);
      text += en ? ` (#${p + 1})` : `（第${p + 1}项）`;
      continue;
    }
    node = propertyOf(node, p);
    const l = ownLabel(node) ?? FIELD_LABELS[p];
    const word = l ? (en ? l.en : l.zh) : en ? 'a field' : '某项内容';
    text += text ? (en ? ` ${word.toLowerCase()}` : word) : word;
  }
  return text || (en ? 'The request' : '提交的内容');
}

/** The message of one error about a field named `label` whose value is `value`. */
function sentence(e: AjvError, label: string, value: unknown, locale: Locale): string {
  const en = locale === 'en';
  const limit = e.params.limit as number | undefined;
  const length = typeof value === 'string' ? [...value].length : undefined;
  switch (e.keyword) {
    case 'maxLength':
      return en
        ? `${label}: at most ${limit} characters${length !== undefined ? ` (${length} given)` : ''}`
        : `${label}最多${limit}个字符${length !== undefined ? `，现有${length}个` : ''}`;
    case 'minLength':
      if (limit === 1) return en ? `${label} is required` : `请填写${label}`;
      return en ? `${label}: at least ${limit} characters` : `${label}至少${limit}个字符`;
    case 'required':
      return en ? `${label} is required` : `请填写${label}`;
    case 'maxItems':
      return en ? `${label}: at most ${limit} items` : `${label}最多${limit}项`;
    case 'minItems':
      return en ? `${label}: at least ${limit} items` : `${label}至少${limit}项`;
    case 'uniqueItems':
      return en ? `${label}: an item is repeated` : `${label}有重复项`;
    case 'minimum':
    case 'exclusiveMinimum':
      return en ? `${label} is too small (at least ${limit})` : `${label}不能小于${limit}`;
    case 'maximum':
    case 'exclusiveMaximum':
      return en ? `${label} is too large (at most ${limit})` : `${label}不能大于${limit}`;
    case 'const':
    case 'enum':
      return en ? `${label}: not one of the choices` : `${label}不是可选的值`;
    case 'additionalProperties':
      return en ? `${label} is not a field of this form` : `${label}不是此表单的内容`;
    case 'minProperties':
      return en ? 'Nothing to save' : '没有要保存的内容';
    default:
      return en ? `${label}: invalid format` : `${label}格式不正确`;
  }
}
