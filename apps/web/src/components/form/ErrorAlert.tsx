/** The error line above a form or a card (antd), announced to screen readers; nothing without an error. */
import { Alert } from 'antd';

/** The error above a form; `testId` names it for the tests. */
export function ErrorAlert({ error, testId }: { error: string | null | undefined; testId?: string }) {
  return error ? (
    <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} data-testid={testId} />
  ) : null;
}
