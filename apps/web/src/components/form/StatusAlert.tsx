/** A line above a form or a step: an error (announced at once) or a progress note (announced politely). */
import { Alert } from 'antd';

/** Props: the text (nothing shown without one), its kind, the space below it and the test id. */
export interface StatusAlertProps {
  text: string | null | undefined;
  kind?: 'error' | 'progress';
  gap?: number;
  testId?: string;
}

/** An error as `role="alert"`, a progress note as `role="status"`; nothing when `text` is empty. */
export function StatusAlert({ text, kind = 'error', gap = 12, testId }: StatusAlertProps) {
  if (!text) return null;
  const error = kind === 'error';
  return (
    <Alert
      type={error ? 'error' : 'info'}
      showIcon
      role={error ? 'alert' : 'status'}
      title={text}
      style={{ marginBottom: gap }}
      data-testid={testId}
    />
  );
}
