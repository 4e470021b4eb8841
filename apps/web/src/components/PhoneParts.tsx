/** Small parts the phone pages share (member and resident): the error line, a note field and a titled list card. */
import type { ComponentProps, ReactNode } from 'react';
import { useT } from '../app/i18n';

/** The error line above a phone form or list; nothing without an error. */
export function PhoneError({ error, testId }: { error: string | null | undefined; testId?: string }) {
  return error ? (
    <div className="m-alert error" role="alert" data-testid={testId}>
      {error}
    </div>
  ) : null;
}

/**
 * The count of a phone field against its limit, and the words when it is over ("标题最多60个字，已输入70个"):
 * the text is never cut, so a pasted one stays whole to be shortened.
 */
function LimitNote({ id, label, value, max }: { id: string; label: string; value: string; max: number }) {
  const t = useT();
  const n = [...value].length;
  const name = label.replace(/（[^）]*）|\([^)]*\)/g, '');
  return (
    <div id={`${id}-count`} className={n > max ? 'm-count over' : 'm-count'} aria-live="polite">
      {n > max ? (
        <span role="alert">
          {t(`${name}最多${max}个字，已输入${n}个`, `${name}: at most ${max} characters; ${n} typed`)}
        </span>
      ) : null}
      <span>
        {n} / {max}
      </span>
    </div>
  );
}

/** The attributes of a phone input with a limit: marked when over, described by its count. */
function limited(id: string, value: string, max: number | undefined) {
  return max ? { 'aria-invalid': [...value].length > max, 'aria-describedby': `${id}-count` } : {};
}

/** A labelled text area of a phone form (at most `max` characters, 1000 by default); `children` go below it. */
export function NoteField({
  id,
  label,
  rows,
  value,
  onChange,
  max = 1000,
  children,
}: {
  id: string;
  label: string;
  rows: number;
  value: string;
  onChange: (v: string) => void;
  max?: number;
  children?: ReactNode;
}) {
  return (
    <div className="m-field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        className="m-input"
        rows={rows}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        {...limited(id, value, max)}
      />
      <LimitNote id={id} label={label} value={value} max={max} />
      {children}
    </div>
  );
}

/**
 * A labelled one-line input of a phone form (class `m-input` unless `className` says otherwise); with `max`, its
 * count against the limit shows as you type and a longer text is kept whole and marked, never cut.
 */
export function PhoneInput({
  id,
  label,
  value,
  onChange,
  max,
  className = 'm-input',
  ...input
}: { id: string; label: string; value: string; onChange: (v: string) => void; max?: number } & Omit<
  ComponentProps<'input'>,
  'id' | 'value' | 'onChange' | 'max'
>) {
  return (
    <div className="m-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className={className}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        {...input}
        {...limited(id, value, max)}
      />
      {max ? <LimitNote id={id} label={label} value={value} max={max} /> : null}
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
