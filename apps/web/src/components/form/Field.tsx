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
 * With `max`, a text box shows its count against the limit as you type and is never cut: a longer text (pasted)
 * stays whole, marked, with an error that names the field in words ("标题最多60个字，已输入70个"). A text box's
 * own `maxLength` is taken as the field's `max` (so it cannot cut). A field without a label (a table cell) names
 * itself by `what`.
 */
import { cloneElement, isValidElement, type ReactElement, type ReactNode } from 'react';
import { Col, type ColProps, Form, type FormItemProps, Input } from 'antd';
import { useT } from '../../app/i18n';

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
  /** The longest text allowed: counted as you type, never cut. */
  max?: number;
  /** The field's name in words for its messages when it has no text label (a table cell). */
  what?: string;
  children?: ReactNode;
}

/** The length of a text as the server counts it (characters, not UTF-16 units). */
export function textLength(v: string): number {
  return [...v].length;
}

/** The text boxes that show a count against `max` (other controls only get the rule). */
const COUNTED = new Set<unknown>([Input, Input.TextArea, Input.Password]);

/** A Form.Item with its required and max rules as props, in a grid cell when `col` is given. */
export function Field({ col, required, whitespace, max: given, what, rules, children, ...item }: FieldProps) {
  const t = useT();
  // A text box's own maxLength would cut what is pasted: it becomes the field's counted limit instead.
  const counted = isValidElement(children) && COUNTED.has(children.type);
  const own = counted ? (children.props as { maxLength?: unknown }).maxLength : undefined;
  const max = given ?? (typeof own === 'number' ? own : undefined);
  const words = what ?? (typeof item.label === 'string' ? item.label : undefined);
  const all: FormItemProps['rules'] = [
    ...(required ? [{ required: true, ...(whitespace ? { whitespace } : {}), ...messageOf(required) }] : []),
    ...(max ? [maxRule(t, max, words)] : []),
    ...(rules ?? []),
  ];
  const control =
    max && counted
      ? cloneElement(children as ReactElement<Record<string, unknown>>, {
          maxLength: undefined,
          // A cell without a label (a table's) is narrow: its count shows once the text nears the limit.
          count: { show: item.label === undefined && what ? nearLimit(max) : true, max, strategy: textLength },
        })
      : children;
  const field = (
    <Form.Item {...item} rules={all.length ? all : undefined}>
      {control}
    </Form.Item>
  );
  if (!col) return field;
  return <Col {...(typeof col === 'string' ? CELLS[col] : col)}>{field}</Col>;
}

/** The count shown from four fifths of the limit on (nothing before). */
function nearLimit(max: number) {
  return ({ count }: { count: number }) => (count >= Math.floor(max * 0.8) ? `${count} / ${max}` : null);
}

/** The rule of a text's limit, said with the field's name and how long the text is. */
function maxRule(t: (zh: string, en: string) => string, max: number, words: string | undefined) {
  return {
    validator: (_: unknown, v: unknown) => {
      const n = typeof v === 'string' ? textLength(v) : 0;
      if (n <= max) return Promise.resolve();
      const zh = `${words ?? ''}最多${max}个字，已输入${n}个`;
      const en = `${words ? `${words}: at most` : 'At most'} ${max} characters; ${n} typed`;
      return Promise.reject(new Error(t(zh, en)));
    },
  };
}

function messageOf(required: true | string): { message?: string } {
  return required === true ? {} : { message: required };
}

/** The note under a masked number on an edit form: the number now on file, left empty to keep. */
export function keepNote(t: (zh: string, en: string) => string, now: string | null | undefined): string | undefined {
  return now ? t(`当前：${now}；不修改请留空`, `Now: ${now}; leave empty to keep`) : undefined;
}
