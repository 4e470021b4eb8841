/** A labelled text input of a phone page form (`m-field`), controlled by its page. */
import type { InputHTMLAttributes } from 'react';

/** The props of a phone input: its id (the label points at it), label, value and the input's own attributes. */
export interface PhoneInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
}

/** A labelled input of a phone form. */
export function PhoneInput({ id, label, value, onChange, ...input }: PhoneInputProps) {
  return (
    <div className="m-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} className="m-input" {...input} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}
