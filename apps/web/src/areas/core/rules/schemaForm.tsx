/**
 * A form over the JSON schema of one rule's value, as `GET /api/rules/:set` sends it: numbers with their bounds,
 * booleans, enums, objects of those, and null where the schema allows it. Validation messages are Chinese first.
 */
import { InputNumber, Radio, Select, Space, Switch } from 'antd';
import type { Labelled } from '@dangjian/contracts';

/** The part of JSON Schema that rule values use. */
export interface JsonSchema {
  type?: string;
  anyOf?: JsonSchema[];
  const?: unknown;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  minimum?: number;
  maximum?: number;
}

/** Labels a form needs besides the keys': properties inside objects, enum values, and what null means. */
export interface SchemaLabels {
  fieldLabels: Record<string, Labelled>;
  enumLabels: Record<string, Record<string, Labelled>>;
  nullLabel: Labelled | null;
}

type T = (zh: string, en: string) => string;

/** The schema without its null alternative, and whether null is allowed. */
export function unwrapNull(s: JsonSchema): { inner: JsonSchema; nullable: boolean } {
  const alts = s.anyOf;
  if (alts?.some((a) => a.type === 'null')) {
    const rest = alts.filter((a) => a.type !== 'null');
    return { inner: rest.length === 1 ? rest[0]! : { anyOf: rest }, nullable: true };
  }
  return { inner: s, nullable: s.type === 'null' };
}

/** The allowed values of an enum schema (a union of constants), or null. */
export function enumValues(s: JsonSchema): string[] | null {
  if (s.enum) return s.enum.map(String);
  if (s.anyOf?.length && s.anyOf.every((a) => a.const !== undefined)) return s.anyOf.map((a) => String(a.const));
  return null;
}

/** A starting value for a schema (used when a null value is switched on). */
export function emptyValue(s: JsonSchema): unknown {
  const { inner } = unwrapNull(s);
  const e = enumValues(inner);
  if (e) return e[0];
  if (inner.type === 'integer' || inner.type === 'number') return inner.minimum ?? 0;
  if (inner.type === 'boolean') return false;
  if (inner.type === 'object') {
    const out: Record<string, unknown> = {};
    for (const p of inner.required ?? []) out[p] = emptyValue(inner.properties?.[p] ?? {});
    return out;
  }
  return '';
}

function bounds(s: JsonSchema, t: T): string {
  if (s.minimum != null && s.maximum != null) return t(`${s.minimum}–${s.maximum}`, `${s.minimum}–${s.maximum}`);
  if (s.minimum != null) return t(`不小于 ${s.minimum}`, `at least ${s.minimum}`);
  if (s.maximum != null) return t(`不大于 ${s.maximum}`, `at most ${s.maximum}`);
  return t('任意', 'any');
}

/** Every problem of a value against its schema, as sentences naming the field (Chinese first). */
export function validateValue(s: JsonSchema, value: unknown, name: string, labels: SchemaLabels, t: T): string[] {
  const { inner, nullable } = unwrapNull(s);
  if (value === null || value === undefined) return nullable ? [] : [t(`请填写「${name}」`, `Enter ${name}`)];
  const e = enumValues(inner);
  if (e) return e.includes(String(value)) ? [] : [t(`请选择「${name}」`, `Choose ${name}`)];
  if (inner.type === 'integer' || inner.type === 'number') {
    const n = value as number;
    const ok =
      typeof n === 'number' &&
      (inner.type === 'number' || Number.isInteger(n)) &&
      (inner.minimum == null || n >= inner.minimum) &&
      (inner.maximum == null || n <= inner.maximum);
    const kind = inner.type === 'integer' ? t('整数', 'a whole number') : t('数值', 'a number');
    return ok
      ? []
      : [t(`「${name}」须为${bounds(inner, t)}之间的${kind}`, `${name} must be ${kind}, ${bounds(inner, t)}`)];
  }
  if (inner.type === 'boolean') return typeof value === 'boolean' ? [] : [t(`请选择「${name}」`, `Choose ${name}`)];
  if (inner.type === 'object') {
    const v = value as Record<string, unknown>;
    const out: string[] = [];
    for (const [p, ps] of Object.entries(inner.properties ?? {})) {
      const pName = fieldName(p, labels, t);
      if (v[p] === undefined) {
        if (inner.required?.includes(p)) out.push(t(`请填写「${pName}」`, `Enter ${pName}`));
      } else out.push(...validateValue(ps, v[p], pName, labels, t));
    }
    return out;
  }
  return [];
}

function fieldName(p: string, labels: SchemaLabels, t: T): string {
  const l = labels.fieldLabels[p];
  return l ? t(l.zh, l.en) : p;
}

/** A value as a line of text: enums by their label, null by what it means in the set. */
export function formatValue(s: JsonSchema, value: unknown, labels: SchemaLabels, t: T, prop?: string): string {
  const { inner } = unwrapNull(s);
  if (value === null || value === undefined)
    return labels.nullLabel && !prop ? t(labels.nullLabel.zh, labels.nullLabel.en) : '—';
  if (enumValues(inner)) {
    const l = prop ? labels.enumLabels[prop]?.[String(value)] : undefined;
    return l ? t(l.zh, l.en) : String(value);
  }
  if (typeof value === 'boolean') return value ? t('是', 'Yes') : t('否', 'No');
  if (inner.type === 'object' && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    return Object.entries(inner.properties ?? {})
      .filter(([p]) => v[p] !== undefined && v[p] !== null && v[p] !== false)
      .map(([p, ps]) => `${fieldName(p, labels, t)}：${formatValue(ps, v[p], labels, t, p)}`)
      .join('；');
  }
  return String(value);
}

interface InputProps {
  schema: JsonSchema;
  value: unknown;
  onChange: (v: unknown) => void;
  labels: SchemaLabels;
  t: T;
  /** The property this input edits (labels of enums), absent at the top. */
  prop?: string;
  id: string;
  label: string;
  /** The value to start from when a null value is switched on. */
  fallback?: unknown;
}

/** The input of one value, built from its schema. */
export function SchemaInput({ schema, value, onChange, labels, t, prop, id, label, fallback }: InputProps) {
  const { inner, nullable } = unwrapNull(schema);
  if (nullable && !prop && labels.nullLabel) {
    const on = value !== null && value !== undefined;
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        <Radio.Group
          optionType="button"
          value={on}
          onChange={(e) => onChange(e.target.value ? (fallback ?? emptyValue(inner)) : null)}
          options={[
            { value: true, label: t('作要求', 'Set') },
            { value: false, label: t(labels.nullLabel.zh, labels.nullLabel.en) },
          ]}
          data-testid="rule-null-switch"
        />
        {on ? <SchemaInput {...{ schema: inner, value, onChange, labels, t, id, label }} /> : null}
      </Space>
    );
  }
  const e = enumValues(inner);
  if (e)
    return (
      <Select
        id={id}
        aria-label={label}
        value={value as string}
        onChange={onChange}
        style={{ width: 160 }}
        options={e.map((v) => {
          const l = prop ? labels.enumLabels[prop]?.[v] : undefined;
          return { value: v, label: l ? t(l.zh, l.en) : v };
        })}
      />
    );
  if (inner.type === 'integer' || inner.type === 'number')
    return (
      <InputNumber
        id={id}
        aria-label={label}
        min={inner.minimum}
        max={inner.maximum}
        precision={inner.type === 'integer' ? 0 : undefined}
        value={value as number | null}
        onChange={(v) => onChange(v == null ? (nullable ? null : undefined) : Number(v))}
        style={{ width: 160 }}
        data-testid="rule-value"
      />
    );
  if (inner.type === 'boolean')
    return <Switch id={id} aria-label={label} checked={value === true} onChange={(v) => onChange(v)} />;
  if (inner.type === 'object') {
    const v = (value ?? {}) as Record<string, unknown>;
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        {Object.entries(inner.properties ?? {}).map(([p, ps]) => {
          const name = fieldName(p, labels, t);
          const optional = !inner.required?.includes(p);
          return (
            <div key={p}>
              <label htmlFor={`${id}-${p}`} style={{ display: 'block', marginBottom: 4 }}>
                {name}
                {optional ? <span className="dj-muted">{t('（可空）', ' (optional)')}</span> : null}
              </label>
              <SchemaInput
                {...{ schema: ps, value: v[p], labels, t, prop: p, id: `${id}-${p}`, label: name }}
                onChange={(x) => {
                  const next = { ...v };
                  if (x === undefined || (optional && (x === null || x === false))) delete next[p];
                  else next[p] = x;
                  onChange(next);
                }}
              />
            </div>
          );
        })}
      </Space>
    );
  }
  return null;
}
