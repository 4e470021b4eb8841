/** Small parts the phone pages share (member and resident): the error line, a note field and a titled list card. */
import type { ComponentProps, ReactNode } from 'react';

/** The error line above a phone form or list; nothing without an error. */
export function PhoneError({ error, testId }: { error: string | null | undefined; testId?: string }) {
  return error ? (
    <div className="m-alert error" role="alert" data-testid={testId}>
      {error}
    </div>
  ) : null;
}

/** A labelled text area of a phone form; `children` go below it (e.g. a hint). */
export function NoteField({
  id,
  label,
  rows,
  value,
  onChange,
  children,
}: {
  id: string;
  label: string;
  rows: number;
  value: string;
  onChange: (v: string) => void;
  children?: ReactNode;
}) {
  return (
    <div className="m-field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        className="m-input"
        rows={rows}
        maxLength={1000}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      {children}
    </div>
  );
}

/** A labelled one-line input of a phone form (class `m-input` unless `className` says otherwise). */
export function PhoneInput({
  id,
  label,
  value,
  onChange,
  className = 'm-input',
  ...input
}: { id: string; label: string; value: string; onChange: (v: string) => void } & Omit<
  ComponentProps<'input'>,
  'id' | 'value' | 'onChange'
>) {
  return (
    <div className="m-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} className={className} value={value} onChange={(e) => onChange(e.target.value)} {...input} />
    </div>
  );
}

/** A titled card holding a list: the error, a skeleton while loading, the empty line or the items. */
export function PhoneListCard({
  id,
  title,
  error,
  pending,
  empty,
  children,
}: {
  id: string;
  title: string;
  error: string | null;
  pending: boolean;
  /** The line when there is nothing; null while there are items. */
  empty: string | null;
  children: ReactNode;
}) {
  return (
    <section className="m-card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <PhoneError error={error} />
      {pending ? (
        <div className="m-skel" />
      ) : empty != null ? (
        <p className="m-empty">{empty}</p>
      ) : (
        <ul className="m-list">{children}</ul>
      )}
    </section>
  );
}

/** A labelled paragraph of a phone card (e.g. 完成情况：…); nothing without a text. */
export function NoteLine({ label, text }: { label: string; text: string | null | undefined }) {
  return text ? (
    <p className="r-text">
      {label}
      {text}
    </p>
  ) : null;
}

/** A tab icon of the phone app: one filled path in a 24×24 box (long paths may come in pieces). */
export function phoneIcon(...d: string[]) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" fill="currentColor">
      <path d={d.join('')} />
    </svg>
  );
}
