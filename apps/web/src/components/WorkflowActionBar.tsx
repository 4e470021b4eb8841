/**
 * WorkflowActionBar: the moves the user may make on a record, and nothing else. Takes the record's `actions` (the
 * names of the moves the server allows this user now, in a detail answer) and the flow's moves (labels, required
 * fields: the contracts' FlowSpec `actions` fit); a move asks for its required fields and an optional note in a
 * dialog, runs, and a refused move shows the server's error (on the field it concerns, or above the form).
 *
 *   <WorkflowActionBar
 *     actions={r.actions}
 *     moves={REQUEST_FLOW.actions}
 *     fields={{ ownerId: { label: { zh: '责任人', en: 'Owner' }, render: () => <MemberPicker /> } }}
 *     run={(move, input) => api.post(`/api/requests/${r.id}/${move}`, input)}
 *     onDone={() => qc.invalidateQueries({ queryKey: ['request', r.id] })}
 *   />
 */
import { type ReactNode, useState } from 'react';
import { ErrorAlert } from './form/ErrorAlert';
import { Alert, Button, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import type { Labelled } from '@dangjian/contracts';
import { useLocale, useT } from '../app/i18n';
import { showFieldError } from './formErrors';
import { Field } from './form/Field';

/** What the bar needs of a move. */
export interface WorkflowMove {
  label: Labelled;
  /** Fields of the move's input that must not be blank. */
  required?: readonly string[];
}

/** How the dialog asks for a field of a move. */
export interface WorkflowField {
  label: Labelled;
  input?: 'text' | 'textarea' | 'number' | 'select';
  options?: { value: string; label: string }[];
  /** A custom input (a picker); it receives value/onChange from the form. */
  render?: () => ReactNode;
}

/** The configuration of the action bar. */
export interface WorkflowActionBarProps {
  /** The moves the server allows this user now; none shown while undefined. */
  actions: readonly string[] | undefined;
  /** The flow's moves: labels and required fields, in the order the buttons show. */
  moves: Record<string, WorkflowMove>;
  /** How to ask each field a move requires (a text box when not given). */
  fields?: Record<string, WorkflowField>;
  /** Whether a move may carry a note (`note` in its input): optional (default) or not asked. */
  note?: 'optional' | 'none';
  /** Moves the page offers elsewhere (not shown here). */
  skip?: readonly string[];
  primary?: readonly string[];
  danger?: readonly string[];
  /** Error codes → the move's field they concern. */
  fieldOfCode?: Record<string, string>;
  /** Makes the move; throws the server's refusal. */
  run: (move: string, input: Record<string, unknown>) => Promise<unknown>;
  onDone?: (move: string, result: unknown) => void;
}

/** The moves the bar offers: allowed by the server, known to the flow, not shown elsewhere, in the flow's order. */
export function offeredMoves(
  actions: readonly string[] | undefined,
  moves: Record<string, WorkflowMove>,
  skip: readonly string[] = [],
): string[] {
  if (!actions) return [];
  return Object.keys(moves).filter((m) => actions.includes(m) && !skip.includes(m));
}

/** The input of a move without the fields left blank (an optional note not written). */
export function withoutBlanks(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).filter(([, v]) => v !== undefined && v !== null && !(typeof v === 'string' && !v.trim())),
  );
}

/** The action bar of a record: see the usage at the top of this file. */
export function WorkflowActionBar(props: WorkflowActionBarProps) {
  const t = useT();
  const { locale } = useLocale();
  const [form] = Form.useForm();
  const [open, setOpen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const words = (l: Labelled) => (locale === 'en' ? l.en : l.zh);
  const offered = offeredMoves(props.actions, props.moves, props.skip);
  if (!offered.length) return null;
  const askNote = (props.note ?? 'optional') === 'optional';
  const needs = (m: string) => props.moves[m]?.required ?? [];

  async function make(move: string, input: Record<string, unknown>) {
    setBusy(true);
    setError(null);
    try {
      const result = await props.run(move, input);
      setOpen(null);
      props.onDone?.(move, result);
    } catch (e) {
      if (!(open && showFieldError(form, e, props.fieldOfCode))) setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  function start(move: string) {
    setError(null);
    if (!askNote && !needs(move).length) return void make(move, {});
    form.resetFields();
    setOpen(move);
  }

  function field(name: string, required: boolean) {
    const f = props.fields?.[name];
    const label = f ? words(f.label) : name === 'note' ? t('说明', 'Note') : name;
    const control = f?.render ? (
      f.render()
    ) : f?.input === 'number' ? (
      <InputNumber style={{ width: '100%' }} />
    ) : f?.input === 'select' ? (
      <Select options={f.options} />
    ) : f?.input === 'text' ? (
      <Input />
    ) : (
      <Input.TextArea rows={3} maxLength={2000} />
    );
    return (
      // A Field: a text's limit is counted and said in words, never cut.
      <Field
        key={name}
        name={name}
        label={label}
        required={required ? t(`请填写${label}`, `Enter ${label}`) : undefined}
        whitespace={required}
      >
        {control}
      </Field>
    );
  }

  return (
    <div data-testid="workflow-actions">
      <Space wrap>
        {offered.map((m) => (
          <Button
            key={m}
            type={props.primary?.includes(m) ? 'primary' : 'default'}
            danger={props.danger?.includes(m)}
            loading={busy && !open}
            onClick={() => start(m)}
            data-testid={`move-${m}`}
          >
            {words(props.moves[m].label)}
          </Button>
        ))}
      </Space>
      {error && !open ? (
        <Alert type="error" showIcon role="alert" title={error} style={{ marginTop: 12 }} data-testid="move-error" />
      ) : null}
      {open ? (
        <Modal
          open
          title={words(props.moves[open].label)}
          okText={t('确定', 'OK')}
          cancelText={t('取消', 'Cancel')}
          confirmLoading={busy}
          onCancel={() => setOpen(null)}
          onOk={() =>
            form.validateFields().then(
              (v: Record<string, unknown>) => make(open, withoutBlanks(v)),
              () => undefined, // the fields show what is missing
            )
          }
          destroyOnHidden
        >
          <ErrorAlert error={error} testId="move-error" />
          <Form form={form} layout="vertical" preserve={false}>
            {needs(open)
              .filter((n) => n !== 'note')
              .map((n) => field(n, true))}
            {askNote || needs(open).includes('note') ? field('note', needs(open).includes('note')) : null}
          </Form>
        </Modal>
      ) : null}
    </div>
  );
}
