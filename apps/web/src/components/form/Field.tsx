/**
 * Field: a Form.Item with the rules every form writes by hand, declared as props, and optionally its grid cell.
 *
 *   <Row gutter={16}>
 *     <Field col="half" label={t('姓名', 'Name')} name="name" required={t('请输入姓名', 'Enter the name')} whitespace
 *       max={40}>
 *       <Input autoComplete="off" />
 *     </Field>
 *   </Row>
 *
 * The rules come in this order: required, max, then the `rules` given (the first that fails is the one shown).
 */
import type { ReactNode } from 'react';
import { Col, type ColProps, Form, type FormItemProps } from 'antd';

/** The grid cells of the forms: a whole line, a half, a third and a quarter (a half of a third on phones). */
const CELLS = {
  full: { xs: 24 },
  half: { xs: 24, md: 12 },
  third: { xs: 24, md: 8 },
  'third-pair': { xs: 12, md: 8 },
  quarter: { xs: 12, md: 6 },
} satisfies Record<string, ColProps>;

/** A field of a form: see the usage at the top of this file. */
export interface FieldProps extends Omit<FormItemProps, 'required'> {
  /** The grid cell the field sits in (inside a Row); none by default. */
  col?: keyof typeof CELLS | ColProps;
  /** Required: `true`, or the message shown when it is missing. */
  required?: true | string;
  /** With `required`: a text of only spaces is missing too. */
  whitespace?: boolean;
  /** The longest text allowed. */
  max?: number;
  children?: ReactNode;
}

/** A Form.Item with its required and max rules as props, in a grid cell when `col` is given. */
export function Field({ col, required, whitespace, max, rules, ...item }: FieldProps) {
  const all: FormItemProps['rules'] = [
    ...(required ? [{ required: true, ...(whitespace ? { whitespace } : {}), ...messageOf(required) }] : []),
    ...(max ? [{ max }] : []),
    ...(rules ?? []),
  ];
  const field = <Form.Item {...item} rules={all.length ? all : undefined} />;
  if (!col) return field;
  return <Col {...(typeof col === 'string' ? CELLS[col] : col)}>{field}</Col>;
}

function messageOf(required: true | string): { message?: string } {
  return required === true ? {} : { message: required };
}

/** The note under a masked number on an edit form: the number now on file, left empty to keep. */
export function keepNote(t: (zh: string, en: string) => string, now: string | null | undefined): string | undefined {
  return now ? t(`当前：${now}；不修改请留空`, `Now: ${now}; leave empty to keep`) : undefined;
}
